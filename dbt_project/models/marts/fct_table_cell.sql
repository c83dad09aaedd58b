{{ document_increment() }}

with cells as (
    select * from {{ ref('int_table_cells_current') }}
    where {{ changed_documents() }}
)

select
    {{ surrogate_key(['document_id', 'document_line', 'column_index', 'part']) }} as cell_id,
    {{ surrogate_key(['document_id', 'table_first_line']) }} as table_id,
    document_id,
    government_code,
    kind as document_kind,
    table_index,
    table_layout,
    table_title,
    unit,
    row_label,
    column_label,
    column_index,
    part,
    part_label,
    printed_value,
    value,
    marker,
    amount_krw,
    rate_pct,
    source_page,
    source_line,
    document_line,
    source_excerpt,
    parser_version
from cells

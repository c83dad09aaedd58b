{{ document_increment() }}

with staffing as (
    select * from {{ ref('int_staffing_resolved') }}
    where {{ changed_documents() }}
)

select
    {{ surrogate_key(['document_id', 'document_line', 'org_unit', 'grade']) }} as staffing_id,
    case when org_unit is not null then {{ surrogate_key(['government_code', 'org_unit']) }} end as department_id,
    government_code,
    org_unit,
    org_unit_printed,
    grade,
    grade_printed,
    authorized,
    current_count as current,
    as_of,
    statement,
    printed_value,
    unattributed,
    table_index,
    document_id,
    source_page,
    source_line,
    document_line,
    source_excerpt,
    parser_version
from staffing

{{ document_increment() }}

with settlement as (
    select * from {{ ref('int_settlement_resolved') }}
    where {{ changed_documents() }}
)

select
    {{ surrogate_key(['document_id', 'document_line', 'item', 'fiscal_year']) }} as settlement_id,
    government_code,
    fiscal_year,
    item,
    item_printed,
    amount_krw,
    printed_value,
    printed_unit,
    {{ fact_provenance_columns() }}
from settlement

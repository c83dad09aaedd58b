{{ document_increment() }}

with revenue as (
    select * from {{ ref('int_revenue_resolved') }}
    where {{ changed_documents() }}
)

select
    {{ surrogate_key(['document_id', 'document_line', 'column_index']) }} as revenue_id,
    government_code,
    revenue_item,
    revenue_item_printed,
    parent_item,
    item_level,
    item_from,
    measure,
    measure_printed,
    period_label,
    fiscal_year,
    value,
    unit,
    amount_krw,
    rate_pct,
    org_unit,
    printed_value,
    column_label,
    statement_form,
    {{ fact_provenance_columns() }}
from revenue

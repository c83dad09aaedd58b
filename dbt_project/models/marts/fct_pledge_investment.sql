{{ document_increment() }}

with investments as (
    select * from {{ ref('int_pledge_investments_resolved') }}
    where {{ changed_documents() }}
)

select
    {{ surrogate_key(['document_id', 'pledge_code', 'period_label', 'funding_source']) }} as pledge_investment_id,
    pledge_id,
    government_code,
    pledge_code,
    is_total_row,
    period_label,
    fiscal_year_from,
    fiscal_year_to,
    value,
    unit,
    amount_krw,
    is_non_budget,
    funding_source,
    printed_value,
    {{ fact_provenance_columns() }}
from investments

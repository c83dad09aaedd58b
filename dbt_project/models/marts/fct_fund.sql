{{ document_increment() }}

with funds as (
    select * from {{ ref('int_funds_resolved') }}
    where {{ changed_documents() }}
)

select
    -- a fund's row prints one amount per measure and year (2024년도말 조성액 beside 2025년도말 조성액)
    {{ surrogate_key(['document_id', 'document_line', 'fund', 'measure', 'fiscal_year']) }} as fund_id,
    government_code,
    fund,
    fund_printed,
    org_unit,
    measure,
    measure_printed,
    fiscal_year,
    amount_krw,
    printed_value,
    printed_unit,
    {{ fact_provenance_columns() }}
from funds

{{ document_increment() }}

with debt as (
    select * from {{ ref('int_debt_resolved') }}
    where {{ changed_documents() }}
)

select
    -- one statement per line, part, measure and year: a line of ratios over the years prints one per year
    {{ surrogate_key(['document_id', 'document_line', 'part', 'measure', 'fiscal_year']) }} as debt_id,
    government_code,
    fiscal_year,
    basis,
    measure,
    part,
    part_printed,
    debt_printed,
    amount_krw,
    rate_pct,
    printed_value,
    printed_unit,
    {{ fact_provenance_columns() }}
from debt

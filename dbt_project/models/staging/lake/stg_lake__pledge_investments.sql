{{ lake_increment('pledge_investments') }}

with source as (
    select * from {{ lake_source('pledge_investments') }}
    where parser_version = '{{ var("parser_version") }}'
)

select
    {{ provenance_columns() }},
    cast(table_index as integer) as table_index,
    pledge_code,
    cast(is_total_row as boolean) as is_total_row,
    period_label,
    cast(fiscal_year_from as integer) as fiscal_year_from,
    cast(fiscal_year_to as integer) as fiscal_year_to,
    printed_value,
    cast(value as decimal(38, 6)) as value,
    unit,
    cast(amount_krw as bigint) as amount_krw,
    cast(is_non_budget as boolean) as is_non_budget,
    funding_source
from source

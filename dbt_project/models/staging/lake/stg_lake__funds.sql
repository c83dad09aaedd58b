{{ lake_increment('funds') }}

with source as (
    select * from {{ lake_source('funds') }}
    where parser_version = '{{ var("parser_version") }}'
)

select
    {{ provenance_columns() }},
    cast(table_index as integer) as table_index,
    fund,
    fund_printed,
    org_unit,
    measure,
    measure_printed,
    cast(fiscal_year as integer) as fiscal_year,
    printed_value,
    printed_unit,
    cast(amount_krw as bigint) as amount_krw
from source

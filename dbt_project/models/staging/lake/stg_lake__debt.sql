{{ lake_increment('debt') }}

with source as (
    select * from {{ lake_source('debt') }}
    where parser_version = '{{ var("parser_version") }}'
)

select
    {{ provenance_columns() }},
    cast(table_index as integer) as table_index,
    debt_printed,
    part,
    part_printed,
    measure,
    cast(fiscal_year as integer) as fiscal_year,
    basis,
    printed_value,
    printed_unit,
    cast(amount_krw as bigint) as amount_krw,
    cast(rate_pct as decimal(18, 6)) as rate_pct
from source

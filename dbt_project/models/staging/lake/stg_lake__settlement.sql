{{ lake_increment('settlement') }}

with source as (
    select * from {{ lake_source('settlement') }}
    where parser_version = '{{ var("parser_version") }}'
)

select
    {{ provenance_columns() }},
    cast(table_index as integer) as table_index,
    cast(fiscal_year as integer) as fiscal_year,
    item,
    item_printed,
    printed_value,
    printed_unit,
    cast(amount_krw as bigint) as amount_krw
from source

{{ lake_increment('unclaimed_numbers') }}

with source as (
    select * from {{ lake_source('unclaimed_numbers') }}
    where parser_version = '{{ var("parser_version") }}'
)

select
    {{ provenance_columns() }},
    cast(token_start as integer) as token_start,
    token,
    reason
from source

with source as (
    select * from {{ source('lake', 'unclaimed_numbers') }}
    where parser_version = '{{ var("parser_version") }}'
)

select
    {{ provenance_columns() }},
    cast(token_start as integer) as token_start,
    token,
    reason
from source

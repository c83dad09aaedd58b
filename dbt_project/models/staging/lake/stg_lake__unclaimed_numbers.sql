with source as (
    select * from {{ source('lake', 'unclaimed_numbers') }}
    where parser_version = '{{ var("parser_version") }}'
)

select
    document_id,
    cast(source_line as integer) as source_line,
    source_excerpt,
    parser_version,
    cast(token_start as integer) as token_start,
    token,
    reason
from source

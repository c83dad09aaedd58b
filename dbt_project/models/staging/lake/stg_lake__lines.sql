with source as (
    select * from {{ source('lake', 'lines') }}
    where parser_version = '{{ var("parser_version") }}'
)

select
    document_id,
    cast(line_number as integer) as line_number,
    text
from source

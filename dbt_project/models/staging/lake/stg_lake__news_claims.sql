with source as (
    select * from {{ source('lake', 'news_claims') }}
    where parser_version = '{{ var("parser_version") }}'
)

select
    document_id,
    cast(source_line as integer) as source_line,
    source_excerpt,
    parser_version,
    claim,
    subject,
    cast(value as decimal(38, 6)) as value,
    unit,
    printed_value,
    sentence
from source

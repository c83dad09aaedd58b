with source as (
    select * from {{ source('lake', 'news_mentions') }}
    where parser_version = '{{ var("parser_version") }}'
)

select
    document_id,
    cast(source_line as integer) as source_line,
    source_excerpt,
    parser_version,
    name,
    mention_form
from source

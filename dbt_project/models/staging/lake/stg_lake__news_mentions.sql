with source as (
    select * from {{ source('lake', 'news_mentions') }}
    where parser_version = '{{ var("parser_version") }}'
)

select
    {{ provenance_columns() }},
    name,
    mention_form
from source

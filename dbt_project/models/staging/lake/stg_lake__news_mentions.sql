{{ lake_increment('news_mentions') }}

with source as (
    select * from {{ lake_source('news_mentions') }}
    where parser_version = '{{ var("parser_version") }}'
)

select
    {{ provenance_columns() }},
    name,
    mention_form
from source

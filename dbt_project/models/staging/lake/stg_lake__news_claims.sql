{{ lake_increment('news_claims') }}

with source as (
    select * from {{ lake_source('news_claims') }}
    where parser_version = '{{ var("parser_version") }}'
)

select
    {{ provenance_columns() }},
    claim,
    subject,
    cast(value as decimal(38, 6)) as value,
    unit,
    printed_value,
    sentence
from source

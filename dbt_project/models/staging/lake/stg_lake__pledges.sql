{{ lake_increment('pledges') }}

with source as (
    select * from {{ lake_source('pledges') }}
    where parser_version = '{{ var("parser_version") }}'
)

select
    {{ provenance_columns() }},
    pledge_code,
    cast(code_is_derived as boolean) as code_is_derived,
    title,
    strategy,
    department,
    parent_pledge_code,
    source_kind,
    goals,
    methods,
    period,
    funding
from source

{{ lake_increment('projects') }}

with source as (
    select * from {{ lake_source('projects') }}
    where parser_version = '{{ var("parser_version") }}'
)

select
    -- provenance
    {{ provenance_columns() }},
    cast(table_index as integer) as table_index,
    -- the project as listed
    org_unit,
    cast(seq as integer) as seq,
    project_name,
    status,
    cast(page as integer) as page,
    cast(plan_year as integer) as plan_year
from source

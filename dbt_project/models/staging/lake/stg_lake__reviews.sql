with source as (
    select * from {{ source('lake', 'reviews') }}
)

select
    cast(line as integer) as line,
    cast(government_code as varchar) as government_code,
    cast(pledge_code as varchar) as pledge_code,
    cast(org_unit as varchar) as org_unit,
    cast(project_name as varchar) as project_name,
    cast(plan_year as integer) as plan_year,
    cast(decision as varchar) as decision,
    cast(reviewer as varchar) as reviewer,
    cast(reason as varchar) as reason,
    cast(decided_on as date) as decided_on,
    cast(problem as varchar) as problem,
    cast(detail as varchar) as detail,
    cast(file_sha256 as varchar) as file_sha256
from source

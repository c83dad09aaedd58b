-- One row per major project of a government's plan year. A project listed twice (two filings of
-- the same plan) keeps its first listing.
with projects as (
    select * from {{ ref('int_projects_resolved') }}
),

ranked as (
    select
        *,
        row_number() over (
            partition by government_code, org_unit, project_name, plan_year
            order by document_id, source_line
        ) as rank_in_project
    from projects
)

select
    {{ surrogate_key(['government_code', 'org_unit', 'project_name', 'plan_year']) }} as project_id,
    {{ surrogate_key(['government_code', 'org_unit']) }} as department_id,
    government_code,
    org_unit,
    project_name,
    status,
    plan_year,
    seq,
    page,
    {{ fact_provenance_columns(table_index=false) }}
from ranked
where rank_in_project = 1

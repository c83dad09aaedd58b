-- Each reviewer's decision with the pledge and the project it names, resolved here once for the bridge and
-- for the test that warns about decisions naming nothing (pledge_id or project_id null: a typo,
-- or a filing no longer in the raw dir). Spaces in department and project names are ignored.
with overrides as (
    select * from {{ ref('pledge_link_overrides') }}
),

pledges as (
    select pledge_id, government_code, pledge_code from {{ ref('int_pledges_resolved') }}
),

projects as (
    select distinct government_code, org_unit, project_name, plan_year from {{ ref('int_projects_resolved') }}
)

select
    overrides.*,
    pledges.pledge_id,
    case when projects.project_name is not null then
        {{ surrogate_key(['projects.government_code', 'projects.org_unit', 'projects.project_name', 'projects.plan_year']) }}
    end as project_id
from overrides
left join pledges
    on pledges.government_code = overrides.government_code
    and pledges.pledge_code = overrides.pledge_code
left join projects
    on projects.government_code = overrides.government_code
    and replace(projects.org_unit, ' ', '') = replace(overrides.org_unit, ' ', '')
    and replace(projects.project_name, ' ', '') = replace(overrides.project_name, ' ', '')
    and projects.plan_year = overrides.plan_year

-- Each reviewer's decision with the pledge and the project it names, resolved here once for the bridge and
-- for the test that warns about decisions naming nothing (pledge_id or project_id null: a typo,
-- or a filing no longer in the raw dir). Spaces in department and project names are ignored.
--
-- Decisions come from the seed (shipped with the project) and from the raw dir's
-- pledge_link_overrides.csv (made by a deployment's reviewers); of two decisions on one pair the
-- later one counts, the raw dir's on the same day.
with decisions as (
    select *, 1 as precedence from {{ ref('pledge_link_overrides') }}
    union all by name
    select government_code, pledge_code, org_unit, project_name, plan_year, decision, reviewer, reason,
        decided_on, 0 as precedence
    from {{ ref('stg_lake__reviews') }}
    where problem is null
),

overrides as (
    select * exclude (precedence)
    from decisions
    qualify row_number() over (
        partition by government_code, pledge_code, replace(org_unit, ' ', ''), replace(project_name, ' ', ''), plan_year
        order by decided_on desc nulls last, precedence
    ) = 1
),

-- A decision names a pledge by government and code: the pledge of the current version of its list.
pledges as (
    select pledges.pledge_id, pledges.government_code, pledges.pledge_code
    from {{ ref('int_pledges_resolved') }} as pledges
    inner join {{ ref('int_documents_joined') }} as documents
        on documents.document_id = pledges.document_id and documents.is_current_version
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

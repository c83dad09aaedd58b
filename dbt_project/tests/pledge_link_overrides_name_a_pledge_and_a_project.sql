-- A reviewer's decision that names no published pledge or no published project does nothing: a
-- typo in a code or a name, or a filing no longer in the raw dir. Warned, not failed: the rest
-- of the refresh is still good, and the decision may wait for its filing.
{{ config(severity='warn') }}

select overrides.*
from {{ ref('pledge_link_overrides') }} as overrides
where not exists (
    select 1 from {{ ref('dim_pledge') }} as pledges
    where pledges.government_code = overrides.government_code
        and pledges.pledge_code = overrides.pledge_code
)
or not exists (
    select 1 from {{ ref('dim_project') }} as projects
    where projects.government_code = overrides.government_code
        and replace(projects.org_unit, ' ', '') = replace(overrides.org_unit, ' ', '')
        and replace(projects.project_name, ' ', '') = replace(overrides.project_name, ' ', '')
        and projects.plan_year = overrides.plan_year
)

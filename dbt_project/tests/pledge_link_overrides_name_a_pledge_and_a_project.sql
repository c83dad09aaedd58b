-- A reviewer's decision that names no current pledge or no current project does nothing: a typo
-- in a code or a name, or a filing no longer in the raw dir. Warned, not failed: the rest of the
-- refresh is still good, and the decision may wait for its filing.
{{ config(severity='warn', meta={'gate': 'recorded'}) }}

select *
from {{ ref('int_pledge_link_overrides_resolved') }}
where pledge_id is null or project_id is null

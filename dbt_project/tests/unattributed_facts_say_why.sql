-- A staffing or budget fact has its org unit, and a project budget its project, or says why it has
-- none: never both, never neither.
select 'fct_staffing' as fact_table, staffing_id as fact_id
from {{ ref('fct_staffing') }}
where (org_unit is null) = (unattributed is null)
union all
select 'fct_department_budget', department_budget_id
from {{ ref('fct_department_budget') }}
where (org_unit is null) = (unattributed is null)
union all
select 'fct_project_budget', project_budget_id
from {{ ref('fct_project_budget') }}
where (project_id is null) = (unattributed is null)

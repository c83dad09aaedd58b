-- Every field of a budget row is one of the vocabulary's: a row printing several as one amount
-- (사회복지·보건) joins them with a middle dot, so each part is checked.
with parts as (
    select department_budget_id, document_id, unnest(string_split(budget_field, '·')) as budget_field
    from {{ ref('fct_department_budget') }}
    where budget_field is not null
)

select parts.department_budget_id, parts.document_id, parts.budget_field
from parts
where parts.budget_field not in (select budget_field from {{ ref('budget_fields') }})

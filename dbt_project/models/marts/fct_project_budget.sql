{{ document_increment() }}

with budgets as (
    select * from {{ ref('int_project_budgets_resolved') }}
    where {{ changed_documents() }}
)

select
    {{ surrogate_key(['document_id', 'document_line', 'statement', 'period_label', 'funding_source', 'funding_group', 'item']) }} as project_budget_id,
    case when project_name is not null
        then {{ surrogate_key(['government_code', 'org_unit', 'project_name', 'plan_year']) }}
    end as project_id,
    government_code,
    org_unit,
    project_name,
    project_seq,
    plan_year,
    statement,
    item,
    funding_source,
    funding_group,
    funding_tier,
    lofin_label,
    period_label,
    fiscal_year,
    amount_krw,
    is_non_budget,
    printed_value,
    printed_unit,
    link_method,
    link_confirmed,
    unattributed,
    {{ fact_provenance_columns() }}
from budgets

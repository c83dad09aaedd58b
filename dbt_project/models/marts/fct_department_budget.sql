{{ document_increment() }}

with budgets as (
    select * from {{ ref('int_department_budgets_resolved') }}
    where {{ changed_documents() }}
)

select
    -- a row of 세출 by field prints two fields under one header (구분 | 예산액 | 구분 | 예산액): the
    -- field tells them apart; the other rows keep the key they always had
    case when budget_field is null
        then {{ surrogate_key(['document_id', 'document_line', 'fiscal_year', 'column_printed']) }}
        else {{ surrogate_key(['document_id', 'document_line', 'fiscal_year', 'column_printed', 'budget_field']) }}
    end as department_budget_id,
    case when org_unit is not null then {{ surrogate_key(['government_code', 'org_unit']) }} end as department_id,
    government_code,
    org_unit,
    org_unit_printed,
    category,
    category_printed,
    account,
    budget_field,
    fiscal_year,
    budget_basis,
    column_printed,
    amount_krw,
    printed_value,
    printed_unit,
    printed_change,
    printed_change_pct,
    unattributed,
    {{ fact_provenance_columns() }}
from budgets

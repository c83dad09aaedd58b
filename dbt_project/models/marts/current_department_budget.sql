-- One budget figure per government, org unit, category, fiscal year and account (a figure printed
-- without one is the unit's total, as 합계 is), chosen among the filings
-- that print it: the latest filing first (a later plan restating a past year), then the earliest
-- line within it. Every statement stays in fct_department_budget; one without a unit
-- (unattributed) is no unit's figure.
with budgets as (
    select * from ({{ current_versions('fct_department_budget') }})
    where org_unit is not null
),

documents as (
    select document_id, document_date from {{ ref('dim_document') }}
)

select
    budgets.*,
    count(*) over (partition by government_code, org_unit, category, fiscal_year, coalesce(account, 'total')) as statements
from budgets
left join documents using (document_id)
qualify row_number() over (
    partition by government_code, org_unit, category, fiscal_year, coalesce(account, 'total')
    order by documents.document_date desc nulls last, document_id, source_line
) = 1

-- Per government, org unit and fiscal year: the budget by category (from fct_department_budget) and
-- the staffing that stood at the end of that year's plan (current_staffing, total grade: the latest
-- as-of date on or before the year's end).
with budgets as (
    select * from ({{ current_versions('fct_department_budget') }})
    -- a unit's total over all its accounts, not one account's
    where org_unit is not null and coalesce(account, 'total') = 'total'
),

staffing as (
    select * from {{ ref('current_staffing') }}
    -- the unit's whole staff, not one group of it (연구직, 본청); no affiliated body's
    where grade = 'total' and staff_group is null and statement <> 'affiliated_body'
),

departments as (
    select * from {{ ref('dim_department') }}
),

budget_by_year as (
    select
        government_code,
        org_unit,
        fiscal_year,
        max(amount_krw) filter (where category = 'total') as budget_total_krw,
        max(amount_krw) filter (where category = '정책사업비') as budget_policy_krw,
        max(amount_krw) filter (where category = '행정운영경비') as budget_administration_krw,
        max(amount_krw) filter (where category = '재무활동비') as budget_financial_krw,
        string_agg(distinct budget_basis, ', ') as budget_basis
    from budgets
    group by all
),

years as (
    select government_code, org_unit, fiscal_year from budget_by_year
    union
    select government_code, org_unit, cast(year(as_of) as integer) from staffing where as_of is not null
)

select
    {{ surrogate_key(['years.government_code', 'years.org_unit', 'years.fiscal_year']) }} as overview_id,
    years.government_code,
    years.org_unit,
    departments.department_id,
    departments.parent_org_unit,
    departments.unit_level,
    years.fiscal_year,
    budget_by_year.budget_total_krw,
    budget_by_year.budget_policy_krw,
    budget_by_year.budget_administration_krw,
    budget_by_year.budget_financial_krw,
    budget_by_year.budget_basis,
    staffing.authorized as staff_authorized,
    staffing.current as staff_current,
    staffing.as_of as staff_as_of
from years
left join budget_by_year using (government_code, org_unit, fiscal_year)
left join departments using (government_code, org_unit)
left join staffing
    on staffing.government_code = years.government_code
    and staffing.org_unit = years.org_unit
    and staffing.as_of <= make_date(years.fiscal_year, 12, 31)
qualify row_number() over (
    partition by years.government_code, years.org_unit, years.fiscal_year
    order by staffing.as_of desc nulls last
) = 1

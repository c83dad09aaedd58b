-- Each budget fact that carries a printed 증감 or 증감률, beside the newest year's amount of its
-- row: the change is the newest amount's against this one (a row may print one against each of
-- two bases, ’24년 당초 대비 and ’24년 최종 대비). What the change rules compare.
with budgets as (
    select * from {{ ref('fct_department_budget') }}
),

budget_rows as (
    select
        document_id,
        document_line,
        org_unit,
        category,
        arg_max(amount_krw, fiscal_year) as amount_new,
        max(fiscal_year) as year_new
    from budgets
    group by document_id, document_line, org_unit, category
    having count(distinct fiscal_year) >= 2
),

compared as (
    select
        budgets.government_code,
        budgets.document_id,
        budgets.source_page,
        budgets.source_line,
        budgets.document_line,
        budgets.org_unit,
        budgets.category,
        budgets.account,
        budgets.printed_change,
        budgets.printed_change_pct,
        budgets.printed_unit,
        budget_rows.amount_new,
        budgets.amount_krw as amount_old,
        budget_rows.year_new,
        budgets.fiscal_year as year_old,
        budgets.budget_basis as basis_old,
        {{ printed_precision_krw("'1'", 'budgets.printed_unit') }} / 2.0 as half_step_krw
    from budgets
    inner join budget_rows
        on budgets.document_id = budget_rows.document_id
        and budgets.document_line = budget_rows.document_line
        and budgets.org_unit is not distinct from budget_rows.org_unit
        and budgets.category = budget_rows.category
    where budgets.fiscal_year < budget_rows.year_new
        and (budgets.printed_change is not null or budgets.printed_change_pct is not null)
)

select
    * exclude (half_step_krw),
    {{ printed_number('printed_change') }} * {{ printed_precision_krw("'1'", 'printed_unit') }} as change_krw,
    {{ printed_number('printed_change_pct') }} as change_pct,
    100.0 * (amount_new - amount_old) / nullif(amount_old, 0) as computed_pct,
    -- half the rate's last printed digit, and what the amounts' own rounding (each within half
    -- its printed step) can move the rate by
    0.5 * power(10, -coalesce(length(regexp_extract(printed_change_pct, '\.(\d+)', 1)), 0))
        + 100.0 * half_step_krw * (amount_old + amount_new) / nullif(amount_old * (amount_old - half_step_krw), 0)
        as pct_tolerance
from compared

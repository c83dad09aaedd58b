-- A budget row's two fiscal years with its printed 증감 and 증감률, read as numbers: what the
-- change rules compare.
with budgets as (
    select * from {{ ref('fct_department_budget') }}
),

budget_rows as (
    select
        government_code,
        document_id,
        source_page,
        source_line,
        document_line,
        org_unit,
        category,
        any_value(printed_change) as printed_change,
        any_value(printed_change_pct) as printed_change_pct,
        any_value(printed_unit) as printed_unit,
        arg_max(amount_krw, fiscal_year) as amount_new,
        arg_min(amount_krw, fiscal_year) as amount_old,
        max(fiscal_year) as year_new,
        min(fiscal_year) as year_old
    from budgets
    group by government_code, document_id, source_page, source_line, document_line, org_unit, category
    having count(distinct fiscal_year) = 2
)

select
    *,
    {{ printed_number('printed_change') }} * {{ printed_precision_krw("'1'", 'printed_unit') }} as change_krw,
    {{ printed_number('printed_change_pct') }} as change_pct,
    100.0 * (amount_new - amount_old) / nullif(amount_old, 0) as computed_pct,
    0.5 * power(10, -coalesce(length(regexp_extract(printed_change_pct, '\.(\d+)', 1)), 0)) as pct_tolerance
from budget_rows
where printed_change is not null

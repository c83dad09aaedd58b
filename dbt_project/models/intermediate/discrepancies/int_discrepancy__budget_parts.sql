-- A unit's budget categories against its printed 계.
with budgets as (
    select *, {{ printed_precision_krw('printed_value', 'printed_unit') }} as step_krw
    from {{ ref('fct_department_budget') }}
),

comparisons as (
    select
        'parts_vs_printed_total' as check_name,
        total.government_code,
        total.document_id,
        total.document_id as other_document_id,
        'fct_department_budget' as fact_table,
        total.org_unit || ' ' || total.fiscal_year || ' 예산' as subject,
        total.printed_value as printed,
        cast(sum(part.amount_krw) as varchar) || '원 (항목 합)' as expected,
        cast(abs(total.amount_krw - sum(part.amount_krw)) as double) as difference,
        (sum(part.step_krw) + total.step_krw) / 2 as tolerance,
        total.source_line,
        min(part.source_line) as other_line,
        total.org_unit || ' ' || total.fiscal_year || '년 예산 계(' || total.source_line || '행)가 항목의 합과 다름. '
            || 'The categories do not add up to the printed total.' as explanation
    from budgets as total
    inner join budgets as part
        on part.document_id = total.document_id and part.org_unit = total.org_unit
        and part.fiscal_year = total.fiscal_year and part.category <> 'total'
    where total.category = 'total'
    group by total.government_code, total.document_id, total.org_unit, total.fiscal_year, total.printed_value,
        total.amount_krw, total.step_krw, total.source_line
)

select
    {{ surrogate_key(['check_name', 'document_id', 'other_document_id', 'subject', 'source_line', 'other_line']) }} as discrepancy_id,
    *,
    difference is null or difference > tolerance as is_finding
from comparisons

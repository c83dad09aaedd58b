-- A unit's budget categories against its printed 계.
with budgets as (
    {{ with_printed_step('fct_department_budget', 'printed_unit') }}
),

comparisons as (
    select
        'parts_vs_printed_total' as check_name,
        total.government_code,
        total.document_id,
        total.document_id as other_document_id,
        'fct_department_budget' as fact_table,
        total.org_unit || ' ' || total.fiscal_year || ' 예산' as subject,
        {{ total_against_parts('total', 'part', '항목 합') }},
        total.org_unit || ' ' || total.fiscal_year || '년 예산 계(' || total.document_line || '행)가 항목의 합과 다름. '
            || 'The categories do not add up to the printed total.' as explanation
    from budgets as total
    inner join budgets as part
        on part.document_id = total.document_id and part.org_unit = total.org_unit
        and part.fiscal_year = total.fiscal_year and part.category <> 'total'
        and coalesce(part.account, 'total') = 'total'
    -- an account's own total (일반회계) is no sum of the unit's categories
    where total.category = 'total' and coalesce(total.account, 'total') = 'total'
    group by total.government_code, total.document_id, total.org_unit, total.fiscal_year, total.printed_value,
        total.amount_krw, total.step_krw, total.document_line
)

{{ comparisons_flagged(['check_name', 'document_id', 'other_document_id', 'subject', 'document_line', 'other_line']) }}

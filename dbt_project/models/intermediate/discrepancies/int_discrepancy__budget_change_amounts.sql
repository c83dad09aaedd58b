-- A budget row's printed 증감 against the difference of its two years' amounts.
with budget_changes as (
    select * from {{ ref('int_department_budget_changes') }}
),

comparisons as (
    select
        'printed_change_vs_amounts' as check_name,
        government_code,
        document_id,
        document_id as other_document_id,
        'fct_department_budget' as fact_table,
        coalesce(org_unit, account, '') || ' ' || category || ' 증감 (' || year_old || coalesce(' ' || basis_old, '') || ' 대비)' as subject,
        printed_change as printed,
        cast(amount_new - amount_old as varchar) || '원 (' || year_new || ' − ' || year_old || ')' as expected,
        abs(change_krw - (amount_new - amount_old)) as difference,
        {{ printed_precision_krw("'1'", 'printed_unit') }} as tolerance,
        document_line,
        document_line as other_line,
        coalesce(org_unit, account, '') || ' ' || category || '의 증감(' || printed_change || ', ' || document_line || '행)이 두 해 금액의 차와 다름. '
            || 'The printed change is not the difference of the two years.' as explanation
    from budget_changes
    where change_krw is not null
)

{{ comparisons_flagged(['check_name', 'document_id', 'other_document_id', 'subject', 'document_line', 'other_line']) }}

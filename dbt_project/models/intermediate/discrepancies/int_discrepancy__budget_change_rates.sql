-- A budget row's printed 증감률 against the rate its amounts give, one per year it is measured
-- against (sign errors named).
with budget_changes as (
    select * from {{ ref('int_department_budget_changes') }}
),

comparisons as (
    select
        'printed_rate_vs_amounts' as check_name,
        government_code,
        document_id,
        document_id as other_document_id,
        'fct_department_budget' as fact_table,
        coalesce(org_unit, account, '') || ' ' || category || ' 증감률 (' || year_old || coalesce(' ' || basis_old, '') || ' 대비)' as subject,
        printed_change_pct as printed,
        cast(round(computed_pct, 2) as varchar) || '% (계산)' as expected,
        abs(change_pct - computed_pct) as difference,
        pct_tolerance as tolerance,
        document_line,
        document_line as other_line,
        coalesce(org_unit, account, '') || ' ' || category || '의 증감률(' || printed_change_pct || ', ' || document_line || '행)이 계산값 '
            || round(computed_pct, 2) || '%와 다름'
            || case when sign(change_pct) <> sign(computed_pct) and abs(abs(change_pct) - abs(computed_pct)) <= pct_tolerance
                    then ' (부호 오류). The printed rate has the wrong sign.'
                    else '. The printed rate does not follow from the amounts.' end as explanation
    from budget_changes
    where computed_pct is not null
)

{{ comparisons_flagged(['check_name', 'document_id', 'other_document_id', 'subject', 'document_line', 'other_line']) }}

-- A pledge's children against the pledge, per period; a pledge's periods against its 총계;
-- the top-level pledges against the plan's 총 계 row.
with investments as (
    select *, {{ printed_precision_krw('printed_value', 'unit') }} as step_krw
    from {{ ref('fct_pledge_investment') }}
    where amount_krw is not null
),

comparisons as (
    select
        'children_vs_parent' as check_name,
        parent.government_code,
        parent.document_id,
        parent.document_id as other_document_id,
        'fct_pledge_investment' as fact_table,
        parent.pledge_code || ' ' || parent.period_label as subject,
        parent.printed_value as printed,
        cast(sum(child.amount_krw) as varchar) || '원 (하위 공약 합)' as expected,
        cast(abs(parent.amount_krw - sum(child.amount_krw)) as double) as difference,
        (sum(child.step_krw) + parent.step_krw) / 2 as tolerance,
        parent.source_line,
        min(child.source_line) as other_line,
        '공약 ' || parent.pledge_code || '의 ' || parent.period_label || ' 금액(' || parent.source_line
            || '행)이 하위 공약의 합과 다름. The sub-pledges do not add up to their pledge.' as explanation
    from investments as parent
    inner join investments as child
        on child.document_id = parent.document_id and child.period_label = parent.period_label
        and child.pledge_code like parent.pledge_code || '-%'
        and length(child.pledge_code) - length(replace(child.pledge_code, '-', ''))
            = length(parent.pledge_code) - length(replace(parent.pledge_code, '-', '')) + 1
    where not parent.is_total_row
    group by parent.government_code, parent.document_id, parent.pledge_code, parent.period_label,
        parent.printed_value, parent.amount_krw, parent.step_krw, parent.source_line
)

select
    {{ surrogate_key(['check_name', 'document_id', 'other_document_id', 'subject', 'source_line', 'other_line']) }} as discrepancy_id,
    *,
    difference is null or difference > tolerance as is_finding
from comparisons

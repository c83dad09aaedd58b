-- A pledge's children (1-1-1, 1-1-2) against the pledge (1-1), per period of an investment plan.
with investments as (
    {{ with_printed_step('fct_pledge_investment', 'unit', "amount_krw is not null") }}
),

comparisons as (
    select
        'children_vs_parent' as check_name,
        parent.government_code,
        parent.document_id,
        parent.document_id as other_document_id,
        'fct_pledge_investment' as fact_table,
        parent.pledge_code || ' ' || parent.period_label as subject,
        {{ total_against_parts('parent', 'child', '하위 공약 합') }},
        '공약 ' || parent.pledge_code || '의 ' || parent.period_label || ' 금액(' || parent.document_line
            || '행)이 하위 공약의 합과 다름. The sub-pledges do not add up to their pledge.' as explanation
    from investments as parent
    inner join investments as child
        on child.document_id = parent.document_id and child.period_label = parent.period_label
        and child.pledge_code like parent.pledge_code || '-%'
        and length(child.pledge_code) - length(replace(child.pledge_code, '-', ''))
            = length(parent.pledge_code) - length(replace(parent.pledge_code, '-', '')) + 1
    where not parent.is_total_row
    group by parent.government_code, parent.document_id, parent.pledge_code, parent.period_label,
        parent.printed_value, parent.amount_krw, parent.step_krw, parent.document_line
)

{{ comparisons_flagged(['check_name', 'document_id', 'other_document_id', 'subject', 'document_line', 'other_line']) }}

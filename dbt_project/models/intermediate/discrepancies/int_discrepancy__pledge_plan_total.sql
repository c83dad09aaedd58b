-- The top-level pledges of an investment plan against its 총 계 row, per period.
with investments as (
    {{ with_printed_step('fct_pledge_investment', 'unit', "amount_krw is not null") }}
),

comparisons as (
    select
        'top_level_vs_plan_total' as check_name,
        total.government_code,
        total.document_id,
        total.document_id as other_document_id,
        'fct_pledge_investment' as fact_table,
        '총 계 ' || total.period_label as subject,
        {{ total_against_parts('total', 'top', '최상위 공약 합') }},
        '총 계의 ' || total.period_label || ' 금액(' || total.document_line
            || '행)이 최상위 공약의 합과 다름. The pledges do not add up to the plan total.' as explanation
    from investments as total
    inner join investments as top
        on top.document_id = total.document_id and top.period_label = total.period_label
        and not top.is_total_row and top.pledge_code not like '%-%-%'
    where total.is_total_row
    group by total.government_code, total.document_id, total.period_label, total.printed_value, total.amount_krw,
        total.step_krw, total.document_line
)

{{ comparisons_flagged(['check_name', 'document_id', 'other_document_id', 'subject', 'document_line', 'other_line']) }}

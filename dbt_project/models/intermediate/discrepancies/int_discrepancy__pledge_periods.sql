-- A pledge's yearly amounts against its printed 총계 (and the 총 계 row's years against its own).
with investments as (
    {{ with_printed_step('fct_pledge_investment', 'unit', "amount_krw is not null") }}
),

comparisons as (
    select
        'periods_vs_total' as check_name,
        total.government_code,
        total.document_id,
        total.document_id as other_document_id,
        'fct_pledge_investment' as fact_table,
        coalesce(total.pledge_code, '총 계') || ' 기간 합' as subject,
        {{ total_against_parts('total', 'period', '연차별 합') }},
        coalesce('공약 ' || total.pledge_code, '총 계') || '의 총계(' || total.document_line
            || '행)가 연차별 금액의 합과 다름. The years do not add up to the printed total.' as explanation
    from investments as total
    inner join investments as period
        on period.document_id = total.document_id and period.pledge_code is not distinct from total.pledge_code
        and period.fiscal_year_from is not null
    where total.fiscal_year_from is null
    group by total.government_code, total.document_id, total.pledge_code, total.printed_value, total.amount_krw,
        total.step_krw, total.document_line
)

{{ comparisons_flagged(['check_name', 'document_id', 'other_document_id', 'subject', 'document_line', 'other_line']) }}

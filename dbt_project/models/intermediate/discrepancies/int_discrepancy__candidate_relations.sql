with finance as (
    select *, {{ printed_precision_krw('printed_value', 'printed_unit') }} as step_krw
    from {{ ref('fct_candidate_finance') }}
),

-- A candidate's relations against the printed 계 (a relation of named people counts by their sum).
relation_rows as (
    select * from finance
    where relation <> 'total' and (statement = 'derived_sum' or (person is null and not exists (
        select 1 from finance as named
        where named.document_id = finance.document_id and named.measure = finance.measure
            and named.relation = finance.relation and named.statement = 'derived_sum')))
),

comparisons as (
    select
        'relations_vs_total' as check_name,
        total.government_code,
        total.document_id,
        total.document_id as other_document_id,
        'fct_candidate_finance' as fact_table,
        total.measure || ' 계' as subject,
        total.printed_value as printed,
        cast(sum(part.amount_krw) as varchar) || '원 (관계별 합)' as expected,
        cast(abs(total.amount_krw - sum(part.amount_krw)) as double) as difference,
        (sum(part.step_krw) + total.step_krw) / 2 as tolerance,
        total.source_line,
        min(part.source_line) as other_line,
        total.measure || '의 계(' || total.source_line || '행)가 관계별 금액의 합과 다름. '
            || 'The relations do not add up to the printed total.' as explanation
    from finance as total
    inner join relation_rows as part
        on part.document_id = total.document_id and part.measure = total.measure
    where total.relation = 'total' and total.statement = 'printed'
    group by total.government_code, total.document_id, total.measure, total.printed_value, total.amount_krw,
        total.step_krw, total.source_line
)

select
    {{ surrogate_key(['check_name', 'document_id', 'other_document_id', 'subject', 'source_line', 'other_line']) }} as discrepancy_id,
    *,
    difference is null or difference > tolerance as is_finding
from comparisons

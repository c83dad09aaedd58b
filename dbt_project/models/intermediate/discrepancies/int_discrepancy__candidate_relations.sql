-- A candidate's relations against the printed 계 (a relation of named people counts by their sum).
with finance as (
    {{ with_printed_step('fct_candidate_finance', 'printed_unit') }}
),

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
        {{ total_against_parts('total', 'part', '관계별 합') }},
        total.measure || '의 계(' || total.document_line || '행)가 관계별 금액의 합과 다름. '
            || 'The relations do not add up to the printed total.' as explanation
    from finance as total
    inner join relation_rows as part
        on part.document_id = total.document_id and part.measure = total.measure
    where total.relation = 'total' and total.statement = 'printed'
    group by total.government_code, total.document_id, total.measure, total.printed_value, total.amount_krw,
        total.step_krw, total.document_line
)

{{ comparisons_flagged(['check_name', 'document_id', 'other_document_id', 'subject', 'document_line', 'other_line']) }}

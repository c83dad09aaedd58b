-- The same headcount printed by two statements of one filing (the bureau table and the unit's own
-- page). Two versions of a filing are not compared: a correction is not a contradiction.
with -- Every place a filing contradicts itself, as a finding for auditors (recorded, never blocking).
-- Each rule below compares a printed figure with what it should be (`expected`); sums are
-- compared within the rounding their printed precision allows: n addends printed to a step u may
-- differ by up to n·u/2, so rounding is not reported.
staffing as (
    select * from {{ ref('fct_staffing') }}
),

comparisons as (
    select
        'same_quantity_two_statements' as check_name,
        a.government_code,
        a.document_id,
        b.document_id as other_document_id,
        'fct_staffing' as fact_table,
        a.org_unit || ' ' || a.grade || ' 정원(현원)' as subject,
        a.authorized || ' (' || a.current || ')' as printed,
        b.authorized || ' (' || b.current || ')' as expected,
        cast(abs(a.authorized - b.authorized) + abs(a.current - b.current) as double) as difference,
        0.0 as tolerance,
        a.document_line,
        b.document_line as other_line,
        a.org_unit || '의 ' || a.grade || ' 인원이 ' || a.statement || '(' || a.document_line || '행)에는 '
            || a.authorized || '(' || a.current || '), ' || b.statement || '(' || b.document_line || '행)에는 '
            || b.authorized || '(' || b.current || ')로 다르게 적혀 있음. The same staffing is printed two ways.'
            as explanation
    from staffing as a
    inner join staffing as b
        on a.document_id = b.document_id and a.org_unit = b.org_unit and a.grade = b.grade
        and a.as_of is not distinct from b.as_of and a.statement < b.statement
    where a.authorized <> b.authorized or a.current <> b.current
)

{{ comparisons_flagged(['check_name', 'document_id', 'other_document_id', 'subject', 'document_line', 'other_line']) }}

-- The same headcount printed by two statements of one filing (the bureau table and the unit's own
-- page). Two versions of a filing are not compared: a correction is not a contradiction.
-- An organisation chart prints 정원 alone: its 현원 is compared with nothing.
with staffing as (
    select * from {{ ref('fct_staffing') }}
),

comparisons as (
    select
        'same_quantity_two_statements' as check_name,
        a.government_code,
        a.document_id,
        b.document_id as other_document_id,
        'fct_staffing' as fact_table,
        a.org_unit || ' ' || coalesce(a.staff_group || ' ', '') || a.grade || ' 정원(현원)' as subject,
        a.authorized || ' (' || coalesce(cast(a.current as varchar), '–') || ')' as printed,
        b.authorized || ' (' || coalesce(cast(b.current as varchar), '–') || ')' as expected,
        cast(abs(a.authorized - b.authorized) + coalesce(abs(a.current - b.current), 0) as double) as difference,
        0.0 as tolerance,
        a.document_line,
        b.document_line as other_line,
        a.org_unit || '의 ' || a.grade || ' 인원이 ' || a.statement || '(' || a.document_line || '행)에는 '
            || a.authorized || '(' || coalesce(cast(a.current as varchar), '–') || '), ' || b.statement || '('
            || b.document_line || '행)에는 ' || b.authorized || '(' || coalesce(cast(b.current as varchar), '–')
            || ')로 다르게 적혀 있음. The same staffing is printed two ways.'
            as explanation
    from staffing as a
    inner join staffing as b
        on a.document_id = b.document_id and a.org_unit = b.org_unit and a.grade = b.grade
        and a.staff_group is not distinct from b.staff_group
        and a.as_of is not distinct from b.as_of and a.statement < b.statement
    where a.authorized <> b.authorized or a.current <> b.current
)

{{ comparisons_flagged(['check_name', 'document_id', 'other_document_id', 'subject', 'document_line', 'other_line']) }}

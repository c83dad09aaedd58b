-- One team named two ways: on the cover only and in the unit table only, under one department
-- (of one government, so the cover and the table may be in two filings: both are named).
with departments as (
    select * from {{ ref('dim_department') }}
),

comparisons as (
    select
        'name_spelled_two_ways' as check_name,
        cover.government_code,
        cover.first_document_id as document_id,
        listed.first_document_id as other_document_id,
        'dim_department' as fact_table,
        cover.parent_org_unit || ' ' || cover.org_unit as subject,
        cover.org_unit as printed,
        listed.org_unit as expected,
        cast(null as double) as difference,
        cast(null as double) as tolerance,
        cover.first_document_line as document_line,
        listed.first_document_line as other_line,
        cover.parent_org_unit || '의 팀 이름이 표지(' || cover.first_document_line || '행)에는 ' || cover.org_unit
            || ', 조직현황(' || listed.first_document_line || '행)에는 ' || listed.org_unit
            || '(으)로 다름. One unit is spelled two ways.' as explanation
    from departments as cover
    inner join departments as listed
        on listed.government_code = cover.government_code and listed.parent_org_unit = cover.parent_org_unit
        and listed.org_unit <> cover.org_unit
    where cover.listed_in = 'cover' and listed.listed_in = 'unit_table'
        and jaro_winkler_similarity(cover.org_unit, listed.org_unit) >= 0.9
)

{{ comparisons_flagged(['check_name', 'document_id', 'other_document_id', 'subject', 'document_line', 'other_line']) }}

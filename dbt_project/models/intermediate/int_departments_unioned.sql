-- Every org unit a current filing names: on a section cover or in a table of units (with its
-- parent and level), or as a row of a staffing or budget table. One row per government and unit,
-- with every kind of place that names it, so a unit only one place names (a team spelled one way
-- on the cover and another in the 조직현황 table) is easy to find.
with documents as (
    select * from {{ ref('int_documents_joined') }}
    where extract_status = 'ok' and government_code is not null
),

named_units as (
    select
        documents.government_code,
        org_units.org_unit,
        org_units.parent_org_unit,
        org_units.unit_level,
        org_units.listed_in,
        org_units.duties,
        org_units.document_id,
        org_units.source_page,
        org_units.source_line,
        org_units.document_line,
        case org_units.listed_in when 'cover' then 0 else 1 end as precedence
    from {{ ref('stg_lake__org_units') }} as org_units
    inner join documents on documents.document_id = org_units.document_id
),

-- Units named only as table rows: their level follows from the name's suffix.
fact_rows as (
    select government_code, org_unit, 'staffing' as listed_in, document_id, source_page, source_line, document_line,
        2 as precedence
    from {{ ref('int_staffing_resolved') }}
    -- an affiliated body (공사, 출연기관) is not one of the government's units
    where org_unit is not null and statement <> 'affiliated_body'
    union all
    select government_code, org_unit, 'budget' as listed_in, document_id, source_page, source_line, document_line,
        3 as precedence
    from {{ ref('int_department_budgets_resolved') }}
    where org_unit is not null
),

unioned as (
    select * from named_units
    union all
    select
        government_code,
        org_unit,
        cast(null as varchar) as parent_org_unit,
        case
            when org_unit similar to '.*(국|실|본부)' then 'bureau'
            when org_unit similar to '.*팀' then 'team'
            else 'department'
        end as unit_level,
        listed_in,
        cast(null as varchar) as duties,
        document_id,
        source_page,
        source_line,
        document_line,
        precedence
    from fact_rows
),

-- Grouped rather than windowed: a distinct aggregate over a window took seconds at 10,000 filings.
grouped as (
    select
        government_code,
        org_unit,
        arg_min(
            {'parent_org_unit': parent_org_unit, 'unit_level': unit_level, 'document_id': document_id,
             'source_page': source_page, 'source_line': source_line, 'document_line': document_line},
            (precedence, parent_org_unit is null, document_id, document_line)
        ) as first_place,
        string_agg(distinct listed_in, ',' order by listed_in) as listed_in_all,
        arg_min(duties, (document_id, document_line)) filter (where duties is not null) as first_duties
    from unioned
    group by government_code, org_unit
)

select
    government_code,
    org_unit,
    first_place.parent_org_unit,
    first_place.unit_level,
    listed_in_all as listed_in,
    first_duties as duties,
    first_place.document_id as first_document_id,
    first_place.source_page as first_source_page,
    first_place.source_line as first_source_line,
    first_place.document_line as first_document_line
from grouped

-- Every org unit a current filing names: on a section cover (with its parent and level) or
-- as a row of a staffing or budget table. One row per government and unit.
with documents as (
    select * from {{ ref('int_documents_joined') }}
    where extract_status = 'ok' and government_code is not null
),

covers as (
    select
        documents.government_code,
        org_units.org_unit,
        org_units.parent_org_unit,
        org_units.unit_level,
        org_units.document_id,
        org_units.source_line,
        0 as precedence
    from {{ ref('stg_lake__org_units') }} as org_units
    inner join documents on documents.document_id = org_units.document_id
),

-- Units named only as table rows: their level follows from the name's suffix.
fact_rows as (
    select government_code, org_unit, document_id, source_line, 1 as precedence
    from {{ ref('int_staffing_resolved') }}
    union all
    select government_code, org_unit, document_id, source_line, 2 as precedence
    from {{ ref('int_department_budgets_resolved') }}
),

unioned as (
    select * from covers
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
        document_id,
        source_line,
        precedence
    from fact_rows
),

ranked as (
    select
        *,
        row_number() over (
            partition by government_code, org_unit
            order by precedence, parent_org_unit is null, document_id, source_line
        ) as rank_in_unit
    from unioned
)

select
    government_code,
    org_unit,
    parent_org_unit,
    unit_level,
    document_id as first_document_id,
    source_line as first_source_line
from ranked
where rank_in_unit = 1

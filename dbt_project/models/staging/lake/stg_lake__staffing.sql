{{ lake_increment('staffing') }}

with source as (
    select * from {{ lake_source('staffing') }}
    where parser_version = '{{ var("parser_version") }}'
),

renamed as (
    select
        -- provenance
        {{ provenance_columns() }},
        cast(table_index as integer) as table_index,
        -- dimensions
        org_unit,
        org_unit_printed,
        statement,
        grade,
        grade_printed,
        staff_group,
        -- measures (정원 = authorized posts, 현원 = people in post)
        cast(authorized as bigint) as authorized,
        cast("current" as bigint) as current_count,
        printed_value,
        -- dates
        cast(as_of as date) as as_of,
        -- why org_unit is null
        unattributed
    from source
)

select * from renamed

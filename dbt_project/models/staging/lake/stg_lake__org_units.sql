{{ lake_increment('org_units') }}

with source as (
    select * from {{ lake_source('org_units') }}
    where parser_version = '{{ var("parser_version") }}'
),

renamed as (
    select
        -- provenance
        {{ provenance_columns() }},
        -- org unit
        org_unit,
        printed as org_unit_printed,
        unit_level,
        parent_org_unit,
        listed_in,
        duties
    from source
)

select * from renamed

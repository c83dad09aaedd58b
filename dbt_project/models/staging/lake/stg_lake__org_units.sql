with source as (
    select * from {{ source('lake', 'org_units') }}
    where parser_version = '{{ var("parser_version") }}'
),

renamed as (
    select
        -- provenance
        document_id,
        cast(source_line as integer) as source_line,
        source_excerpt,
        parser_version,
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

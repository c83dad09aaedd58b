with source as (
    select * from {{ source('lake', 'raw_files') }}
),

renamed as (
    select
        -- ids
        cast(document_id as varchar) as document_id,
        cast(file_path as varchar) as file_path,
        -- numerics
        cast(byte_size as bigint) as byte_size,
        cast(modified_ns as bigint) as modified_ns
    from source
)

select * from renamed

with source as (
    select * from {{ source('lake', 'filings') }}
    where parser_version = '{{ var("parser_version") }}'
),

renamed as (
    select
        -- ids
        document_id,
        parser_version,
        -- reading
        encoding,
        cast(byte_size as bigint) as byte_size,
        cast(line_count as integer) as line_count,
        read_status,
        reason as read_reason,
        detail as read_detail,
        -- timestamps
        read_at
    from source
)

select * from renamed

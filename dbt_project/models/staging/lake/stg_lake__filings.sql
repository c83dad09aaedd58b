{{ lake_increment('filings') }}

with source as (
    select * from {{ lake_source('filings') }}
    where parser_version = '{{ var("parser_version") }}'
),

renamed as (
    select
        -- ids
        document_id,
        parser_version,
        -- reading
        coalesce(format, 'text') as format,
        read_by,
        encoding,
        cast(byte_size as bigint) as byte_size,
        cast(coalesce(page_count, 1) as integer) as page_count,
        cast(line_count as integer) as line_count,
        read_status,
        reason as read_reason,
        detail as read_detail,
        -- timestamps
        read_at
    from source
)

select * from renamed

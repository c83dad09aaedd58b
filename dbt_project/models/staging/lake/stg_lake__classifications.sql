{{ lake_increment('classifications') }}

with source as (
    select * from {{ lake_source('classifications') }}
    where parser_version = '{{ var("parser_version") }}'
),

renamed as (
    select
        -- ids
        document_id,
        parser_version,
        government_code,
        -- classification
        coalesce(kind, 'unknown') as kind,
        kind_scores,
        cast(document_date as date) as document_date,
        document_date_precision,
        document_date_printed,
        title,
        extract_status,
        reason as extract_reason,
        detail as extract_detail,
        -- the accounting of printed numbers
        number_tokens,
        tokens_in_facts,
        tokens_in_cells,
        tokens_unclaimed,
        tokens_not_understood,
        tokens_unattributed
    from source
)

select * from renamed

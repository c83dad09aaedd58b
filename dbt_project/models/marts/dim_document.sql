with documents as (
    select * from {{ ref('int_documents_joined') }}
)

select
    document_id,
    file_path,
    file_paths,
    document_id as sha256,
    kind,
    government_code,
    government_from,
    published_on,
    source_url,
    document_date,
    document_date_precision,
    document_date_printed,
    title,
    filing_id,
    version_number,
    version_count,
    is_current_version,
    parser_version,
    format,
    read_by,
    encoding,
    byte_size,
    page_count,
    line_count,
    read_status,
    extract_status,
    is_kept_version,
    read_at as ingested_at
from documents

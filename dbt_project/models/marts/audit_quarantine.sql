-- Every path under the raw dir whose filing could not be read or whose extraction failed, with a
-- reason a person can act on. The other filings of the refresh are published regardless.
with raw_files as (
    select * from {{ ref('stg_lake__raw_files') }}
),

documents as (
    select * from {{ ref('int_documents_joined') }}
    where read_status = 'quarantined' or extract_status = 'failed'
)

select
    raw_files.file_path,
    documents.document_id as sha256,
    coalesce(documents.read_reason, documents.extract_reason) as reason,
    coalesce(documents.read_detail, documents.extract_detail) as detail,
    documents.read_at as first_seen
from documents
inner join raw_files on raw_files.document_id = documents.document_id

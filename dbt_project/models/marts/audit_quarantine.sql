-- Every path under the raw dir whose filing could not be read or whose extraction failed, with a
-- reason a person can act on and what to do about it. The other filings of the refresh are
-- published regardless, and so is the last good version of this path, if there was one.
with raw_files as (
    select * from {{ ref('stg_lake__raw_files') }}
),

documents as (
    select * from {{ ref('int_documents_joined') }}
    where read_status = 'quarantined' or extract_status = 'failed'
),

kept as (
    select * from {{ ref('stg_lake__kept_versions') }}
),

reasons as (
    select * from {{ ref('quarantine_reasons') }}
)

select
    raw_files.file_path,
    documents.document_id as sha256,
    coalesce(documents.read_reason, documents.extract_reason) as reason,
    coalesce(documents.read_detail, documents.extract_detail) as detail,
    reasons.suggested_fix,
    kept.document_id as kept_sha256,
    documents.read_at as first_seen
from documents
inner join raw_files on raw_files.document_id = documents.document_id
left join reasons on reasons.reason = coalesce(documents.read_reason, documents.extract_reason)
left join kept on kept.file_path = raw_files.file_path

-- Candidates of current, successfully extracted disclosures, with the government of the election
-- (the one the filing is classified under) and a key that names the candidate in that election.
with candidates as (
    select * from {{ ref('stg_lake__candidates') }}
),

documents as (
    select * from {{ ref('int_documents_joined') }}
    where extract_status = 'ok'
)

select
    {{ surrogate_key(['candidates.election', 'candidates.constituency', 'candidates.name']) }} as candidate_id,
    documents.government_code,
    candidates.*,
    row_number() over (partition by candidates.document_id order by candidates.source_line) as rank_in_document
from candidates
inner join documents on documents.document_id = candidates.document_id

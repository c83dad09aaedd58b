-- Pledges of current, successfully extracted filings with their government. A pledge is keyed by
-- its filing and code: a government's list and its investment plan number pledges differently,
-- and two candidates' derived codes (교통-01) must not meet. A leaflet's pledges belong to its
-- (first) candidate. A code printed twice in one filing is two rows here: dim_pledge's unique
-- test then holds the filing back with both lines named, instead of one pledge vanishing.
with pledges as (
    select * from {{ ref('stg_lake__pledges') }}
),

documents as (
    select * from {{ ref('int_documents_joined') }}
    where extract_status = 'ok'
),

candidates as (
    select document_id, candidate_id from {{ ref('int_candidates_resolved') }}
    where rank_in_document = 1
)

select
    {{ surrogate_key(['pledges.document_id', 'pledges.pledge_code']) }} as pledge_id,
    documents.government_code,
    candidates.candidate_id,
    pledges.*
from pledges
inner join documents on documents.document_id = pledges.document_id
left join candidates on candidates.document_id = pledges.document_id

-- Candidates' assets and taxes with the key of the candidate of the same disclosure.
with finance as (
    select * from {{ ref('stg_lake__candidate_finance') }}
),

candidates as (
    select document_id, name, candidate_id, government_code from {{ ref('int_candidates_resolved') }}
)

select
    candidates.candidate_id,
    candidates.government_code,
    finance.*
from finance
inner join candidates
    on candidates.document_id = finance.document_id
    and candidates.name is not distinct from finance.candidate_name

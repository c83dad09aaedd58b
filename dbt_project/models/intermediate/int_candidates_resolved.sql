-- Candidates of current, successfully extracted filings, with the government of the election
-- (the one the filing is classified under) and a key that names the candidate in that election.
-- A filing that does not print the election's date or office (a five-pledge sheet) takes them from
-- the filings that name the same candidate in the same constituency and do. A candidate whose
-- name the filing prints unreadably is told by the birth date instead. A constituency is compared
-- without its spaces: the disclosure prints 구로구 제1선거구 where the commission's list prints
-- 구로구제1선거구.
with candidates as (
    select
        *,
        coalesce(name, 'born ' || cast(birth_date as varchar)) as identity,
        replace(constituency, ' ', '') as constituency_key
    from {{ ref('stg_lake__candidates') }}
),

documents as (
    select * from {{ ref('int_documents_joined') }}
    where extract_status = 'ok'
),

dated as (
    select
        candidates.* replace (
            coalesce(
                candidates.election_date,
                max(candidates.election_date) over (partition by candidates.constituency_key, candidates.identity)
            ) as election_date,
            coalesce(
                candidates.election_type,
                max(candidates.election_type) over (partition by candidates.constituency_key, candidates.identity)
            ) as election_type
        ),
        documents.government_code
    from candidates
    inner join documents on documents.document_id = candidates.document_id
)

select
    {{ surrogate_key(['election_date', 'election_type', 'constituency_key', 'identity']) }} as candidate_id,
    * exclude (identity, constituency_key),
    row_number() over (partition by document_id order by source_line) as rank_in_document
from dated

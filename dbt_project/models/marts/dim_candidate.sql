with candidates as (
    select * from {{ ref('int_candidates_resolved') }}
)

select
    candidate_id,
    government_code,
    election,
    constituency,
    name,
    party,
    ballot_number,
    sex,
    birth_date,
    birth_date_printed,
    occupation,
    education,
    career,
    military_service,
    criminal_record,
    document_id,
    source_page,
    source_line,
    document_line,
    source_excerpt,
    parser_version
from candidates
qualify row_number() over (partition by candidate_id order by document_id, source_line) = 1

-- One row per candidate per election, whichever and however many filings name them: each
-- attribute from the first filing that prints it, the disclosure (the filing with a birth date)
-- before a five-pledge sheet.
with candidates as (
    select * from {{ ref('int_candidates_resolved') }}
),

ordered as (
    select
        *,
        row_number() over (
            partition by candidate_id order by birth_date is null, document_id, source_line
        ) as preference
    from candidates
)

select
    candidate_id,
    {% for column in ['government_code', 'election', 'election_date', 'election_type', 'constituency', 'name',
                      'party', 'ballot_number', 'sex', 'birth_date', 'birth_date_printed', 'occupation',
                      'education', 'career', 'military_service', 'criminal_record', 'criminal_record_count'] %}
    arg_min({{ column }}, preference) filter (where {{ column }} is not null) as {{ column }},
    {% endfor %}
    arg_min(document_id, preference) as document_id,
    arg_min(source_page, preference) as source_page,
    arg_min(source_line, preference) as source_line,
    arg_min(document_line, preference) as document_line,
    arg_min(source_excerpt, preference) as source_excerpt,
    arg_min(parser_version, preference) as parser_version,
    count(distinct document_id) as filings
from ordered
group by candidate_id

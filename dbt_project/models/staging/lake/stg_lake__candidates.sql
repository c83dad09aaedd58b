with source as (
    select * from {{ source('lake', 'candidates') }}
    where parser_version = '{{ var("parser_version") }}'
)

select
    document_id,
    cast(source_line as integer) as source_line,
    source_excerpt,
    parser_version,
    election,
    constituency,
    ballot_number,
    party,
    name,
    sex,
    cast(birth_date as date) as birth_date,
    birth_date_printed,
    occupation,
    education,
    career,
    military_service,
    criminal_record
from source

with source as (
    select * from {{ source('lake', 'candidates') }}
    where parser_version = '{{ var("parser_version") }}'
)

select
    {{ provenance_columns() }},
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

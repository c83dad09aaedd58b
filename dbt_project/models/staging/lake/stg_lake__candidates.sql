{{ lake_increment('candidates') }}

with source as (
    select * from {{ lake_source('candidates') }}
    where parser_version = '{{ var("parser_version") }}'
)

select
    {{ provenance_columns() }},
    election,
    cast(election_date as date) as election_date,
    election_type,
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
    criminal_record,
    criminal_record_count
from source

{{ lake_increment('candidate_finance') }}

with source as (
    select * from {{ lake_source('candidate_finance') }}
    where parser_version = '{{ var("parser_version") }}'
)

select
    {{ provenance_columns() }},
    cast(table_index as integer) as table_index,
    candidate_name,
    measure,
    relation,
    person,
    statement,
    printed_value,
    printed_unit,
    cast(amount_krw as bigint) as amount_krw
from source

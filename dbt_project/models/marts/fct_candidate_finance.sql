with finance as (
    select * from {{ ref('int_candidate_finance_resolved') }}
)

select
    {{ surrogate_key(['document_id', 'document_line', 'measure', 'relation', 'person', 'statement']) }} as candidate_finance_id,
    candidate_id,
    government_code,
    measure,
    relation,
    person,
    statement,
    amount_krw,
    printed_value,
    printed_unit,
    {{ fact_provenance_columns() }}
from finance

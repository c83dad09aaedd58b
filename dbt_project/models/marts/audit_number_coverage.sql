-- Per filing: how many of the numbers it prints the warehouse took, and how.
with documents as (
    select * from {{ ref('int_documents_joined') }}
    where extract_status = 'ok'
)

select
    document_id,
    file_path,
    kind as document_kind,
    government_code,
    number_tokens,
    tokens_in_facts,
    tokens_in_cells,
    tokens_unclaimed,
    tokens_not_understood,
    tokens_unattributed,
    round(100.0 * (tokens_in_facts + tokens_in_cells) / nullif(number_tokens, 0), 1) as claimed_pct,
    round(100.0 * tokens_not_understood / nullif(number_tokens, 0), 1) as not_understood_pct,
    round(100.0 * tokens_unattributed / nullif(number_tokens, 0), 1) as unattributed_pct,
    parser_version
from documents

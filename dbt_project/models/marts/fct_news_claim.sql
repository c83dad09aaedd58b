{{ document_increment() }}

with claims as (
    select * from {{ ref('int_news_claims_resolved') }}
    where {{ changed_documents() }}
)

select
    {{ surrogate_key(['document_id', 'document_line', 'claim', 'printed_value']) }} as news_claim_id,
    document_id,
    government_code,
    claim,
    subject,
    value,
    unit,
    printed_value,
    sentence,
    source_page,
    source_line,
    document_line,
    source_excerpt,
    parser_version
from claims

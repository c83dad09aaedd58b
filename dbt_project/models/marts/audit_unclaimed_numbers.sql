{{ document_increment() }}

with unclaimed as (
    select * from {{ ref('stg_lake__unclaimed_numbers') }}
    where {{ changed_documents() }}
),

documents as (
    select * from {{ ref('int_documents_joined') }}
    where extract_status = 'ok'
)

select
    {{ surrogate_key(['unclaimed.document_id', 'document_line', 'token_start']) }} as unclaimed_id,
    unclaimed.document_id,
    documents.government_code,
    documents.kind as document_kind,
    source_page,
    source_line,
    document_line,
    token_start,
    token,
    reason,
    source_excerpt,
    unclaimed.parser_version
from unclaimed
inner join documents on documents.document_id = unclaimed.document_id

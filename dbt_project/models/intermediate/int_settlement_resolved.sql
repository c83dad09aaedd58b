-- Settlement cells of current, successfully extracted documents, with the government resolved.
with settlement as (
    select * from {{ ref('stg_lake__settlement') }}
),

documents as (
    select * from {{ ref('int_documents_joined') }}
    where extract_status = 'ok'
)

select
    documents.government_code,
    settlement.*
from settlement
inner join documents on documents.document_id = settlement.document_id

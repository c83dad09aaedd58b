-- Fund statements of current, successfully extracted documents, with the government resolved.
with funds as (
    select * from {{ ref('stg_lake__funds') }}
),

documents as (
    select * from {{ ref('int_documents_joined') }}
    where extract_status = 'ok'
)

select
    documents.government_code,
    funds.*
from funds
inner join documents on documents.document_id = funds.document_id

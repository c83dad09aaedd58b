-- Debt statements of current, successfully extracted documents, with the government resolved.
with debt as (
    select * from {{ ref('stg_lake__debt') }}
),

documents as (
    select * from {{ ref('int_documents_joined') }}
    where extract_status = 'ok'
)

select
    documents.government_code,
    debt.*
from debt
inner join documents on documents.document_id = debt.document_id

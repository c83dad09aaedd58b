-- Project list rows of current, successfully extracted documents, with the government resolved.
with projects as (
    select * from {{ ref('stg_lake__projects') }}
),

documents as (
    select * from {{ ref('int_documents_joined') }}
    where extract_status = 'ok'
)

select
    documents.government_code,
    projects.*
from projects
inner join documents on documents.document_id = projects.document_id

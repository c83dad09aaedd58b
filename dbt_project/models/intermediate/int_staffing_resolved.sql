-- Staffing statements of current, successfully extracted documents, with the government
-- resolved from the document.
with staffing as (
    select * from {{ ref('stg_lake__staffing') }}
),

documents as (
    select * from {{ ref('int_documents_joined') }}
    where extract_status = 'ok'
)

select
    documents.government_code,
    staffing.*
from staffing
inner join documents on documents.document_id = staffing.document_id

-- Department budget statements of current, successfully extracted documents, with the
-- government resolved from the document.
with budgets as (
    select * from {{ ref('stg_lake__department_budgets') }}
),

documents as (
    select * from {{ ref('int_documents_joined') }}
    where extract_status = 'ok'
)

select
    documents.government_code,
    budgets.*
from budgets
inner join documents on documents.document_id = budgets.document_id

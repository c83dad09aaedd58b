-- Table cells of the documents currently under the raw dir, with the document's government.
with cells as (
    select * from {{ ref('stg_lake__table_cells') }}
),

documents as (
    select * from {{ ref('int_documents_joined') }}
    where extract_status = 'ok'
)

select
    documents.government_code,
    documents.kind,
    cells.*
from cells
inner join documents on documents.document_id = cells.document_id

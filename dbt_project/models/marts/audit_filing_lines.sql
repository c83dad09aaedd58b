-- The evidence store, published: any source_line of any fact can be shown from here.
with lines as (
    select * from {{ ref('stg_lake__lines') }}
),

documents as (
    select * from {{ ref('int_documents_joined') }}
    where read_status = 'ok'
)

select
    lines.document_id,
    lines.line_number,
    lines.text
from lines
inner join documents on documents.document_id = lines.document_id

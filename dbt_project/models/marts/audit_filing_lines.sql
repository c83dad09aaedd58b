{{ document_increment() }}

-- The evidence store, published: any (source_page, source_line) of any fact can be shown from here.
with lines as (
    select * from {{ ref('stg_lake__lines') }}
    where {{ changed_documents() }}
),

documents as (
    select * from {{ ref('int_documents_joined') }}
    where read_status = 'ok'
)

select
    lines.document_id,
    lines.page_number,
    lines.line_number,
    lines.document_line,
    lines.text,
    lines.line_role,
    lines.x0,
    lines.top,
    lines.x1,
    lines.bottom
from lines
inner join documents on documents.document_id = lines.document_id

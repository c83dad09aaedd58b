with source as (
    select * from {{ source('lake', 'held_back') }}
)

select
    cast(document_id as varchar) as document_id,
    cast(file_path as varchar) as file_path,
    cast(check_name as varchar) as check_name,
    cast(source_lines as varchar) as source_lines,
    cast(detail as varchar) as detail,
    cast(kept_document_id as varchar) as kept_document_id
from source

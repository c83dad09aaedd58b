with source as (
    select * from {{ source('lake', 'kept_versions') }}
)

select
    cast(file_path as varchar) as file_path,
    cast(document_id as varchar) as document_id,
    cast(replaced_document_id as varchar) as replaced_document_id,
    cast(replaced_reason as varchar) as replaced_reason
from source

with source as (
    select * from {{ source('lake', 'manifest') }}
)

select
    cast(line as integer) as line,
    cast(file_path as varchar) as file_path,
    cast(government_code as varchar) as government_code,
    cast(kind as varchar) as kind,
    cast(published_on as date) as published_on,
    cast(source_url as varchar) as source_url,
    cast(problem as varchar) as problem,
    cast(detail as varchar) as detail,
    cast(manifest_sha256 as varchar) as manifest_sha256
from source

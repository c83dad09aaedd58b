{{ lake_increment('lines') }}

with source as (
    select * from {{ lake_source('lines') }}
    where parser_version = '{{ var("parser_version") }}'
)

select
    document_id,
    cast(page_number as integer) as page_number,
    cast(line_number as integer) as line_number,
    cast(document_line as integer) as document_line,
    text,
    role as line_role,
    cast(x0 as double) as x0,
    cast(top as double) as top,
    cast(x1 as double) as x1,
    cast(bottom as double) as bottom,
    cast(stated_table as integer) as stated_table
from source

{{ lake_increment('table_checks') }}

with source as (
    select * from {{ lake_source('table_checks') }}
    where parser_version = '{{ var("parser_version") }}'
)

select
    {{ provenance_columns() }},
    rule,
    direction,
    cast(table_index as integer) as table_index,
    cast("column" as integer) as column_index,
    cast(part as integer) as part,
    total_label,
    printed_value,
    cast(printed as decimal(38, 6)) as printed,
    cast(expected as decimal(38, 6)) as expected,
    cast(addends as integer) as addends,
    cast(step as decimal(38, 6)) as step,
    cast(tolerance as decimal(38, 6)) as tolerance,
    addend_lines,
    addend_columns
from source

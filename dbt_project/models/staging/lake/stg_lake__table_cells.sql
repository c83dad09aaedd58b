{{ lake_increment('table_cells') }}

with source as (
    select * from {{ lake_source('table_cells') }}
    where parser_version = '{{ var("parser_version") }}'
),

renamed as (
    select
        -- provenance
        {{ provenance_columns() }},
        -- the table
        cast(table_index as integer) as table_index,
        cast(table_first_line as integer) as table_first_line,
        table_layout,
        table_title,
        -- the cell
        row_label,
        column_label,
        cast(column_index as integer) as column_index,
        cast(part as integer) as part,
        part_label,
        printed_value,
        -- measures
        cast(value as decimal(38, 6)) as value,
        marker,
        unit,
        cast(amount_krw as bigint) as amount_krw,
        cast(rate_pct as decimal(38, 6)) as rate_pct
    from source
)

select * from renamed

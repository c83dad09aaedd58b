{{ lake_increment('revenue') }}

with source as (
    select * from {{ lake_source('revenue') }}
    where parser_version = '{{ var("parser_version") }}'
)

select
    -- provenance
    {{ provenance_columns() }},
    cast(table_index as integer) as table_index,
    statement_form,
    -- what the cell is about
    revenue_item,
    revenue_item_printed,
    nullif(parent_item, '') as parent_item,
    item_from,
    measure,
    measure_printed,
    cast(column_index as integer) as column_index,
    column_label,
    period_label,
    cast(fiscal_year as integer) as fiscal_year,
    -- the number
    printed_value,
    cast(value as decimal(38, 6)) as value,
    unit,
    cast(amount_krw as bigint) as amount_krw,
    cast(rate_pct as decimal(18, 6)) as rate_pct,
    org_unit
from source

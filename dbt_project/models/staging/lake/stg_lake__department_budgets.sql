{{ lake_increment('department_budgets') }}

with source as (
    select * from {{ lake_source('department_budgets') }}
    where parser_version = '{{ var("parser_version") }}'
),

renamed as (
    select
        -- provenance
        {{ provenance_columns() }},
        cast(table_index as integer) as table_index,
        -- dimensions
        org_unit,
        org_unit_printed,
        category,
        category_printed,
        account,
        budget_field,
        cast(fiscal_year as integer) as fiscal_year,
        budget_basis,
        column_printed,
        -- measures
        printed_value,
        printed_unit,
        cast(amount_krw as bigint) as amount_krw,
        printed_change,
        printed_change_pct,
        -- why org_unit is null
        unattributed
    from source
)

select * from renamed

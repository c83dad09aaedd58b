{{ lake_increment('project_budgets') }}

with source as (
    select * from {{ lake_source('project_budgets') }}
    where parser_version = '{{ var("parser_version") }}'
)

select
    -- provenance
    {{ provenance_columns() }},
    cast(table_index as integer) as table_index,
    -- the project the statement belongs to
    org_unit,
    cast(project_seq as integer) as project_seq,
    project_name,
    cast(plan_year as integer) as plan_year,
    link_method,
    link_confirmed,
    -- the amount
    statement,
    item,
    funding_source,
    funding_group,
    period_label,
    cast(fiscal_year as integer) as fiscal_year,
    printed_value,
    printed_unit,
    cast(amount_krw as bigint) as amount_krw,
    is_non_budget,
    unattributed
from source

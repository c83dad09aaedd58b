with pledges as (
    select * from {{ ref('int_pledges_resolved') }}
)

select
    pledge_id,
    government_code,
    pledge_code,
    code_is_derived,
    title,
    strategy,
    department,
    parent_pledge_code,
    source_kind,
    goals,
    methods,
    period,
    funding,
    candidate_id,
    {{ fact_provenance_columns(table_index=false) }}
from pledges

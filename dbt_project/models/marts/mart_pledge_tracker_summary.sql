-- Per government: how many of its pledges have money behind them, how many are mentioned in
-- its other filings, how many have both and how many neither.
with tracker as (
    select * from {{ ref('mart_pledge_tracker') }}
),

governments as (
    select * from {{ ref('dim_government') }}
)

select
    tracker.government_code,
    governments.name_ko as government_name,
    count(*) as pledges,
    count(*) filter (where has_budget) as with_budget,
    count(*) filter (where has_mentions) as with_mentions,
    count(*) filter (where has_budget and has_mentions) as with_both,
    count(*) filter (where not has_budget and not has_mentions) as with_neither,
    count(*) filter (where linked_projects > 0) as with_linked_projects,
    sum(plan_year_budget_krw) as plan_year_budget_krw,
    sum(multi_year_budget_krw) as multi_year_budget_krw
from tracker
left join governments using (government_code)
group by all

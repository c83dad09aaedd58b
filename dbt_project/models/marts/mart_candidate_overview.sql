-- One row per candidate per election, comparable across a whole election: what they own, what
-- they paid and owe in taxes, their criminal record and what their five pledges cost.
with candidates as (
    select * from {{ ref('dim_candidate') }}
),

finance as (
    select * from {{ ref('fct_candidate_finance') }}
    -- a relation's named members are added up in its derived_sum row; the members themselves
    -- (person set) would count twice
    where person is null
),

totals as (
    select
        candidate_id,
        max(case when measure = 'assets' and relation = 'total' then amount_krw end) as assets_total_krw,
        sum(case when measure = 'assets' and relation <> 'total' then amount_krw end) as assets_relations_krw,
        max(case when measure = 'assets' and relation = '본인' then amount_krw end) as assets_candidate_krw,
        max(case when measure = 'assets' and relation = '배우자' then amount_krw end) as assets_spouse_krw,
        max(case when measure = 'assets' and relation = '직계존속' then amount_krw end) as assets_ascendants_krw,
        max(case when measure = 'assets' and relation = '직계비속' then amount_krw end) as assets_descendants_krw,
        max(case when measure = 'tax_paid_5y' and relation = 'total' then amount_krw end) as tax_paid_5y_krw,
        max(case when measure = 'tax_arrears_total' and relation = 'total' then amount_krw end) as tax_arrears_total_krw,
        max(case when measure = 'tax_arrears_current' and relation = 'total' then amount_krw end) as tax_arrears_krw
    from finance
    group by candidate_id
),

pledges as (
    select
        pledges.candidate_id,
        count(distinct pledges.pledge_id) as pledges,
        sum(investments.amount_krw) as pledges_cost_krw,
        count(investments.amount_krw) as pledges_costed
    from {{ ref('dim_pledge') }} as pledges
    left join {{ ref('fct_pledge_investment') }} as investments
        on investments.pledge_id = pledges.pledge_id
        and investments.funding_source is null
        and not investments.is_total_row
    where pledges.candidate_id is not null
    group by pledges.candidate_id
)

select
    candidates.candidate_id,
    candidates.election,
    candidates.election_date,
    candidates.election_type,
    candidates.constituency,
    candidates.government_code,
    candidates.name,
    candidates.party,
    candidates.ballot_number,
    coalesce(totals.assets_total_krw, totals.assets_relations_krw) as assets_total_krw,
    totals.assets_total_krw is null and totals.assets_relations_krw is not null as assets_total_is_derived,
    totals.assets_candidate_krw,
    totals.assets_spouse_krw,
    totals.assets_ascendants_krw,
    totals.assets_descendants_krw,
    totals.tax_paid_5y_krw,
    totals.tax_arrears_total_krw,
    totals.tax_arrears_krw,
    candidates.criminal_record_count,
    coalesce(pledges.pledges, 0) as pledges,
    pledges.pledges_cost_krw,
    coalesce(pledges.pledges_costed, 0) as pledges_costed,
    candidates.filings
from candidates
left join totals on totals.candidate_id = candidates.candidate_id
left join pledges on pledges.candidate_id = candidates.candidate_id

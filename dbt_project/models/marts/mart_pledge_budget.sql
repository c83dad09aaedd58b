-- Per pledge of an investment plan and per period of the plan: the amount, the pledge's printed
-- total over all periods (총계) beside it, and whether the pledge is 비예산. The plan's own 총 계 row
-- stays in fct_pledge_investment.
with investments as (
    {{ current_versions('fct_pledge_investment') }}
    and not is_total_row
),

pledges as (
    {{ current_versions('dim_pledge') }}
),

per_pledge as (
    select
        pledge_id,
        max(amount_krw) filter (where fiscal_year_from is null) as pledge_total_krw,
        bool_or(is_non_budget) as is_non_budget
    from investments
    group by pledge_id
)

select
    {{ surrogate_key(['investments.pledge_id', 'investments.period_label']) }} as pledge_budget_id,
    investments.pledge_id,
    pledges.government_code,
    pledges.pledge_code,
    pledges.parent_pledge_code,
    pledges.title,
    investments.period_label,
    investments.fiscal_year_from,
    investments.fiscal_year_to,
    investments.amount_krw,
    per_pledge.pledge_total_krw,
    per_pledge.is_non_budget,
    investments.document_id,
    investments.source_page,
    investments.source_line,
    investments.document_line
from investments
inner join pledges using (pledge_id)
inner join per_pledge using (pledge_id)
where investments.fiscal_year_from is not null

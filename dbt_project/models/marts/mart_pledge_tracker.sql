-- Per pledge: what stands behind it. The projects linked to it (bridge_pledge_project) with
-- their budget for the plan year and over the whole plan, the investment plan's amount where
-- the government published one, the lines of other filings that mention it, and the latest
-- piece of evidence of any of these.
with pledges as (
    {{ current_versions('dim_pledge') }}
),

links as (
    select * from {{ ref('bridge_pledge_project') }}
),

budgets as (
    {{ current_versions('fct_project_budget') }}
    and funding_tier = 'total'
),

mentions as (
    select * from {{ ref('fct_pledge_mention') }}
),

documents as (
    select * from {{ ref('dim_document') }}
),

investments as (
    select * from {{ ref('mart_pledge_budget') }}
),

-- A project's money, one figure per question: its table's plan-year column, else the headline
-- (2024년 소요예산), else the inline 소요예산; and the table's total over every year.
project_money as (
    select
        project_id,
        coalesce(
            max(amount_krw) filter (where statement = 'table' and fiscal_year = plan_year),
            max(amount_krw) filter (where statement = 'headline' and fiscal_year = plan_year),
            max(amount_krw) filter (where statement = 'inline')
        ) as plan_year_krw,
        max(amount_krw) filter (where statement = 'table' and fiscal_year is null) as multi_year_krw
    from budgets
    group by project_id
),

-- The projects of the latest plan year a pledge has links in.
linked as (
    select
        links.pledge_id,
        links.plan_year,
        links.org_unit,
        links.project_name,
        project_money.plan_year_krw,
        project_money.multi_year_krw,
        links.project_document_id,
        links.project_source_line,
        links.project_evidence
    from links
    left join project_money using (project_id)
    qualify links.plan_year = max(links.plan_year) over (partition by links.pledge_id)
),

per_pledge_projects as (
    select
        pledge_id,
        max(plan_year) as budget_plan_year,
        count(*) as linked_projects,
        string_agg(org_unit || ' ' || project_name, ' / ' order by org_unit, project_name) as linked_project_names,
        sum(plan_year_krw) as plan_year_budget_krw,
        sum(multi_year_krw) as multi_year_budget_krw
    from linked
    group by pledge_id
),

-- The investment plan's total for the pledge: its own, or that of the government's investment
-- plan pledge printed under the same code.
investment_of_pledge as (
    select pledges.pledge_id, investments.pledge_total_krw, investments.is_non_budget
    from pledges
    inner join investments using (pledge_id)
    union all
    select pledges.pledge_id, investments.pledge_total_krw, investments.is_non_budget
    from pledges
    inner join investments
        on investments.government_code = pledges.government_code
        and investments.pledge_code = pledges.pledge_code
        and investments.pledge_id <> pledges.pledge_id
),

per_pledge_investment as (
    select
        pledge_id,
        max(pledge_total_krw) as investment_plan_krw,
        bool_or(is_non_budget) as investment_is_non_budget
    from investment_of_pledge
    group by pledge_id
),

per_pledge_mentions as (
    select
        pledge_id,
        count(*) as mentions,
        count(distinct document_id) as mentioning_filings,
        min(mentioned_on) as first_mentioned_on,
        max(mentioned_on) as last_mentioned_on
    from mentions
    group by pledge_id
),

evidence as (
    select pledge_id, mentioned_on as evidence_on, document_id, source_line, source_excerpt
    from mentions
    union all
    select
        linked.pledge_id,
        coalesce(documents.document_date, documents.published_on),
        linked.project_document_id,
        linked.project_source_line,
        linked.project_evidence
    from linked
    inner join documents on documents.document_id = linked.project_document_id
),

latest_evidence as (
    select *
    from evidence
    qualify row_number() over (
        partition by pledge_id order by evidence_on desc nulls last, document_id, source_line desc
    ) = 1
)

select
    pledges.pledge_id,
    pledges.government_code,
    pledges.pledge_code,
    pledges.title,
    pledges.strategy,
    pledges.department,
    pledges.source_kind,
    coalesce(per_pledge_projects.linked_projects, 0) as linked_projects,
    per_pledge_projects.linked_project_names,
    per_pledge_projects.budget_plan_year,
    per_pledge_projects.plan_year_budget_krw,
    per_pledge_projects.multi_year_budget_krw,
    per_pledge_investment.investment_plan_krw,
    coalesce(per_pledge_investment.investment_is_non_budget, false) as investment_is_non_budget,
    coalesce(per_pledge_mentions.mentions, 0) as mentions,
    coalesce(per_pledge_mentions.mentioning_filings, 0) as mentioning_filings,
    per_pledge_mentions.first_mentioned_on,
    per_pledge_mentions.last_mentioned_on,
    coalesce(per_pledge_projects.plan_year_budget_krw, 0) > 0
        or coalesce(per_pledge_projects.multi_year_budget_krw, 0) > 0
        or coalesce(per_pledge_investment.investment_plan_krw, 0) > 0 as has_budget,
    coalesce(per_pledge_mentions.mentions, 0) > 0 as has_mentions,
    latest_evidence.evidence_on as latest_evidence_on,
    latest_evidence.document_id as latest_evidence_document_id,
    latest_evidence.source_line as latest_evidence_line,
    latest_evidence.source_excerpt as latest_evidence_excerpt,
    pledges.document_id,
    pledges.source_page,
    pledges.source_line,
    pledges.document_line,
    pledges.parser_version
from pledges
left join per_pledge_projects using (pledge_id)
left join per_pledge_investment using (pledge_id)
left join per_pledge_mentions using (pledge_id)
left join latest_evidence using (pledge_id)

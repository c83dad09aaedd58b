-- Each pledge linked to the major projects that implement it, across the filings of its
-- government: the matcher's links (int_pledge_project_matches, scored at or above the
-- threshold), less those a reviewer rejected, plus those a reviewer confirmed
-- (the pledge_link_overrides seed). A confirmed pair keeps the matcher's score when it had one.
with matches as (
    select
        *,
        {{ surrogate_key(['government_code', 'org_unit', 'project_name', 'plan_year']) }} as project_id
    from {{ ref('int_pledge_project_matches') }}
),

pledges as (
    select * from {{ ref('dim_pledge') }}
),

projects as (
    select * from {{ ref('dim_project') }}
),

reviewed as (
    select pledge_id, project_id, decision, reviewer, reason, decided_on
    from {{ ref('int_pledge_link_overrides_resolved') }}
    where pledge_id is not null and project_id is not null
    qualify row_number() over (partition by pledge_id, project_id order by decided_on desc) = 1
),

decided as (
    select
        coalesce(matches.pledge_id, reviewed.pledge_id) as pledge_id,
        coalesce(matches.project_id, reviewed.project_id) as project_id,
        matches.score,
        matches.text_score,
        matches.same_department,
        coalesce(matches.method, 'reviewer') as method,
        matches.shared_text,
        case
            when reviewed.decision = 'confirm' and matches.is_link then 'matched_confirmed'
            when reviewed.decision = 'confirm' then 'confirmed'
            else 'matched'
        end as link_status,
        reviewed.reviewer,
        reviewed.reason as review_reason,
        reviewed.decided_on as reviewed_on
    from matches
    full outer join reviewed
        on reviewed.pledge_id = matches.pledge_id
        and reviewed.project_id = matches.project_id
    where (matches.is_link and reviewed.decision is distinct from 'reject')
        or reviewed.decision = 'confirm'
)

select
    {{ surrogate_key(['decided.pledge_id', 'decided.project_id']) }} as pledge_project_id,
    decided.pledge_id,
    decided.project_id,
    pledges.government_code,
    pledges.pledge_code,
    pledges.title as pledge_title,
    pledges.department as pledge_department,
    projects.org_unit,
    projects.project_name,
    projects.plan_year,
    decided.score,
    decided.text_score,
    decided.same_department,
    decided.method,
    decided.link_status,
    decided.shared_text,
    decided.reviewer,
    decided.review_reason,
    decided.reviewed_on,
    pledges.title as pledge_evidence,
    pledges.document_id as pledge_document_id,
    pledges.source_line as pledge_source_line,
    projects.source_excerpt as project_evidence,
    projects.document_id as project_document_id,
    projects.source_line as project_source_line
from decided
inner join pledges using (pledge_id)
inner join projects using (project_id)

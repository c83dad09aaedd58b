-- Project budget amounts of current, successfully extracted documents, with the government
-- resolved and each funding group given its tier relative to that government (DOMAIN.md §1.7).
with budgets as (
    select * from {{ ref('stg_lake__project_budgets') }}
),

documents as (
    select * from {{ ref('int_documents_joined') }}
    where extract_status = 'ok'
),

tiers as (
    select * from {{ ref('funding_tiers') }}
),

filed as (
    select
        documents.government_code,
        documents.filer_class,
        budgets.*
    from budgets
    inner join documents on documents.document_id = budgets.document_id
)

select
    filed.*,
    coalesce(tiers.funding_tier, case when filed.funding_group = '계' then 'total' else 'other' end) as funding_tier,
    coalesce(tiers.lofin_label, '기타') as lofin_label
from filed
left join tiers
    on tiers.funding_group = filed.funding_group
    and tiers.filer_class = filed.filer_class

-- Project budget amounts of current, successfully extracted documents, with the government
-- resolved and each funding group given its tier relative to that government (DOMAIN.md §1.7).
with budgets as (
    select * from {{ ref('stg_lake__project_budgets') }}
),

documents as (
    select * from {{ ref('int_documents_joined') }}
    where extract_status = 'ok'
),

governments as (
    select * from {{ ref('governments') }}
),

tiers as (
    select * from {{ ref('funding_tiers') }}
),

filed as (
    select
        documents.government_code,
        case
            when governments.level = '광역' then '광역'
            when governments.kind = '자치구' then '자치구'
            else '시군'
        end as filer_class,
        budgets.*
    from budgets
    inner join documents on documents.document_id = budgets.document_id
    left join governments on governments.government_code = documents.government_code
)

select
    filed.*,
    coalesce(tiers.funding_tier, 'other') as funding_tier,
    coalesce(tiers.lofin_label, '기타') as lofin_label
from filed
left join tiers
    on tiers.funding_group = filed.funding_group
    and tiers.filer_class = filed.filer_class

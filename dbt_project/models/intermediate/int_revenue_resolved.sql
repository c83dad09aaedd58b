-- Revenue cells of current, successfully extracted documents, with the government resolved and
-- each item placed in the revenue hierarchy of that government's class (seed revenue_items).
with revenue as (
    select * from {{ ref('stg_lake__revenue') }}
),

documents as (
    select * from {{ ref('int_documents_joined') }}
    where extract_status = 'ok'
),

items as (
    select * from {{ ref('revenue_items') }}
),

filed as (
    select
        documents.government_code,
        documents.filer_class,
        revenue.*
    from revenue
    inner join documents on documents.document_id = revenue.document_id
)

select
    filed.* exclude (parent_item),
    coalesce(filed.parent_item, nullif(items.parent_item, '')) as parent_item,
    case when filed.revenue_item = 'total' then 'total' else items.item_level end as item_level
from filed
left join items
    on items.revenue_item = filed.revenue_item
    and items.filer_class = filed.filer_class

-- An item has one place in the hierarchy per filer class.
select filer_class, revenue_item, count(*) as rows
from {{ ref('revenue_items') }}
group by filer_class, revenue_item
having count(*) > 1

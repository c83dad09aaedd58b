-- A funding group has one tier per filer class; two would make project budget rows double.
select funding_group, filer_class, count(*) as rows
from {{ ref('funding_tiers') }}
group by funding_group, filer_class
having count(*) > 1

-- Each filing has exactly one current version among the documents that could be read and
-- extracted: current_* tables and the BI marts read that one.
select filing_id, count(*) filter (where is_current_version) as current_versions
from {{ ref('dim_document') }}
where version_number is not null
group by filing_id
having count(*) filter (where is_current_version) <> 1

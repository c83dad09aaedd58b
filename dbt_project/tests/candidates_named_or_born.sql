-- Every candidate is told apart by name, or by birth date where the name is unreadable: a row
-- with neither would merge every such candidate of its constituency.
select candidate_id, document_id
from {{ ref('dim_candidate') }}
where name is null and birth_date is null

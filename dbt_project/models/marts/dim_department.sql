with departments as (
    select * from {{ ref('int_departments_unioned') }}
)

select
    {{ surrogate_key(['government_code', 'org_unit']) }} as department_id,
    government_code,
    org_unit,
    parent_org_unit,
    unit_level,
    listed_in,
    duties,
    first_document_id,
    first_source_page,
    first_source_line,
    first_document_line
from departments

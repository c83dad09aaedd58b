{{ document_increment() }}

with staffing as (
    select * from {{ ref('int_staffing_resolved') }}
    where {{ changed_documents() }}
)

select
    -- a table of two header levels prints 4급 of 연구직 and 4급 of 일반직 on one line: the group tells
    -- them apart; the other rows keep the key they always had
    case when staff_group is null
        then {{ surrogate_key(['document_id', 'document_line', 'org_unit', 'grade']) }}
        else {{ surrogate_key(['document_id', 'document_line', 'org_unit', 'grade', 'staff_group']) }}
    end as staffing_id,
    -- an affiliated body (a 공사, an 출연기관) is not one of the government's departments
    case when org_unit is not null and statement <> 'affiliated_body'
        then {{ surrogate_key(['government_code', 'org_unit']) }} end as department_id,
    government_code,
    org_unit,
    org_unit_printed,
    grade,
    grade_printed,
    staff_group,
    authorized,
    current_count as current,
    as_of,
    statement,
    printed_value,
    unattributed,
    {{ fact_provenance_columns() }}
from staffing

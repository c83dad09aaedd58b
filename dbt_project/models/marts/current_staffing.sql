-- One staffing figure per government, org unit, grade and group of staff, chosen among the statements that print
-- it: the latest as-of date first; on the same date the unit's own page, then the bureau's summary
-- table, then a headline line, then an organisation chart (정원 alone). Every statement stays in
-- fct_staffing; one without a unit (unattributed) is no unit's figure.
with staffing as (
    select * from ({{ current_versions('fct_staffing') }})
    where org_unit is not null
)

select
    *,
    count(*) over (partition by government_code, org_unit, grade, staff_group) as statements
from staffing
qualify row_number() over (
    partition by government_code, org_unit, grade, staff_group
    order by
        as_of desc nulls last,
        case statement when 'unit_page' then 0 when 'summary_table' then 1 when 'headline' then 2 else 3 end,
        document_id,
        source_page,
        source_line,
        document_line
) = 1

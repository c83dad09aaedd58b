with governments as (
    select * from {{ ref('governments') }}
)

select
    government_code,
    name_ko,
    full_name_ko,
    short_name_ko,
    level,
    kind,
    nullif(parent_code, '') as parent_code,
    legal_code,
    nullif(lofin_laf_cd, '') as lofin_laf_cd,
    valid_from,
    valid_to,
    nullif(successor_code, '') as successor_code,
    code_source
from governments

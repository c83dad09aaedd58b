-- Investment plan amounts of current, successfully extracted filings, with the government and
-- the key of the pledge they belong to (none on the plan's total row).
with investments as (
    select * from {{ ref('stg_lake__pledge_investments') }}
),

documents as (
    select * from {{ ref('int_documents_joined') }}
    where extract_status = 'ok'
)

select
    documents.government_code,
    case when investments.pledge_code is not null
        then {{ surrogate_key(['investments.document_id', 'investments.pledge_code']) }}
    end as pledge_id,
    investments.*
from investments
inner join documents on documents.document_id = investments.document_id

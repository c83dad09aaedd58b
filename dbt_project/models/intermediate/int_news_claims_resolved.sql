-- Claims of current, successfully extracted news articles, with the government the article is about.
with claims as (
    select * from {{ ref('stg_lake__news_claims') }}
),

documents as (
    select * from {{ ref('int_documents_joined') }}
    where extract_status = 'ok'
)

select
    documents.government_code,
    claims.*
from claims
inner join documents on documents.document_id = claims.document_id

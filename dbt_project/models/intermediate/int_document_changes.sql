{{ config(materialized='table') }}

-- The documents whose rows the document-incremental marts take again in this build: those of
-- the lake batch (new, rewritten or vanished lake files), and those whose joined row differs
-- from the one the last build's marts took (int_document_states): a path, a manifest field, a
-- government, a quarantine or a hold-back that changed, or a document that appeared or left.
-- Built from scratch, every document.
{%- set previous = adapter.get_relation(database=this.database, schema=this.schema,
                                        identifier='int_document_states') if execute else none %}

with batch as (
    select distinct document_id from {{ lake_batch() }}
),

now as (
    select document_id, hash(documents) as row_hash from {{ ref('int_documents_joined') }} as documents
),

{% if previous is not none and not flags.FULL_REFRESH %}
previous as (
    select document_id, row_hash from {{ previous }}
),

differing as (
    select coalesce(now.document_id, previous.document_id) as document_id
    from now
    full outer join previous on previous.document_id = now.document_id
    where now.row_hash is distinct from previous.row_hash
)
{% else %}
differing as (
    select document_id from now
)
{% endif %}

select document_id from batch
union
select document_id from differing

{{ config(materialized='table') }}

-- The documents whose rows the incremental models take again in this build: those of the lake
-- batch (new, rewritten or vanished lake files), and those whose joined row differs from the one
-- the last build took (int_document_states): a path, a manifest field, a government, a
-- quarantine or a hold-back that changed, or a document that appeared or left. Built from
-- scratch, every document. With each, its government now and at the last build: the models
-- incremental by government (the pledge matchers) take both again.
{%- set previous = adapter.get_relation(database=this.database, schema=this.schema,
                                        identifier='int_document_states') if execute else none %}
{%- set incremental = previous is not none and not flags.FULL_REFRESH %}

with batch as (
    select distinct document_id from {{ lake_batch() }}
),

now as (
    select document_id, government_code, hash(documents) as row_hash
    from {{ ref('int_documents_joined') }} as documents
),

previous as (
    {% if incremental %}
    select document_id, government_code, row_hash from {{ previous }}
    {% else %}
    select document_id, cast(null as varchar) as government_code, cast(null as ubigint) as row_hash
    from now where false
    {% endif %}
),

differing as (
    select coalesce(now.document_id, previous.document_id) as document_id
    from now
    full outer join previous on previous.document_id = now.document_id
    where now.row_hash is distinct from previous.row_hash
),

changed as (
    select document_id from batch
    union
    select document_id from differing
)

select
    changed.document_id,
    now.government_code,
    previous.government_code as previous_government_code
from changed
left join now on now.document_id = changed.document_id
left join previous on previous.document_id = changed.document_id

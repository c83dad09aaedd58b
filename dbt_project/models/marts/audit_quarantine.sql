-- Every path under the raw dir whose filing could not be read or whose extraction failed, with a
-- reason a person can act on and what to do about it. The other filings of the refresh are
-- published regardless, and so is the last good version of this path, if there was one.
with raw_files as (
    select * from {{ ref('stg_lake__raw_files') }}
),

documents as (
    select * from {{ ref('int_documents_joined') }}
    where read_status = 'quarantined' or extract_status = 'failed'
),

kept as (
    select * from {{ ref('stg_lake__kept_versions') }}
),

reasons as (
    select * from {{ ref('quarantine_reasons') }}
),

manifest_problems as (
    select * from {{ ref('stg_lake__manifest') }}
    where problem is not null
),

filings as (
    select
    raw_files.file_path,
    documents.document_id as sha256,
    coalesce(documents.read_reason, documents.extract_reason) as reason,
    coalesce(documents.read_detail, documents.extract_detail) as detail,
    reasons.suggested_fix,
    kept.document_id as kept_sha256,
    documents.read_at as first_seen
from documents
inner join raw_files on raw_files.document_id = documents.document_id
left join reasons on reasons.reason = coalesce(documents.read_reason, documents.extract_reason)
left join kept on kept.file_path = raw_files.file_path
),

-- A filing whose rows fail a blocking check: left out of this refresh, with the check and its
-- lines; the last good version of its path, if any, stays published.
held_back as (
    select
        held.file_path,
        held.document_id as sha256,
        'held_back' as reason,
        'fails ' || held.check_name || coalesce(' on line(s) ' || nullif(held.source_lines, ''), '') || ': '
            || held.detail as detail,
        reasons.suggested_fix,
        held.kept_document_id as kept_sha256,
        filings.read_at as first_seen
    from {{ ref('stg_lake__held_back') }} as held
    left join {{ ref('stg_lake__filings') }} as filings on filings.document_id = held.document_id
    left join reasons on reasons.reason = 'held_back'
),

-- A manifest row that cannot be used is listed as `manifest.csv:<line>`; the filing it names is
-- still published, classified from its content.
manifest_rows as (
    select
        'manifest.csv' || case when line > 0 then ':' || line else '' end as file_path,
        manifest_sha256 as sha256,
        manifest_problems.problem as reason,
        detail,
        reasons.suggested_fix,
        cast(null as varchar) as kept_sha256,
        cast(null as timestamp with time zone) as first_seen
    from manifest_problems
    left join reasons on reasons.reason = manifest_problems.problem
),

-- A reviewer's decision that cannot be used is listed as `pledge_link_overrides.csv:<line>`.
review_rows as (
    select
        'pledge_link_overrides.csv' || case when line > 0 then ':' || line else '' end as file_path,
        file_sha256 as sha256,
        reviews.problem as reason,
        reviews.detail,
        reasons.suggested_fix,
        cast(null as varchar) as kept_sha256,
        cast(null as timestamp with time zone) as first_seen
    from {{ ref('stg_lake__reviews') }} as reviews
    left join reasons on reasons.reason = reviews.problem
    where reviews.problem is not null
)

select * from filings
union all
select * from held_back
union all
select * from manifest_rows
union all
select * from review_rows

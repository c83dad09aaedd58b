-- One row per current document (distinct bytes under the raw dir), with every path it sits
-- under, its reading outcome and its classification; plus, for a path whose current filing is
-- quarantined or held back by a check, its last good version (its facts stay published until a
-- good one replaces it). A filing held back is not here: its rows are left out of every model.
--
-- Versions: a filing is what a government publishes once — a government, a kind, a title (the
-- first line with letters, spaces removed) and a year (of the date it prints); a re-issue, a
-- corrected copy or a re-download under another name is a new version of it. A document whose
-- government or kind cannot be told is a filing of its own path. Versions are ordered newest
-- first by the manifest's published_on, then the printed date, then the file's modification time
-- (a kept version, no longer under the raw dir, is older than any file that is), then the path
-- and the SHA-256 (so ties are ordered the same way on every refresh).
with kept as (
    select * from {{ ref('stg_lake__kept_versions') }}
),

held_back as (
    select * from {{ ref('stg_lake__held_back') }}
),

raw_files as (
    select document_id, file_path, false as is_kept_version, modified_ns from {{ ref('stg_lake__raw_files') }}
    union all
    select document_id, file_path, true as is_kept_version, null from kept
    union all
    select kept_document_id, file_path, true as is_kept_version, null from held_back
    where kept_document_id is not null
),

filings as (
    select * from {{ ref('stg_lake__filings') }}
),

classifications as (
    select * from {{ ref('stg_lake__classifications') }}
),

governments as (
    select * from {{ ref('governments') }}
),

-- The usable manifest rows for any of a document's paths; of several, the first row (by path,
-- then line) that gives each field.
manifest as (
    select
        raw_files.document_id,
        arg_min(manifest.government_code, (raw_files.file_path, manifest.line))
            filter (manifest.government_code is not null) as government_code,
        arg_min(manifest.published_on, (raw_files.file_path, manifest.line))
            filter (manifest.published_on is not null) as published_on,
        arg_min(manifest.source_url, (raw_files.file_path, manifest.line))
            filter (manifest.source_url is not null) as source_url
    from raw_files
    inner join {{ ref('stg_lake__manifest') }} as manifest
        on manifest.file_path = raw_files.file_path and manifest.problem is null
    group by raw_files.document_id
),

paths as (
    select
        document_id,
        min(file_path) as file_path,
        string_agg(file_path, ' | ' order by file_path) as file_paths,
        count(*) as path_count,
        bool_and(is_kept_version) as is_kept_version,
        make_timestamp(max(modified_ns) // 1000) as modified_at
    from raw_files
    group by document_id
),

documents as (
    select
        paths.document_id,
        paths.file_path,
        paths.file_paths,
        paths.path_count,
        paths.is_kept_version,
        paths.modified_at,
        filings.parser_version,
        filings.format,
        filings.read_by,
        filings.encoding,
        filings.byte_size,
        filings.page_count,
        filings.line_count,
        filings.read_status,
        filings.read_reason,
        filings.read_detail,
        filings.read_at,
        coalesce(classifications.kind, 'unknown') as kind,
        classifications.kind_scores,
        coalesce(manifest.government_code, classifications.government_code) as government_code,
        case when manifest.government_code is not null then 'manifest' when classifications.government_code is not null
            then 'content' end as government_from,
        manifest.published_on,
        manifest.source_url,
        classifications.document_date,
        classifications.document_date_precision,
        classifications.document_date_printed,
        classifications.title,
        -- What 시비 or 시세 means in a filing depends on who files it (DOMAIN.md §1.2, §1.7).
        case
            when governments.level = '광역' then '광역'
            when governments.kind = '자치구' then '자치구'
            when governments.kind is not null then '시군'
        end as filer_class,
        classifications.extract_status,
        classifications.extract_reason,
        classifications.extract_detail,
        classifications.number_tokens,
        classifications.tokens_in_facts,
        classifications.tokens_in_cells,
        classifications.tokens_unclaimed,
        classifications.tokens_not_understood,
        classifications.tokens_unattributed
    from paths
    left join filings on filings.document_id = paths.document_id
    left join classifications on classifications.document_id = paths.document_id
    left join manifest on manifest.document_id = paths.document_id
    left join governments on governments.government_code = coalesce(manifest.government_code, classifications.government_code)
    where paths.document_id not in (select document_id from held_back)
),

identified as (
    select
        *,
        read_status = 'ok' and extract_status = 'ok' as is_usable,
        case
            when government_code is not null and kind <> 'unknown'
                then {{ surrogate_key(['government_code', 'kind', 'title', 'year(document_date)']) }}
            else {{ surrogate_key(["'path'", 'file_path']) }}
        end as filing_id
    from documents
),

versioned as (
    select
        *,
        case when is_usable then row_number() over (
            partition by filing_id, is_usable
            order by published_on asc nulls first, document_date asc nulls first, modified_at asc nulls first,
                file_path, document_id
        ) end as version_number,
        count(*) filter (where is_usable) over (partition by filing_id) as version_count
    from identified
)

select
    * exclude (is_usable),
    coalesce(version_number = version_count, false) as is_current_version
from versioned

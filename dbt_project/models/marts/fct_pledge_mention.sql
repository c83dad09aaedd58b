-- Each line of a government's filings (news articles, work plans, leaflets, other pledge
-- filings) that names one of its pledges, with the word that names it and the filing's date.
with mentions as (
    select * from {{ ref('int_pledge_mentions_found') }}
),

pledges as (
    select * from {{ ref('dim_pledge') }}
),

documents as (
    select * from {{ ref('dim_document') }}
),

lines as (
    select * from {{ ref('audit_filing_lines') }}
)

select
    {{ surrogate_key(['mentions.pledge_id', 'mentions.document_id', 'mentions.line_number']) }} as pledge_mention_id,
    mentions.pledge_id,
    pledges.government_code,
    pledges.pledge_code,
    pledges.title as pledge_title,
    documents.kind as mentioned_in_kind,
    coalesce(documents.document_date, documents.published_on) as mentioned_on,
    mentions.term,
    mentions.method,
    mentions.document_id,
    lines.page_number as source_page,
    lines.line_number as source_line,
    lines.document_line,
    lines.text as source_excerpt,
    documents.parser_version
from mentions
inner join pledges using (pledge_id)
inner join documents on documents.document_id = mentions.document_id
inner join lines
    on lines.document_id = mentions.document_id
    and lines.document_line = mentions.line_number

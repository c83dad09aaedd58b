"""Every line of a government's filings that names one of its pledges, found by
``orchestration.linking.pledges.find_mentions``: a distinctive word of the pledge's title
printed in the line, spacing ignored, a long word also with one inner syllable misprinted
(남부여상발전센터 / 남부여성발전센터). Lines of the pledge's own filing are not mentions."""

import pyarrow as pa

from orchestration.linking.pledges import Line, Pledge, find_mentions
from orchestration.pipeline.increments import changed_governments, sql_strings

SCHEMA = pa.schema([
    ("pledge_id", pa.string()),
    ("government_code", pa.string()),
    ("document_id", pa.string()),
    ("line_number", pa.int32()),
    ("term", pa.string()),
    ("method", pa.string()),
])


def model(dbt, session):
    dbt.config(materialized="incremental", incremental_strategy="delete+insert", unique_key="government_code")
    changed = changed_governments(dbt, session, dbt.ref("int_document_changes"))
    # The pledges and filings of current versions only: an older version of a pledge list or a
    # work plan would link and mention the same things again.
    current = {document_id for (document_id,) in dbt.ref("int_documents_joined").filter(
        "is_current_version").project("document_id").fetchall()}
    pledges = [Pledge(*row) for row in dbt.ref("int_pledges_resolved").project(
        "pledge_id, government_code, document_id, title, department").fetchall()
        if row[2] in current and (changed is None or row[1] in changed)]
    governments = {p.government_code for p in pledges}
    documents = dict(dbt.ref("int_documents_joined").filter("extract_status = 'ok'").project(
        "document_id, government_code").fetchall())
    wanted = {document_id for document_id, government in documents.items()
              if document_id in current and government in governments}
    # Built incrementally, only the lines of the changed governments' filings leave DuckDB.
    lines = [Line(documents[document_id], document_id, number, text)
             for document_id, number, text in dbt.ref("stg_lake__lines").filter(
                 "true" if changed is None else f"document_id in ({sql_strings(wanted) or 'null'})").project(
                 "document_id, document_line, text").fetchall()
             if document_id in wanted]
    places = dict(dbt.ref("governments").project("government_code, short_name_ko").fetchall())
    mentions = find_mentions(pledges, lines, places)
    government_of = {p.pledge_id: p.government_code for p in pledges}
    return pa.table({
        "pledge_id": [m.pledge_id for m in mentions],
        "government_code": [government_of[m.pledge_id] for m in mentions],
        "document_id": [m.document_id for m in mentions],
        "line_number": [m.line_number for m in mentions],
        "term": [m.term for m in mentions],
        "method": [m.method for m in mentions],
    }, schema=SCHEMA)

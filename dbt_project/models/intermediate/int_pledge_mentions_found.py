"""Every line of a government's filings that names one of its pledges, found by
``orchestration.linking.pledges.find_mentions``: a distinctive word of the pledge's title
printed in the line, spacing ignored, a long word also with one inner syllable misprinted
(남부여상발전센터 / 남부여성발전센터). Lines of the pledge's own filing are not mentions."""

import pyarrow as pa

from orchestration.linking.pledges import Line, Pledge, find_mentions

SCHEMA = pa.schema([
    ("pledge_id", pa.string()),
    ("document_id", pa.string()),
    ("line_number", pa.int32()),
    ("term", pa.string()),
    ("method", pa.string()),
])


def model(dbt, session):
    dbt.config(materialized="table")
    # The pledges and filings of current versions only: an older version of a pledge list or a
    # work plan would link and mention the same things again.
    current = {document_id for (document_id,) in dbt.ref("int_documents_joined").filter(
        "is_current_version").project("document_id").fetchall()}
    pledges = [Pledge(*row) for row in dbt.ref("int_pledges_resolved").project(
        "pledge_id, government_code, document_id, title, department").fetchall() if row[2] in current]
    governments = {p.government_code for p in pledges}
    documents = dict(dbt.ref("int_documents_joined").filter("extract_status = 'ok'").project(
        "document_id, government_code").fetchall())
    lines = [Line(documents[document_id], document_id, number, text)
             for document_id, number, text in dbt.ref("stg_lake__lines").project(
                 "document_id, document_line, text").fetchall()
             if document_id in current and documents.get(document_id) in governments]
    places = dict(dbt.ref("governments").project("government_code, short_name_ko").fetchall())
    mentions = find_mentions(pledges, lines, places)
    return pa.table({
        "pledge_id": [m.pledge_id for m in mentions],
        "document_id": [m.document_id for m in mentions],
        "line_number": [m.line_number for m in mentions],
        "term": [m.term for m in mentions],
        "method": [m.method for m in mentions],
    }, schema=SCHEMA)

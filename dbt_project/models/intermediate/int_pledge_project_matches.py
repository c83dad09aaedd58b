"""Every pledge–project pair of a government whose names share a distinctive run of letters,
scored by ``orchestration.linking.pledges.match_projects``: character bigrams weighted by how
rare they are among the government's pledge titles and project names, plus agreement of the
pledge's 담당부서 with the project's department. Python, not SQL, so that the warehouse runs the
very function the labelled-pair tests measure."""

import pyarrow as pa

from orchestration.linking.pledges import LINK_THRESHOLD, Pledge, Project, match_projects
from orchestration.pipeline.increments import changed_governments

SCHEMA = pa.schema([
    ("pledge_id", pa.string()),
    ("government_code", pa.string()),
    ("org_unit", pa.string()),
    ("project_name", pa.string()),
    ("plan_year", pa.int32()),
    ("score", pa.float64()),
    ("text_score", pa.float64()),
    ("same_department", pa.bool_()),
    ("method", pa.string()),
    ("shared_text", pa.string()),
    ("is_link", pa.bool_()),
])


def model(dbt, session):
    dbt.config(materialized="incremental", incremental_strategy="delete+insert", unique_key="government_code")
    governments = changed_governments(dbt, session, dbt.ref("int_document_changes"))
    # The pledges and filings of current versions only: an older version of a pledge list or a
    # work plan would link and mention the same things again.
    current = {document_id for (document_id,) in dbt.ref("int_documents_joined").filter(
        "is_current_version").project("document_id").fetchall()}
    pledges = [Pledge(*row) for row in dbt.ref("int_pledges_resolved").project(
        "pledge_id, government_code, document_id, title, department").fetchall()
        if row[2] in current and (governments is None or row[1] in governments)]
    # A project is known by its natural key (the one dim_project hashes into project_id), once
    # however many filings list it.
    first_listed: dict[tuple, str] = {}
    for *key, document_id in dbt.ref("int_projects_resolved").project(
            "government_code, org_unit, project_name, plan_year, document_id").fetchall():
        if document_id in current and (governments is None or key[0] in governments):
            first_listed[tuple(key)] = min(document_id, first_listed.get(tuple(key), document_id))
    keys = sorted((*key, document_id) for key, document_id in first_listed.items())
    projects = [Project(str(i), government, document, name, org_unit)
                for i, (government, org_unit, name, _, document) in enumerate(keys)]
    matches = match_projects(pledges, projects)
    project_of = [keys[int(m.project_id)] for m in matches]
    columns = {
        "pledge_id": [m.pledge_id for m in matches],
        "government_code": [key[0] for key in project_of],
        "org_unit": [key[1] for key in project_of],
        "project_name": [key[2] for key in project_of],
        "plan_year": [key[3] for key in project_of],
        "score": [m.score for m in matches],
        "text_score": [m.text_score for m in matches],
        "same_department": [m.same_department for m in matches],
        "method": [m.method for m in matches],
        "shared_text": [m.shared_text for m in matches],
        "is_link": [m.score >= LINK_THRESHOLD for m in matches],
    }
    return pa.table(columns, schema=SCHEMA)

"""Each fact family's schema is defined once, in the lake (orchestration/pipeline/lake.py), and the
other places that name its columns are checked against it: the extractor's records, the dbt
staging model that casts them, and the provenance every family shares."""

from __future__ import annotations

import re

import pytest

from orchestration.extract.document import FACT_TABLES, NAME_TABLES, extract_document
from orchestration.extract.governments import government_index
from orchestration.pipeline.lake import _PROVENANCE, EXTRACT_TABLES, LAKE_SCHEMAS
from orchestration.settings import GOVERNMENT_SEED, REPO_ROOT

STAGING = REPO_ROOT / "dbt_project" / "models" / "staging" / "lake"
PROVENANCE = [name for name, _ in _PROVENANCE]


def test_the_provenance_macro_casts_the_lakes_provenance_columns():
    macro = (REPO_ROOT / "dbt_project" / "macros" / "provenance.sql").read_text(encoding="utf-8")
    start = macro.index("macro provenance_columns")
    body = macro[start:macro.index("endmacro", start)]
    cast = re.findall(r"^\s*(?:cast\((\w+) as \w+\) as \w+|(\w+)),?$", body, flags=re.M)
    assert [a or b for a, b in cast] == PROVENANCE


@pytest.mark.parametrize("table", [t for t in EXTRACT_TABLES if t != "classifications"])
def test_every_lake_column_is_staged(table):
    """A column the lake stores and staging does not name would never reach the marts."""
    sql = (STAGING / f"stg_lake__{table}.sql").read_text(encoding="utf-8")
    schema = LAKE_SCHEMAS[table].names
    if set(PROVENANCE) <= set(schema):
        assert "{{ provenance_columns() }}" in sql
        schema = [c for c in schema if c not in PROVENANCE]
    words = set(re.findall(r"\w+", sql))
    assert [c for c in schema if c not in words] == []


def test_every_record_field_has_a_lake_column():
    """The extractors' records fit their lake schema exactly: a field the schema lacks would be
    dropped by the Parquet writer without a word."""
    text = (REPO_ROOT / "raw" / "004_dad12c48b3c039a4.txt").read_text(encoding="utf-8")
    extraction = extract_document("plan", text, government_index(GOVERNMENT_SEED))
    # what the number accounting needs and the lake does not keep: the characters a fact or cell took
    internal = {"source_span", "cell_start", "cell_end"}
    for table, records in extraction.tables().items():
        for record in records[:50]:
            extra = set(record) - set(LAKE_SCHEMAS[table].names) - internal
            assert not extra, (table, extra)
    assert {t for t in FACT_TABLES + NAME_TABLES if getattr(extraction, t)} >= {"staffing", "department_budgets",
                                                                                 "projects", "project_budgets",
                                                                                 "revenue", "org_units"}

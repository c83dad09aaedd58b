"""The publish writes what changed: a table built by document takes the changed documents' rows
only, and only when that leaves it the build's row for row."""

from datetime import datetime, timezone

import duckdb

from orchestration.pipeline.increments import Scope
from orchestration.pipeline.publish import publish, record_refresh


def _build(path, staffing: str, documents: str) -> None:
    with duckdb.connect(str(path)) as connection:
        connection.execute("create schema if not exists marts")
        connection.execute(f"create or replace table marts.fct_staffing as select * from (values {staffing}) "
                           "v(document_id, grade, authorized)")
        connection.execute(f"create or replace table marts.dim_document as select * from (values {documents}) "
                           "v(document_id, file_paths)")


def _publish(tmp_path, refresh_id: str, scope: Scope | None = None) -> list[str]:
    log = tmp_path / "state" / "refresh_log.parquet"
    log.parent.mkdir(exist_ok=True)
    record_refresh(log, {"refresh_id": refresh_id, "started_at": datetime.now(timezone.utc), "published": False,
                         "rows_per_table": "{}"})
    return publish(tmp_path / "build.duckdb", tmp_path / "localgov.duckdb", log, refresh_id, scope)


def _staffing(database) -> tuple[list, str | None]:
    """The published staffing rows, and the table's comment (which a table written anew loses)."""
    with duckdb.connect(str(database), read_only=True) as connection:
        rows = connection.execute("select * from marts.fct_staffing order by all").fetchall()
        (comment,) = connection.execute("select comment from duckdb_tables() where table_name = 'fct_staffing'"
                                        ).fetchall()[0]
    return rows, comment


def test_a_table_built_by_document_takes_the_changed_documents_rows_and_no_other(tmp_path):
    build, published = tmp_path / "build.duckdb", tmp_path / "localgov.duckdb"
    _build(build, "('a', '5급', 3), ('b', '6급', 11)", "('a', '기획예산과.txt'), ('b', '총무과.txt')")
    assert _publish(tmp_path, "r1") == ["dim_document", "fct_staffing", "audit_refresh_log"]
    with duckdb.connect(str(published)) as connection:
        connection.execute("comment on table marts.fct_staffing is 'as first published'")
    by_document = frozenset({"marts.fct_staffing"})

    # b left and c came: their rows only are taken, the table is not written anew
    _build(build, "('a', '5급', 3), ('c', '7급', 20)", "('a', '기획예산과.txt'), ('c', '세정과.txt')")
    assert _publish(tmp_path, "r2", Scope(by_document, frozenset({"b", "c"}))) == [
        "dim_document", "fct_staffing", "audit_refresh_log"]
    assert _staffing(published) == ([("a", "5급", 3), ("c", "7급", 20)], "as first published")

    # a changed too, but the refresh names only d: the rows taken would not be the build's,
    # so the table is written whole
    _build(build, "('a', '5급', 4), ('c', '7급', 20), ('d', '8급', 2)",
           "('a', '기획예산과.txt'), ('c', '세정과.txt'), ('d', '민원과.txt')")
    _publish(tmp_path, "r3", Scope(by_document, frozenset({"d"})))
    assert _staffing(published) == ([("a", "5급", 4), ("c", "7급", 20), ("d", "8급", 2)], None)

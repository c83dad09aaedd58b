"""What an incremental dbt build takes in (orchestration/pipeline/increments.py): the lake files
changed since the build file took them in, and when it must build from scratch instead."""

import duckdb
import pyarrow.parquet as pq

from orchestration.pipeline.checks import Check, save_checks
from orchestration.pipeline.increments import BuildPlan, Increments, differing_tables, lake_batch, lake_listing
from orchestration.pipeline.lake import Lake
from orchestration.settings import Paths

A, B, C = "a" * 64, "b" * 64, "c" * 64
LINE = {"document_line": 1, "page_number": 1, "line_number": 1, "text": "기획예산과", "role": "body"}


def _lake(tmp_path) -> Lake:
    lake = Lake(tmp_path / "data" / "lake", parser_version="9.9.9")
    lake.ensure_schemas()
    return lake


def test_the_batch_holds_new_and_rewritten_files_and_names_vanished_ones(tmp_path):
    lake = _lake(tmp_path)
    for document in (A, B):
        lake.write("lines", document, [LINE | {"document_id": document}])
    lake.write("staffing", A, [{"document_id": A, "org_unit": "기획예산과"}])
    built = lake_listing(lake.root, "9.9.9")
    assert [(row["lake_table"], row["document_id"]) for row in sorted(built, key=lambda r: (r["lake_table"],
                                                                                             r["document_id"]))] == [
        ("lines", A), ("lines", B), ("staffing", A)]
    assert lake_batch(built, built, lake.root) == []

    lake.write("lines", C, [LINE | {"document_id": C}])  # a new filing
    lake.write("lines", B, [LINE | {"document_id": B, "text": "기획예산과 22"}])  # B extracted again
    lake.write_extracted("staffing", A, [])  # A re-extracted under a kind with no staffing
    Lake(lake.root, parser_version="1.0.0").write("lines", A, [LINE | {"document_id": A}])  # another version
    now = lake_listing(lake.root, "9.9.9")
    assert lake_batch(now, built, lake.root) == [
        {"lake_table": "lines", "document_id": B, "file_path": str(lake.path("lines", B))},
        {"lake_table": "lines", "document_id": C, "file_path": str(lake.path("lines", C))},
        {"lake_table": "staffing", "document_id": A, "file_path": None}]


def test_a_build_is_from_scratch_until_one_was_recorded_and_then_incremental(tmp_path):
    paths = Paths(tmp_path / "raw", tmp_path / "data")
    lake = Lake(paths.lake_dir)
    lake.ensure_schemas()
    lake.write("lines", A, [LINE | {"document_id": A}])
    increments = Increments(paths)

    first = increments.plan(full_requested=False)
    assert (first.full, first.reason, first.batch_documents) == (True, "there is no build file yet", 1)
    assert first.dbt_args() == ["build", "--full-refresh"]
    assert pq.read_table(increments.batch_file).to_pylist() == [
        {"lake_table": "lines", "document_id": A, "file_path": str(lake.path("lines", A))}]

    paths.build_db.parent.mkdir(parents=True)
    duckdb.connect(str(paths.build_db)).close()
    assert increments.plan(full_requested=False).reason == (
        "the dbt project, its seeds or the parser version changed since the last build")
    increments.record_built(first)

    lake.write("staffing", B, [{"document_id": B, "org_unit": "기획예산과"}])
    second = increments.plan(full_requested=False)
    assert (second.full, second.batch_documents) == (False, 1)
    assert "stg_lake__staffing" not in second.dbt_args()[2] and "stg_lake__lines" in second.dbt_args()[2]
    assert second.dbt_args() == ["build", "--exclude", "resource_type:seed resource_type:unit_test " + " ".join(
        f"stg_lake__{table}" for table in second.unchanged_tables), "--indirect-selection", "cautious"]
    assert increments.plan(full_requested=True).dbt_args() == ["build", "--full-refresh"]

    # once a build from scratch saved the compiled data tests, dbt runs the models but views
    # and the tests run apart; tests compiled for another project or data dir are not used
    check = Check("test.localgov.not_null_stg_lake__staffing_document_id", "model.localgov.stg_lake__staffing",
                  "select 1 where false")
    save_checks(increments.checks_file, [check], "another project")
    assert increments.plan(full_requested=False).checks == ()
    save_checks(increments.checks_file, [check], increments.checks_fingerprint())
    third = increments.plan(full_requested=False)
    assert third.checks == (check,)
    assert third.dbt_args() == ["run", "--exclude", "config.materialized:view " + " ".join(
        f"stg_lake__{table}" for table in third.unchanged_tables)]
    assert increments.plan(full_requested=True).checks == ()


def test_a_build_from_scratch_that_left_a_model_unbuilt_is_not_the_project_built(tmp_path):
    paths = Paths(tmp_path / "raw", tmp_path / "data")
    Lake(paths.lake_dir).ensure_schemas()
    paths.build_db.parent.mkdir(parents=True)
    duckdb.connect(str(paths.build_db)).close()
    increments = Increments(paths)
    first = increments.plan(full_requested=False)
    increments.record_built(first, models_built=False)
    assert increments.plan(full_requested=False).full
    increments.record_built(first)
    assert not increments.plan(full_requested=False).full


def test_two_builds_compare_table_by_table_as_multisets(tmp_path):
    first, second = tmp_path / "first.duckdb", tmp_path / "second.duckdb"
    for path, rows in ((first, "(1), (1), (2)"), (second, "(1), (2), (2)")):
        with duckdb.connect(str(path)) as connection:
            connection.execute("create schema marts")
            connection.execute(f"create table marts.t as select * from (values {rows}) v(x)")
            connection.execute("create table marts.same as select 1 as x")
    with duckdb.connect(str(second)) as connection:
        connection.execute("create table marts.only_here as select 1 as x")
    assert differing_tables(first, second) == {"marts.only_here": (0, 1), "marts.t": (1, 1)}


def test_the_checks_scope_is_every_document_a_build_of_the_refresh_changed(tmp_path):
    paths = Paths(tmp_path / "raw", tmp_path / "data")
    paths.build_db.parent.mkdir(parents=True)
    increments = Increments(paths)
    manifest = {"nodes": {
        "model.localgov.fct_staffing": {"resource_type": "model", "name": "fct_staffing", "schema": "marts",
                                        "config": {"materialized": "incremental", "unique_key": "document_id"}},
        "model.localgov.dim_pledge": {"resource_type": "model", "name": "dim_pledge", "schema": "marts",
                                      "config": {"materialized": "table"}}}}
    assert increments.scope(manifest).where("marts.fct_staffing") is None  # nothing noted: every row

    def build_changing(*documents):
        with duckdb.connect(str(paths.build_db)) as connection:
            connection.execute("create schema if not exists intermediate")
            connection.execute("create or replace table intermediate.int_document_changes (document_id varchar)")
            connection.executemany("insert into intermediate.int_document_changes values (?)", [[d] for d in documents])

    incremental = BuildPlan(False, "incremental", 1)
    increments.start_refresh()
    build_changing(A, "o'clock")
    increments.note_changes(incremental)
    build_changing(B)  # the build again, a filing held back
    increments.note_changes(incremental)
    scope = increments.scope(manifest)
    assert scope.tables == {"marts.fct_staffing"}
    assert scope.where("marts.fct_staffing") == f"document_id in ('{A}', '{B}', 'o''clock')"
    assert scope.where("marts.dim_pledge") is None

    increments.start_refresh()
    increments.note_changes(BuildPlan(True, "a full refresh was asked for", 3))
    build_changing(C)
    increments.note_changes(incremental)
    assert increments.changed_documents() is None

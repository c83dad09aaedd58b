"""The data tests run apart from dbt (orchestration/pipeline/checks.py): dbt's compiled SQL, one
query per table, each test's outcome as ``dbt test`` gives it."""

import json

import duckdb
import pytest

from orchestration.pipeline.checks import (
    RESULTS_FILE,
    Check,
    build_results,
    compiled_checks,
    load_checks,
    run_checks,
    save_checks,
    table_query,
    write_results,
)
from orchestration.pipeline.holdback import Fault, dbt_faults

STAFFING = '"b"."marts"."fct_staffing"'
NOT_NULL = f"select grade from {STAFFING} where grade is null"
UNIQUE = (f"select staffing_id as unique_field, count(*) as n_records from {STAFFING} "
          "where staffing_id is not null group by staffing_id having count(*) > 1")
POSITIVE = f"select * from {STAFFING} where headcount < 0"


@pytest.fixture
def build(tmp_path):
    path = tmp_path / "b.duckdb"
    with duckdb.connect(str(path)) as connection:
        connection.execute("create schema marts")
        connection.execute("""create table marts.fct_staffing as select * from (values
            ('k1', 'plan_a', 44, 'total', 12), ('k1', 'plan_a', 47, '5급', 3), ('k2', 'plan_b', 44, null, 4),
            ('k3', 'plan_b', 45, '9급', 7)) as t(staffing_id, document_id, source_line, grade, headcount)""")
    return path


def check(name, sql, **config) -> Check:
    return Check(f"test.localgov.{name}", "model.localgov.fct_staffing", sql, **config)


def test_each_test_of_a_table_gets_its_own_outcome_from_one_query(build):
    checks = [check("not_null_fct_staffing_grade", NOT_NULL, severity="warn"),
              check("unique_fct_staffing_staffing_id", UNIQUE, severity="error"),
              check("positive_headcount", POSITIVE, severity="error"),
              check("at_most_one_null_grade", NOT_NULL, severity="error", warn_if="> 1", error_if="> 1"),
              check("grades_counted", f"select grade from {STAFFING}", fail_calc="count(distinct grade)",
                    warn_if="> 2", error_if="> 5")]
    results = run_checks(build, checks)
    outcomes = {r["unique_id"].split(".")[-1]: (r["status"], r["failures"]) for r in results["results"]}
    assert outcomes == {"not_null_fct_staffing_grade": ("warn", 1), "unique_fct_staffing_staffing_id": ("fail", 1),
                        "positive_headcount": ("pass", 0), "at_most_one_null_grade": ("pass", 1),
                        "grades_counted": ("warn", 3)}
    assert results["elapsed_time"] > 0


def test_a_test_whose_query_breaks_is_an_error_and_its_neighbours_still_run(build):
    broken = check("relationships_fct_staffing_unit", 'select * from "b"."marts"."dim_department"')
    results = run_checks(build, [broken, check("not_null_fct_staffing_grade", NOT_NULL)])
    by_name = {r["unique_id"].split(".")[-1]: r for r in results["results"]}
    assert by_name["relationships_fct_staffing_unit"]["status"] == "error"
    assert "dim_department" in by_name["relationships_fct_staffing_unit"]["message"]
    assert (by_name["not_null_fct_staffing_grade"]["status"], by_name["not_null_fct_staffing_grade"]["failures"]) == (
        "fail", 1)


def test_failing_checks_are_traced_to_their_filings_as_dbt_s_own_results_are(build, tmp_path):
    manifest = {"nodes": {
        "model.localgov.fct_staffing": {"resource_type": "model", "schema": "marts", "name": "fct_staffing"},
        "test.localgov.not_null_fct_staffing_grade": {
            "resource_type": "test", "name": "not_null_fct_staffing_grade", "attached_node": "model.localgov.fct_staffing",
            "test_metadata": {"name": "not_null", "kwargs": {"column_name": "grade"}}, "config": {"meta": {}}}}}
    results = run_checks(build, [check("not_null_fct_staffing_grade", NOT_NULL, severity="warn")])
    target = tmp_path / "target"
    target.mkdir()
    (target / "run_results.json").write_text(json.dumps({"results": [
        {"unique_id": "model.localgov.fct_staffing", "status": "success"}]}), encoding="utf-8")
    write_results(target, results)
    merged = build_results(target)
    assert [r["unique_id"] for r in merged["results"]] == ["model.localgov.fct_staffing",
                                                             "test.localgov.not_null_fct_staffing_grade"]
    assert dbt_faults(merged, manifest, build) == [
        Fault("not_null_fct_staffing_grade", "dbt test not_null_fct_staffing_grade fails on 1 row(s) of this filing",
              "plan_b", (44,))]
    (target / RESULTS_FILE).unlink()
    assert build_results(target)["results"] == [{"unique_id": "model.localgov.fct_staffing", "status": "success"}]


def test_the_compiled_tests_take_their_configuration_from_the_manifest_and_keep_their_fingerprint(tmp_path):
    manifest = {"nodes": {
        "test.localgov.unique_fct_staffing_staffing_id": {
            "resource_type": "test", "attached_node": "model.localgov.fct_staffing",
            "depends_on": {"nodes": ["model.localgov.fct_staffing"]}, "config": {"severity": "WARN"}},
        "test.localgov.pledge_links_name_a_pledge": {
            "resource_type": "test", "attached_node": None,
            "depends_on": {"nodes": ["model.localgov.int_links", "model.localgov.dim_pledge"]},
            "config": {"severity": "warn", "fail_calc": "sum(n)", "warn_if": ">= 2", "error_if": "!= 0"}},
        "model.localgov.fct_staffing": {"resource_type": "model", "config": {}}}}
    compiled = {"results": [
        {"unique_id": "test.localgov.unique_fct_staffing_staffing_id", "compiled_code": UNIQUE},
        {"unique_id": "test.localgov.pledge_links_name_a_pledge", "compiled_code": "select 1 as n"},
        {"unique_id": "model.localgov.fct_staffing", "compiled_code": "select 1"}]}
    checks = compiled_checks(compiled, manifest)
    assert checks == [
        Check("test.localgov.pledge_links_name_a_pledge", "model.localgov.int_links", "select 1 as n", "warn",
              "sum(n)", ">= 2", "!= 0"),
        Check("test.localgov.unique_fct_staffing_staffing_id", "model.localgov.fct_staffing", UNIQUE, "warn")]
    path = tmp_path / "dbt_checks.json"
    save_checks(path, checks, "fingerprint-1")
    assert load_checks(path, "fingerprint-1") == checks
    assert load_checks(path, "fingerprint-2") is None
    assert load_checks(tmp_path / "none.json", "fingerprint-1") is None


def test_the_state_dir_a_check_names_follows_a_copy_of_the_data_dir(tmp_path):
    state, copied = tmp_path / "data" / "state", tmp_path / "copy" / "state"
    for folder in (state, copied):
        folder.mkdir(parents=True)
    scoped = (f'select document_id from "localgov_build"."staging"."stg_lake__lines" where document_id in '
              f"(select document_id from read_parquet('{state}/lake_batch.parquet')) and document_id is null")
    save_checks(state / "dbt_checks.json", [check("not_null_stg_lake__lines_document_id", scoped)], "f")
    assert str(state) not in (state / "dbt_checks.json").read_text(encoding="utf-8")
    (copied / "dbt_checks.json").write_bytes((state / "dbt_checks.json").read_bytes())
    assert load_checks(copied / "dbt_checks.json", "f")[0].compiled_code == scoped.replace(str(state), str(copied))


def test_a_build_file_that_cannot_be_read_is_an_error_of_every_check(tmp_path):
    (tmp_path / "b.duckdb").mkdir()
    results = run_checks(tmp_path / "b.duckdb", [check("not_null_fct_staffing_grade", NOT_NULL)])
    [only] = results["results"]
    assert only["status"] == "error"
    assert only["message"].startswith("the build file could not be read: IO Error")


def test_the_checks_of_a_view_compute_it_once_and_each_gets_its_own_outcome(build):
    view = '"b"."marts"."staffing_rows"'
    with duckdb.connect(str(build)) as connection:
        connection.execute("create view marts.staffing_rows as select * from marts.fct_staffing where headcount > 3")
    manifest = {"nodes": {
        "model.localgov.staffing_rows": {"resource_type": "model", "relation_name": view,
                                         "config": {"materialized": "view"}},
        "model.localgov.fct_staffing": {"resource_type": "model", "relation_name": STAFFING,
                                        "config": {"materialized": "table"}},
        **{f"test.localgov.{name}": {"resource_type": "test", "attached_node": f"model.localgov.{model}",
                                     "config": {"severity": "warn"}}
           for name, model in [("not_null_staffing_rows_grade", "staffing_rows"),
                               ("unique_staffing_rows_staffing_id", "staffing_rows"),
                               ("not_null_fct_staffing_grade", "fct_staffing")]}}}
    compiled = {"results": [
        {"unique_id": "test.localgov.not_null_staffing_rows_grade", "compiled_code": NOT_NULL.replace(STAFFING, view)},
        {"unique_id": "test.localgov.unique_staffing_rows_staffing_id", "compiled_code": UNIQUE.replace(STAFFING, view)},
        {"unique_id": "test.localgov.not_null_fct_staffing_grade", "compiled_code": NOT_NULL}]}
    checks = compiled_checks(compiled, manifest)
    assert [c.view for c in checks] == ["", view, view]
    of_view = checks[1:]
    query = table_query(of_view)
    assert query.count(view) == 1 and query.startswith('with "localgov_checked_view" as materialized')
    results = run_checks(build, checks)["results"]
    # the view leaves out k1's row of 3: k1 is in it once, k2 without its grade
    assert {r["unique_id"].split(".")[-1]: (r["status"], r["failures"]) for r in results} == {
        "not_null_fct_staffing_grade": ("warn", 1), "not_null_staffing_rows_grade": ("warn", 1),
        "unique_staffing_rows_staffing_id": ("pass", 0)}

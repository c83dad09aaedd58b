"""The gate on a tiny build file: each expectation's result is tied to its own line of the suite."""

import csv
import json
import os

import duckdb
import pytest

from orchestration.pipeline.gate import (
    Published,
    SuiteError,
    load_suite_files,
    prune_docs,
    render_docs,
    run_gate,
    suite_digests,
    volume_guard,
)
from orchestration.pipeline.increments import Scope
from orchestration.pipeline.publish import table_fingerprints
from orchestration.extract.vocabulary import SEEDS
from orchestration.settings import EXPECTATIONS_DIR


def test_every_suite_file_loads_with_a_severity_per_expectation():
    suites = {s["name"]: s for s in load_suite_files(EXPECTATIONS_DIR)}
    assert "fct_staffing" in suites
    assert all(e["meta"]["severity"] in ("blocking", "recorded") for s in suites.values() for e in s["expectations"])


def test_the_gate_accepts_the_grades_of_the_vocabulary_and_no_other():
    """A grade the parsers read from grades.csv (연구·지도직 of a 연구사 column) must not block
    publishing; the gate's list and the seed are one list."""
    suite = next(s for s in load_suite_files(EXPECTATIONS_DIR) if s["name"] == "fct_staffing")
    accepted = next(e["kwargs"]["value_set"] for e in suite["expectations"]
                    if e["type"] == "expect_column_values_to_be_in_set" and e["kwargs"]["column"] == "grade")
    grades = [row["grade"] for row in csv.DictReader((SEEDS / "grades.csv").open(encoding="utf-8"))]
    assert accepted == grades and len(grades) == 22


@pytest.mark.parametrize(("suite", "column", "seed", "seed_column", "added", "no_value"), [
    ("fct_project_budget", "funding_group", "funding_tiers.csv", "funding_group", set(), set()),
    ("fct_department_budget", "category", "budget_categories.csv", "category", {"total"}, set()),
    ("fct_fund", "measure", "fund_terms.csv", "meaning", set(), {"name_header", "manager_header"}),
])
def test_the_gate_accepts_what_the_vocabulary_gives_and_no_other(suite, column, seed, seed_column, added, no_value):
    """A value a seed lets the parsers write (지방비 of funding_labels.csv) must not hold back its
    filing at the gate. ``added``: values the parsers write beside the seed's; ``no_value``: rows
    of the seed that name no value of the column (the headers of a fund table)."""
    expectations = next(s for s in load_suite_files(EXPECTATIONS_DIR) if s["name"] == suite)["expectations"]
    accepted = next(e["kwargs"]["value_set"] for e in expectations
                    if e["type"] == "expect_column_values_to_be_in_set" and e["kwargs"]["column"] == column)
    given = {row[seed_column] for row in csv.DictReader((SEEDS / seed).open(encoding="utf-8"))}
    assert sorted(accepted) == sorted(given - no_value | added)


def test_a_suite_without_severity_is_refused(tmp_path):
    (tmp_path / "t.json").write_text(json.dumps({"name": "t", "table": "marts.t", "expectations": [
        {"type": "expect_column_values_to_not_be_null", "kwargs": {"column": "a"}}]}))
    with pytest.raises(SuiteError, match="severity"):
        load_suite_files(tmp_path)


def test_a_suite_naming_a_column_that_is_not_an_identifier_is_refused(tmp_path):
    (tmp_path / "t.json").write_text(json.dumps({"name": "t", "table": "marts.t", "expectations": [
        {"type": "expect_column_values_to_not_be_null", "kwargs": {"column": 'a" from x; --'},
         "meta": {"severity": "blocking"}}]}))
    with pytest.raises(SuiteError, match="t.json: expect_column_values_to_not_be_null names column"):
        load_suite_files(tmp_path)


def test_the_gate_reads_only_the_columns_its_expectations_name(tmp_path):
    build = tmp_path / "build.duckdb"
    with duckdb.connect(str(build)) as connection:
        connection.execute("create schema marts")
        # A column no expectation names holds a value that would fail every one of them.
        connection.execute("create table marts.t as select * from (values (1, 'a', null), (2, 'b', null)) v(n, code, wide)")
    suites = tmp_path / "suites"
    suites.mkdir()
    (suites / "t.json").write_text(json.dumps({"name": "t", "table": "marts.t", "expectations": [
        {"type": "expect_column_values_to_not_be_null", "kwargs": {"column": "n"}, "meta": {"severity": "blocking"}},
        {"type": "expect_column_values_to_be_unique", "kwargs": {"column": "code"}, "meta": {"severity": "blocking"}},
    ]}))
    assert run_gate(build, suites).publishable
    # A table-level expectation still sees every column.
    (suites / "t.json").write_text(json.dumps({"name": "t", "table": "marts.t", "expectations": [
        {"type": "expect_table_columns_to_match_set", "kwargs": {"column_set": ["n", "code"], "exact_match": True},
         "meta": {"severity": "blocking"}},
    ]}))
    assert [o.success for o in run_gate(build, suites).outcomes] == [False]


def test_failures_are_reported_on_the_expectation_that_failed(tmp_path):
    build = tmp_path / "build.duckdb"
    with duckdb.connect(str(build)) as connection:
        connection.execute("create schema marts")
        connection.execute("create table marts.t as select * from (values (1, 'total'), (2, '10급'), (3, '9급')) v(n, grade)")
    suites = tmp_path / "suites"
    suites.mkdir()
    (suites / "t.json").write_text(json.dumps({"name": "t", "table": "marts.t", "expectations": [
        {"type": "expect_column_values_to_not_be_null", "kwargs": {"column": "n"}, "meta": {"severity": "blocking"}},
        {"type": "expect_column_values_to_be_in_set", "kwargs": {"column": "grade", "value_set": ["total", "9급"]},
         "meta": {"severity": "recorded"}},
        {"type": "expect_column_values_to_be_between", "kwargs": {"column": "n", "min_value": 0, "max_value": 2},
         "meta": {"severity": "blocking"}},
    ]}, ensure_ascii=False), encoding="utf-8")
    result = run_gate(build, suites)
    assert [o.success for o in result.outcomes] == [True, False, False]
    assert result.outcomes[1].unexpected_sample == ["10급"]
    assert [(o.expectation, o.unexpected_sample) for o in result.blocking_failures] == [
        ("expect_column_values_to_be_between", [3])]
    assert not result.publishable


def test_a_phone_number_in_the_evidence_store_blocks_publish(tmp_path):
    build = tmp_path / "build.duckdb"
    with duckdb.connect(str(build)) as connection:
        connection.execute("create schema marts")
        connection.execute("create table marts.audit_filing_lines as select * from (values "
                           "('d', 273, 'mobile : ###-####-####'), ('d', 274, '연락처 010-2426-0811'), "
                           "('d', 275, 'e-mail : someone@example.com'), ('d', 276, '예산 2,640백만원')) "
                           "v(document_id, line_number, text)")
    suites = tmp_path / "suites"
    suites.mkdir()
    (suites / "audit_filing_lines.json").write_bytes((EXPECTATIONS_DIR / "audit_filing_lines.json").read_bytes())
    result = run_gate(build, suites)
    failed = {(o.rule, tuple(o.unexpected_sample)) for o in result.blocking_failures}
    assert failed == {("no personal contact data: phone numbers", ("연락처 010-2426-0811",)),
                      ("no personal contact data: e-mail addresses", ("e-mail : someone@example.com",))}
    assert not result.publishable


def test_the_volume_guard_blocks_a_table_that_lost_more_than_a_fifth():
    published = {"dim_document": 5, "fct_revenue": 281, "fct_staffing": 111}
    outcomes = {o.table: o for o in volume_guard({"dim_document": 5, "fct_revenue": 224, "fct_staffing": 89},
                                                 published)}
    # 281 → 224 is a loss of 20.3%: blocked; 111 → 89 is 19.8%: allowed
    assert not outcomes["marts.fct_revenue"].success
    assert outcomes["marts.fct_revenue"].unexpected_sample == ["281 -> 224"]
    assert outcomes["marts.fct_staffing"].success and outcomes["marts.dim_document"].success
    # a filing removed from the raw dir explains the loss
    assert all(o.success for o in volume_guard({"dim_document": 4, "fct_revenue": 0}, published))


def test_the_volume_guard_lets_registers_of_problems_shrink():
    published = {"dim_document": 5, "audit_quarantine": 2, "audit_discrepancies": 11, "fct_table_cell": 100}
    outcomes = {o.table: o for o in volume_guard({"dim_document": 5, "audit_quarantine": 0,
                                                  "audit_discrepancies": 5, "fct_table_cell": 50}, published)}
    assert set(outcomes) == {"marts.dim_document", "marts.fct_table_cell"}
    assert not outcomes["marts.fct_table_cell"].success


def test_scoped_to_changed_documents_the_gate_reads_their_rows_and_the_rows_sharing_a_unique_value(tmp_path):
    build = tmp_path / "build.duckdb"
    with duckdb.connect(str(build)) as connection:
        connection.execute("create schema marts")
        # doc a is as the last build left it (its -1 passed then under other rules); doc b is new
        # and repeats a's key k1
        connection.execute("create table marts.t as select * from (values ('k1', -1, 'a', 3), ('k2', 5, 'b', 4), "
                           "('k1', 7, 'b', 5)) v(id, n, document_id, source_line)")
    suites = tmp_path / "suites"
    suites.mkdir()
    (suites / "t.json").write_text(json.dumps({"name": "t", "table": "marts.t", "expectations": [
        {"type": "expect_column_values_to_be_unique", "kwargs": {"column": "id"}, "meta": {"severity": "blocking"}},
        {"type": "expect_column_values_to_be_between", "kwargs": {"column": "n", "min_value": 0},
         "meta": {"severity": "blocking"}},
    ]}))
    changed_b = Scope(frozenset({"marts.t"}), frozenset({"b"}))
    unique, between = run_gate(build, suites, scope=changed_b).outcomes
    assert (unique.success, unique.unexpected_count, sorted(r["source_line"] for r in unique.unexpected_rows)) == (
        False, 2, [3, 5])
    # a's -1 was read only because it shares k1 with b's row
    assert (between.success, between.unexpected_rows) == (False, [{"document_id": "a", "source_line": 3}])
    nothing_changed = Scope(frozenset({"marts.t"}), frozenset())
    assert run_gate(build, suites, scope=nothing_changed).publishable
    assert not run_gate(build, suites, scope=Scope(frozenset({"marts.other"}), frozenset())).publishable


def _build_file(tmp_path, *tables: str):
    """A build file of marts tables, each given as ``name as select ...``."""
    build = tmp_path / "build.duckdb"
    with duckdb.connect(str(build)) as connection:
        connection.execute("create schema marts")
        for table in tables:
            connection.execute(f"create table marts.{table}")
    return build


def _suite_files(tmp_path, **suites: tuple[str, list]):
    """A folder of suite files: name -> (table, expectations)."""
    folder = tmp_path / "suites"
    folder.mkdir()
    for name, (table, expectations) in suites.items():
        (folder / f"{name}.json").write_text(json.dumps({"name": name, "table": table, "expectations": expectations}))
    return folder


BETWEEN_0 = {"type": "expect_column_values_to_be_between", "kwargs": {"column": "n", "min_value": 0},
             "meta": {"severity": "blocking"}}


def test_a_suite_whose_table_holds_no_row_of_the_changed_documents_is_not_run(tmp_path):
    build = _build_file(tmp_path, "t as select * from (values (-1, 'a', 3)) v(n, document_id, source_line)")
    columns = {"type": "expect_table_columns_to_match_set", "kwargs": {"column_set": ["n", "document_id"]},
               "meta": {"severity": "blocking"}}
    suites = _suite_files(tmp_path, t=("marts.t", [BETWEEN_0]), u=("marts.t", [columns]))
    only_c = Scope(frozenset({"marts.t"}), frozenset({"c"}))
    result = run_gate(build, suites, docs_dir=tmp_path / "docs", run_name="r1", scope=only_c)
    # a's -1 was checked when a was built; u looks at the table as a whole, changed rows or not
    assert result.unchanged == ["t"]
    assert [(o.suite, o.success) for o in result.outcomes] == [("u", False)]
    assert render_docs(tmp_path / "docs", suites) == tmp_path / "docs" / "site" / "index.html"
    assert not (tmp_path / "docs" / "site" / "validations" / "t").exists()
    assert (tmp_path / "docs" / "site" / "validations" / "u" / "r1").is_dir()
    assert {p.name for p in (tmp_path / "docs" / "site" / "expectations").iterdir()} == {"t.html", "u.html"}
    only_a = run_gate(build, suites, docs_dir=tmp_path / "docs", run_name="r2",
                      scope=Scope(frozenset({"marts.t"}), frozenset({"a"})))
    assert only_a.unchanged == [] and [(o.suite, o.success) for o in only_a.outcomes] == [("t", False), ("u", False)]
    # the pages drawn already are not drawn again
    first = next((tmp_path / "docs" / "site" / "validations" / "u" / "r1").rglob("*.html"))
    os.utime(first, (1_000_000, 1_000_000))
    render_docs(tmp_path / "docs", suites)
    assert first.stat().st_mtime == 1_000_000
    index = tmp_path / "docs" / "site" / "index.html"
    os.utime(index, (1_000_000, 1_000_000))
    render_docs(tmp_path / "docs", suites)  # nothing new: not even the index is drawn again
    assert index.stat().st_mtime == 1_000_000
    assert [len(list((tmp_path / "docs" / "site" / "validations" / s / "r2").rglob("*.html"))) for s in "tu"] == [1, 1]


def test_the_data_docs_keep_the_latest_refreshes_and_no_more(tmp_path):
    for age, run in enumerate(["run-c", "run-b", "run-a"]):  # run-a the oldest
        for store in ("validations", "site/validations"):
            for suite in ("fct_staffing", "fct_revenue"):
                folder = tmp_path / store / suite / run / "20261206T000000Z"
                folder.mkdir(parents=True)
                (folder / "build.json").write_text("{}")
        for suite in ("fct_staffing", "fct_revenue"):
            os.utime(tmp_path / "validations" / suite / run, (1_000_000 - age * 10, 1_000_000 - age * 10))
    assert prune_docs(tmp_path, 2) == ["run-a"]
    assert sorted(p.name for p in (tmp_path / "site/validations/fct_revenue").iterdir()) == ["run-b", "run-c"]
    assert sorted(p.name for p in (tmp_path / "validations/fct_staffing").iterdir()) == ["run-b", "run-c"]
    assert prune_docs(tmp_path, 2) == [] and prune_docs(tmp_path / "none", 2) == []


def test_a_suite_the_last_publish_passed_is_not_run_on_a_table_as_published_and_a_changed_suite_reads_all(tmp_path):
    build = _build_file(tmp_path, "dim as select * from (values (1, '5급'), (2, '10급')) v(id, grade)",
                        "fct as select * from (values (-1, 'a', 3)) v(n, document_id, source_line)")
    grade = {"type": "expect_column_values_to_be_in_set", "kwargs": {"column": "grade", "value_set": ["5급"]},
             "meta": {"severity": "recorded"}}
    suites = _suite_files(tmp_path, dim=("marts.dim", [grade]), fct=("marts.fct", [BETWEEN_0]))
    with duckdb.connect(str(build), read_only=True) as connection:
        as_published = table_fingerprints(connection, "build")
    only_c = Scope(frozenset({"marts.fct"}), frozenset({"c"}))
    passed = Published(as_published, suite_digests(load_suite_files(suites)))
    result = run_gate(build, suites, scope=only_c, published=passed)
    assert (result.unchanged, result.outcomes) == (["dim", "fct"], [])
    # the dimension grew a row since the publish: its suite reads the whole table again
    other = Published(as_published | {"dim": "1:0"}, passed.suites)
    result = run_gate(build, suites, scope=only_c, published=other)
    assert result.unchanged == ["fct"]
    assert [(o.suite, o.success, o.unexpected_sample) for o in result.outcomes] == [("dim", False, ["10급"])]
    # a suite changed since the publish never passed on these rows: a's -1 is read and blocks,
    # though only c's rows changed
    (suites / "fct.json").write_text(json.dumps({"name": "fct", "table": "marts.fct", "expectations": [
        BETWEEN_0 | {"kwargs": {"column": "n", "min_value": 0, "max_value": 10}}]}))
    result = run_gate(build, suites, scope=only_c, published=passed)
    assert result.unchanged == ["dim"]
    assert [(o.suite, o.unexpected_rows) for o in result.outcomes] == [("fct", [{"document_id": "a", "source_line": 3}])]
    assert not result.publishable

"""Faults traced to the filings whose rows fail a check (pipeline/holdback.py): dbt tests read back
through their compiled SQL, expectations through their unexpected rows, and what blocks."""

import duckdb
import pytest

from orchestration.pipeline.gate import BLOCKING, RECORDED, ExpectationOutcome
from orchestration.pipeline.holdback import MAX_BUILDS, Fault, dbt_faults, gate_faults, global_faults, settle

UNIQUE_SQL = """
select staffing_id as unique_field, count(*) as n_records
from "b"."marts"."fct_staffing" where staffing_id is not null
group by staffing_id having count(*) > 1
"""
NOT_NULL_SQL = 'select * from "b"."marts"."fct_staffing" where grade is null'
ACCEPTED_SQL = """
with all_values as (select grade as value_field, count(*) as n_records from "b"."marts"."fct_staffing" group by grade)
select * from all_values where value_field not in ('total', '5급')
"""
GOVERNMENTS_SQL = 'select * from "b"."marts"."dim_government" where name_ko is null'


@pytest.fixture
def build(tmp_path):
    path = tmp_path / "b.duckdb"
    with duckdb.connect(str(path)) as connection:
        connection.execute("create schema marts")
        connection.execute("""create table marts.fct_staffing as select * from (values
            ('k1', 'plan_a', 44, 'total'), ('k1', 'plan_a', 47, '5급'), ('k2', 'plan_b', 44, null),
            ('k3', 'plan_b', 45, '9급'), ('k4', 'plan_c', 12, 'total'))
            as t(staffing_id, document_id, source_line, grade)""")
        connection.execute("create table marts.dim_government as select '3170000' as government_code, "
                           "null::varchar as name_ko")
    return path


def manifest_with(*tests):
    nodes = {
        "model.localgov.fct_staffing": {"resource_type": "model", "schema": "marts", "name": "fct_staffing"},
        "seed.localgov.dim_government": {"resource_type": "seed", "schema": "marts", "name": "dim_government"},
    }
    for name, kind, column, model in tests:
        nodes[f"test.localgov.{name}"] = {
            "resource_type": "test", "name": name, "attached_node": model, "column_name": column,
            "test_metadata": {"name": kind, "kwargs": {"column_name": column}}, "config": {"meta": {}}}
    return {"nodes": nodes}


def results(*failed):
    return {"results": [{"unique_id": f"test.localgov.{name}", "status": "warn", "failures": 1, "compiled_code": sql,
                         "message": "Got 1 result"} for name, sql in failed]}


def test_dbt_tests_are_traced_to_the_rows_that_fail_them(build):
    manifest = manifest_with(("unique_fct_staffing_staffing_id", "unique", "staffing_id", "model.localgov.fct_staffing"),
                             ("not_null_fct_staffing_grade", "not_null", "grade", "model.localgov.fct_staffing"),
                             ("accepted_values_fct_staffing_grade", "accepted_values", "grade",
                              "model.localgov.fct_staffing"))
    faults = dbt_faults(results(("unique_fct_staffing_staffing_id", UNIQUE_SQL), ("not_null_fct_staffing_grade",
                                NOT_NULL_SQL), ("accepted_values_fct_staffing_grade", ACCEPTED_SQL)), manifest, build)
    assert [(f.check_name, f.document_id, f.source_lines) for f in faults] == [
        ("unique_fct_staffing_staffing_id", "plan_a", (44, 47)),
        ("not_null_fct_staffing_grade", "plan_b", (44,)),
        ("accepted_values_fct_staffing_grade", "plan_b", (45,))]


def test_a_test_on_a_table_of_no_filing_and_a_model_that_did_not_build_belong_to_none(build):
    manifest = manifest_with(("not_null_dim_government_name_ko", "not_null", "name_ko", "seed.localgov.dim_government"))
    run = results(("not_null_dim_government_name_ko", GOVERNMENTS_SQL))
    run["results"].append({"unique_id": "model.localgov.fct_staffing", "status": "error", "message": "Binder Error"})
    faults = dbt_faults(run, manifest | {"nodes": {**manifest["nodes"]}}, build)
    assert [(f.check_name, f.document_id) for f in faults] == [("not_null_dim_government_name_ko", None),
                                                               ("fct_staffing", None)]
    assert faults[1].detail == "model fct_staffing did not build: Binder Error"


def test_a_recorded_test_is_no_fault(build):
    manifest = manifest_with(("unique_fct_staffing_staffing_id", "unique", "staffing_id", "model.localgov.fct_staffing"))
    manifest["nodes"]["test.localgov.unique_fct_staffing_staffing_id"]["config"]["meta"] = {"gate": "recorded"}
    assert dbt_faults(results(("unique_fct_staffing_staffing_id", UNIQUE_SQL)), manifest, build) == []


def outcome(success=False, severity=BLOCKING, rows=()):
    return ExpectationOutcome(suite="fct_staffing", table="marts.fct_staffing", expectation="expect_x",
                              column="authorized", severity=severity, rule=None, success=success,
                              unexpected_rows=list(rows))


def test_expectations_are_traced_to_their_unexpected_rows():
    faults = gate_faults([outcome(rows=[{"document_id": "plan_a", "source_line": 44},
                                        {"document_id": "plan_a", "source_line": 40}]),
                          outcome(severity=RECORDED, rows=[{"document_id": "plan_b", "source_line": 1}]),
                          outcome(success=True)])
    assert [(f.check_name, f.document_id, f.source_lines) for f in faults] == [
        ("fct_staffing.expect_x(authorized)", "plan_a", (40, 44))]
    # a failure without rows (a row count, a table-wide expectation) belongs to no filing
    assert [f.document_id for f in gate_faults([outcome(rows=[])])] == [None]


def test_a_check_failing_on_most_filings_is_the_models_fault():
    faults = [Fault("unique_x", "d", document) for document in ("a", "b", "c")]
    assert global_faults(faults[:1], documents=5) == []
    assert global_faults(faults[:2], documents=5) == []
    assert [f.detail for f in global_faults(faults, documents=5)] == [
        "unique_x fails on 3 of 5 filings: a fault of the models, not of the filings"]
    assert global_faults(faults[:1], documents=1) == []


class Held:
    def __init__(self):
        self.documents = set()

    def add(self, faults):
        new = {f.document_id for f in faults} - self.documents
        self.documents |= new
        return sorted(new)


def test_settle_holds_back_and_builds_again_until_clean():
    rounds = iter([[Fault("c", "d", "a")], [Fault("c", "d", "b")], []])
    builds = []
    held = Held()
    assert settle(lambda: next(rounds), lambda: builds.append(1), held, documents=10) == []
    assert held.documents == {"a", "b"} and len(builds) == 2


def test_settle_blocks_on_a_fault_of_no_filing_and_on_faults_that_never_settle():
    held = Held()
    assert settle(lambda: [Fault("m", "no filing")], lambda: None, held, documents=10) == [Fault("m", "no filing")]
    assert held.documents == set()
    counter = iter(range(100))
    blocking = settle(lambda: [Fault("c", "d", f"doc{next(counter)}")], lambda: None, held, documents=100)
    assert len(held.documents) == MAX_BUILDS - 1
    assert blocking[0].check_name == "hold_back" and blocking[0].detail.startswith(
        f"checks still fail after {MAX_BUILDS} build(s) holding filings back: d")

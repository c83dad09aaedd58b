"""The dbt project's data tests, run as one query per table in this process.

dbt spends 20–40 ms on each test node around a query DuckDB answers in a millisecond or two:
with 400 tests that is most of an incremental build. So a build incremental by document runs
``dbt run`` (models only) and then the tests here, from the SQL dbt itself compiled for them:
after each build from scratch, ``dbt compile`` of the tests as an incremental build scopes them
(to the rows of the changed documents, ``macros/scoped_tests.sql``) is saved in the state dir
with the project's fingerprint, and each later incremental build runs every one of them, the
tests of a table as one ``union all``. A test's outcome is what ``dbt test`` gives it (dbt's
``fail_calc``, ``warn_if``, ``error_if`` and severity), written beside the build's
``run_results.json`` in the same shape, so the hold-back (``holdback.py``) reads both alike.

The tests still are dbt's: written in the YAML beside the models, compiled by dbt, and run by
``dbt build`` itself in every build from scratch.
"""

from __future__ import annotations

import json
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass
from pathlib import Path

import duckdb

from orchestration.pipeline.files import write_whole

CHECKS_FILE = "dbt_checks.json"
THREADS = 2  # as dbt's (profiles.yml)
RESULTS_FILE = "check_results.json"


@dataclass(frozen=True)
class Check:
    unique_id: str
    table: str  # the node whose rows it reads: the model it is attached to, else its first parent
    compiled_code: str
    severity: str = "error"
    fail_calc: str = "count(*)"
    warn_if: str = "!= 0"
    error_if: str = "!= 0"
    view: str = ""  # the relation of ``table`` when it is a view: computed once for all its checks


def compiled_checks(compile_results: dict, manifest: dict) -> list[Check]:
    """The data tests of a ``dbt compile`` (its run_results) with their configuration from the
    project's manifest."""
    nodes = manifest["nodes"]
    checks = []
    for result in compile_results.get("results", []):
        node = nodes.get(result["unique_id"])
        if not node or node["resource_type"] != "test" or not result.get("compiled_code"):
            continue
        config = node["config"]
        parents = node.get("depends_on", {}).get("nodes") or [""]
        table = node.get("attached_node") or parents[0]
        checked = nodes.get(table, {})
        is_view = checked.get("config", {}).get("materialized") == "view"
        view = (checked.get("relation_name") or "") if is_view else ""
        checks.append(Check(result["unique_id"], table, result["compiled_code"],
                            str(config.get("severity", "error")).lower(), config.get("fail_calc") or "count(*)",
                            config.get("warn_if") or "!= 0", config.get("error_if") or "!= 0", view))
    return sorted(checks, key=lambda check: check.unique_id)


# The compiled SQL names the state dir (the lake batch a staging model's tests are scoped to);
# saved with this in its place, the checks stay good for a copy of the data dir.
_STATE_DIR = "__LOCALGOV_STATE_DIR__"


def save_checks(path: Path, checks: list[Check], fingerprint: str) -> None:
    """Saved in the state dir ``path`` is in."""
    saved = [asdict(c) | {"compiled_code": c.compiled_code.replace(str(path.parent), _STATE_DIR)} for c in checks]
    write_whole(path, json.dumps({"fingerprint": fingerprint, "checks": saved}, ensure_ascii=False))


def load_checks(path: Path, fingerprint: str) -> list[Check] | None:
    """The saved checks, or None when there are none for this fingerprint (the project or the
    parser changed since they were compiled)."""
    if not path.exists():
        return None
    saved = json.loads(path.read_text(encoding="utf-8"))
    if saved.get("fingerprint") != fingerprint or not saved.get("checks"):
        return None
    return [Check(**check | {"compiled_code": check["compiled_code"].replace(_STATE_DIR, str(path.parent))})
            for check in saved["checks"]]


def _select(check: Check) -> str:
    """dbt's own wrapping of a test's query (its ``get_test_sql``), naming the test."""
    quoted = check.unique_id.replace("'", "''")
    return (f"select '{quoted}' as unique_id, failures, failures {check.warn_if} as should_warn, "
            f"failures {check.error_if} as should_error from (select {check.fail_calc} as failures "
            f"from ({check.compiled_code}\n) dbt_internal_test)")


def _result(check: Check, failures, should_warn, should_error, seconds: float, message: str | None = None) -> dict:
    if message is not None:
        status = "error"
    elif check.severity == "error" and should_error:
        status = "fail"
    elif should_warn:
        status = "warn"
    else:
        status = "pass"
    return {"unique_id": check.unique_id, "status": status, "failures": failures, "message": message,
            "execution_time": seconds, "compiled_code": check.compiled_code}


def run_checks(build_db: Path, checks: list[Check]) -> dict:
    """Every check on the build file, in the shape of dbt's run_results (``results``,
    ``elapsed_time``). A table's checks run as one query; when that query fails (a model that
    did not build), each of them runs alone so that only the broken ones report an error."""
    started = time.perf_counter()
    by_table: dict[str, list[Check]] = {}
    for check in checks:
        by_table.setdefault(check.table, []).append(check)
    results = []
    try:
        connection = duckdb.connect(str(build_db), read_only=True)
    except duckdb.Error as error:
        message = f"the build file could not be read: {str(error).splitlines()[0][:300]}"
        return {"results": [_result(check, None, None, None, 0.0, message) for check in checks],
                "elapsed_time": time.perf_counter() - started}
    def table_checks(group: list[Check]) -> list[dict]:
        cursor = connection.cursor()  # a cursor per thread: DuckDB runs them side by side
        try:
            begun = time.perf_counter()
            try:
                rows = cursor.execute(table_query(group)).fetchall()
            except duckdb.Error:
                return [_alone(cursor, check) for check in group]
            share = (time.perf_counter() - begun) / len(group)
            found = {row[0]: row[1:] for row in rows}
            return [_result(check, *found[check.unique_id], share) for check in group]
        finally:
            cursor.close()

    # Two at a time: a table's query is mostly DuckDB planning it, on one core (0.67 → 0.38 s
    # for 490 tests at 100 filings).
    with connection, ThreadPoolExecutor(THREADS) as pool:
        for found in pool.map(table_checks, [group for _, group in sorted(by_table.items())]):
            results += found
    return {"results": results, "elapsed_time": time.perf_counter() - started}


# A view is its query: each test of it computed the view again (a discrepancy rule's five tests,
# 0.78 s at 10,000 filings against 0.28 s for the view once).
_VIEW_ONCE = '"localgov_checked_view"'


def table_query(group: list[Check]) -> str:
    """A table's checks as one query, a view among them computed once for all of them."""
    query = "\nunion all\n".join(_select(check) for check in group)
    view = group[0].view
    if not view:
        return query
    return f"with {_VIEW_ONCE} as materialized (select * from {view})\n" + query.replace(view, _VIEW_ONCE)


def _alone(connection, check: Check) -> dict:
    begun = time.perf_counter()
    try:
        (row,) = connection.execute(_select(check)).fetchall()
    except duckdb.Error as error:
        return _result(check, None, None, None, time.perf_counter() - begun, str(error).splitlines()[0][:300])
    return _result(check, *row[1:], time.perf_counter() - begun)


def write_results(target_path: Path, results: dict) -> None:
    (target_path / RESULTS_FILE).write_text(json.dumps(results, ensure_ascii=False), encoding="utf-8")


def build_results(target_path: Path) -> dict:
    """A build's results: dbt's run_results, with the checks run here (if any) among them."""
    results = _read(target_path / "run_results.json")
    checks = _read(target_path / RESULTS_FILE)
    return {**results, "results": results.get("results", []) + checks.get("results", [])} if results else {}


def _read(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}

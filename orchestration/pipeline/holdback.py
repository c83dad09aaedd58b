"""Faults that belong to filings: a failed check is traced to the filings whose rows fail it,
and those filings are held back while everything else publishes.

Every dbt test warns rather than errors (``dbt_project.yml``), so one filing's bad row never
skips the models downstream of it; this module decides what a failure means:
- a failing test or expectation whose failing rows carry a ``document_id`` belongs to those
  filings: they are held back (``<state>/held_back.parquet``, read by dbt), the last good version
  of each of their paths takes their place, and the build runs again without them;
- a failure no filing owns (a model that does not build, a test on a table of no filing, bad
  reference seeds, the volume guard, rows of more than half of all filings at once: a model's
  fault, not a filing's) blocks the refresh.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq

from orchestration.pipeline.checks import build_results
from orchestration.pipeline.lake import Lake, write_parquet

HELD_BACK_SCHEMA = pa.schema([
    ("document_id", pa.string()),
    ("file_path", pa.string()),
    ("check_name", pa.string()),
    ("source_lines", pa.string()),
    ("detail", pa.string()),
    ("kept_document_id", pa.string()),
])

# Builds of one refresh: the first, and one more for each round of filings held back (a filing
# held back can uncover no new fault in the others, except through its last good version).
MAX_BUILDS = 3
LINES_SHOWN = 10
# dbt's generic tests name the failing value in their first column (unique_field, value_field,
# from_field); the model's rows with that value are the failing rows.
_VALUE_TESTS = frozenset({"unique", "accepted_values", "relationships"})


@dataclass(frozen=True)
class Fault:
    check_name: str
    detail: str
    document_id: str | None = None  # None: the fault belongs to no filing
    source_lines: tuple[int, ...] = ()


def _relation(node: dict) -> str:
    return f'"{node["schema"]}"."{node.get("alias") or node["name"]}"'


def _columns(connection, node: dict) -> set[str]:
    return {name for (name,) in connection.execute(
        "select column_name from information_schema.columns where table_schema = ? and table_name = ?",
        [node["schema"], node.get("alias") or node["name"]]).fetchall()}


def _by_document(rows) -> dict[str, tuple[int, ...]]:
    found: dict[str, set[int]] = {}
    for document_id, line in rows:
        if document_id is not None:
            found.setdefault(document_id, set()).update([line] if line is not None else [])
    return {d: tuple(sorted(lines)) for d, lines in found.items()}


def _failing_rows(connection, test: dict, model: dict, compiled: str) -> dict[str, tuple[int, ...]] | None:
    """The documents (and their lines) of the rows that fail a test, or None when the failing
    rows cannot be told apart by filing."""
    metadata = test.get("test_metadata") or {}
    column = (metadata.get("kwargs") or {}).get("column_name") or test.get("column_name")
    failing_columns = [d[0] for d in connection.execute(f"select * from ({compiled}) limit 0").description]
    if metadata.get("name") in _VALUE_TESTS | {"not_null"} and column and model:
        columns = _columns(connection, model)
        if "document_id" not in columns:
            return None
        line = "source_line" if "source_line" in columns else "null"
        where = (f"{column} is null" if metadata["name"] == "not_null" else
                 f"{column} in (select \"{failing_columns[0]}\" from failing)")
        sql = f"with failing as ({compiled}) select document_id, {line} from {_relation(model)} where {where}"
    elif "document_id" in failing_columns:
        line = "source_line" if "source_line" in failing_columns else "null"
        sql = f"select document_id, {line} from ({compiled})"
    else:
        return None
    return _by_document(connection.execute(sql).fetchall())


def dbt_error(target_path: Path) -> str:
    """The last error dbt logged in an invocation's target folder (its JSON log), in a line."""
    log = target_path / "dbt.log"
    errors = []
    for line in log.read_text(encoding="utf-8", errors="replace").splitlines() if log.exists() else []:
        try:
            event = json.loads(line)
        except ValueError:
            continue
        # The exception itself, not the traceback dbt logs after it.
        if event.get("info", {}).get("level") == "error" and event.get("data", {}).get("exc"):
            errors.append(event["data"]["exc"])
    return (errors[-1] if errors else "no error in its log").strip().splitlines()[0][:300]


def build_faults(target_path: Path, manifest: dict, build_db: Path, error: str | None = None) -> list[Fault]:
    """The faults of the dbt invocation whose target folder this is, with the data tests run
    apart from it; a build that ran no node (no run_results.json: dbt could not start, for
    ``error`` if it is known) is one fault of no filing."""
    results = build_results(target_path)
    if not results:
        return [Fault("dbt_build", f"dbt build did not run: {error or dbt_error(target_path)}")]
    return dbt_faults(results, manifest, build_db)


def dbt_faults(run_results: dict, manifest: dict, build_db: Path) -> list[Fault]:
    """Every failed dbt node of a build, as faults of filings or of none."""
    faults: list[Fault] = []
    nodes = manifest["nodes"]
    failed = [r for r in run_results["results"] if r["status"] in ("fail", "warn", "error", "runtime error")]
    if not failed:
        return faults
    with duckdb.connect(str(build_db), read_only=True) as connection:
        for result in failed:
            node = nodes.get(result["unique_id"], {})
            name = node.get("name", result["unique_id"])
            if node.get("resource_type") != "test" or result["status"] == "error":
                faults.append(Fault(name, f"{node.get('resource_type', 'node')} {name} did not build: "
                                          f"{(result.get('message') or '').strip()[:300]}"))
                continue
            if (node.get("config", {}).get("meta") or {}).get("gate") == "recorded":
                continue
            model = nodes.get(node.get("attached_node") or "", {})
            compiled = result.get("compiled_code") or node.get("compiled_code") or ""
            found = _failing_rows(connection, node, model, compiled) if compiled else None
            if not found:
                faults.append(Fault(name, f"dbt test {name} failed on {result.get('failures')} row(s) "
                                          "that no filing owns"))
                continue
            faults += [Fault(name, f"dbt test {name} fails on {len(lines) or 'some'} row(s) of this filing",
                             document, lines) for document, lines in found.items()]
    return faults


def gate_faults(outcomes) -> list[Fault]:
    """Blocking expectations that failed, as faults of the filings of their unexpected rows."""
    faults: list[Fault] = []
    for outcome in outcomes:
        if outcome.success or outcome.severity != "blocking":
            continue
        check = f"{outcome.suite}.{outcome.expectation}" + (f"({outcome.column})" if outcome.column else "")
        rows = outcome.unexpected_rows
        if not rows or any(row.get("document_id") is None for row in rows):
            faults.append(Fault(check, f"expectation {check} on {outcome.table} failed; no filing owns it "
                                       f"(observed {outcome.observed_value}, sample {outcome.unexpected_sample[:3]})"))
            continue
        found = _by_document((row["document_id"], row.get("source_line")) for row in rows)
        faults += [Fault(check, f"expectation {check} on {outcome.table} fails on {len(lines) or 'some'} "
                                f"row(s) of this filing", document, lines) for document, lines in found.items()]
    return faults


def global_faults(faults: list[Fault], documents: int) -> list[Fault]:
    """The faults that block: those of no filing, and a check failing on more than half of all
    filings (with two or more of them), which is the model's fault rather than theirs."""
    blocking = [f for f in faults if f.document_id is None]
    by_check: dict[str, set[str]] = {}
    for fault in faults:
        if fault.document_id is not None:
            by_check.setdefault(fault.check_name, set()).add(fault.document_id)
    for check, owners in sorted(by_check.items()):
        if len(owners) > 1 and len(owners) > documents / 2:
            blocking.append(Fault(check, f"{check} fails on {len(owners)} of {documents} filings: "
                                         "a fault of the models, not of the filings"))
    return blocking


class HeldBack:
    """The filings held back in this refresh, in the state dir where dbt reads them."""

    def __init__(self, state_dir: Path, lake: Lake):
        self.path = state_dir / "held_back.parquet"
        self.state_dir = state_dir
        self.lake = lake

    def reset(self) -> None:
        write_parquet(self.path, [], HELD_BACK_SCHEMA)

    def rows(self) -> list[dict]:
        return pq.read_table(self.path).to_pylist() if self.path.exists() else []

    def add(self, faults: list[Fault]) -> list[dict]:
        """Hold back the filings of these faults; returns the rows added (a filing already held
        back gains nothing)."""
        rows = self.rows()
        held = {row["document_id"] for row in rows}
        by_document: dict[str, list[Fault]] = {}
        for fault in faults:
            if fault.document_id and fault.document_id not in held:
                by_document.setdefault(fault.document_id, []).append(fault)
        added = []
        paths = self._paths()
        for document_id, found in sorted(by_document.items()):
            lines = sorted({line for fault in found for line in fault.source_lines})
            for file_path in paths.get(document_id, [None]):
                added.append({
                    "document_id": document_id,
                    "file_path": file_path,
                    "check_name": ", ".join(sorted({f.check_name for f in found})),
                    "source_lines": ", ".join(map(str, lines[:LINES_SHOWN]))
                                    + (f" … ({len(lines)} lines)" if len(lines) > LINES_SHOWN else ""),
                    "detail": "; ".join(sorted({f.detail for f in found})),
                    "kept_document_id": self._last_good(file_path, held | set(by_document)) if file_path else None,
                })
        write_parquet(self.path, rows + added, HELD_BACK_SCHEMA)
        return added

    def _paths(self) -> dict[str, list[str]]:
        paths: dict[str, list[str]] = {}
        raw_files = self.state_dir / "raw_files.parquet"
        for row in pq.read_table(raw_files).to_pylist() if raw_files.exists() else []:
            paths.setdefault(row["document_id"], []).append(row["file_path"])
        return paths

    def _last_good(self, file_path: str, excluded: set[str]) -> str | None:
        """The newest earlier document of the path that was read and extracted cleanly and is
        not held back itself: what stays published for the path."""
        from orchestration.pipeline.ingest import extract_new
        from orchestration.pipeline.versions import carry_forward, status

        history = self.state_dir / "path_history.parquet"
        rows = pq.read_table(history).to_pylist() if history.exists() else []
        earlier = sorted((r for r in rows if r["file_path"] == file_path and r["document_id"] not in excluded),
                         key=lambda r: r["first_seen"], reverse=True)
        for row in earlier:
            if carry_forward(self.lake, row["document_id"]):
                extract_new(self.lake, [row["document_id"]])
                if status(self.lake, row["document_id"]) is None:
                    return row["document_id"]
        return None


def describe(faults: list[Fault]) -> str:
    """One line for the refresh log."""
    return "; ".join(dict.fromkeys(f.detail for f in faults))[:500]


def settle(find_faults: Callable[[], list[Fault]], rebuild: Callable[[], None], held: HeldBack,
           documents: int) -> list[Fault]:
    """Find the faults of the build; while they all belong to filings, hold those filings back
    and build again. Returns what blocks the refresh (nothing when the build is clean)."""
    for build in range(1, MAX_BUILDS + 1):
        faults = find_faults()
        if not faults:
            return []
        blocking = global_faults(faults, documents)
        if blocking:
            return blocking
        if build == MAX_BUILDS or not held.add(faults):
            return [Fault("hold_back", f"checks still fail after {build} build(s) holding filings back: "
                                       + describe(faults))]
        rebuild()
    return []


def current_documents(state_dir: Path) -> int:
    raw_files = state_dir / "raw_files.parquet"
    return len({row["document_id"] for row in pq.read_table(raw_files).to_pylist()}) if raw_files.exists() else 0

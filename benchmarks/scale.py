"""The warehouse at national scale: full and incremental refreshes of a synthetic corpus.

For each size N (default 100, 1,000 and 10,000 filings; ``--sizes`` or ``BENCH_SIZES`` for
others) the script writes a corpus (``benchmarks/corpus.py``), then measures:

- a full refresh on an empty data dir (``localgov-refresh`` in a child process, as a data
  engineer runs it): wall time and peak memory (resident set of the whole process tree, sampled
  every 0.1 s) per stage, the stages cut by Dagster's own step timings;
- extraction throughput in MB/s per core beside a single pass over the same bytes (read,
  decode, split lines, every number by one regex), and ``extract_document`` alone per core;
- that every filing extracted to exactly the facts the generator wrote (``expected.jsonl``);
- a rebuild from scratch of the same lake (``make refresh FULL=1``);
- a refresh after one filing changed, after one was added and after one was removed (each
  incremental), with where the time goes: the stages, and in the dbt step dbt's own run (models,
  tests) beside what the invocation costs around it;
- filings added one at a time while ``make watch`` runs, from the file written to its publish;
- dbt's fixed cost per invocation (a build that selects nothing) and a parse with and without
  the partial-parse file, on the command line and in process as a refresh runs dbt;
- the ways of publishing one refresh: writing every table into a new file, copying the published
  file and writing the changed tables (what ``publish`` does), a copy-on-write clone;
- p50 / p95 latency of the BI questions on the published file (a read-only connection, as a BI
  tool holds one).

Results: ``benchmarks/results.md`` and ``benchmarks/results.json`` (``--output`` elsewhere).

    make bench                                  # every benchmark
    .venv/bin/python benchmarks/scale.py --sizes 100
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from benchmarks.corpus import differences, generate, write_corpus  # noqa: E402

DEFAULT_SIZES = (100, 1_000, 10_000)
STAGES = {  # stage -> Dagster step keys
    "discovery": ("raw_filings", "raw_manifest"),
    "extraction": ("read_filings", "extract_filings"),
    "dbt build": ("dbt_models",),
    "gate": ("warehouse_gate",),
    "publish": ("published_warehouse",),
}
TARGETS = {"full_refresh_10k_s": 180, "peak_memory_10k_gib": 4.0, "new_filing_10k_s": 10, "new_filing_100_s": 5,
           "extraction_vs_baseline": 5.0, "bi_p95_ms": 100}
BI_ROUNDS = 40
_NUMBER = re.compile(r"[△▲-]?\d[\d,]*(?:\.\d+)?")


# --- memory of a process tree -------------------------------------------------------------------

def _tree_rss(root: int) -> int:
    """Resident bytes of ``root`` and every descendant (shared pages counted in each: an upper bound)."""
    parents, rss = {}, {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as handle:
                fields = handle.read().rsplit(b")", 1)[1].split()
            parents[int(entry)] = int(fields[1])
            rss[int(entry)] = int(fields[21]) * os.sysconf("SC_PAGE_SIZE")
        except (OSError, IndexError, ValueError):
            continue
    family, frontier = {root}, [root]
    while frontier:
        parent = frontier.pop()
        for pid, ppid in parents.items():
            if ppid == parent and pid not in family:
                family.add(pid)
                frontier.append(pid)
    return sum(rss.get(pid, 0) for pid in family)


def run_sampled(command: list[str], env: dict[str, str]) -> tuple[float, list[tuple[float, int]], str]:
    """Run ``command``; (wall seconds, [(unix time, tree RSS bytes)], output)."""
    samples: list[tuple[float, int]] = []
    started = time.perf_counter()
    process = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    done = threading.Event()

    def sample() -> None:
        while not done.is_set():
            samples.append((time.time(), _tree_rss(process.pid)))
            done.wait(0.1)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    output, _ = process.communicate()
    wall = time.perf_counter() - started
    done.set()
    sampler.join()
    if process.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed ({process.returncode}):\n{output[-3000:]}")
    return wall, samples, output


def stage_times(dagster_home: Path, samples: list[tuple[float, int]]) -> dict[str, dict[str, float]]:
    """Seconds and peak GiB per stage of the latest run, from Dagster's step statistics."""
    from dagster import DagsterInstance

    with DagsterInstance.from_config(str(dagster_home)) as instance:
        run = instance.get_runs(limit=1)[0]
        steps = {s.step_key: (s.start_time, s.end_time) for s in instance.get_run_step_stats(run.run_id)}
    stages = {}
    for stage, keys in STAGES.items():
        spans = [steps[k] for k in keys if k in steps and steps[k][0] and steps[k][1]]
        if not spans:
            continue
        start, end = min(s for s, _ in spans), max(e for _, e in spans)
        # A stage shorter than the sampling interval holds no sample: the nearest one stands for it.
        inside = [rss for at, rss in samples if start <= at <= end]
        nearest = min(samples, key=lambda sample: min(abs(sample[0] - start), abs(sample[0] - end)), default=(0, 0))
        peak = max(inside) if inside else nearest[1]
        stages[stage] = {"seconds": round(sum(e - s for s, e in spans), 2), "peak_gib": round(peak / 2**30, 2)}
    return stages


# --- throughput -----------------------------------------------------------------------------------

def baseline_mb_s(files: list[Path]) -> tuple[float, int]:
    """One pass over the bytes: read, decode, split lines, every number by one regex."""
    started, size, found = time.perf_counter(), 0, 0
    for path in files:
        data = path.read_bytes()
        size += len(data)
        for line in data.decode("utf-8").splitlines():
            found += len(_NUMBER.findall(line))
    return size / 1e6 / (time.perf_counter() - started), found


def parser_mb_s(files: list[Path]) -> float:
    """``extract_document`` alone, in this process (one core), on the same bytes."""
    from orchestration.extract.document import extract_document
    from orchestration.extract.governments import government_index
    from orchestration.extract.text import decode_bytes
    from orchestration.settings import GOVERNMENT_SEED

    governments = government_index(GOVERNMENT_SEED)
    started, size = time.perf_counter(), 0
    for path in files:
        data = path.read_bytes()
        size += len(data)
        extract_document(path.name, "\n".join(decode_bytes(data).lines), governments)
    return size / 1e6 / (time.perf_counter() - started)


# --- correctness at scale -------------------------------------------------------------------------

def check_facts(corpus: Path, data: Path) -> tuple[int, int, list[str]]:
    """(filings checked, filings exact, the first problems) from the lake against expected.jsonl."""
    import duckdb

    from orchestration.extract.version import PARSER_VERSION
    from orchestration.pipeline.lake import EXTRACT_TABLES

    expected = [json.loads(line) for line in (corpus / "expected.jsonl").read_text(encoding="utf-8").splitlines()]
    lake, state = data / "lake", data / "state"
    con = duckdb.connect()
    ids = dict(con.execute(f"select file_path, document_id from read_parquet('{state / 'raw_files.parquet'}')").fetchall())
    per_table = {}
    for table in EXTRACT_TABLES:
        # _schema.parquet keeps the glob matching when no filing has rows for the table.
        frame = con.execute(f"select * from read_parquet('{lake / table}/*.parquet', union_by_name => true) "
                            "where parser_version = ?", [PARSER_VERSION])
        columns = [c[0] for c in frame.description]
        grouped: dict[str, list[dict]] = {}
        for row in frame.fetchall():
            record = dict(zip(columns, row))
            grouped.setdefault(record["document_id"], []).append(record)
        per_table[table] = grouped
    exact, problems = 0, []
    for filing in expected:
        document_id = ids[filing["path"]]
        tables = {t: per_table[t].get(document_id, []) for t in EXTRACT_TABLES}
        classification = (tables["classifications"] or [{}])[0]
        found = differences(filing, classification.get("kind"), classification.get("government_code"), tables)
        if found:
            problems += [f"{filing['path']}: {p}" for p in found[:3]]
        else:
            exact += 1
    return len(expected), exact, problems[:20]


# --- BI questions ---------------------------------------------------------------------------------

BI_QUESTIONS = {
    "department budgets of a government and year": (
        "select org_unit, budget_total_krw from marts.mart_department_overview "
        "where government_code = ? and fiscal_year = ? order by org_unit", "work_plan"),
    "pledge investment by period": (
        "select period_label, amount_krw from marts.fct_pledge_investment "
        "where government_code = ? and is_total_row and ? is not null order by fiscal_year_from nulls first",
        "pledge_investment_plan"),
    "pledged money by year, top-level pledges": (
        "select fiscal_year_from, sum(amount_krw) from marts.mart_pledge_budget "
        "where government_code = ? and parent_pledge_code is null and ? is not null group by all order by 1",
        "pledge_investment_plan"),
    "staffing authorized vs current": (
        "select org_unit, authorized, current from marts.current_staffing "
        "where government_code = ? and grade = 'total' and ? is not null order by org_unit", "work_plan"),
    "candidates' assets of an election body": (
        "select candidate_id, amount_krw from marts.fct_candidate_finance "
        "where government_code = ? and measure = 'assets' and relation = 'total' and ? is not null order by 2 desc",
        "candidate_disclosure"),
}


def bi_latency(published: Path, corpus: Path) -> dict[str, dict[str, float]]:
    import duckdb

    expected = [json.loads(line) for line in (corpus / "expected.jsonl").read_text(encoding="utf-8").splitlines()]
    years = {f["path"]: int(f["path"].split("/")[1]) for f in expected}
    results = {}
    with duckdb.connect(str(published), read_only=True) as con:
        for question, (sql, kind) in BI_QUESTIONS.items():
            subjects = [(f["government_code"], years[f["path"]]) for f in expected if f["kind"] == kind][:BI_ROUNDS]
            if not subjects:
                continue
            timings, answered = [], 0
            for government, year in (subjects * (BI_ROUNDS // len(subjects) + 1))[:BI_ROUNDS]:
                started = time.perf_counter()
                rows = con.execute(sql, [government, year]).fetchall()
                timings.append((time.perf_counter() - started) * 1000)
                answered += bool(rows)
            timings.sort()
            results[question] = {"p50_ms": round(statistics.median(timings), 2),
                                 "p95_ms": round(timings[int(0.95 * (len(timings) - 1))], 2),
                                 "answered": f"{answered}/{len(timings)}"}
    return results


# --- one size -------------------------------------------------------------------------------------

def refresh(env: dict[str, str], *flags: str) -> tuple[float, list[tuple[float, int]]]:
    wall, samples, _ = run_sampled([sys.executable, "-m", "orchestration.refresh", *flags], env)
    return wall, samples


def dbt_split(data: Path) -> dict[str, float]:
    """The latest dbt step's own run: dbt's elapsed time, its models' and tests' seconds (summed
    over both threads) and how many nodes ran; and the data tests run apart from dbt, one query
    per table (``pipeline/checks.py``), how many and their seconds."""
    runs = sorted((data / "dbt" / "target").glob("dbt_models-*/run_results.json"), key=lambda p: p.stat().st_mtime)
    results = json.loads(runs[-1].read_text(encoding="utf-8"))
    spent = {"model": 0.0, "test": 0.0, "seed": 0.0, "unit_test": 0.0}
    for node in results["results"]:
        spent[node["unique_id"].split(".")[0]] += node["execution_time"]
    apart = runs[-1].with_name("check_results.json")
    checks = json.loads(apart.read_text(encoding="utf-8")) if apart.exists() else {"results": [], "elapsed_time": 0.0}
    return {"elapsed_s": round(results["elapsed_time"], 2), "nodes": len(results["results"]),
            **{f"{kind}s_s": round(seconds, 2) for kind, seconds in spent.items()},
            "checks_apart": len(checks["results"]), "checks_apart_s": round(checks["elapsed_time"], 2)}


def incremental(env: dict[str, str], data: Path) -> dict:
    wall, samples = refresh(env)
    return {"wall_s": round(wall, 1), "stages": stage_times(data / "dagster", samples), "dbt": dbt_split(data)}


WATCH_INTERVAL_S = 0.5
LIVE_POLL_S = 0.1


def watched_refreshes(env: dict[str, str], corpus: Path, extras: list, published: Path) -> dict[str, list[list[float]]]:
    """Filings added one at a time while ``make watch`` runs, then the last of them changed and
    then removed: for each, the seconds from the file written (or removed) to the published
    warehouse showing it (a BI tool's read-only look every ``LIVE_POLL_S``: the filing there,
    its new version there, the filing gone), and to the watching process saying its refresh
    ended (the look at the raw dir every ``WATCH_INTERVAL_S`` included in both). The first
    addition pays for the process's first refresh; the others are what a watch costs once it
    is up. Returns {"added": [[live, ended], ...], "changed": [[live, ended]], "removed": ...}."""
    process = subprocess.Popen([sys.executable, "-m", "orchestration.refresh", "--watch", str(WATCH_INTERVAL_S)],
                               cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    lines: list[str] = []
    threading.Thread(target=lambda: lines.extend(process.stdout), daemon=True).start()

    def wait_for(text: str, count: int) -> None:
        while sum(text in line for line in lines) < count:
            if process.poll() is not None:
                raise RuntimeError("the watch ended: " + "".join(lines[-20:]))
            time.sleep(0.02)

    import duckdb

    def versions(path: str) -> set[str] | None:
        try:
            with duckdb.connect(str(published), read_only=True) as con:
                return {d for (d,) in con.execute("select document_id from marts.dim_document where file_path = ?",
                                                  [path]).fetchall()}
        except duckdb.Error:  # the file is being replaced, as a BI tool may meet it
            return None

    timings: dict[str, list[list[float]]] = {"added": [], "changed": [], "removed": []}
    refreshes = 0

    def timed(what: str, act, path: str, shows) -> None:
        nonlocal refreshes
        refreshes += 1
        started = time.perf_counter()
        act()
        while not shows(versions(path)):
            if sum("watching again" in line for line in lines) >= refreshes:
                raise RuntimeError(f"a watched refresh ended without publishing the filing {what}: "
                                   + "".join(lines[-20:]))
            time.sleep(LIVE_POLL_S)
        live = round(time.perf_counter() - started, 1)
        wait_for("watching again", refreshes)
        if not any(line.startswith("published in") for line in lines[-3:]):
            raise RuntimeError("a watched refresh did not publish: " + "".join(lines[-20:]))
        timings[what].append([live, round(time.perf_counter() - started, 1)])

    try:
        wait_for("watching ", 1)
        for extra in extras:
            target = corpus / "raw" / extra.path
            target.parent.mkdir(parents=True, exist_ok=True)
            timed("added", lambda: target.write_text(extra.text, encoding="utf-8"), extra.path, bool)
        last = extras[-1]
        last_file = corpus / "raw" / last.path
        before = versions(last.path)
        timed("changed", lambda: last_file.write_text(last.text + "※ 이 자료는 수정되었습니다.\n", encoding="utf-8"),
              last.path, lambda now: bool(now) and now != before)
        timed("removed", last_file.unlink, last.path, lambda now: now == set())
    finally:
        process.send_signal(signal.SIGINT)
        process.wait(timeout=120)
    return timings


def dbt_fixed_cost(env: dict[str, str], data: Path) -> dict[str, float]:
    """Seconds of a dbt command line that selects nothing (start, read the project, plan), and of
    a parse with the data dir's partial-parse file and without one; then the same in a process
    of its own as a refresh invokes dbt (the parse once, an invocation on it)."""
    from orchestration.settings import DBT_PROJECT_DIR, Paths

    dbt = str(Path(sys.executable).with_name("dbt"))
    env = {**env, **Paths(Path(env["LOCALGOV_RAW_DIR"]), data).environment()}
    target = data / "dbt" / "bench-target"
    shutil.rmtree(target, ignore_errors=True)
    target.mkdir(parents=True)
    timings = {}
    for name, command, partial in (
            ("parse_without_partial_parse_s", ["parse", "--no-partial-parse"], False),
            ("parse_with_partial_parse_s", ["parse"], True),
            ("build_selecting_nothing_s", ["build", "--select", "tag:selects_nothing"], True)):
        if partial:
            shutil.copyfile(data / "dbt" / "target" / "partial_parse.msgpack", target / "partial_parse.msgpack")
        started = time.perf_counter()
        subprocess.run([dbt, *command, "--quiet", "--profiles-dir", str(DBT_PROJECT_DIR), "--project-dir",
                        str(DBT_PROJECT_DIR), "--target-path", str(target)], env=env, check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        timings[name] = round(time.perf_counter() - started, 2)
    shutil.rmtree(target, ignore_errors=True)
    timings |= _in_process_cost(env, data)
    return timings


# What a refresh pays for dbt in its own process (pipeline/dbt_invocation.py): the import and the
# parse, which a refresh overlaps with reading the filings, then an invocation on that parse; and
# in a second process, the import and the parse the first one saved, read back.
_IN_PROCESS = """
import json, sys, time
from pathlib import Path
started = time.perf_counter()
from orchestration.pipeline.dbt_invocation import ParsedProject
from orchestration.settings import DBT_PROJECT_DIR
project = ParsedProject(DBT_PROJECT_DIR, DBT_PROJECT_DIR, Path(sys.argv[1]), key="bench")
project.manifest()
parsed = time.perf_counter()
invocation = project.invoke(["build", "--select", "tag:selects_nothing"], "bench")
assert invocation.success, invocation.error
done = time.perf_counter()
print(json.dumps({sys.argv[2] + "_s": round(parsed - started, 2),
                  sys.argv[2] + "_build_selecting_nothing_s": round(done - parsed, 2)}))
"""


def _in_process_cost(env: dict[str, str], data: Path) -> dict[str, float]:
    target = data / "dbt" / "bench-in-process"
    shutil.rmtree(target, ignore_errors=True)
    target.mkdir(parents=True)
    shutil.copyfile(data / "dbt" / "target" / "partial_parse.msgpack", target / "partial_parse.msgpack")
    timings = {}
    for name in ("in_process_import_and_parse", "in_process_import_and_saved_parse"):
        out = subprocess.run([sys.executable, "-c", _IN_PROCESS, str(target), name], env=env, cwd=REPO, check=True,
                             capture_output=True, text=True).stdout
        timings |= json.loads(out.strip().splitlines()[-1])
    shutil.rmtree(target, ignore_errors=True)
    return timings


def publish_options(data: Path, scratch: Path) -> dict:
    """The published warehouse written three ways from the same build file: every table into a
    new file; a copy of the published file with the tables of one added filing written again
    (what ``publish`` does); a copy-on-write clone (``cp --reflink``), where the filesystem has one."""
    import duckdb

    from orchestration.pipeline.publish import table_fingerprints

    build, published = data / "build" / "localgov_build.duckdb", data / "localgov.duckdb"
    record = json.loads((data / "state" / "published_tables.json").read_text(encoding="utf-8"))
    out = {"published_mb": round(published.stat().st_size / 1e6, 1)}
    target = scratch / "publish-option.duckdb"

    def write(tables: list[str] | None) -> float:
        started = time.perf_counter()
        if tables is not None:
            shutil.copyfile(published, target)
        with duckdb.connect(str(target)) as connection:
            connection.execute("attach ? as build (read_only)", [str(build)])
            connection.execute("create schema if not exists marts")
            names = list(table_fingerprints(connection, "build")) if tables is None else tables
            for name in names:
                connection.execute(f'create or replace table marts."{name}" as select * from build.marts."{name}"')
            connection.execute("checkpoint")
        seconds = time.perf_counter() - started
        target.unlink()
        return round(seconds, 2)

    out["every_table_s"] = write(None)
    out["copy_and_changed_tables_s"] = write(sorted(record))  # the worst case: every table changed
    out["copy_and_last_refresh_tables_s"] = write(_last_written(data))
    clone = subprocess.run(["cp", "--reflink=always", str(published), str(target)], capture_output=True, text=True)
    out["reflink_clone"] = "supported" if clone.returncode == 0 else clone.stderr.strip().split(": ")[-1]
    target.unlink(missing_ok=True)
    return out


def _last_written(data: Path) -> list[str]:
    """The tables the last publish wrote, from its log line (the refresh log aside)."""
    log = (data / "logs" / "latest.log").read_text(encoding="utf-8")
    written = re.search(r"\(wrote ([^;]*); the other tables are as they were\)", log)
    return [name for name in written.group(1).split(", ") if name != "audit_refresh_log"] if written else []


def bench_size(n: int, scratch: Path) -> dict:
    corpus, data = scratch / f"corpus-{n}", scratch / f"data-{n}"
    print(f"[{n}] writing the corpus", flush=True)
    write_corpus(corpus, n)
    files = sorted((corpus / "raw").rglob("*.txt"))
    size_mb = sum(f.stat().st_size for f in files) / 1e6
    env = {**os.environ, "LOCALGOV_RAW_DIR": str(corpus / "raw"), "LOCALGOV_DATA_DIR": str(data),
           "GX_ANALYTICS_ENABLED": "False"}
    print(f"[{n}] full refresh of {len(files)} filings, {size_mb:.1f} MB", flush=True)
    wall, samples = refresh(env)
    stages = stage_times(data / "dagster", samples)
    result = {"n": n, "corpus_mb": round(size_mb, 2), "full_refresh_s": round(wall, 1),
              "peak_gib": round(max(rss for _, rss in samples) / 2**30, 2), "stages": stages}
    checked, exact, problems = check_facts(corpus, data)
    result["facts"] = {"filings": checked, "exact": exact, "problems": problems}

    cores = os.cpu_count() or 1
    baseline, _ = baseline_mb_s(files)
    extraction = stages.get("extraction", {}).get("seconds") or float("nan")
    sample = files[:: max(1, len(files) // 200)]
    result["throughput"] = {"baseline_mb_s": round(baseline, 1),
                            "pipeline_mb_s_per_core": round(size_mb / extraction / cores, 3),
                            "parser_mb_s_one_core": round(parser_mb_s(sample), 3)}
    result["throughput"]["baseline_over_pipeline"] = round(baseline / result["throughput"]["pipeline_mb_s_per_core"], 1)

    print(f"[{n}] the same lake rebuilt from scratch (FULL=1)", flush=True)
    wall, samples = refresh(env, "--full")
    result["full_rebuild"] = {"wall_s": round(wall, 1), "stages": stage_times(data / "dagster", samples),
                              "dbt": dbt_split(data)}
    print(f"[{n}] one filing changed", flush=True)
    changed = files[len(files) // 2]
    changed.write_text(changed.read_text(encoding="utf-8") + "※ 이 자료는 수정되었습니다.\n", encoding="utf-8")
    result["changed_one"] = incremental(env, data)
    print(f"[{n}] one filing added", flush=True)
    extra = generate(n + 1)[-1]
    target = corpus / "raw" / extra.path
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(extra.text, encoding="utf-8")
    result["added_one"] = incremental(env, data)
    result["publish"] = publish_options(data, scratch)
    print(f"[{n}] one filing removed", flush=True)
    files[len(files) // 3].unlink()
    result["removed_one"] = incremental(env, data)
    print(f"[{n}] filings added to a watching process", flush=True)
    result["watched"] = watched_refreshes(env, corpus, generate(n + 4)[-3:], data / "localgov.duckdb")
    result["dbt_fixed"] = dbt_fixed_cost(env, data)
    result["bi"] = bi_latency(data / "localgov.duckdb", corpus)
    return result


# --- report ---------------------------------------------------------------------------------------

def _stage_seconds(run: dict) -> str:
    """A refresh's seconds per stage as table cells, ``–`` for a stage it did not run."""
    return " | ".join(str(run["stages"].get(s, {}).get("seconds", "–")) for s in STAGES)


def report(results: list[dict]) -> str:
    cores = os.cpu_count()
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    lines = ["# Scale benchmark", "",
             f"Machine: {platform.machine()}, {cores} cores, {memory:.0f} GiB, Python {platform.python_version()}. "
             "Written by `benchmarks/scale.py` (`make bench`); the numbers behind it are in `results.json`.", "",
             "## Full refresh (empty data dir)", "",
             "| filings | MB | wall s | peak GiB | " + " | ".join(f"{s} s (GiB)" for s in STAGES) + " | facts exact |",
             "|---:|---:|---:|---:|" + "---:|" * len(STAGES) + "---:|"]
    for r in results:
        stages = " | ".join(f"{r['stages'][s]['seconds']} ({r['stages'][s]['peak_gib']})" if s in r["stages"] else "–"
                            for s in STAGES)
        lines.append(f"| {r['n']:,} | {r['corpus_mb']} | {r['full_refresh_s']} | {r['peak_gib']} | {stages} | "
                     f"{r['facts']['exact']}/{r['facts']['filings']} |")
    lines += ["", "## Extraction throughput", "",
              "| filings | baseline MB/s (1 core) | pipeline MB/s per core | extract_document MB/s (1 core) | baseline ÷ pipeline |",
              "|---:|---:|---:|---:|---:|"]
    for r in results:
        t = r["throughput"]
        lines.append(f"| {r['n']:,} | {t['baseline_mb_s']} | {t['pipeline_mb_s_per_core']} | "
                     f"{t['parser_mb_s_one_core']} | {t['baseline_over_pipeline']}× |")
    lines += ["", "## Rebuilt from scratch (`make refresh FULL=1`, the lake already read)", "",
              "| filings | wall s | " + " | ".join(f"{s} s" for s in STAGES) + " | dbt nodes | dbt run s |",
              "|---:|---:|" + "---:|" * len(STAGES) + "---:|---:|"]
    for r in results:
        stages = _stage_seconds(r["full_rebuild"])
        lines.append(f"| {r['n']:,} | {r['full_rebuild']['wall_s']} | {stages} | {r['full_rebuild']['dbt']['nodes']} | "
                     f"{r['full_rebuild']['dbt']['elapsed_s']} |")
    lines += ["", "## One filing changed, added or removed (incremental; the command's wall time, then where it goes)",
              "",
              "| filings | filing | wall s | " + " | ".join(f"{s} s" for s in STAGES)
              + " | dbt nodes | dbt run s | models s | tests in dbt s | tests apart | tests apart s |",
              "|---:|---|---:|" + "---:|" * len(STAGES) + "---:|---:|---:|---:|---:|---:|"]
    for r in results:
        for what in ("changed", "added", "removed"):
            one = r[f"{what}_one"]
            stages = _stage_seconds(one)
            dbt = one["dbt"]
            lines.append(f"| {r['n']:,} | {what} | {one['wall_s']} | {stages} | {dbt['nodes']} | "
                         f"{dbt['elapsed_s']} | {dbt['models_s']} | {dbt['tests_s']} | {dbt.get('checks_apart', 0)} | "
                         f"{dbt.get('checks_apart_s', 0.0)} |")
    lines += ["", "## Filings added, changed and removed while `make watch` runs (one process that stays up; "
              "from the file written or removed to the published file showing it, a read-only look every "
              f"{LIVE_POLL_S:g} s, and to its refresh's end; a look at raw/ every {WATCH_INTERVAL_S:g} s included "
              "in both)", "",
              "| filings | the watch's first refresh (added): live s, ended s | added: live s, ended s "
              "| changed | removed |",
              "|---:|---|---|---|---|"]
    for r in results:
        watched = r.get("watched")
        if watched:
            def pairs(runs):
                return "; ".join(f"{live}, {ended}" for live, ended in runs) or "–"
            lines.append(f"| {r['n']:,} | {pairs(watched['added'][:1])} | {pairs(watched['added'][1:])} | "
                         f"{pairs(watched['changed'])} | {pairs(watched['removed'])} |")
    lines += ["", "Models and tests seconds are summed over dbt's two threads; \"dbt run\" is dbt's own elapsed "
              "time. \"Tests apart\" are dbt's data tests run from their compiled SQL, one query per table, "
              "after dbt (`orchestration/pipeline/checks.py`). The rest of the dbt step is waiting for the "
              "project's parse (begun with the run), Dagster's events, and the row counts and previews of "
              "the models.", "",
              "## What a dbt invocation costs before it runs anything", "",
              "| filings | command line: parse, no partial-parse file s | parse with it s | build selecting nothing s "
              "| in process: import and parse s | build selecting nothing on that parse s "
              "| next process: import and the saved parse read back s | build selecting nothing on it s |",
              "|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for r in results:
        f = r["dbt_fixed"]
        lines.append(f"| {r['n']:,} | {f['parse_without_partial_parse_s']} | {f['parse_with_partial_parse_s']} | "
                     f"{f['build_selecting_nothing_s']} | {f.get('in_process_import_and_parse_s', '–')} | "
                     f"{f.get('in_process_import_and_parse_build_selecting_nothing_s', '–')} | "
                     f"{f.get('in_process_import_and_saved_parse_s', '–')} | "
                     f"{f.get('in_process_import_and_saved_parse_build_selecting_nothing_s', '–')} |")
    lines += ["", "## Publishing one refresh, three ways (the build after one added filing)", "",
              "| filings | published MB | every table into a new file s | copy + every table s | "
              "copy + the refresh's changed tables s | copy-on-write clone |",
              "|---:|---:|---:|---:|---:|---|"]
    for r in results:
        p = r["publish"]
        lines.append(f"| {r['n']:,} | {p['published_mb']} | {p['every_table_s']} | {p['copy_and_changed_tables_s']} | "
                     f"{p['copy_and_last_refresh_tables_s']} | {p['reflink_clone']} |")
    lines += ["", f"## BI questions on the published file ({BI_ROUNDS} asks each, one read-only connection)", "",
              "| filings | question | p50 ms | p95 ms | answered |", "|---:|---|---:|---:|---:|"]
    for r in results:
        for question, q in r["bi"].items():
            lines.append(f"| {r['n']:,} | {question} | {q['p50_ms']} | {q['p95_ms']} | {q['answered']} |")
    lines += ["", "## Targets", ""] + verdicts(results)
    problems = [p for r in results for p in r["facts"]["problems"]]
    if problems:
        lines += ["", "## Facts that differ from the corpus", "", *(f"- {p}" for p in problems)]
    return "\n".join(lines) + "\n"


def verdicts(results: list[dict]) -> list[str]:
    largest = max(results, key=lambda r: r["n"])
    smallest = min(results, key=lambda r: r["n"])
    scale = f"at {largest['n']:,} filings" + ("" if largest["n"] >= 10_000 else " (the targets are set for 10,000)")

    def slowest(r):
        return max(r[f"{what}_one"]["wall_s"] for what in ("changed", "added", "removed"))

    checks = [
        ("full refresh", largest["full_refresh_s"], TARGETS["full_refresh_10k_s"], "s"),
        ("peak memory", largest["peak_gib"], TARGETS["peak_memory_10k_gib"], "GiB"),
        ("one filing changed, added or removed, the slowest", slowest(largest), TARGETS["new_filing_10k_s"], "s"),
        ("extraction vs the single-pass baseline", largest["throughput"]["baseline_over_pipeline"],
         TARGETS["extraction_vs_baseline"], "×"),
        ("BI p95", max(q["p95_ms"] for q in largest["bi"].values()), TARGETS["bi_p95_ms"], "ms"),
    ]
    lines = [f"Measured {scale}:", ""]
    if smallest["n"] <= 100:
        checks.insert(3, (f"the same at {smallest['n']:,} filings", slowest(smallest), TARGETS["new_filing_100_s"], "s"))
    for r, name, target in (
            (largest, "one filing added, changed or removed while `make watch` is up, published, the slowest",
             TARGETS["new_filing_10k_s"]),
            (smallest, f"the same at {smallest['n']:,} filings", TARGETS["new_filing_100_s"])):
        if r.get("watched") and (r is largest or r["n"] <= 100):
            w = r["watched"]
            checks.insert(-2, (name, max(live for live, _ in w["added"][1:] + w["changed"] + w["removed"]), target, "s"))
    for name, value, target, unit in checks:
        verdict = "meets" if value <= target else f"MISSES by {value / target:.1f}×"
        lines.append(f"- {name}: {value} {unit} (target under {target} {unit}): {verdict}")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default=os.environ.get("BENCH_SIZES", ",".join(map(str, DEFAULT_SIZES))),
                        help="comma-separated corpus sizes (default 100,1000,10000)")
    parser.add_argument("--output", type=Path, default=REPO / "benchmarks",
                        help="where results.md and results.json go")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    results = []
    with tempfile.TemporaryDirectory(prefix="localgov-scale-") as scratch:
        for n in sizes:
            results.append(bench_size(n, Path(scratch)))
            write_results(args.output, results)
    print((args.output / "results.md").read_text(encoding="utf-8"))
    return 0 if all(r["facts"]["exact"] == r["facts"]["filings"] for r in results) else 1


def write_results(output: Path, results: list[dict]) -> None:
    output.mkdir(parents=True, exist_ok=True)
    (output / "results.json").write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    (output / "results.md").write_text(report(results), encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())

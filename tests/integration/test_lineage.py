"""Lineage an auditor can follow: every fact's excerpt is its filing line, `localgov` explains a
fact and traces a line, and the same raw files give the same warehouse in two data dirs.

The session's seed warehouse is A. B is a second data dir refreshed from scratch with the same
seeds. A copy of A then refreshes with one news figure changed (454 → 455 사업계획) while a BI
process reads the published file all along.
"""

import ast
import os
import shutil
import subprocess
import sys

import duckdb
import pytest

from orchestration.cli import main

pytestmark = pytest.mark.slow
NEWS = "003_8108045a813991b6.txt"
# When this warehouse first saw the bytes: wall-clock by definition, so not part of the
# comparison (refresh times live in audit_refresh_log, left out as a whole).
INGESTION_TIMES = {"dim_document": "ingested_at", "audit_quarantine": "first_seen"}

READER = """
import os, sys, time, duckdb
path, stop = sys.argv[1], sys.argv[2]
seen, reads = set(), 0
while not os.path.exists(stop) and reads < 20000:  # bounded: the refresh takes far fewer
    reads += 1
    with duckdb.connect(path, read_only=True) as con:
        refreshes = con.execute("select count(*) from marts.audit_refresh_log").fetchone()[0]
        documents = con.execute("select count(*) from marts.dim_document").fetchone()[0]
        rows = con.execute("select count(*) from marts.fct_revenue").fetchone()[0]
    seen.add((refreshes, documents, rows))
    time.sleep(0.01)
print(sorted(seen))
"""


@pytest.fixture(scope="module")
def warehouses(seed_warehouse, tmp_path_factory):
    saved = dict(os.environ)
    root = tmp_path_factory.mktemp("lineage")
    fresh = seed_warehouse.copy(root / "b")
    shutil.rmtree(fresh.data_dir)
    fresh.data_dir.mkdir()
    result, text, published = fresh.refresh()
    assert result.success and published, text

    changed = seed_warehouse.copy(root / "changed")
    news = changed.raw_dir / NEWS
    news.write_text(news.read_text(encoding="utf-8").replace("총 454개의", "총 455개의"), encoding="utf-8")
    lake_files = {p: p.stat().st_mtime_ns for p in changed.paths.lake_dir.rglob("*.parquet")}
    stop = root / "stop"
    reader = subprocess.Popen([sys.executable, "-c", READER, str(changed.paths.published_db), str(stop)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    result, text, published = changed.refresh()
    stop.touch()
    out, err = reader.communicate(timeout=60)
    assert result.success and published, text
    assert reader.returncode == 0, err
    os.environ.clear()
    os.environ.update(saved)
    yield {"a": contents(seed_warehouse.paths.published_db), "b": contents(fresh.paths.published_db),
           "changed": contents(changed.paths.published_db), "reader": set(ast.literal_eval(out)),
           "lake_before": lake_files,
           "lake_after": {p: p.stat().st_mtime_ns for p in changed.paths.lake_dir.rglob("*.parquet")}}


def query(database, sql):
    with duckdb.connect(str(database), read_only=True) as connection:
        return connection.execute(sql).fetchall()


def contents(database) -> dict[str, list[tuple]]:
    """Every published table but the refresh log, each row as a tuple of its columns, sorted."""
    tables = [name for (name,) in query(database, "select table_name from information_schema.tables "
                                                  "where table_schema = 'marts' and table_name <> 'audit_refresh_log'")]
    out = {}
    for table in tables:
        excluded = f" exclude ({INGESTION_TIMES[table]})" if table in INGESTION_TIMES else ""
        columns = [c for (c,) in query(database, f"select column_name from information_schema.columns "
                                                 f"where table_name = '{table}' order by ordinal_position")]
        rows = query(database, f'select *{excluded} from marts."{table}"')
        kept = [c for c in columns if not (table in INGESTION_TIMES and c == INGESTION_TIMES[table])]
        out[table] = sorted((dict(zip(kept, row)) for row in rows), key=repr)
    return out


def test_two_data_dirs_give_the_same_warehouse(warehouses):
    snapshot_a, snapshot_b = warehouses["a"], warehouses["b"]
    assert snapshot_a.keys() == snapshot_b.keys() and len(snapshot_a) == 32
    different = [table for table in snapshot_a if snapshot_a[table] != snapshot_b[table]]
    assert different == []
    assert len(snapshot_a["fct_table_cell"]) == 1766


# The tracker draws on every filing of a pledge's government (linked projects, mentions): a changed
# news article changes the tracker rows of the pledges it mentions, in those columns only.
OWN_FILING_COLUMNS = {"mart_pledge_tracker": ("pledge_id", "government_code", "pledge_code", "title", "strategy",
                                              "department", "source_kind", "document_id", "source_line")}


def test_a_changed_filing_changes_only_its_own_rows(warehouses):
    snapshot_a, changed = warehouses["a"], warehouses["changed"]
    for table, columns in OWN_FILING_COLUMNS.items():
        snapshot_a = {**snapshot_a, table: sorted(({c: r[c] for c in columns} for r in snapshot_a[table]), key=repr)}
        changed = {**changed, table: sorted(({c: r[c] for c in columns} for r in changed[table]), key=repr)}
    old = {r["document_id"] for r in snapshot_a["dim_document"] if r["file_path"] == NEWS}
    new = {r["document_id"] for r in changed["dim_document"] if r["file_path"] == NEWS}
    assert len(old) == len(new) == 1 and old != new
    touched = set()
    for table, rows in snapshot_a.items():
        if rows and "document_id" not in rows[0]:
            assert changed[table] == rows, table
            continue
        assert [r for r in changed[table] if r["document_id"] not in new] == \
               [r for r in rows if r["document_id"] not in old], table
        if [r for r in changed[table] if r["document_id"] in new] != [r for r in rows if r["document_id"] in old]:
            touched.add(table)
    assert {"dim_document", "fct_news_claim", "audit_filing_lines", "audit_unclaimed_numbers"} <= touched
    claims = [(r["printed_value"], r["value"]) for r in changed["fct_news_claim"] if r["claim"].startswith("총 455")]
    assert claims == [("455개", 455)]


def test_a_refresh_reads_only_the_changed_filing_and_readers_never_wait(warehouses):
    # a BI process read the published file all through the refresh: never blocked, never a mix
    assert warehouses["reader"] and warehouses["reader"] <= {(1, 5, 281), (2, 5, 281)}
    before, after = warehouses["lake_before"], warehouses["lake_after"]
    assert {p: after[p] for p in before} == before  # nothing read or extracted again
    assert {p.parent.name for p in set(after) - set(before)} >= {"filings", "lines", "news_claims", "classifications"}


def test_every_excerpt_is_its_filing_line_and_prints_the_figure(seed_warehouse):
    paths = seed_warehouse.paths
    tables = [t for (t,) in query(paths.published_db, "select table_name from information_schema.columns "
                                                      "where table_schema = 'marts' and column_name = 'source_excerpt'")]
    assert len(tables) == 18
    # the seeds print no debt and no fund (checked on the corpus: test_workplan_debt.py, test_workplan_funds.py)
    empty = {t for t in tables if query(paths.published_db, f'select count(*) from marts."{t}"') == [(0,)]}
    assert empty == {"fct_debt", "fct_fund"}
    for table in sorted(set(tables) - empty):
        columns = {c for (c,) in query(paths.published_db, "select column_name from information_schema.columns "
                                                            f"where table_name = '{table}'")}
        mismatched = query(paths.published_db, f"""
            select count(*), count(*) filter (line.text is distinct from fact.source_excerpt)
            from marts."{table}" as fact
            left join marts.audit_filing_lines as line
                on line.document_id = fact.document_id and line.line_number = fact.source_line""")
        assert mismatched[0][0] > 0 and mismatched[0][1] == 0, table
        figure = next((c for c in ("printed_value", "token") if c in columns), None)
        if figure:
            missing = query(paths.published_db, f'select count(*) from marts."{table}" '
                                                f"where {figure} is not null and not contains(source_excerpt, {figure})")
            assert missing == [(0,)], table


def first_key_and_line(paths, table):
    key_column = query(paths.published_db, "select column_name from information_schema.columns "
                                           f"where table_name = '{table}' order by ordinal_position limit 1")[0][0]
    return query(paths.published_db, f'select "{key_column}", source_line, source_excerpt, document_id '
                                      f'from marts."{table}" order by 1 limit 1')[0]


@pytest.mark.parametrize("table", ["fct_staffing", "fct_department_budget", "fct_project_budget", "fct_revenue",
                                   "fct_settlement", "fct_pledge_investment", "fct_candidate_finance",
                                   "fct_news_claim", "fct_table_cell", "dim_pledge", "dim_project", "dim_candidate",
                                   "audit_unclaimed_numbers"])
def test_explain_prints_the_filing_line_and_the_refresh(seed_warehouse, table, capsys):
    paths = seed_warehouse.use()
    key, line, excerpt, document_id = first_key_and_line(paths, table)
    assert main(["explain", table, key[:16]]) == 0
    out = capsys.readouterr().out
    (refresh,) = query(paths.published_db, "select refresh_id from marts.audit_refresh_log where published")[0]
    (file_path,) = query(paths.published_db, f"select file_path from marts.dim_document where document_id = '{document_id}'")[0]
    assert f"filing:   {file_path} l.{line}  (sha256 {document_id}" in out
    shown = next(text for text in out.splitlines() if text.startswith(f"  > {line:>5} | "))
    assert shown.replace("»", "").replace("«", "") == f"  > {line:>5} | " + excerpt.replace("\t", " ⇥ ")
    assert f"refresh:  {refresh} published" in out
    assert f"models:   {table} ← " in out and "source lake." in out
    assert "lake:     lake/" in out and "parser:   0." in out


def test_explain_lists_the_expectations_of_the_refresh(seed_warehouse, capsys):
    paths = seed_warehouse.use()
    key = query(paths.published_db, "select staffing_id from marts.fct_staffing where source_line = 44 "
                                    "and grade = 'total'")[0][0]
    assert main(["explain", "fct_staffing", key]) == 0
    out = capsys.readouterr().out
    assert "  >    44 | 기획예산과 ⇥ »22 (24)« ⇥ 0 (0)" in out
    assert "p.1 l.44: org_unit='기획예산과', grade_printed='합 계', printed_value='22 (24)'" in out
    assert "filing:   004_dad12c48b3c039a4.txt l.44  (sha256 " in out
    assert "  pass  expect_column_values_to_be_between(authorized) [blocking] – REF-03 headcount >= 0" in out
    assert "unique_fct_staffing_staffing_id" in out


def test_trace_lists_every_cell_and_fact_of_a_table_line(seed_warehouse, capsys):
    seed_warehouse.use()
    assert main(["trace", "004_dad12c48b3c039a4.txt:58"]) == 0
    out = capsys.readouterr().out
    assert "  >    58 |  ⇥ 정책사업비 ⇥ 20,248,516 ⇥ 53,511,001 ⇥ △33,262,485 ⇥ △ 62.16" in out
    assert "fct_table_cell (4):" in out and "fct_department_budget (2):" in out
    for column, printed in [("2024년", "20,248,516"), ("2023년 (당초예산)", "53,511,001"), ("증 감", "△33,262,485"),
                            ("증감률(%)", "△ 62.16")]:
        assert f"column_label='{column}', column_index=" in out and f"printed_value='{printed}'" in out
    assert main(["trace", "003_8108045a813991b6.txt:3"]) == 0
    news = capsys.readouterr().out
    assert "fct_news_claim (2):" in news and "numbers nobody took (2): 30 (label), 8 (label)" in news


def test_trace_takes_the_path_as_a_person_writes_it(seed_warehouse, capsys, monkeypatch):
    paths = seed_warehouse.use()
    monkeypatch.chdir(paths.raw_dir.parent)
    for where in ("raw/004_dad12c48b3c039a4.txt:58", f"{paths.raw_dir}/004_dad12c48b3c039a4.txt:58"):
        assert main(["trace", where]) == 0
        assert "  >    58 |  ⇥ 정책사업비 ⇥ 20,248,516" in capsys.readouterr().out, where


def test_explain_lists_the_facts_a_mart_row_was_computed_from(seed_warehouse, capsys):
    """A BI tool's row (세무2과's 2023 overview) back to the fact rows behind it, each with its
    filing line; a row of a reference seed names the seed."""
    paths = seed_warehouse.use()
    ((key,),) = query(paths.published_db, "select overview_id from marts.mart_department_overview "
                                          "where org_unit = '세무2과' and fiscal_year = 2023")
    assert main(["explain", "mart_department_overview", key]) == 0
    out = capsys.readouterr().out
    assert "computed from:\n  fct_department_budget (4):\n" in out
    assert ("    004_dad12c48b3c039a4.txt l.77: org_unit='세무2과', printed_value='631,437', amount_krw=631437000 | "
            "세 무 2 과\t계\t624,902\t631,437\t△ 6,535\t△ 1.03") in out
    assert "  fct_staffing (17):" in out
    assert main(["explain", "dim_government", "3170000"]) == 0
    assert "filing:   none: a row of the reference seed dbt_project/seeds/governments.csv" in capsys.readouterr().out


def test_sql_queries_the_published_file_read_only(seed_warehouse, capsys):
    """The shell a BI analyst reaches for first, without a DuckDB shell of the file's version."""
    seed_warehouse.use()
    assert main(["sql", "select kind, count(*) as filings from marts.dim_document group by 1 order by 1"]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "kind                    filings", "----------------------  -------", "candidate_disclosure    1",
        "news_article            1", "pledge_investment_plan  1", "pledge_list             1", "work_plan               1",
        "(5 rows)"]
    assert main(["sql", "--csv", "select org_unit, authorized from marts.fct_staffing where source_line = 44 "
                 "and grade = 'total'"]) == 0
    assert capsys.readouterr().out == "org_unit,authorized\n기획예산과,22\n"
    assert main(["sql", "delete from marts.dim_document"]) == 2
    assert "read-only" in capsys.readouterr().err


def test_the_command_ends_quietly_on_a_closed_pipe(seed_warehouse):
    """`localgov status | head`: the reader goes away before the command has written."""
    environment = os.environ | {"LOCALGOV_RAW_DIR": str(seed_warehouse.raw_dir),
                                "LOCALGOV_DATA_DIR": str(seed_warehouse.data_dir)}
    command = subprocess.Popen([sys.executable, "-m", "orchestration.cli", "status"], env=environment,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    command.stdout.close()
    _, err = command.communicate(timeout=60)
    assert (command.returncode, err) == (0, "")


def test_status_and_clear_errors(seed_warehouse, capsys):
    paths = seed_warehouse.use()
    assert main(["status"]) == 0
    out = capsys.readouterr().out
    (refresh,) = query(paths.published_db, "select refresh_id from marts.audit_refresh_log")[0]
    assert f"{refresh}  5 filings" in out and ": published" in out and "quarantined (0):" in out
    assert main(["explain", "fct_nothing", "1"]) == 2
    assert "localgov explain: no table 'fct_nothing' in marts; the tables are: audit_discrepancies" in capsys.readouterr().err
    assert main(["explain", "fct_staffing", "zzzz"]) == 2
    assert "no row of fct_staffing has staffing_id = 'zzzz'" in capsys.readouterr().err
    assert main(["trace", "004_dad12c48b3c039a4.txt:9999"]) == 2
    assert "has lines 1 to 2719, not 9999" in capsys.readouterr().err
    assert main(["trace", "missing.txt:1"]) == 2
    assert "no published filing is 'missing.txt'" in capsys.readouterr().err

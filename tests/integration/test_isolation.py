"""One filing never takes the refresh down.

- Versions: the seeds plus 100 near-identical copies of them (one line appended to each, as a
  re-download or a re-issue would be) and the seeds' tab tables rewritten as space-aligned
  columns (what PDF text extraction gives) all publish in one refresh, each version with its own
  rows, the current_* tables and the BI marts reading one version per filing.
- Faults: a step that fails for no filing's sake is logged with its reason and publishes
  nothing; then a work plan whose new version prints a negative headcount, a pledge list that
  prints one code twice, a leaflet cut off mid-table and a manifest row with two problems are
  held back or quarantined with the check and the line named, the last good versions stay
  published, and everything else publishes; a reviewer's reject written beside the filings
  (the same refresh, to spare one) removes the link it names.
"""

import os

import pytest

from orchestration.cli import main as localgov
from orchestration.pipeline.publish import read_refresh_log
from orchestration.settings import REPO_ROOT

pytestmark = pytest.mark.slow
SEEDS = REPO_ROOT / "raw"
LEAFLET, PLEDGES, INVESTMENTS, NEWS, WORK_PLAN = sorted(path.name for path in SEEDS.glob("*.txt"))
COPIES = 20  # of each of the five seeds: 100 in all
HALL = "내일을 만드는 미래직업체험관 조성·운영"


def aligned(text: str) -> str:
    """The text with every block of tab-separated lines printed as columns padded with spaces."""
    out, block = [], []

    def flush():
        rows = [line.split("\t") for line in block]
        widths = [max(len(row[i]) if i < len(row) else 0 for row in rows) for i in range(max(map(len, rows), default=0))]
        out.extend("  ".join(cell.ljust(widths[i]) for i, cell in enumerate(row)).rstrip() for row in rows)
        block.clear()

    for line in text.split("\n"):
        if "\t" in line:
            block.append(line)
            continue
        flush()
        out.append(line)
    flush()
    return "\n".join(out)


def sha_of(warehouse, path):
    return warehouse.query("select document_id from marts.dim_document where file_path = ?", [path])[0][0]


@pytest.fixture(scope="module")
def versions(seed_warehouse, tmp_path_factory):
    """One refresh of the seeds, their copies and their space-aligned rewrites (module-scoped:
    extracting 102 new filings is this module's one expensive step)."""
    saved = dict(os.environ)
    warehouse = seed_warehouse.copy(tmp_path_factory.mktemp("versions"))
    # every copy newer than the seeds, the rewrites newest (versions printing no date are ordered
    # by their files' modification times)
    base = max(path.stat().st_mtime for path in warehouse.raw_dir.iterdir()) + 1
    newest = base + COPIES + 10
    for seed in SEEDS.glob("*.txt"):
        text = seed.read_text(encoding="utf-8")
        for k in range(1, COPIES + 1):
            copy = warehouse.raw_dir / f"copy{k:02d}_{seed.name}"
            copy.write_text(text + ("" if text.endswith("\n") else "\n") + f"추가 줄 {k}\n", encoding="utf-8")
            os.utime(copy, (base + k, base + k))
        if "\t" in text:
            rewrite = warehouse.raw_dir / f"aligned_{seed.name}"
            rewrite.write_text(aligned(text), encoding="utf-8")
            os.utime(rewrite, (newest, newest))
    result, text, published = warehouse.refresh()
    yield warehouse, result, text, published
    os.environ.clear()
    os.environ.update(saved)


def test_copies_and_rewrites_publish_beside_the_seeds(versions):
    warehouse, result, text, published = versions
    assert result.success and published, text
    assert warehouse.query("select count(*) from marts.dim_document") == [(5 + 5 * COPIES + 2,)]
    assert warehouse.query("select * from marts.audit_quarantine") == []
    # five filings, each with its versions; one current version each
    assert warehouse.query("""
        select kind, version_count, count(*), count(*) filter (where is_current_version)
        from marts.dim_document group by all order by kind""") == [
        ("candidate_disclosure", 22, 22, 1), ("news_article", 21, 21, 1), ("pledge_investment_plan", 21, 21, 1),
        ("pledge_list", 21, 21, 1), ("work_plan", 22, 22, 1)]
    assert warehouse.query("select file_path, version_number from marts.dim_document where is_current_version "
                           "order by 1") == [
        (f"aligned_{LEAFLET}", 22), (f"aligned_{WORK_PLAN}", 22), (f"copy20_{PLEDGES}", 21),
        (f"copy20_{INVESTMENTS}", 21), (f"copy20_{NEWS}", 21)]
    assert warehouse.query(f"select version_number from marts.dim_document where file_path = '{WORK_PLAN}'") == [(1,)]


def test_each_version_keeps_its_own_rows(versions):
    warehouse, *_ = versions
    per_version = warehouse.query("""
        select count(distinct s.document_id), min(n), max(n) from (
            select document_id, count(*) as n from marts.fct_staffing group by all) as s""")
    assert per_version == [(22, 111, 111)]
    assert warehouse.query("select count(*) from marts.fct_staffing") == [(22 * 111,)]
    assert warehouse.query("select count(*) from marts.fct_department_budget") == [(22 * 50,)]
    assert warehouse.query("select count(*) from marts.fct_project_budget") == [(22 * 475,)]


def test_the_space_aligned_rewrite_reads_like_the_tab_original(versions):
    warehouse, *_ = versions
    original, rewrite = sha_of(warehouse, WORK_PLAN), sha_of(warehouse, f"aligned_{WORK_PLAN}")
    for table, columns in {
        "fct_staffing": "org_unit, grade, authorized, current, as_of, statement, source_line",
        "fct_department_budget": "org_unit, category, fiscal_year, amount_krw, source_line",
        "fct_project_budget": "project_name, funding_source, period_label, amount_krw, source_line",
    }.items():
        rows = {document: warehouse.query(f"select {columns} from marts.{table} where document_id = ? order by all",
                                          [document]) for document in (original, rewrite)}
        assert rows[original] and rows[rewrite] == rows[original], table


def test_current_tables_and_marts_read_one_version_per_filing(versions, seed_warehouse):
    warehouse, *_ = versions
    rewrite = sha_of(warehouse, f"aligned_{WORK_PLAN}")
    assert warehouse.query("select count(*), count(distinct document_id), min(document_id) "
                           "from marts.current_staffing") == [(56, 1, rewrite)]
    assert warehouse.query("select count(*) from marts.current_department_budget") == [(50,)]
    for mart in ("mart_department_overview", "mart_revenue_performance"):
        assert warehouse.query(f"select count(*) from marts.{mart}") == seed_warehouse.query(
            f"select count(*) from marts.{mart}"), mart
    # one version of each pledge filing: 63 pledges of the list, 62 of the investment plan, 40 of
    # the leaflet
    assert warehouse.query("select count(*), count(distinct document_id) from marts.mart_pledge_tracker") == [(165, 3)]
    assert warehouse.query("select count(*) from marts.bridge_pledge_project") == [(4,)]


def test_findings_of_each_version_have_keys_of_their_own(versions):
    warehouse, *_ = versions
    # the work plan's ten findings in each of its 22 versions, and the one name spelled two ways
    # by 금천구's units (a finding about the government's org units, not about a version)
    assert warehouse.query("select count(*), count(distinct discrepancy_id) from marts.audit_discrepancies") == [
        (22 * 10 + 1, 22 * 10 + 1)]
    assert warehouse.query("select count(*) from marts.audit_discrepancies "
                           "where check_name = 'same_quantity_two_statements'") == [(22 * 2,)]


@pytest.fixture(scope="module")
def faults(seed_warehouse, tmp_path_factory):
    """Two refreshes of one copy of the seeds: one whose dbt step cannot open the build file,
    then one with four broken filings."""
    saved = dict(os.environ)
    warehouse = seed_warehouse.copy(tmp_path_factory.mktemp("faults"))
    paths = warehouse.use()
    originals = {name: sha_of(warehouse, name) for name in (WORK_PLAN, LEAFLET)}
    paths.build_db.unlink()
    paths.build_db.mkdir()  # the build file cannot be opened: a fault of no filing
    failed = warehouse.refresh()
    paths.build_db.rmdir()

    raw = warehouse.raw_dir
    lines = (SEEDS / WORK_PLAN).read_text(encoding="utf-8").split("\n")
    assert lines[43].startswith("기획예산과\t22 (24)")
    lines[43] = lines[43].replace("\t6 (7)\t", "\t△6 (7)\t", 1)  # 7급 정원 -6
    (raw / WORK_PLAN).write_text("\n".join(lines), encoding="utf-8")
    pledges = (SEEDS / PLEDGES).read_text(encoding="utf-8")
    (raw / "dup_001.txt").write_text(pledges.replace("지역개발-03 |", "지역개발-02 |", 1), encoding="utf-8")
    leaflet = (SEEDS / LEAFLET).read_text(encoding="utf-8").split("\n")
    (raw / LEAFLET).write_text("\n".join(leaflet[:32] + [leaflet[32][:6]]), encoding="utf-8")
    (raw / "manifest.csv").write_text(f"path,government,kind,published_on,source_url\n{NEWS},,budget_book,yesterday,\n",
                                      encoding="utf-8")
    # and a reviewer's decisions beside the filings: one reject, one row that names no project
    (raw / "pledge_link_overrides.csv").write_text(
        "government_code,pledge_code,org_unit,project_name,plan_year,decision,reviewer,reason,decided_on\n"
        f"3170000,경제공동체-04,일자리청년과,{HALL},2024,reject,test reviewer,not the pledge's hall,2026-11-24\n"
        "3170000,경제공동체-04,일자리청년과,,2024,reject,test reviewer,no project named,2026-11-24\n",
        encoding="utf-8")
    held = warehouse.refresh()
    yield warehouse, originals, failed, held
    os.environ.clear()
    os.environ.update(saved)


def test_a_fault_of_no_filing_publishes_nothing_and_is_logged(faults, capsys):
    warehouse, _, (result, text, published), _ = faults
    assert not published and not result.success
    assert text.splitlines()[1] == (f"  NOT published: dbt_models failed: dbt build blocked: dbt build did not run: "
                                    f'IO Error: Could not read from file "{warehouse.paths.build_db}": Is a directory')
    log = {e["refresh_id"]: e for e in read_refresh_log(warehouse.paths.refresh_log)}
    entry = log[result.run_id]
    assert (entry["published"], entry["failed_step"]) == (False, "dbt_models")
    assert entry["failure_reason"].startswith("dbt build blocked: ")
    capsys.readouterr()
    assert localgov(["status"]) == 0
    assert f"{result.run_id}  NOT published: dbt_models failed: dbt build blocked: " in capsys.readouterr().out


def test_broken_filings_are_held_back_and_the_rest_publishes(faults):
    warehouse, originals, _, (result, text, published) = faults
    assert result.success and published, text
    quarantine = warehouse.query("select file_path, reason, detail, kept_sha256 from marts.audit_quarantine order by 1")
    assert [(path, reason, kept) for path, reason, _, kept in quarantine] == [
        (LEAFLET, "truncated", originals[LEAFLET]),
        (WORK_PLAN, "held_back", originals[WORK_PLAN]),
        ("dup_001.txt", "held_back", None),
        ("manifest.csv:2", "manifest_unknown_kind", None),
        ("pledge_link_overrides.csv:3", "review_bad_row", None)]
    details = [detail for _, _, detail, _ in quarantine]
    assert details[0].startswith("the file ends at line 33 inside table")
    assert details[1].startswith("fails fct_staffing.expect_column_values_to_be_between(authorized) on line(s) 44: ")
    assert details[2].startswith("fails unique_dim_pledge_pledge_id, unique_mart_pledge_tracker_pledge_id "
                                 "on line(s) 11, 15: ")
    assert details[3] == ("line 2: 'budget_book' is not one of candidate_disclosure, news_article, "
                          "pledge_investment_plan, pledge_list, work_plan; the kind is told from the content "
                          "instead; published_on 'yesterday' is not a YYYY-MM-DD date")
    assert details[4] == "line 3: project_name is empty"
    assert "  held back:      2 filing(s)" in text
    assert f"    {WORK_PLAN}: fct_staffing.expect_column_values_to_be_between(authorized) (lines 44)" in text
    assert "    dup_001.txt: unique_dim_pledge_pledge_id, unique_mart_pledge_tracker_pledge_id (lines 11, 15)" in text
    assert f"    {LEAFLET}: truncated (the file ends at line 33" in text


def test_the_last_good_versions_stay_published(faults, seed_warehouse):
    warehouse, originals, *_ = faults
    assert warehouse.query("select count(*), min(document_id), max(document_id) from marts.fct_staffing") == [
        (111, originals[WORK_PLAN], originals[WORK_PLAN])]
    assert warehouse.query("select min(authorized) from marts.fct_staffing") == [(0,)]
    assert warehouse.query("select count(*) from marts.fct_candidate_finance") == [(23,)]
    # the cut leaflet is listed (quarantined, no facts) beside its kept version; the held-back
    # work plan is not there at all, its kept version is
    assert warehouse.query("select file_path, is_kept_version, extract_status from marts.dim_document "
                           "order by all") == [
        (LEAFLET, False, "failed"), (LEAFLET, True, "ok"), (PLEDGES, False, "ok"), (INVESTMENTS, False, "ok"),
        (NEWS, False, "ok"), (WORK_PLAN, True, "ok")]
    for table in ("dim_pledge", "fct_revenue", "fct_project_budget", "current_staffing", "fct_pledge_mention"):
        assert warehouse.query(f"select count(*) from marts.{table}") == seed_warehouse.query(
            f"select count(*) from marts.{table}"), table


def test_every_refresh_is_in_the_published_log(faults):
    warehouse, _, (failed, *_), (held, *_) = faults
    log = warehouse.query("select refresh_id, published, failed_step, held_back from marts.audit_refresh_log "
                          "order by started_at")
    assert [row[1:3] for row in log] == [(True, None), (False, "dbt_models"), (True, None)]
    assert [row[0] for row in log[1:]] == [failed.run_id, held.run_id]
    assert log[2][3] == (f"dup_001.txt: unique_dim_pledge_pledge_id, unique_mart_pledge_tracker_pledge_id "
                         f"(lines 11, 15) | {WORK_PLAN}: fct_staffing.expect_column_values_to_be_between(authorized) "
                         "(lines 44)")
    index = (warehouse.data_dir / "gate" / "data_docs" / "site" / "index.html").read_text(encoding="utf-8")
    assert log[0][0] in index and held.run_id in index


def test_a_reviewers_reject_beside_the_filings_removes_the_link(faults):
    warehouse, *_ = faults
    assert warehouse.query("select project_name, link_status from marts.bridge_pledge_project "
                           "where pledge_code = '경제공동체-04'") == [("창업 및 직업전환학교(전직학교) 운영", "matched")]
    assert warehouse.query("""
        select linked_projects, plan_year_budget_krw, multi_year_budget_krw from marts.mart_pledge_tracker
        where pledge_code = '경제공동체-04'""") == [(1, 51_010_000, 156_010_000)]
    # the seed's own decision still counts
    assert warehouse.query("select pledge_code from marts.bridge_pledge_project where link_status = 'confirmed'") == [
        ("복지건강-04",)]

"""Pledge tracking on the seeds, through the whole refresh: the bridge from 금천구's pledges to its
work plan's projects, the mentions in its other filings, the tracker per pledge and per
government. A reviewer's reject written beside the filings is tested with the broken filings of
test_isolation.py, in the same refresh."""

import duckdb
import pytest

pytestmark = pytest.mark.slow

HALL = "내일을 만드는 미래직업체험관 조성·운영"


@pytest.fixture
def published(seed_warehouse):
    return seed_warehouse.paths


def query(paths, sql, parameters=None):
    with duckdb.connect(str(paths.published_db), read_only=True) as connection:
        return connection.execute(sql, parameters or []).fetchall()


def test_the_bridge_links_the_pledge_to_the_school_and_the_hall(published):
    rows = query(published, """
        select pledge_code, org_unit, project_name, score, method, link_status, shared_text, pledge_source_line,
               project_source_line, project_evidence
        from marts.bridge_pledge_project order by pledge_code, project_source_line""")
    assert [r[:3] for r in rows] == [
        ("경제공동체-04", "일자리청년과", "창업 및 직업전환학교(전직학교) 운영"),
        ("경제공동체-04", "일자리청년과", HALL),
        ("경제공동체-05", "일자리청년과", "구민에게 힘이 되는 더 좋은 일자리 창출"),
        ("복지건강-04", "일자리청년과", "도약하는 청년을 위한 청년공간 조성·운영"),
    ]
    school, hall, jobs, youth = rows
    assert school[3:] == (0.8951, "bigram_idf+department", "matched", "창업및직업전환학교전직학교", 186, 1230,
                          "4\t창업 및 직업전환학교(전직학교) 운영\t계속\t56")
    assert hall[3:8] == (0.5217, "bigram_idf+department", "matched", "미래직업체험관", 186)
    assert jobs[6] == "일자리창출"
    # The reviewer's link from the overrides seed: the matcher gave it no score.
    assert youth[3:6] == (None, "reviewer", "confirmed")


def test_mentions_come_with_their_line_and_date(published):
    assert query(published, "select count(*), count(distinct pledge_id) from marts.fct_pledge_mention") == [(32, 18)]
    assert query(published, """
        select source_line, term, method, mentioned_in_kind from marts.fct_pledge_mention
        where pledge_code = '지역개발-11'""") == [(1471, "남부여상발전센터", "one_syllable", "work_plan")]
    [(line, kind, excerpt)] = query(published, """
        select source_line, mentioned_in_kind, source_excerpt from marts.fct_pledge_mention
        where pledge_code = '복지건강-01'""")
    assert (line, kind) == (8, "news_article") and "금천복지재단 설립" in excerpt


def test_the_tracker_adds_up_the_money_behind_each_pledge(published):
    [row] = query(published, """
        select linked_projects, budget_plan_year, plan_year_budget_krw, multi_year_budget_krw, mentions,
               has_budget, has_mentions, latest_evidence_line
        from marts.mart_pledge_tracker where pledge_code = '경제공동체-04'""")
    # 51,010 + 184,150 천원 in 2024; 156,010 + 548,150 천원 over 2024-2026 (004 lines 1484, 1686);
    # the latest evidence is the work plan's last line naming the hall.
    assert row == (2, 2024, 235_160_000, 704_160_000, 8, True, True, 1665)
    # The investment plan of 광주 서구 (its pledges have no projects in the seeds).
    assert query(published, """
        select count(*) filter (where investment_plan_krw > 0), count(*) filter (where linked_projects > 0)
        from marts.mart_pledge_tracker where government_code = '3600000'""") == [(58, 0)]
    assert query(published, """
        select government_code, pledges, with_budget, with_mentions, with_both, with_neither, with_linked_projects
        from marts.mart_pledge_tracker_summary order by government_code""") == [
        ("3170000", 63, 3, 18, 3, 45, 3), ("3600000", 62, 58, 0, 0, 4, 0), ("6110000", 40, 0, 0, 0, 40, 0)]

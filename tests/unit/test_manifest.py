"""raw/manifest.csv rows: used when they can be, reported by line when they cannot."""

from datetime import date

from orchestration.pipeline.manifest import read_manifest

FILES = {"plans/2024 업무계획.txt", "news.txt"}
CODES = {"3170000", "3600000"}
KINDS = {"work_plan", "news_article"}


def test_usable_rows_give_government_kind_and_date():
    text = ("path,government,kind,published_on,source_url\n"
            "plans/2024 업무계획.txt,3170000,work_plan,2023-11-30,https://example.go.kr/plan\n"
            "./news.txt,,,,\n")
    entries, problems = read_manifest(text, FILES, CODES, KINDS)
    assert problems == []
    assert [(e.line, e.file_path, e.government_code, e.kind, e.published_on, e.source_url) for e in entries] == [
        (2, "plans/2024 업무계획.txt", "3170000", "work_plan", date(2023, 11, 30), "https://example.go.kr/plan"),
        (3, "news.txt", None, None, None, None)]


def test_unusable_rows_are_reported_and_the_rest_kept():
    text = ("path,government,kind,published_on\n"
            "/etc/passwd,,,\n"
            "plans/../../secret.txt,,,\n"
            "gone.txt,3170000,,\n"
            "news.txt,1234567,memo,2023-13-01\n")
    entries, problems = read_manifest(text, FILES, CODES, KINDS)
    assert [(p.line, p.reason) for p in problems] == [
        (2, "manifest_path_outside"), (3, "manifest_path_outside"), (4, "manifest_missing_file"),
        (5, "manifest_unknown_government")]
    # one entry for a row however many of its fields are wrong, its detail naming every one
    assert problems[3].detail == (
        "line 5: '1234567' is no 기관코드 of the governments seed; the government is told from the content "
        "instead; 'memo' is not one of news_article, "
        "work_plan; the kind is told from the content instead; published_on '2023-13-01' is not a YYYY-MM-DD date")
    # the row still names its filing; only its bad fields are dropped
    assert [(e.file_path, e.government_code, e.kind, e.published_on) for e in entries] == [("news.txt", None, None, None)]


def test_a_manifest_without_a_path_column_is_one_problem():
    entries, problems = read_manifest("file,government\nnews.txt,3170000\n", FILES, CODES, KINDS)
    assert entries == [] and [(p.line, p.reason) for p in problems] == [(1, "manifest_header")]


def test_a_reviewers_decisions_beside_the_filings(tmp_path):
    from datetime import date

    from orchestration.pipeline.reviews import review_rows

    assert review_rows(tmp_path) == []
    (tmp_path / "pledge_link_overrides.csv").write_text(
        "government_code,pledge_code,org_unit,project_name,plan_year,decision,reviewer,reason,decided_on\n"
        "3170000,경제공동체-04,일자리청년과,전직학교 운영,2024,reject,kim,not it,2026-11-24\n"
        "3170000,경제공동체-05,일자리청년과,일자리 창출,20x4,maybe,kim,,2026-13-01\n", encoding="utf-8")
    good, bad = review_rows(tmp_path)
    assert (good["line"], good["pledge_code"], good["plan_year"], good["decision"], good["decided_on"],
            good["problem"]) == (2, "경제공동체-04", 2024, "reject", date(2026, 11, 24), None)
    assert (bad["line"], bad["problem"], bad["plan_year"]) == (3, "review_bad_row", None)
    assert bad["detail"] == ("line 3: decision 'maybe' is neither confirm nor reject; plan_year '20x4' is not a "
                             "year; decided_on '2026-13-01' is not a YYYY-MM-DD date")
    (tmp_path / "pledge_link_overrides.csv").write_text("pledge,decision\n1,confirm\n", encoding="utf-8")
    [header] = review_rows(tmp_path)
    assert header["problem"] == "review_header" and "missing government_code, pledge_code" in header["detail"]

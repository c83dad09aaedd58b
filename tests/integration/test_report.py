"""What a person opens, in headless Chromium, with screenshots kept in the test's folder: the
report per government built at publish from the published file (its index, 금천구's page and an
evidence page: the charts are there, every link opens, Korean text is set in the installed font),
and the gate's Data Docs read offline."""

import json
from pathlib import Path

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

pytestmark = pytest.mark.ui


@pytest.fixture(scope="module")
def report(seed_warehouse) -> Path:
    return seed_warehouse.paths.report_dir


def test_the_index_lists_each_government_with_its_facts(report, browser, tmp_path):
    browser.get((report / "index.html").as_uri())
    rows = [r.text for r in browser.find_elements(By.CSS_SELECTOR, "table tr")]
    assert rows[0] == "지방정부 예산 정원 세입 공약 후보자 불일치"
    assert rows[1].startswith("서울특별시 금천구 ")
    assert [r.split()[0] for r in rows[1:]] == ["서울특별시", "광주광역시", "서울특별시"]
    assert browser.save_screenshot(str(tmp_path / "index.png"))


def test_a_governments_page_has_its_charts_and_links_to_its_lines(seed_warehouse, report, browser, tmp_path):
    browser.get((report / "gov" / "3170000.html").as_uri())
    assert browser.find_element(By.TAG_NAME, "h1").text == "서울특별시 금천구 (3170000)"
    headings = [h.text for h in browser.find_elements(By.TAG_NAME, "h2")]
    assert headings == ["부서별 예산 (budget by department and year)", "정원과 현원 (staffing: authorized and current)",
                        "세입: 목표, 부과, 징수 (revenue: target, assessed, collected)",
                        "공약 (pledges: with a budget, mentions, both or neither)", "후보자 (candidates of its elections)",
                        "불일치 (discrepancy register)"]
    charts = browser.find_elements(By.CSS_SELECTOR, ".chart svg")
    assert len(charts) == 4 and all(c.size["width"] > 300 for c in charts)
    assert "기획예산과" in charts[0].get_attribute("innerHTML")
    # every bar of the charts drawn from rows links to its row's explain page
    bars = browser.execute_script("return [...document.querySelectorAll('.chart svg a')].map(a => a.href.baseVal)")
    (revenue_bars,) = seed_warehouse.query(
        "select count(distinct (revenue_item, measure)) from marts.fct_revenue where government_code = '3170000' "
        "and measure in ('target', 'assessed', 'collected') and amount_krw is not null")[0]
    assert len(bars) == 14 + 7 * 2 + revenue_bars  # budget: 7 units x 2 years; staffing: 7 units x 2 counts
    page_dir = report / "gov"
    assert all((page_dir / bar).resolve().exists() for bar in bars)
    rows = browser.find_elements(By.CSS_SELECTOR, "td a")
    links = [a.get_attribute("href") for a in rows]
    assert links and all(Path(link.removeprefix("file://")).exists() for link in links)
    staffing = next(a.get_attribute("href") for a in rows if a.text == "p.1 l.106")
    # Korean text renders in the font the report ships (fonts-nanum), not a fallback
    widths = browser.execute_script(
        "const c = document.createElement('canvas').getContext('2d'); const w = f => { c.font = f; "
        "return c.measureText('기획예산과 정원과 현원').width; };"
        "return [w('16px NanumGothic, monospace'), w('16px NoSuchFont, monospace')];")
    assert widths[0] != widths[1], "NanumGothic is not installed: run make browser"
    assert browser.save_screenshot(str(tmp_path / "3170000.png"))
    # the row's explain chain as a page: the row, its filing line with neighbours, the refresh
    browser.get(staffing)
    assert browser.find_element(By.TAG_NAME, "h1").text.startswith("marts.current_staffing staffing_id=")
    assert browser.find_element(By.TAG_NAME, "h2").text == "filing: 004_dad12c48b3c039a4.txt p.1 l.106"
    line = "  106 | 정원(현원) ⇥ 21 (23) ⇥ 0 (0) ⇥ 0 (0) ⇥ 1 (1) ⇥ 6 (7) ⇥ 6 (6) ⇥ 6 (6) ⇥ 2 (3)"
    assert browser.find_element(By.CSS_SELECTOR, ".line.marked").text == line
    assert len(browser.find_elements(By.CSS_SELECTOR, ".line")) == 5
    assert "published by refresh " in browser.find_element(By.TAG_NAME, "body").text
    assert browser.save_screenshot(str(tmp_path / "explain.png"))
    browser.find_element(By.LINK_TEXT, "the whole page").click()
    assert browser.find_element(By.CSS_SELECTOR, ".line:target").text == line
    assert browser.save_screenshot(str(tmp_path / "evidence.png"))


def test_the_data_docs_read_offline(seed_warehouse, browser, tmp_path):
    """The gate's Data Docs load their scripts and styles from the site itself (installed with the
    project), so the index draws its table of validations on a machine without internet."""
    index = seed_warehouse.paths.gate_docs_dir / "site" / "index.html"
    browser.get(index.as_uri())
    assets = browser.execute_script(
        "return [...document.querySelectorAll('script[src], link[rel=stylesheet]')].map(e => e.src || e.href)")
    assert assets and not [a for a in assets if not a.startswith("file://")]
    # the page's script may draw the table again after its first rows appear (an element found
    # before then goes stale): the links' names are read in one script, until the table holds them
    def suites(b):
        return set(b.execute_script(
            "return [...document.querySelectorAll('table tbody tr td a')].map(a => a.textContent.trim())"))

    WebDriverWait(browser, 30).until(lambda b: {"fct_staffing", "audit_filing_lines"} <= suites(b))
    assert {"fct_staffing", "audit_filing_lines"} <= suites(browser)
    assert browser.save_screenshot(str(tmp_path / "data_docs.png"))


def test_a_government_whose_facts_did_not_change_keeps_its_pages(seed_warehouse, tmp_path):
    from orchestration.report import build_report

    out = tmp_path / "report"
    first = build_report(seed_warehouse.paths.published_db, out)
    pages = {path.relative_to(out).as_posix(): path.read_bytes() for path in first}
    assert sorted(p for p in pages if p.startswith("gov/")) == ["gov/3170000.html", "gov/3600000.html",
                                                                "gov/6110000.html"]
    assert build_report(seed_warehouse.paths.published_db, out) == [out / "index.html"]
    assert {p: (out / p).read_bytes() for p in pages} == pages

    # a government whose fingerprint differs (as when one of its filings changed) is drawn again,
    # page by page as before; the others' pages are the same files
    record = json.loads((out / "pages.json").read_text(encoding="utf-8"))
    record["3170000"]["fingerprint"] = "changed"
    (out / "pages.json").write_text(json.dumps(record), encoding="utf-8")
    other = next(code for code in record if code != "3170000")
    kept = (out / "gov" / f"{other}.html").stat().st_ino
    again = build_report(seed_warehouse.paths.published_db, out)
    assert sorted(p.relative_to(out).as_posix() for p in again) == sorted(
        ["index.html"] + record["3170000"]["files"])
    assert {p: (out / p).read_bytes() for p in pages} == pages
    assert (out / "gov" / f"{other}.html").stat().st_ino == kept

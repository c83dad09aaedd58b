from datetime import date

import pytest

from orchestration.extract.classify import UNKNOWN, classify_government, classify_kind
from orchestration.extract.dates import filing_date, year_label


@pytest.mark.parametrize(
    ("prefix", "kind", "government_code"),
    [
        ("000", "candidate_disclosure", "6110000"),  # 서울특별시의회의원선거 (구로구 제1선거구)
        ("001", "pledge_list", "3170000"),  # 금천구
        ("002", "pledge_investment_plan", "3600000"),  # 광주광역시 서구 (서구 alone is ambiguous)
        ("003", "news_article", "3170000"),
        ("004", "work_plan", "3170000"),
    ],
)
def test_seed_kinds_and_governments_come_from_content(prefix, kind, government_code, governments, seed_text):
    text = seed_text(prefix)
    detected, _ = classify_kind(text)
    assert detected == kind
    assert classify_government(text, detected, governments).code == government_code


def test_text_of_no_known_kind_is_unknown():
    kind, scores = classify_kind("회의록\n참석자 명단\n안건 1. 청사 관리 규정 개정\n")
    assert kind == UNKNOWN
    assert max(scores.values()) < 3


def test_ambiguous_district_needs_its_city(governments):
    assert governments.best("서구청은 오늘 발표했다") is None
    assert governments.best("대전광역시 서구청은 오늘 발표했다").code == "3660000"
    assert governments.best("부산 서구 주민").code == "3260000"
    assert governments.best("강서구 소식") is None  # 서울 and 부산 both have one; 서구 is not inside it


@pytest.mark.parametrize(("lines", "expected"), [
    (["", "2024년 주요업무계획", "", "2023. 11.", "기획경제국"], (date(2023, 11, 1), "month", "2023. 11.")),
    (["보도자료", "입력 2026.11.24"], (date(2026, 11, 24), "day", "입력 2026.11.24")),
    (["2025년 12월 3일"], (date(2025, 12, 3), "day", "2025년 12월 3일")),
    (["금천구는 16일부터 18일까지 보고회를 열었다."], (None, None, None)),
    (["2024. 13."], (None, None, None)),
])
def test_the_date_a_filing_prints_for_itself(lines, expected):
    assert filing_date(lines) == expected


def test_the_parsers_vocabulary_is_the_seeds():
    """Kind signals and revenue items are read from dbt's seeds, one list for both."""
    import csv

    from orchestration.extract.vocabulary import SEEDS, kind_signals, revenue_items

    rows = list(csv.DictReader((SEEDS / "kind_signals.csv").open(encoding="utf-8")))
    assert sum(len(signals) for signals in kind_signals().values()) == len(rows) == 24
    assert kind_signals()["work_plan"][0].weight == 3
    assert {"지방세", "재산세", "종업원분", "지난년도체납"} <= revenue_items()


def test_a_filings_government_is_one_whose_code_holds_on_its_date(governments):
    """The 2026-07-01 reforms (governments.csv valid_from / valid_to): a filing's own date picks
    the code in force; a filing printing no date is told by the names it prints."""
    old, new = "광주광역시 서구 주요업무계획 광주광역시 서구", "전남광주통합특별시 서구 주요업무계획 전남광주 서구"
    assert governments.best(old, date(2025, 1, 15)).code == "3600000"
    assert governments.best(new, date(2026, 9, 1)).code == "5810000"
    assert governments.best(new).code == "5810000"   # 전남광주 서구 is not 광주 서구
    assert governments.best(old).code == "3600000"
    assert governments.best("인천광역시 영종구 업무계획").code == "3491000"
    # 인천 중구 is no more after the reform: a later filing naming it is the 광역's (the 구 code is not in force)
    assert governments.best("인천광역시 중구 업무계획", date(2026, 9, 1)).code == "6280000"
    assert governments.best("인천광역시 중구 업무계획", date(2026, 3, 1)).code == "3490000"


@pytest.mark.parametrize("label, year", [
    ("2024년", 2024), ("2024년도", 2024), ("2022회계연도", 2022), ("2025", 2025), ("‘24년", 2024), ("’25", 2025),
    ("'23년도", 2023), ("‘23년 이전", None), ("‘26년 이후", None), ("총사업비", None), ("24년", None),
])
def test_a_label_that_is_a_year_and_nothing_else(label, year):
    assert year_label(label) == year


# w06's cover and, below it, the parks its pages list, all in 사하구 (and two in 강서구 and 사상구).
RIVER_PLAN = ["2025. 2. 10.(월)", "복지환경위원회", "2025년도 주요 업무계획", "부산광역시 낙동강관리본부"]
PARKS = ["을 숙 도 철새공원\t사하구 하단동", "아 미 산 전 망 대\t사하구 다대동", "을 숙 도 생태공원\t사하구 하단동",
         "삼락생태공원\t사상구 삼락동", "대저생태공원\t강서구 대저동"] * 3


def test_a_plan_is_the_government_its_cover_names(governments):
    """Its pages name 사하구 nine times, 부산광역시 never: the issuer is the government the cover
    names; the same text with no cover is left to its mentions (사하구)."""
    from orchestration.extract.classify import cover_text
    text = "\n".join(RIVER_PLAN + PARKS)
    cover = cover_text([RIVER_PLAN, PARKS])
    assert classify_government(text, "work_plan", governments, cover=cover).code == "6260000"
    assert classify_government(text, "work_plan", governments).code == "3340000"
    # a text filing is one page: its first lines that are not blank are its cover
    assert cover_text([["", *RIVER_PLAN, *PARKS]]).split("\n") == RIVER_PLAN + PARKS[:8]
    # a news article is about what it reports, not whoever its first lines name
    assert classify_government(text, "news_article", governments, cover=cover).code == "3340000"


@pytest.mark.parametrize("title", ["2025년도 주요업무계획", "2025년 주요업무 추진계획", "2025 주요 업무 추진 계획",
                                   "2025년도 업무계획", "2025년 시정 주요업무계획", "2025년도 주요업무 보고"])
def test_a_plan_titled_either_way_is_a_work_plan_of_its_year(title):
    """w04's cover (``부산광역시 관광마이스국``) under the titles other governments give their plans:
    the year before them is the plan's, with its 년 or without (parser 0.61.0 reads it without 년,
    without 주요 and with a word before the title)."""
    from orchestration.extract.organisation import filing_unit
    from orchestration.extract.projects import plan_year
    lines = ["2025. 2. 10.(월)", "경제문화위원회", title, "부산광역시 관광마이스국", "", "Ⅰ. 기본현황", "1. 기구현황"]
    assert classify_kind("\n".join(lines))[0] == "work_plan"
    assert plan_year(lines) == 2025
    assert filing_unit(lines)[:2] == ("관광마이스국", "관광마이스국")

"""Project budgets (소요예산) of the seed work plan, exact values with their lines; funding brackets;
and another government's plan in another layout, where the link to projects must come from the
list order, or from the text when the counts differ."""

import csv
from collections import Counter
from dataclasses import asdict

import pytest

from orchestration.extract.document import extract_document
from orchestration.extract.funding import funding_group, parse_breakdown
from orchestration.extract.organisation import read_organisation
from orchestration.extract.project_budgets import extract_project_budgets, project_sections
from orchestration.extract.projects import extract_projects
from orchestration.extract.tables import read_tables
from orchestration.extract.text import split_lines
from orchestration.extract.vocabulary import SEEDS


@pytest.fixture(scope="module")
def facts(work_plan_text, governments):
    return extract_document("doc", work_plan_text, governments).project_budgets


def at(facts, line, **match):
    return [f for f in facts if f["source_line"] == line and all(f[k] == v for k, v in match.items())]


def one(facts, line, **match):
    found = at(facts, line, **match)
    assert len(found) == 1, found
    return found[0]


def test_every_statement_of_every_project_is_read(facts):
    assert len(facts) == 475
    assert Counter(f["statement"] for f in facts) == {"table": 378, "inline": 60, "headline": 37}
    projects = {(f["org_unit"], f["project_seq"]) for f in facts}
    assert len(projects) == 36
    assert Counter(unit for unit, _ in projects) == {
        "기획예산과": 7, "지역경제과": 9, "일자리청년과": 9, "재무과": 3, "세무1과": 4, "세무2과": 4}
    assert {f["link_method"] for f in facts} == {"list_order"}


def test_first_and_last_table_rows(facts):
    first = one(facts, 189, period_label="합계")
    assert (first["project_name"], first["funding_source"], first["funding_group"], first["amount_krw"]) == (
        "개청 30주년 미래전략 수립", "계", "계", 36_200_000)
    assert [f["period_label"] for f in at(facts, 190)] == ["합계", "2024년", "2025년", "2026년"]
    last = one(facts, 2716, period_label="2026년")
    assert (last["org_unit"], last["project_seq"], last["funding_source"], last["fiscal_year"], last["amount_krw"]) == (
        "세무2과", 4, "구비", 2026, 27_860_000)
    assert last["project_name"] == "체납징수 활동을 통한 재정 확보"


def test_headlines_and_non_budget(facts):
    headline = one(facts, 183)
    assert (headline["statement"], headline["period_label"], headline["fiscal_year"], headline["printed_value"],
            headline["amount_krw"], headline["funding_group"]) == ("headline", "2024년", 2024, "36,200천원",
                                                                   36_200_000, "계")
    non_budget = one(facts, 294)
    assert (non_budget["project_seq"], non_budget["is_non_budget"], non_budget["amount_krw"],
            non_budget["printed_value"]) == (2, True, None, "비예산")
    assert non_budget["project_name"] == "체계적이고 효율적인 위원회 운영 관리"
    # Bold markup around the headline does not hide it.
    assert one(facts, 1121)["amount_krw"] == 1_198_000_000


def test_the_multi_column_table_with_total_cost_invested_and_future_needs(facts):
    row = {f["period_label"]: f for f in at(facts, 783)}
    assert list(row) == ["총사업비", "기투자", "2023년", "2024년", "장래소요"]
    assert {k: f["amount_krw"] for k, f in row.items()} == {
        "총사업비": 37_335_201_000, "기투자": 23_800_793_000, "2023년": 9_733_966_000,
        "2024년": 2_003_442_000, "장래소요": 1_797_000_000}
    assert [row[k]["fiscal_year"] for k in row] == [None, None, 2023, 2024, None]
    assert one(facts, 786, period_label="장래소요")["funding_source"] == "구비"
    assert row["총사업비"]["project_name"] == "독산동 우시장 그린푸줏간 조성"
    # Its headline says the year's money is all 시비: a second amount for that source.
    whole = one(facts, 777, funding_group="시비")
    assert (whole["funding_source"], whole["amount_krw"]) == ("전액 시비", 2_003_442_000)


def test_inline_lines_with_their_funding_brackets(facts):
    line_671 = {f["funding_source"]: f["amount_krw"] for f in at(facts, 671)}
    assert line_671 == {None: 2_640_000_000, "국": 394_000_000, "시": 1_630_000_000, "구": 519_000_000,
                        "자": 97_000_000}
    assert {f["funding_group"] for f in at(facts, 671, funding_source="자")} == {"민간"}
    # The lines under it budget the parts, each with its own bracket.
    part = at(facts, 674)
    assert {f["item"] for f in part} == {"전통시장 시설현대화(서울시 공모)"}
    assert {f["funding_source"]: f["amount_krw"] for f in part} == {
        None: 1_870_000_000, "시": 1_463_000_000, "구": 317_000_000, "자": 90_000_000}
    assert {f["funding_source"]: f["amount_krw"] for f in at(facts, 675)} == {None: 90_000_000, "구": 90_000_000}
    assert {f["funding_source"]: f["amount_krw"] for f in at(facts, 1530)} == {
        None: 3_584_478_000, "시": 2_507_958_000, "구": 1_076_520_000}
    assert {f["funding_source"]: f["amount_krw"] for f in at(facts, 1795)} == {
        None: 30_456_000, "국비": 15_228_000, "시비": 7_614_000, "구비": 7_614_000}
    assert {f["funding_source"] for f in at(facts, 1558)} == {None, "전액구비"}
    assert all(f["project_seq"] == 2 and f["org_unit"] == "지역경제과" for f in at(facts, 671))
    # Inline lines belong to the project whose headline follows them.
    assert {f["project_seq"] for f in at(facts, 1530)} == {5}
    assert {f["project_seq"] for f in at(facts, 1580)} == {6}


def test_a_bracket_that_is_not_a_funding_split_gives_the_total_only(facts):
    assert [f["amount_krw"] for f in at(facts, 1119)] == [100_000_000]  # (10,000원×5,000명×2회)
    assert [f["amount_krw"] for f in at(facts, 2554)] == [22_603_000]   # (기간제근로자 임금 …)


def test_links_follow_the_list_and_the_text_confirms_most(facts):
    confirmed = {(f["org_unit"], f["project_seq"]): f["link_confirmed"] for f in facts}
    assert sum(confirmed.values()) == 32
    # The 우시장 section never prints the market's name (the title was an image in the original).
    assert confirmed[("지역경제과", 3)] is False
    assert confirmed[("지역경제과", 9)] is True


@pytest.mark.parametrize(("text", "expected"), [
    ("국394/시1,630/구519/자97", [("국", "국비", "394"), ("시", "시비", "1,630"), ("구", "구비", "519"),
                                ("자", "민간", "97")]),
    ("시 2,507,958, 구 1,076,520", [("시", "시비", "2,507,958"), ("구", "구비", "1,076,520")]),
    ("국비 15,228 시비 7,614 구비 7,614", [("국비", "국비", "15,228"), ("시비", "시비", "7,614"),
                                       ("구비", "구비", "7,614")]),
    ("도비 1.5 · 군비 2.25", [("도비", "도비", "1.5"), ("군비", "군비", "2.25")]),
    ("국비 0.9억, 지방비 2.1억", [("국비", "국비", "0.9억"), ("지방비", "지방비", "2.1억")]),
    ("국비 200백만원 시비 100", [("국비", "국비", "200백만원"), ("시비", "시비", "100")]),
    ("전액 구비", [("구비", "구비", None)]),
    ("전액국비", [("국비", "국비", None)]),
    ("시비 100%", [("시비", "시비", None)]),
    ("시비 60%", None),
    ("구", [("구", "구비", None)]),
    ("10,000원×5,000명×2회", None),
    ("기간제근로자 임금, 장비 임차료 등", None),
    ("시 200, 구", None),
])
def test_funding_brackets(text, expected):
    parts = parse_breakdown(text)
    assert (None if parts is None else [(p.label, p.group, p.number) for p in parts]) == expected


OTHER_PLAN = """\
2025년 주요업무계획

문화관광과

- 관광진흥팀
- 축제팀

주요사업 목록

순번   사업명                 구분    쪽
1    둘레길 관광자원화           신규    3
2    봄꽃 축제 개최            계속    5
3    박물관 야간 개방           계속    7

□ 사업개요
- 둘레길 3개 노선 정비 및 안내판 설치
- 소요예산 : 1,500백만원(국 500 / 도 700 / 군 300)

□ 2025년 소요예산 : 1,500,000천원

(단위 : 천원)

재 원              합 계       2025년       2026년
계          3,000,000   1,500,000   1,500,000
국 비        1,000,000     500,000     500,000
도 비        1,400,000     700,000     700,000
군 비          600,000     300,000     300,000

□ 사업개요
- 봄꽃 축제 3일간 개최

□ 2025년 소요예산 : 비예산

□ 사업개요
- 박물관 야간 개방 (금·토)

□ 2025년 소요예산 : 45,000천원(전액 군비)
"""


def extract(text):
    lines = split_lines(text)
    tables = read_tables(lines)
    _, sections = read_organisation(lines)
    projects = extract_projects(tables, sections, lines)
    return [asdict(f) for f in extract_project_budgets(project_sections(lines, tables, sections, projects))]


def test_another_government_in_aligned_columns():
    facts = extract(OTHER_PLAN)
    assert Counter(f["project_name"] for f in facts) == {
        "둘레길 관광자원화": 4 + 1 + 12, "봄꽃 축제 개최": 1, "박물관 야간 개방": 2}
    row = {f["period_label"]: f["amount_krw"] for f in at(facts, 25)}
    assert row == {"합 계": 1_000_000_000, "2025년": 500_000_000, "2026년": 500_000_000}
    assert {(f["funding_source"], f["funding_group"]) for f in at(facts, 26)} == {("도 비", "도비")}
    assert {f["funding_source"]: f["amount_krw"] for f in at(facts, 17)} == {
        None: 1_500_000_000, "국": 500_000_000, "도": 700_000_000, "군": 300_000_000}
    assert one(facts, 32)["is_non_budget"] is True
    assert {f["funding_source"]: f["amount_krw"] for f in at(facts, 37)} == {None: 45_000_000, "전액 군비": 45_000_000}
    assert {f["plan_year"] for f in facts} == {2025}
    assert all(f["link_method"] == "list_order" and f["link_confirmed"] for f in facts)


def test_when_sections_and_list_disagree_only_sections_the_text_names_are_linked():
    # The list gains a fourth project that has no section: order cannot be trusted, the text decides.
    third = "3    박물관 야간 개방           계속    7\n"
    text = OTHER_PLAN.replace(third, third + "4    청사 주차장 확충           신규    9\n")
    facts = extract(text)
    linked = [f for f in facts if f["project_name"]]
    assert {f["link_method"] for f in linked} == {"content"}
    assert {f["project_name"] for f in linked} == {"봄꽃 축제 개최", "박물관 야간 개방"}
    # The first section never names its project in full (둘레길 but not 관광자원화): its amounts
    # stay, without a project, saying why.
    unlinked = [f for f in facts if not f["project_name"]]
    assert {(f["org_unit"], f["link_method"], f["unattributed"]) for f in unlinked} == {
        ("문화관광과", None, "no_project_link")}
    assert {(f["statement"], f["period_label"]): f["amount_krw"] for f in at(unlinked, 25)} == {
        ("table", "합 계"): 3_000_000_000, ("table", "2025년"): 1_500_000_000, ("table", "2026년"): 1_500_000_000}
    assert len(unlinked) == 17


def test_every_funding_label_of_the_vocabulary_names_a_group_the_tiers_know():
    tiers = {row["funding_group"] for row in csv.DictReader((SEEDS / "funding_tiers.csv").open(encoding="utf-8"))}
    labels = list(csv.DictReader((SEEDS / "funding_labels.csv").open(encoding="utf-8")))
    assert len(labels) == 38 and all(funding_group(row["label"]) == row["funding_group"] in tiers for row in labels)
    # spaces as printed do not matter; a word that is no source is none
    assert funding_group("국 비") == "국비" and funding_group("시·군·구비") == "시군구비" and funding_group("설계") is None
    assert [funding_group(label) for label in ("균특", "시·군비", "지방채")] == ["국비", "시군구비", "기타"]


@pytest.mark.parametrize(("bracket", "expected"), [
    ("공항 13.5조, 도로 0.6조, 철도 1.3조", [("공항", "13.5조", 13_500_000_000_000), ("도로", "0.6조", 600_000_000_000),
                                        ("철도", "1.3조", 1_300_000_000_000)]),
    ("본사업 10.2, 부대사업 5.2", [("본사업", "10.2", 10_200_000_000_000), ("부대사업", "5.2", 5_200_000_000_000)]),
    ("공항 13.5조, 도로 0.6조", []),  # not the whole cost: what else the bracket says is not known
    ("2025년 5조, 2026년 10.4조", []),  # years, not parts: the reader of years takes them where they add up
])
def test_a_cost_shared_out_among_what_it_pays_for(bracket, expected):
    """A cost line's bracket naming parts of the project that add up to its cost (w08 p12, parts
    and figures changed): each part's budget, its item, under the total's funding group."""
    from orchestration.extract.project_budgets import _COST, _amount_facts

    line = f"ㅇ 사 업 비 : 15.4조원({bracket})"
    facts = _amount_facts(1, "inline", None, _COST.match(line), None, None)
    assert [(f["item"], f["printed_value"], f["amount_krw"]) for f in facts if f["item"]] == expected
    assert all(f["funding_group"] == "계" for f in facts)


"""The seed work plan transformed into another government's: other department names (spaced the
way the seed spaces them), other amounts, other spacing around cells and statements. Every fact
family must come out with the transformed values on the same lines, and nothing more or less."""

import re
from collections import Counter
from decimal import Decimal

import pytest

from orchestration.extract.document import FACT_TABLES, extract_document
from orchestration.extract.numbers import MONEY_FACTORS

WORK_PLAN_TABLES = ("staffing", "department_budgets", "projects", "project_budgets", "revenue", "settlement")

RENAMES = {"기획경제국": "미래경제국", "기획예산과": "미래전략과", "지역경제과": "경제진흥과",
           "일자리청년과": "청년고용과", "재무과": "회계과", "세무1과": "세정1과", "세무2과": "세정2과"}
_GROUPED = re.compile(r"(?<![\d.])\d{1,3}(?:,\d{3})+(?![\d])")


def bump(match: re.Match) -> str:
    return f"{int(match.group(0).replace(',', '')) + 7:,}"


def rename(text: str) -> str:
    for old, new in RENAMES.items():
        # The seed spaces names freely ("기 획 예 산 과", "세무 1과"): any spacing, kept in kind.
        pattern = re.compile(r"\s?".join(re.escape(ch) for ch in old))
        text = pattern.sub(lambda m: " ".join(new) if " " in m.group(0) else new, text)
    return text


def respace(line: str) -> str:
    line = line.replace("\t", " \t ").replace("(단위 : ", "( 단위: ")
    return re.sub(r"소요예산\s*:", "소요 예산 :", line)


@pytest.fixture(scope="module")
def both(work_plan_text, governments):
    variant = "\n".join(respace(line) for line in rename(_GROUPED.sub(bump, work_plan_text)).split("\n"))
    variant = variant.replace("금천", "관악")
    return (extract_document("seed", work_plan_text, governments),
            extract_document("variant", variant, governments))


def test_the_variant_is_another_government(both):
    seed, variant = both
    assert (seed.classification["government_code"], variant.classification["government_code"]) == (
        "3170000", "3200000")


@pytest.mark.parametrize("table", WORK_PLAN_TABLES)
def test_every_fact_family_reads_the_same_facts_on_the_same_lines(both, table):
    seed, variant = both
    lines = Counter(f["source_line"] for f in seed.tables()[table])
    assert lines, table
    assert Counter(f["source_line"] for f in variant.tables()[table]) == lines


@pytest.mark.parametrize("table", ["department_budgets", "project_budgets", "revenue", "settlement"])
def test_amounts_are_the_transformed_ones(both, table):
    seed, variant = both
    unit_key = "unit" if table == "revenue" else "printed_unit"
    checked = 0
    for before, after in zip(seed.tables()[table], variant.tables()[table], strict=True):
        assert after["source_line"] == before["source_line"]
        if before["amount_krw"] is None or not _GROUPED.search(before["printed_value"] or ""):
            continue
        sign = -1 if before["amount_krw"] < 0 else 1
        factor = MONEY_FACTORS[before[unit_key]]
        assert after["amount_krw"] == before["amount_krw"] + sign * 7 * factor, (before, after)
        checked += 1
    assert checked > 15


def test_department_names_and_links_follow_the_rename(both):
    seed, variant = both
    renamed = {RENAMES.get(f["org_unit"], f["org_unit"]) for f in seed.staffing}
    assert {f["org_unit"] for f in variant.staffing} == renamed
    assert {f["org_unit"] for f in variant.department_budgets} == {RENAMES[u] for u in
                                                                   {f["org_unit"] for f in seed.department_budgets}}
    pairs = Counter((f["org_unit"], f["project_seq"], f["statement"]) for f in variant.project_budgets)
    assert pairs == Counter((RENAMES[f["org_unit"]], f["project_seq"], f["statement"]) for f in seed.project_budgets)
    budget = next(f for f in variant.department_budgets if f["source_line"] == 58 and f["fiscal_year"] == 2024)
    assert (budget["org_unit"], budget["amount_krw"]) == ("미래전략과", (20_248_516 + 7) * 1000)
    headline = next(f for f in variant.project_budgets if f["source_line"] == 183)
    assert (headline["statement"], headline["amount_krw"]) == ("headline", (36_200 + 7) * 1000)
    surplus = next(f for f in variant.settlement if f["source_line"] == 2058 and f["item"] == "surplus")
    assert surplus["amount_krw"] == (227_226 + 7) * 1_000_000
    rate = next(f for f in variant.revenue if f["source_line"] == 2436 and f["measure"] == "progress_rate")
    assert (rate["revenue_item"], rate["parent_item"], Decimal(rate["rate_pct"])) == ("차량취득세", "시세",
                                                                                      Decimal("116.7"))


UNKNOWN = """\
(단위 : 천원)

구분\t합계\t2024년\t2025년
인건비\t1,000\t500\t500
운영비\t2,400\t1,200\t1,200

구 분\t목표액\t징수액\t진도율
계\t300\t150\t50.0
"""


def test_an_unknown_table_in_a_project_section_stays_table_cells(work_plan_text, governments):
    # Money by year with cost rows instead of funding sources, and a 목표액/징수액 table in a project
    # that names no revenue item: both look like typed tables, neither is one.
    lines = work_plan_text.split("\n")
    at = lines.index("□ 법적근거")
    text = "\n".join(lines[:at] + UNKNOWN.split("\n") + lines[at:])
    seed = extract_document("seed", work_plan_text, governments)
    variant = extract_document("variant", text, governments)
    inserted = range(at + 1, at + UNKNOWN.count("\n") + 1)
    for table in FACT_TABLES:
        assert len(variant.tables()[table]) == len(seed.tables()[table]), table
        assert not {f["source_line"] for f in variant.tables()[table]} & set(inserted), table
    cells = [c for c in variant.table_cells if c["source_line"] in inserted]
    assert len(cells) == 2 * 3 + 3
    labour = next(c for c in cells if c["row_label"] == "인건비" and c["column_label"] == "합계")
    assert (labour["amount_krw"], labour["unit"]) == (1_000_000, "천원")
    assert {c["row_label"] for c in cells} == {"인건비", "운영비", "계"}

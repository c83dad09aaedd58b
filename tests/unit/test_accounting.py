"""Every number token of every seed is accounted for exactly once: taken by a typed fact or a
table cell, or listed in the unclaimed register with a reason."""

import pytest

from orchestration.extract.accounting import REASONS, number_tokens, unclaimed_reason
from orchestration.extract.contacts import mask_contacts
from orchestration.extract.document import FACT_TABLES, extract_document
from orchestration.extract.text import split_lines

SEEDS = ("000", "001", "002", "003", "004")
# The share of a seed's numbers left `not_understood` may not grow past this. What is left in the
# work plan (4.3%) is prose: counts (`총 548건(조례 405건, …)`), areas (`연면적 7,825.67 m^2`),
# schedules, and amounts that are not revenue or project budgets (`건 립 비 : 37,335백만원(국 5,759
# / …)`, `2024년 생활임금 : 11,436원`). Lower it as they land.
NOT_UNDERSTOOD_MAX_PCT = 5.0


@pytest.fixture(scope="module")
def extracted(seed_text, governments):
    out = {}
    for prefix in SEEDS:
        lines = [mask_contacts(line) for line in split_lines(seed_text(prefix))]
        out[prefix] = (lines, extract_document(prefix, "\n".join(lines), governments))
    return out


def _inside(token, spans):
    return any(line == token.line and start <= token.start and token.end <= end for line, start, end in spans)


@pytest.mark.parametrize("prefix", SEEDS)
def test_every_number_token_is_accounted_for_exactly_once(extracted, prefix):
    lines, extraction = extracted[prefix]
    tokens = [t for n, line in enumerate(lines, start=1) for t in number_tokens(n, line)]
    cells = {(c["source_line"], c["cell_start"], c["cell_end"]) for c in extraction.table_cells}
    facts = {(f["source_line"], *f["source_span"])
             for table in FACT_TABLES for f in extraction.tables()[table]}
    unclaimed = [(u["source_line"], u["token_start"]) for u in extraction.unclaimed_numbers]
    assert len(unclaimed) == len(set(unclaimed)), "a token listed twice"
    claimed = {(t.line, t.start) for t in tokens if _inside(t, cells) or _inside(t, facts)}
    assert claimed.isdisjoint(unclaimed), "a token both taken and listed"
    assert claimed | set(unclaimed) == {(t.line, t.start) for t in tokens}, "a token missing"
    counts = extraction.classification
    assert counts["number_tokens"] == len(tokens)
    assert counts["tokens_in_facts"] + counts["tokens_in_cells"] == len(claimed)
    assert counts["tokens_unclaimed"] == len(unclaimed)
    assert {u["reason"] for u in extraction.unclaimed_numbers} <= set(REASONS)
    share = 100 * counts["tokens_not_understood"] / len(tokens)
    print(f"\n{prefix}: {len(tokens)} number tokens, {100 * len(claimed) / len(tokens):.1f}% claimed, "
          f"{share:.1f}% not understood")
    assert share <= NOT_UNDERSTOOD_MAX_PCT


def test_seed_totals(extracted):
    totals = {p: (e.classification["number_tokens"], e.classification["tokens_in_facts"],
                  e.classification["tokens_in_cells"]) for p, (_, e) in extracted.items()}
    # 004: 104 staffing cells and 7 headline lines of two numbers each (정원 and 현원), 50
    # department budget amounts, 36 project list rows (연번 and 쪽, and the 2 numbers printed in
    # project names such as "개청 30주년"), project budgets: 378 재원별 table cells, 35 headline
    # amounts (one more headline says 비예산) and 49 amounts on inline lines, 226 revenue cells of
    # 12 tables and 55 numbers of 22 revenue lines (`세입목표 : 141,527백만원 (… 9.69%↓)`), 21
    # settlement cells. 002: 292 digits in 315 amount cells (the other 23 print 비예산 or -) and the
    # digits of the 62 pledge codes (22 of two levels, 40 of three). 001: the 63 management
    # numbers (지역개발-01). 000: the ballot number, 6 asset amounts (one per named relative) and 15
    # tax cells. 003: 7 claims (129개의 신규사업 …); its dates and names stay in the register.
    assert totals["004"][1] == (104 + 7) * 2 + 50 + 36 * 2 + 2 + 378 + 35 + 49 + 226 + 55 + 21
    assert totals["002"][1] == 292 + 22 * 2 + 40 * 3
    assert totals["001"][1:] == (63, 0)
    assert totals["000"][1] == 1 + 6 + 15
    assert totals["003"] == (19, 7, 0)


def reasons_on(extracted, prefix, line):
    _, extraction = extracted[prefix]
    return [(u["token"], u["reason"]) for u in extraction.unclaimed_numbers if u["source_line"] == line]


def test_reasons_on_seed_lines(extracted):
    assert reasons_on(extracted, "000", 273) == [("###-####-####", "phone_or_account")]
    assert reasons_on(extracted, "000", 301) == [("###-####-#####", "phone_or_account")]
    assert reasons_on(extracted, "001", 7) == []
    assert reasons_on(extracted, "001", 20) == [("2", "label")]
    assert reasons_on(extracted, "002", 23) == []
    assert reasons_on(extracted, "002", 20) == [("2024", "date"), ("2025", "date"), ("2026", "date")]
    assert reasons_on(extracted, "004", 40) == [("23", "date"), ("10", "date")]
    assert reasons_on(extracted, "004", 1419) == [("4", "page_number")]
    assert reasons_on(extracted, "004", 194) == [("130", "list_index"), ("5", "list_index")]
    assert reasons_on(extracted, "003", 3) == [("30", "label"), ("8", "label")]
    assert reasons_on(extracted, "004", 738)[0] == ("37,335", "not_understood")
    # Cells and facts take their numbers: nothing of these lines is in the register (2519 is a
    # revenue statement printed as text, 2604 a table cell with a footnote mark, △122*).
    assert reasons_on(extracted, "004", 56) == []
    assert reasons_on(extracted, "004", 44) == []
    assert reasons_on(extracted, "004", 2519) == []
    assert reasons_on(extracted, "004", 2604) == []


def test_contact_data_never_leaves_the_reader(extracted):
    lines, extraction = extracted["000"]
    text = "\n".join(lines)
    assert "010-2426-0811" not in text and "thespeech0811@gmail.com" not in text and "75746" not in text
    assert lines[272] == "mobile : ###-####-####  "
    assert lines[273] == "e-mail : [e-mail]  "
    assert lines[274] == "선거사무소 : [주소]"
    assert "경인로" not in text
    assert all("#" not in u["token"] or not any(ch.isdigit() for ch in u["token"])
               for u in extraction.unclaimed_numbers)


@pytest.mark.parametrize(("line", "token", "reason"), [
    ("- 평가시기 : 상반기('24. 7~8월)", "8", "date"),
    ("- 운영시간 : 10:00 ~ 18:00", "18", "date"),
    ("- 12 -", "12", "page_number"),
    ("3-2-1.장애인 맞춤형 공공일자리 확대", "2", "heading_number"),
    ("민선8기 공약사업", "8", "label"),
    ("연락처 ###-####-####", "###-####-####", "phone_or_account"),
    ("신규사업 129개를 포함해 총 454개의 사업계획을 수립했다.", "454", "narrative"),
    ("1,200 3,400 5,600", "3,400", "not_understood"),
    # a count of things that are not money says what it counts; an amount of money waits for a reader
    ("ㅇ 항공수요 전망('65년 기준) : 여객 2,326만명, 화물 33.5만톤", "2,326", "narrative"),
    ("- 활 주 로 : 2본(민 3,200m, 군 2,743m), 연간처리능력 152천회", "152", "narrative"),
    ("❍ 목   표 : 4,400건", "4,400", "narrative"),
    ("□ 조    직 : 1위원회 2담당관 9팀", "9", "narrative"),
    ("○ (대    상) 일반재산 3,113필지*(943,750㎡)", "3,113", "narrative"),  # land parcels: units.csv
    ("Ⅱ. 2024년 주요성과 ··························································2", "2", "page_number"),
    ("Ⅴ. 2025년도 업무계획 ······ 15", "15", "page_number"),
    # w01 p3 as pdftotext prints it: a chapter's page after spaces alone; a row's figure is none
    ("Ⅱ. 2024년 주요추진성과    8", "8", "page_number"),
    ("사업비    8", "8", "not_understood"),
    ("4,400건 5,300건", "5,300", "not_understood"),
    ("- 건 립 비 : 37,335백만원(국 5,759 / 시 16,891)", "37,335", "not_understood"),
    ("2 0 2 5 . 2 . 1 1 . (화)", "5", "date"),
])
def test_reasons(line, token, reason):
    (match,) = [t for t in number_tokens(1, line) if t.text == token][:1]
    assert unclaimed_reason(line, match) == reason

"""Tables printed the other way round: what one government prints as rows another prints as
columns. The fixtures are the corpus plans' own tables turned (w01 p4, p5 and p31; w02 p5 and p56;
w04 p5; w06 p5), with their figures; each is read as the plan's table is."""

from orchestration.extract.document import extract_document

HEAD = "부산광역시\n2025년도\n주요업무계획\n관광마이스국\n\n"


def typed(governments, text, family, *keys):
    extraction = extract_document("t", HEAD + text, governments)
    return [tuple(fact.get(key) for key in keys) for fact in getattr(extraction, family) if fact.get("table_index")]


def test_grades_down_the_side_beside_columns_of_counts_w01_p4(governments):
    """``구 분 | 정 원 | 현 원 | 과부족`` over a row per grade: each grade's pair is the unit's."""
    text = ("□ 인 력 : 정원 149명, 현원 149명\n(’25년 1월 기준)\n구 분\t정 원\t현 원\t과부족\n계\t149\t149\t-\n"
            "4급\t6\t6\t-\n5급\t25\t24\t△1\n6급\t70\t50\t△20\n")
    assert typed(governments, text, "staffing", "source_line", "org_unit", "grade", "authorized", "current",
                 "printed_value") == [
        (9, "관광마이스국", "total", 149, 149, "149 / 149"), (10, "관광마이스국", "4급", 6, 6, "6 / 6"),
        (11, "관광마이스국", "5급", 25, 24, "25 / 24"), (12, "관광마이스국", "6급", 70, 50, "70 / 50")]


def test_grades_down_the_side_units_across_w04_p5(governments):
    """Pairs of counts (``32 / 34``) with the grades down the side and the units across: each
    unit's pair of each grade, the 계 column the unit whose section holds the table."""
    text = ("□ 인 력 : 정원 80명 / 현원 85명\n(’25. 1. 19. 기준, 단위: 명)\n"
            "구 분\t계\t관 광 정 책 과\t관광마이스산업과\t국 제 협 력 과\n계\t80 / 85\t32 / 34\t24 / 24\t24 / 27\n"
            "5급\t14 / 15\t5 / 6\t4 / 4\t5 / 5\n6급\t34 / 28\t15 / 10\t8 / 8\t11 / 10\n")
    assert typed(governments, text, "staffing", "source_line", "org_unit", "statement", "grade", "authorized",
                 "current") == [
        (9, "관광마이스국", "unit_page", "total", 80, 85), (9, "관광정책과", "summary_table", "total", 32, 34),
        (9, "관광마이스산업과", "summary_table", "total", 24, 24), (9, "국제협력과", "summary_table", "total", 24, 27),
        (10, "관광마이스국", "unit_page", "5급", 14, 15), (10, "관광정책과", "summary_table", "5급", 5, 6),
        (10, "관광마이스산업과", "summary_table", "5급", 4, 4), (10, "국제협력과", "summary_table", "5급", 5, 5),
        (11, "관광마이스국", "unit_page", "6급", 34, 28), (11, "관광정책과", "summary_table", "6급", 15, 10),
        (11, "관광마이스산업과", "summary_table", "6급", 8, 8), (11, "국제협력과", "summary_table", "6급", 11, 10)]


def test_funding_sources_across_periods_down_w02_p56(governments):
    """A project's table of money with the periods down the side (``’23년 이전 | 예산``) and the
    funding sources across (``계 | 국 비 | 시 비 | 기 타``)."""
    text = ("1. 2024 지역문화유산교육 사업\n(단위: 백만원)\n구 분\t\t계\t국 비\t시 비\t기 타\n"
            "총사업비 (‘24년)\t\t84\t42\t21\t21\n’23년 이전\t예산\t80\t40\t20\t20\n\t집행\t80\t40\t20\t20\n"
            "’25년\t\t104\t52\t38\t14\n")
    facts = typed(governments, text, "project_budgets", "source_line", "funding_source", "funding_group",
                  "period_label", "fiscal_year", "amount_krw")
    assert facts[:5] == [(9, "계", "계", "총사업비 (‘24년)", None, 84_000_000), (9, "국 비", "국비", "총사업비 (‘24년)", None, 42_000_000),
                         (9, "시 비", "시비", "총사업비 (‘24년)", None, 21_000_000), (9, "기 타", "기타", "총사업비 (‘24년)", None, 21_000_000),
                         (10, "계", "계", "’23년 이전 예산", None, 80_000_000)]
    assert facts[-1] == (12, "기 타", "기타", "’25년", 2025, 14_000_000)
    assert (11, "시 비", "시비", "’23년 이전 집행", None, 20_000_000) in facts


def test_a_table_no_reader_takes_is_read_turned_round_w01_p4(governments):
    """Units across and the budgets' years and bases down the side: no budget reader follows it,
    so it is read turned round, each amount from its own cell and line."""
    text = ("□ 예산현황\n(단위 : 억원, %)\n구 분\t\t\t합 계\t관광정책과\t국제협력과\n"
            "’25년 당초예산\t예 산 액\t\t17,855\t16,883\t23\n\t증 감 률(%)\t’24년 당초 대비\t4.2\t4.2\t9.4\n"
            "’24년 당초예산\t\t\t17,137\t16,203\t21\n")
    assert typed(governments, text, "department_budgets", "source_line", "org_unit", "fiscal_year", "budget_basis",
                 "amount_krw", "printed_change_pct", "source_span") == [
        (9, "관광마이스국", 2025, "당초", 1_785_500_000_000, None, (17, 23)),
        (11, "관광마이스국", 2024, "당초", 1_713_700_000_000, "4.2", (12, 18)),
        (9, "관광정책과", 2025, "당초", 1_688_300_000_000, None, (24, 30)),
        (11, "관광정책과", 2024, "당초", 1_620_300_000_000, "4.2", (19, 25)),
        (9, "국제협력과", 2025, "당초", 2_300_000_000, None, (31, 33)),
        (11, "국제협력과", 2024, "당초", 2_100_000_000, "9.4", (26, 28))]


def test_debt_by_year_down_the_side_w01_p5(governments):
    text = "관리채무 : 3조 5,682억원 (단위 : 억원, %)\n구 분\t관리채무액(비율)\n2024년 최종\t35,682(18.8%)\n2023년 결산\t35,218(19.9%)\n"
    assert typed(governments, text, "debt", "source_line", "fiscal_year", "basis", "amount_krw", "rate_pct") == [
        (8, 2024, "최종", 3_568_200_000_000, "18.8"), (9, 2023, "결산", 3_521_800_000_000, "19.9")]


def test_items_of_revenue_across_a_row_naming_the_budget_w01_p31(governments):
    """``‘25년 예산`` labels a row, the items head the columns: the row's amounts are each item's
    budget of its year."""
    text = ("(본예산 기준, 단위 : 억원, %)\n구 분\t자체수입\t\t\n\t\t지 방 세\t세외수입\n‘25년 예산\t53,581\t51,288\t2,293\n"
            "‘24년 예산\t53,793\t50,056\t3,737\n증감액\t△212\t1,232\t△1,444\n")
    facts = typed(governments, text, "revenue", "source_line", "revenue_item", "measure", "fiscal_year", "amount_krw")
    assert facts == [(9, "지방세", "budget", 2025, 5_128_800_000_000), (9, "세외수입", "budget", 2025, 229_300_000_000),
                     (10, "지방세", "budget", 2024, 5_005_600_000_000), (10, "세외수입", "budget", 2024, 373_700_000_000),
                     (11, "지방세", "change_amount", None, 123_200_000_000),
                     (11, "세외수입", "change_amount", None, -144_400_000_000)]


def test_units_down_the_side_under_a_revenue_caption_are_their_revenue_w06_p5(governments):
    """Under ``ㅇ (세입) …`` a table of units down the side and a year across is the units' 세입,
    no budget of theirs; 공원사업부 is a unit among the units though no suffix of the vocabulary
    says so."""
    text = ("□ 예 산\nㅇ (세입) 2,917백만원(세외수입 514, 보조금 2,403)\n(단위 : 백만원)\n구 분\t2025년\n계\t2,917\n"
            "공원관리부\t1,265\n공원사업부\t1,045\n")
    assert typed(governments, text, "department_budgets", "org_unit") == []
    assert typed(governments, text, "revenue", "source_line", "org_unit", "fiscal_year", "amount_krw") == [
        (10, "관광마이스국", 2025, 2_917_000_000), (11, "공원관리부", 2025, 1_265_000_000),
        (12, "공원사업부", 2025, 1_045_000_000)]
    spent = text.replace("ㅇ (세입) 2,917백만원(세외수입 514, 보조금 2,403)", "ㅇ (세출) 23,093백만원")
    assert typed(governments, spent, "department_budgets", "source_line", "org_unit", "amount_krw")[-1] == (
        12, "공원사업부", 1_045_000_000)


def test_units_down_the_side_beside_revenue_and_spending_columns_w02_p5(governments):
    """클래식부산 among the 과 of a 국, down the side as across a header, is one of its units."""
    text = ("□ 예 산\n(’25. 1. 1. 기준, 단위 : 백만원)\n구분\t세입\t세출\n계\t152,588\t511,225\n문 화 예술과\t68,494\t172,730\n"
            "클래식 부 산\t1,873\t13,216\n")
    assert typed(governments, text, "department_budgets", "org_unit", "amount_krw")[-1] == ("클래식부산", 13_216_000_000)
    assert typed(governments, text, "revenue", "org_unit", "amount_krw")[-1] == ("클래식부산", 1_873_000_000)


def test_a_word_in_a_column_of_amounts_is_no_amount(governments):
    """Units down the side, years across, a cell saying 미정 where an amount would stand: the
    other amounts are read, the word is none (it stopped the filing's extraction before)."""
    text = "□ 예 산\n(단위 : 백만원)\n구 분\t2024년\t2025년\n계\t1,500\t1,700\n관광정책과\t1,000\t1,200\n국제협력과\t미정\t500\n"
    assert typed(governments, text, "department_budgets", "source_line", "org_unit", "fiscal_year", "amount_krw") == [
        (9, "관광마이스국", 2024, 1_500_000_000), (9, "관광마이스국", 2025, 1_700_000_000),
        (10, "관광정책과", 2024, 1_000_000_000), (10, "관광정책과", 2025, 1_200_000_000),
        (11, "국제협력과", 2025, 500_000_000)]


def test_words_and_pairs_where_amounts_stand_cost_no_filing(governments):
    """A unit's 세출 cell printing a word, a project's cell printing its amount with a share: the
    other amounts are read, and the filing's extraction goes on (each stopped it before)."""
    spent = "□ 예 산\n(단위 : 백만원)\n구 분\t계\t관광정책과\t국제협력과\n세 출\t1,500\t(별도)\t500\n"
    assert typed(governments, spent, "department_budgets", "org_unit", "amount_krw") == [
        ("관광마이스국", 1_500_000_000), ("국제협력과", 500_000_000)]
    project = ("1. 야간관광 특화도시 조성사업\n□ 사업개요\n(단위: 백만원)\n구 분\t총사업비\t2025년\n계\t5,600\t80 (30%)\n"
               "국 비\t2,800\t700\n시 비\t2,800\t700\n")
    assert typed(governments, project, "project_budgets", "funding_group", "period_label", "amount_krw") == [
        ("계", "총사업비", 5_600_000_000), ("국비", "총사업비", 2_800_000_000), ("국비", "2025년", 700_000_000),
        ("시비", "총사업비", 2_800_000_000), ("시비", "2025년", 700_000_000)]

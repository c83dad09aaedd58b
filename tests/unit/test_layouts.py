"""The generic table reader on every layout the seeds print, and on the same tables printed in
every other layout: the cells read back must be the same."""

import pytest
from renderers import LAYOUTS, cells_of, grid_of, render

from orchestration.extract.tables import cell_quantities, read_tables
from orchestration.extract.text import decode_bytes, split_lines


def tables_of(text):
    return {t.first_line: t for t in read_tables(split_lines(text))}


def cell(table, line, column):
    return next(c for c in table.value_cells() if c.line == line and c.column == column)


@pytest.fixture(scope="module")
def seeds(seed_text):
    return {prefix: tables_of(seed_text(prefix)) for prefix in ("000", "001", "002", "003", "004")}


def test_table_counts_and_layouts_of_the_seeds(seeds):
    assert {p: len(t) for p, t in seeds.items()} == {"000": 3, "001": 1, "002": 1, "003": 0, "004": 107}
    assert {t.layout for t in seeds["004"].values()} == {"tab"}
    assert [t.layout for t in seeds["001"].values()] == ["pipe_cells"]
    assert [t.layout for t in seeds["002"].values()] == ["numeric_tail"]


def test_candidate_tab_tables_with_units_in_headers_and_named_parts(seeds):
    assets = seeds["000"][23]
    assert assets.column_units[:6] == ["천원"] * 5 + [None]
    mother = cell(assets, 25, 3)
    assert mother.column_label == "재 산 상 황 (천원) / 직계존속"
    assert [(label, q.value, q.amount_krw) for label, q in cell_quantities(mother)] == [("모", 379857, 379_857_000)]
    children = cell_quantities(cell(assets, 25, 4))
    assert [(label, int(q.value)) for label, q in children] == [("장녀", 13159), ("차녀", 10092)]
    taxes = seeds["000"][29]
    assert len(taxes.header_rows) == 3
    paid = cell(taxes, 33, 1)
    assert (paid.text, paid.row_labels, paid.unit) == ("1,622", ("후보자",), "천원")
    assert paid.column_label.endswith("체납실적(천원) / 납세액")
    assert cell(taxes, 36, 3).column_label.endswith("/ 체납내역 / 현 체납액")
    # 병역 columns print "-" as text: no number anywhere in them, so no numeric cell.
    assert all(c.column < 5 for c in assets.value_cells())


def test_pledge_list_pipe_cells_one_per_line(seeds, seed_text):
    (pledges,) = seeds["001"].values()
    assert pledges.column_labels == ["추진전략", "관리번호", "공약명", "담당부서", "첨부파일"]
    codes = [line for line in split_lines(seed_text("001")) if line.rstrip(" |")[-3:-2] == "-"]
    assert len(pledges.body_rows) == len(codes) == 63
    first, second = pledges.body_rows[:2]
    assert [c.text for c in first] == ["앞으로 가는 금천", "지역개발-01", "신안산선 조기완공 추진", "교통행정과", ""]
    # The strategy is printed on the first pledge of a group only: the row is placed right.
    assert [c.text for c in second] == ["", "지역개발-02", "대형종합병원 조기 완공을 위한 관리_보건정책과", "보건정책과", ""]
    assert (second[1].line, second[3].line) == (11, 13)


def test_investment_plan_numbers_after_wrapped_labels(seeds):
    (plan,) = seeds["002"].values()
    assert (plan.title, plan.unit, plan.first_line, plan.last_line) == ("연차별 투자계획", "백만원", 18, 166)
    assert plan.column_labels == ["공약사업", "총계", "2022~2023", "2024", "2025", "2026"]
    assert len(plan.body_rows) == 63
    total = cell(plan, 21, 1)
    assert (total.text, total.row_labels) == ("124,667.42", ("총 계",))
    wrapped = cell(plan, 30, 1)
    assert wrapped.row_labels == ("1-2.내실있는 구정을 위한 공직자 전문역량 리더십 강화",)
    assert wrapped.text == "638"
    exact = cell(plan, 79, 2)
    assert (exact.text, exact.column_label) == ("873.20", "2022~2023")
    assert str(cell_quantities(exact)[0][1].value) == "873.20"
    assert cell_quantities(cell(plan, 145, 5))[0][1].marker == "non_budget"
    assert cell_quantities(cell(plan, 78, 5))[0][1].marker == "dash"


def test_work_plan_tab_tables(seeds):
    budget = seeds["004"][55]
    assert cell(budget, 58, 2).row_labels == ("기 획 예 산 과", "정책사업비")
    assert cell(budget, 59, 5).unit == "%"
    assert cell(budget, 59, 5).text == "△ 9.38"
    contracts = seeds["004"][1975]
    assert contracts.unit == "건"
    assert cell(contracts, 1977, 1).unit == "건"
    assert cell(contracts, 1977, 2).unit == "백만원"
    assert cell(contracts, 1977, 2).column_label == "계 / 금액"
    revenue = seeds["004"][2156]
    assert cell(revenue, 2157, 4).unit == "%"
    assert cell(revenue, 2157, 4).text == "72.7"


# (seed, first line, layouts it survives). One cell per line without placeholders loses where
# empty cells stood: a header row spanning columns with gaps between its cells (the revenue
# table's "전년목표 대비 … 2023년", the assets table's "재 산 상 황 … 병 역 사 항", the taxes
# table's lone header over its last column) cannot be placed back, and no reader can; every
# other layout keeps them.
SAMPLE_TABLES = [
    ("004", 42, LAYOUTS),
    ("004", 55, LAYOUTS),
    ("004", 187, LAYOUTS),
    ("004", 2432, LAYOUTS[:-1]),
    ("000", 23, LAYOUTS[:-1]),
    ("000", 29, LAYOUTS[:-1]),
    ("002", 18, LAYOUTS),
]


@pytest.mark.parametrize(("prefix", "first_line", "layouts"), SAMPLE_TABLES)
def test_the_same_table_in_every_layout_gives_the_same_cells(seeds, prefix, first_line, layouts):
    table = seeds[prefix][first_line]
    expected = cells_of(table)
    assert expected
    rows, header_rows = grid_of(table)
    caption = [text for _, text in table.caption[-2:]]
    for layout in layouts:
        text = render(layout, caption, rows, header_rows)
        (read,) = read_tables(split_lines(text))
        assert read.layout == layout
        assert cells_of(read) == expected, f"{layout}:\n{text}"


@pytest.mark.parametrize("prefix", ["002", "004"])
def test_cp949_and_crlf_give_the_same_cells_on_the_same_lines(seed_text, prefix):
    text = seed_text(prefix)
    original = {(t.first_line, c.line, c.text, c.column_label) for t in read_tables(split_lines(text))
                for c in t.value_cells()}
    # A few bullets (◦ •) have no CP949 form; real CP949 filings print others in their place.
    converted = decode_bytes(text.replace("\n", "\r\n").encode("cp949", errors="replace"))
    assert converted.encoding == "cp949"
    again = {(t.first_line, c.line, c.text, c.column_label) for t in read_tables(converted.lines)
             for c in t.value_cells()}
    assert again == original


def test_markdown_table_with_ragged_rows_and_html_in_cells():
    text = "\n".join([
        "사업 현황",
        "(단위: 백만원, %)",
        "| 구분 | 예산 | 집행 | 집행률 | 비고 |",
        "|:---|---:|---:|---:|---|",
        "| 본청 | 1,200 | 600 | 50.0 |",
        "| <ul><li>동 주민센터</li></ul> | 300 | 270 | 90.0 | 신규 |",
    ])
    (table,) = read_tables(split_lines(text))
    assert table.layout == "pipe_rows"
    assert table.title == "사업 현황"
    assert cell(table, 6, 1).row_labels == ("동 주민센터",)
    assert (cell(table, 5, 3).text, cell(table, 5, 3).unit) == ("50.0", "%")
    assert cell(table, 5, 1).unit == "백만원"


# w02 p53 printed as text, a cell per tab: the table of 공모 projects, each project's table of
# amounts ruled inside its row, exported one after another with nothing between them.
NESTED = [
    "연번\t사업내용\t주관부처\t추진여부(O,X)",
    "\tw 사 업 명 : 대한민국 문화도시 조성사업 w 총사업비 : □ 연도별 예산 및 집행 현황 (단위: 백만원)\t\t",
    "구 분\t총사업비\t‘23년 이전\t\t‘24년\t\t‘25년\t‘26년 이후",
    "\t\t예산\t집행\t예산\t집행\t\t",
    "계\t19,400\t-\t-\t400\t400\t6,000\t13,000",
    "기 타\t5,820\t-\t-\t120\t120\t1,800\t3,900",
    "\tw 사 업 명 : 지역 한복문화 창작소 조성사업 w 총사업비 : □ 연도별 예산 및 집행 현황 (단위: 백만원)\t\t",
    "구 분\t총사업비 (‘23~’25년\t‘23년 이전\t\t‘24년\t\t‘25년\t‘26년 이후",
    "\t\t)예산\t집행\t예산\t집행\t\t",
    "계\t1,300\t585\t576\t430\t429\t285\t-",
]


@pytest.mark.parametrize("separator", ["tab", "pipe"])
def test_tables_printed_one_after_another_are_read_apart(separator):
    """A new table starts at a row wider than the rows before it with a label in its first cell
    (line 3) and at a header of short words between values (line 8); the row of the outer table
    between them (line 7) closes the first inner table."""
    lines = NESTED if separator == "tab" else ["| " + line.replace("\t", " | ") + " |" for line in NESTED]
    tables = read_tables(lines)
    assert [(t.first_line, t.last_line) for t in tables] == [(1, 2), (3, 7), (8, 10)]
    first, second = tables[1], tables[2]
    assert first.column_labels[2:4] == ["‘23년 이전 / 예산", "‘23년 이전 / 집행"]
    assert [(c.text, c.column_label) for c in second.value_cells() if c.line == 10][:2] == [
        ("1,300", "총사업비 (‘23~’25년"), ("585", "‘23년 이전 / )예산")]


def test_a_header_growing_wider_row_by_row_stays_one_table():
    """Three levels of header, each wider than the one above, under a label column spanning them
    all; a 비고 row of words closing the table (seed 004, line 1028) is its last row."""
    lines = ["구분\t2024\t2025", "\t본예산\t추경\t본예산\t추경", "\t\t국비\t시비\t국비\t시비\t국비\t시비",
             "계\t1\t2\t3\t4\t5\t6\t7", "비고\t구축비\t구축비\t운영비\t운영비\t운영비\t운영비\t운영비"]
    [table] = read_tables(lines)
    assert (len(table.header_rows), len(table.body_rows)) == (3, 2)


def test_a_pipe_cell_spans_its_text_without_the_padding():
    [table] = read_tables(["| 구 분 | 정 원 |", "| 계 | 149 |", "| 5급 | 25 |"])
    value = cell(table, 2, 1)
    assert "| 계 | 149 |"[value.start:value.end] == "149"


def test_a_total_alone_on_its_line_joins_the_header_to_the_rows():
    """w01 p7 printed as columns aligned by spaces: the funds' total stands alone under 운용규모,
    its label cell merged with the header's; the header is still the table's."""
    lines = ["기  금(19개) : 1조 3,333억원                        (단위 : 억원)",
             "구 분                        기 금 명               설치 년도  2025년 운용규모  소관부서",
             "                                                      13,333",
             "법 정 기 금 (12개)  의무 기금 (7개)  재난관리기금              2005   931         자연재난과",
             "                           재해구호기금              1992   614         복지정책과",
             "                           식품진흥기금              1991   71          보건위생과"]
    [table] = read_tables(lines)
    assert table.column_labels == ["구 분", "", "기 금 명", "설치 년도", "2025년 운용규모", "소관부서"]
    assert [(c.line, c.text, c.column_label) for c in table.value_cells() if c.text in ("13,333", "931")] == [
        (3, "13,333", "2025년 운용규모"), (4, "931", "2025년 운용규모")]


def test_tables_one_under_another_each_under_its_unit_note():
    """w01 p5 aligned: the 세입 table ends where the 세출 caption and its unit note begin."""
    lines = ["세    입 : 16조 6,830억원                      (단위 : 억원, %)",
             "구 분     예산액(구성비)      구 분        예산액(구성비)",
             "지 방 세   51,288(30.7)  세외수입       11,101(6.7)",
             "지 방 채   6,929(4.1)    보전수입등내부거래  15,480(9.3)",
             "세    출 : 16조 6,830억원                      (단위 : 억원, %)",
             "구 분                 예산액(구성비)      구 분      예산액(구성비)",
             "문화 및 관광             5,518(3.3)    환 경      10,091(6.1)",
             "국토 및 지역개발           5,642(3.4)    예비비․기타   11,413(6.8)"]
    tables = read_tables(lines)
    assert [(t.first_line, t.last_line, t.caption[-1][0], t.unit) for t in tables] == [(2, 4, 1, "억원"), (6, 8, 5, "억원")]
    assert [c.text for c in tables[1].value_cells() if c.line == 7] == ["5,518(3.3)", "10,091(6.1)"]


# w01 p4's budget table as ``pdftotext -layout`` prints it (tests/corpus/workplans, page 4, lines
# 29-36): ’25년 당초예산 centred over 예산액 and its two 증감률, 증 감 률(%) over its two, and
# 구 분 and 합 계 spread across their cells.
PDFTOTEXT_BUDGET = """\
                               ’25년 당초예산
                                    증 감 률(%)                    ’24년           ’24년
구            분
                 예 산 액           ’24년            ’24년          당초예산           최종예산
                                당초 대비           최종 대비
합       계         17,855               4.2         △3.1             17,137      18,430
예 산 담 당 관         16,883               4.2         △3.4             16,203      17,474
공공기관담당관               23               9.4          1.6                 21          23
"""


def test_a_header_centred_over_the_columns_it_spans():
    (table,) = read_tables(split_lines(PDFTOTEXT_BUDGET))
    # 구 분, a word over the column of labels, heads that column alone
    assert table.column_labels == [
        "구 분", "’25년 당초예산 / 예 산 액", "’25년 당초예산 / 증 감 률(%) / ’24년 / 당초 대비",
        "’25년 당초예산 / 증 감 률(%) / ’24년 / 최종 대비", "’24년 / 당초예산", "’24년 / 최종예산"]
    assert [c.text for c in table.body_rows[0]] == ["합 계", "17,855", "4.2", "△3.1", "17,137", "18,430"]
    # a label set flush with the column under it heads that column, and is carried as before
    flush = "\n".join(["          ’25년 당초예산", "          예산액     증감률", "합계      17,855     4.2"])
    assert read_tables(split_lines(flush))[0].column_labels[1:] == ["’25년 당초예산 / 예산액", "’25년 당초예산 / 증감률"]


def test_a_header_line_of_one_piece_between_header_lines_and_rows():
    """w01 p5 (page 5, lines 4-12, 특 별 회 계's row left out): 당초 대비 최종 대비, a single
    space apart, is a header line of one piece between the header's levels and its rows; the
    label above them all joins too."""
    text = """\
                            ’25년 당초예산
                                    증 감 률(%)                             ’24년           ’24년
 구            분
                       예 산 액     ’24년     ’24년                          당초예산          최종예산
                               당초 대비 최종 대비
 합            계         166,830             6.3              △3.3        156,995        172,527
 일 반 회 계                133,198             5.8              △3.4        125,903        137,871
  공       기   업           8,718            11.9               12.0         7,790          7,784
"""
    (table,) = read_tables(split_lines(text))
    assert (table.first_line, len(table.header_rows)) == (1, 5)
    assert table.column_labels[1].startswith("’25년 당초예산 / ")
    assert [row[0].text for row in table.body_rows] == ["합 계", "일 반 회 계", "공 기 업"]


def test_words_spread_across_their_cells_are_one_label():
    """w01 p5 (page 5, lines 17-20): 구 분 and 지 방 세 spread across their cells in both panels;
    a syllable no longer piece stands over is the word's end. Under 복 지 정 책 과 the rows print
    longer labels, so its 계 stays a cell of its own."""
    text = """\
      구           분           예산액(구성비)                    구          분             예산액(구성비)
      지 방         세           51,288(30.7)                 세외수입                     11,101(6.7)
     지방교부세등                       16,185(9.7)             국고보조금                    65,847(39.5)
         지 방 채                     6,929(4.1)      보전수입등내부거래                        15,480(9.3)
"""
    (table,) = read_tables(split_lines(text))
    assert table.column_labels == ["구 분", "예산액(구성비)", "구 분", "예산액(구성비)"]
    assert [c.text for c in table.body_rows[0]] == ["지 방 세", "51,288(30.7)", "세외수입", "11,101(6.7)"]
    units = "\n".join(["구  분            2025년     2024년", "복 지 정 책 과     계        900        700",
                       "              정책사업비     800        620"])
    assert [c.text for c in read_tables(split_lines(units))[0].body_rows[0]] == ["복 지 정 책 과", "계", "900", "700"]


# w02 p5's staffing table as ``pdftotext -layout`` prints it (tests/corpus/workplans, page 5,
# lines 27-35): a header of thirteen unit names squeezed into less than the width of the columns
# under it, two names of two syllables printed syllable by syllable (``문 화 문 화``), a blank
# line between the header and the rows.
PDFTOTEXT_SQUEEZED = """\
                                                                          (’25. 1. 1. 기준, 단위 : 명)

           문 화 문 화 영 상 체 육 생 활 전국체전 클래식 시 립 시 립 현 대 근현대 충렬사 체육시설
구분    계            콘텐츠                                  관 리관 리
           예술과 유산과 산업과 정책과 체육과 기획단 부 산 박물관 미술관 미술관 역사관 사무소 사업소

정원 371       29     20      22     16     13     14     14    57     33     24    25      10     94

현원 398       30     19      22     19     16     27     15    55     34     25    26      11     99
"""


def test_a_header_squeezed_narrower_than_its_columns():
    """Each header line as wide as the columns right of its first word heads them one by one; a
    word on a line of its own (콘텐츠) heads the column it stands over, and a piece over two
    (``관 리관 리``) is split evenly between them; 계, over no word, heads the column nearest."""
    (table,) = read_tables(split_lines(PDFTOTEXT_SQUEEZED))
    assert (table.layout, table.first_line, table.unit) == ("numeric_tail", 3, "명")
    assert table.column_labels == [
        "구분", "계", "문화 예술과", "문화 유산과", "영상 콘텐츠 산업과", "체육 정책과", "생활 체육과",
        "전국체전 기획단", "클래식 부산", "시립 박물관", "시립 미술관", "현대 미술관", "근현대 역사관",
        "충렬사 관리 사무소", "체육시설 관리 사업소"]
    assert [(c.line, c.text, c.column_label) for c in table.value_cells() if c.text in ("398", "57", "99")] == [
        (7, "57", "시립 박물관"), (9, "398", "계"), (9, "99", "체육시설 관리 사업소")]
    # a sentence over the header is none of it: the header starts at its first line of names
    prose = PDFTOTEXT_SQUEEZED.replace(PDFTOTEXT_SQUEEZED.splitlines()[2], "   인력은 부서별로 다음과 같다")
    assert read_tables(split_lines(prose))[0].column_labels[:5] == ["구분", "계", "예술과", "유산과", "콘텐츠 산업과"]


def test_rows_go_on_across_blank_lines_and_wrapped_labels():
    """w01 p5 (page 5, lines 23-33) as pdftotext prints it: rows of unequal height a blank line
    apart, labels wrapped onto lines of their own (``공공질서및안전``), a middle dot set apart from
    its words; all one table under its unit note. Then a header of one line a blank line over its
    only row (lines 36-39)."""
    text = """\
 세           출 : 16조 6,830억원                                                      (단위 : 억원, %)
     구         분            예산액(구성비)                      구          분             예산액(구성비)
  일반공공행정           ․          23,193(13.9)                교          육               9,901(5.9)
  공공질서및안전
     문화 및 관광                       5,518(3.3)            환           경              10,091(6.1)
  사회복지        ․보건             77,242(46.3)               농림해양수산                      1,947(1.2)
      ․
산업 중소기업 및
에너지 과학기술  ․                        4,015(2.4)            교통 및 물류                   17,868(10.7)

 국토 및 지역개발                         5,642(3.4)            예비비 기타 ․                   11,413(6.8)


 관리채무 : 3조 5,682억원                                                             (단위 : 억원, %)
      구       분            2024년 최종                     2023년 결산                2022년 결산

 관리채무액(비율)                 35,682(18.8%)                35,218(19.9%)        35,641(19.8%)
"""
    spending, debt = read_tables(split_lines(text))
    assert (spending.first_line, spending.last_line, spending.unit) == (2, 11, "억원")
    assert spending.column_labels == ["구 분", "예산액(구성비)", "구 분", "예산액(구성비)"]
    assert [(c.line, c.text, c.row_labels) for c in spending.value_cells() if c.column == 1] == [
        (3, "23,193(13.9)", ("일반공공행정․",)), (5, "5,518(3.3)", ("문화 및 관광",)),
        (6, "77,242(46.3)", ("사회복지․보건",)), (9, "4,015(2.4)", ("에너지 과학기술․",)),
        (11, "5,642(3.4)", ("국토 및 지역개발",))]
    assert (debt.first_line, debt.column_labels) == (15, ["구 분", "2024년 최종", "2023년 결산", "2022년 결산"])
    assert [c.text for c in debt.value_cells()] == ["35,682(18.8%)", "35,218(19.9%)", "35,641(19.8%)"]
    # a note in another column (비고's ``과원2(부속실,``) parts two tables: it is no wrapped label
    noted = "\n".join(["구  분      계      4급     비 고", "   계     80     1", "관광과     32     1",
                       "                           과원2(부속실,", "국제과     24     1     현안업무)"])
    assert [t.last_line for t in read_tables(split_lines(noted))][0] == 3


# w02 p55 and p57 as ``pdftotext -layout`` prints them (tests/corpus/workplans, page 55 lines
# 38-60, page 57 lines 27-36): a project's table of amounts by year printed inside a cell of the
# table of 공모 projects, whose other cells (its 연번, 주관부처, 추진여부) pdftotext sets on the
# inner table's lines; a header of two levels whose words no longer stand over their columns.
PDFTOTEXT_INNER_TABLE = """\
     w 사 업 명 : 2024 전통산사 문화유산 사업
     w 공모기간 : 2023. 6월 ∼ 2024. 7월
     w 사업기간 : 2024. 1월 ∼ 2024. 12월 ※ 단년도 사업(매년 공모)
     w 총사업비 : □ 연도별 예산 및 집행 현황
                                                (단위: 백만원)

             구 분 총사업비    ’23년 이전 ’24년
                  (‘24년) 예산 집행 예산 집행 ’25년 ’26년 이후
              계        40 - - 40 40      25                          O
             국 비       16 - - 16 16      10
                                                  국 가
8
                                                  유산청
             시 비       12 - - 12 12 7.5                           (사업 완료)

             기 타       12 - - 12 12 7.5
     w 사업내용 : 산사가 보유한 국가유산을 활용한 특색있는 프로그램 발굴·운영
     w 추진상황 ㅇ ’23. 7. ~ 9. : ‘24년 국가유산청 공모 신청 및 선정
      및 향후계획 : ㅇ ’24. 2. ~ 12. : ‘24년 사업비 교부, 사업 추진
             ㅇ ’24. 8.   : ‘25년 국가유산청 공모 신청


                                    - 51 -
"""
PDFTOTEXT_GLUED_HEADER = """\
                                                          (단위: 백만원)

               구 분 총사업비 예산‘23년 이전 ‘24년 ‘25년 ‘26년 이후
                                집행 예산 집행
                계 43,136 3,936 3,936 1,800 1,002 1,500 35,900
               국 비 3,000 - - 200 200 1,500 1,300
               시 비 3,000 - -                   -     - 3,000
13
               기 타 37,136 3,936 3,936 1,600 802      - 31,600 문화체육              O
                                                                      관광부   (정상 추진중)
"""


def test_a_table_printed_inside_another_tables_cell():
    """The header read by what its words are: ``예산 집행`` printed twice is the lower level of the
    first two periods, a bracket under 총사업비 is its own; the outer table's words after the
    values (``O``, ``(사업 완료)``), its cells between the rows (``국 가``, ``8``) and the page's
    number are none of the inner table's. A row printing fewer values than columns, none full,
    fills them from the first."""
    (table,) = read_tables(split_lines(PDFTOTEXT_INNER_TABLE))
    assert (table.layout, table.first_line, table.last_line, table.unit) == ("numeric_tail", 7, 16, "백만원")
    assert table.column_labels == ["구 분", "총사업비 (‘24년)", "’23년 이전 / 예산", "’23년 이전 / 집행",
                                   "’24년 / 예산", "’24년 / 집행", "’25년", "’26년 이후"]
    # (a column printing ``-`` alone has no value to count)
    assert [(c.line, c.text, c.row_labels, c.column_label) for c in table.value_cells() if c.line == 14] == [
        (14, "12", ("시 비",), "총사업비 (‘24년)"), (14, "12", ("시 비",), "’24년 / 예산"),
        (14, "12", ("시 비",), "’24년 / 집행"), (14, "7.5", ("시 비",), "’25년")]


def test_a_header_word_glued_and_a_row_short_of_a_value():
    """``예산‘23년`` is two words; a row printing six values of seven places them in the columns
    they stand nearest, the full rows showing where those stand (시 비 prints nothing for ’24년
    예산, as the PDF's table shows)."""
    (table,) = read_tables(split_lines(PDFTOTEXT_GLUED_HEADER))
    assert (table.first_line, table.last_line) == (3, 9)
    assert table.column_labels[1:] == ["총사업비", "‘23년 이전 / 예산", "‘23년 이전 / 집행", "‘24년 / 예산",
                                       "‘24년 / 집행", "‘25년", "‘26년 이후"]
    assert [(c.text, c.column_label) for c in table.value_cells() if c.line == 7] == [
        ("3,000", "총사업비"), ("-", "‘23년 이전 / 예산"), ("-", "‘23년 이전 / 집행"), ("-", "‘24년 / 집행"),
        ("-", "‘25년"), ("3,000", "‘26년 이후")]
    assert [c.row_labels for c in table.value_cells() if c.line == 9][0] == ("기 타",)
    assert [c.text for c in table.value_cells() if c.line == 9][-1] == "31,600"


# w05 p5 as ``pdftotext -layout`` prints it (tests/corpus/workplans, page 5, lines 17-41): two
# tables of the plan's six units, their names squeezed (``담 당 관 담 당 관``, three syllables a
# name), the staffing table's first line of names merged letter by letter with the line below.
PDFTOTEXT_SIX_UNITS = """\
□ 정원 및 현원
                                                                     월 기준)
                                                                (’25.1




  구 분 합 계 담기 당 획관 담조 당 직관 인구정책  법 무 빅데이터 부울경초광역
                          담 당 관 담 당 관 통계담당관 경제동맹추진단
  정 원  120   32      28     11    23     21     5

  현 원  126   32      28     13    24     24     5

  과부족    6     -      -      2     1      3      -



□ 2025년 예산
                                                            (   단위 : 백만원)

       합 계 기 획 조 직 인구정책 법 무 빅데이터 부울경초광역
  구 분 (일반회계) 담 당 관 담 당 관 담 당 관 담 당 관 통계담당관 경제동맹추진단
  세 입 2,867           105     -        2,551      3        8             200

  세 출 33,257        14,472   573       5,953   1,784   10,175            300
"""


def test_names_of_three_syllables_squeezed_and_a_line_pdftotext_merged():
    """The budget table's header: ``합 계 기 획 조 직`` pairs, ``담 당 관 …`` triples, seven names
    over seven columns; its box caption ends the staffing table above, whose rows would otherwise
    take the caption and the header for a wrapped label. Over the staffing table, the line that
    merged two lines' letters (``담기 당 획관``) heads nothing: only its words over the labels or
    within a column's words below are read (구 분, 인구정책; 법 무 빅데이터 부울경초광역 one name to a
    column); the rest of its columns take the labels of the budget table, which has the same
    columns (since parser 0.61.0; they had none before)."""
    staffing, budget = read_tables(split_lines(PDFTOTEXT_SIX_UNITS))
    assert (staffing.first_line, staffing.last_line, budget.first_line, budget.last_line) == (8, 14, 21, 25)
    assert staffing.column_labels == ["구 분", "합계 (일반회계)", "기획 담당관", "조직 담당관", "인구정책 담당관", "법무 담당관",
                                      "빅데이터 통계담당관", "부울경초광역 경제동맹추진단"]
    assert budget.column_labels == ["", "합계 (일반회계)", "기획 담당관", "조직 담당관", "인구정책 담당관", "법무 담당관",
                                    "빅데이터 통계담당관", "부울경초광역 경제동맹추진단"]
    assert (budget.unit, [c.text for c in budget.value_cells() if c.line == 25][:3]) == ("백만원", ["33,257", "14,472", "573"])


# w02 p54 and p53 as ``pdftotext -layout`` prints them (tests/corpus/workplans, page 54 lines
# 5-14, page 53 lines 23-30): the outer table's cells on the inner table's lines, in its header
# too (``… ’26년 이후 국 가``), its 연번 before a row's label (``3              계``), and rows whose
# figures are not aligned by spaces though some of their words are.
PDFTOTEXT_OUTER_HEADER = """\
     w 총사업비 : □ 연도별 예산 및 집행 현황
                                                     (단위: 백만원)

              구 분 총사업비    ‘23년 이전 ‘24년
                   (‘24년) 예산 집행 예산 집행 ‘25년 ‘26년 이후 국 가
3              계        92 94 92 92 92 120                                O

              국 비       37 37 36 37 37    48       유산청                 (사업 완료)
              시 비       55 57 56 55 55    72
              기 타        - - - - -         -
"""
PDFTOTEXT_OUTER_ROWS = """\
     w 총사업비 : □ 연도별 예산 및 집행 현황
                                                (단위: 백만원)
                 총사업비 ‘23년 이전 ‘24년 ‘25년 ‘26년 이후
             구 분 (‘23~’25년) 예산 집행 예산 집행
              계       1,300 585 576 430 429 285 -
             국 비 1,000 450 441 300 299 250      - 문화체육      O
2            시 비 300 135 135 130 130         35 - 관 광 부 (정상 추진중)
             기 타          - - - - -           - -
"""


def test_a_header_of_one_line_over_labels_of_uneven_length():
    """A header of one line is its last words, one a column, even where a longer label reaches
    under its first year (the squeezed-header reading, for headers of several lines, would miss
    2020년: a case the property test of every layout found)."""
    text = "구 분 2020년 2021년 2022년 2023년 2024년\n가가 0 0 0 0 0\n가가 가가 0 0.00 0 0 0\n"
    (table,) = read_tables(split_lines(text))
    assert table.column_labels == ["구 분", "2020년", "2021년", "2022년", "2023년", "2024년"]
    assert [(c.text, c.column_label) for c in table.value_cells() if c.line == 3][:2] == [
        ("0", "2020년"), ("0.00", "2021년")]


def test_an_outer_tables_words_in_the_inner_tables_header_and_rows():
    """Words after a header line's last period are the outer table's (주관부처 ``국 가``), so the
    two levels still read; a row's 연번 (``3``, ``2``) is no part of its label; a row printing
    figures a single space apart is a numeric tail's though pdftotext sets its outer words two
    spaces off (``… 6,500 문화체육    O``), not a row of columns aligned by spaces."""
    (table,) = read_tables(split_lines(PDFTOTEXT_OUTER_HEADER))
    assert (table.first_line, table.last_line) == (4, 10)
    assert table.column_labels == ["구 분", "총사업비 (‘24년)", "‘23년 이전 / 예산", "‘23년 이전 / 집행",
                                   "‘24년 / 예산", "‘24년 / 집행", "‘25년", "‘26년 이후"]
    assert [(c.text, c.row_labels, c.column_label) for c in table.value_cells() if c.line == 6][:2] == [
        ("92", ("계",), "총사업비 (‘24년)"), ("94", ("계",), "‘23년 이전 / 예산")]
    (table,) = read_tables(split_lines(PDFTOTEXT_OUTER_ROWS))
    assert (table.layout, table.first_line, table.last_line) == ("numeric_tail", 3, 8)
    assert table.column_labels[1] == "총사업비 (‘23~’25년)"
    assert [(c.text, c.row_labels, c.column_label) for c in table.value_cells() if c.line == 7] == [
        ("300", ("시 비",), "총사업비 (‘23~’25년)"), ("135", ("시 비",), "‘23년 이전 / 예산"),
        ("135", ("시 비",), "‘23년 이전 / 집행"), ("130", ("시 비",), "‘24년 / 예산"),
        ("130", ("시 비",), "‘24년 / 집행"), ("35", ("시 비",), "‘25년")]


# w01 p7's register of funds as ``pdftotext -layout`` prints it (tests/corpus/workplans, page 7,
# lines 2-16): ``2025년`` centred over 운용규모 alone, a fund's name wrapped over three lines, the
# rows' figures a character or two off each other's places.
PDFTOTEXT_FUNDS = """\
                                설치      2025년
   구 분              기 금 명              운용규모          소관부서        존속기한        비고
                                년도       13,333
                 재난관리기금         2005        931     자연재난과           -
                 재해구호기금         1992        614     복지정책과           -
                 식품진흥기금         1991         71     보건위생과           -       지방기금법
       의무                                                                   제4조제1항
               폐기물처리시설주변
       기금                       1994           65   자원순환과           -        단서조항
                지역주민지원기금                                                   (임의규정)에
       (7개)
 법             도시및주거환경정비기금      2003         739    도시정비과           -         의거
                  자활기금          2019          41    복지정책과           -
 정               고향사랑기금         2023           4    자치행정과           -
                 지역개발기금         2017       1,151    예산담당관           -         〃
"""


def test_a_label_centred_over_one_column_heads_it_alone():
    """``2025년``, no wider than the 운용규모 column it is centred over, heads that column and is not
    carried over 소관부서 and the columns after it; the rows after the wrapped name go on as the
    same table though pdftotext sets their figures a character off (``65`` under ``931``); the
    name wrapped above and below the row of ``65`` (set in the middle of the row's height) is
    that row's, not the 구분 column's ``기금`` beside it."""
    (table,) = read_tables(split_lines(PDFTOTEXT_FUNDS))
    assert (table.first_line, table.last_line) == (1, 15)
    assert table.column_labels[3:] == ["설치", "2025년 / 운용규모", "소관부서", "존속기한", "비고"]
    assert [(c.line, c.text, c.row_labels[-1] if c.row_labels else None) for c in table.value_cells()] == [
        (3, "13,333", None), (4, "931", "재난관리기금"), (5, "614", "재해구호기금"), (6, "71", "식품진흥기금"),
        (9, "65", "폐기물처리시설주변 지역주민지원기금"), (12, "739", "도시및주거환경정비기금"), (13, "41", "자활기금"),
        (14, "4", "고향사랑기금"), (15, "1,151", "지역개발기금")]


# Derived from w01 p7 under pdftotext (other funds, units and figures): cells of three units and
# three accounts set over lines of their own around their row, a name wrapped around its row,
# dates a single space from the words beside them, and a blank line and three lines of a cell's
# words between two rows of the one table.
PDFTOTEXT_FUND_ROWS = """\
                                설치      2025년
   구 분              기 금 명              운용규모          소관부서        존속기한        비고
                                년도        2,000
                 안전관리기금         2005        512     안전정책과           -
                 위생진흥기금         1991        245     식품정책과           -       지방기금법
               재정안정화기금운용        2021       3,210    예산담당관        2025.12.31. 안정운용계정
               양성평등출산지원                          가족정책과 2025.12.31. 가족지원계정
      (5개)                      2016        177 보육정책과 2025.12.31. 보육지원계정
               및청소년육성기금                         청년정책담당 2028.12.31. 청년육성계정

                                                             2025.12.31. 생활체육계정
                                                     체육진흥과 2028.12.31.
                                                                          전문체육계정
                   생활체육기금       2016        388
     조례          산업진흥기금         2012         923     산업정책과 2028.12.31.
"""


def test_a_table_goes_on_past_a_blank_line_and_a_cell_wrapped_over_lines_of_its_own():
    """A row of figures between the two lines of its name takes both; the rows below a blank
    line and three lines of one cell's words go on the table; a date a space from a unit's name
    is a cell of its own (산업정책과 in 소관부서, its date in the next column)."""
    (table,) = read_tables(split_lines(PDFTOTEXT_FUND_ROWS))
    assert (table.first_line, table.last_line) == (1, 15)
    assert table.column_labels[2:5] == ["설치", "2025년 / 운용규모", "소관부서"]
    rows = {row[0].line: [c.text for c in row] for row in table.body_rows}
    assert rows[8][:4] == ["(5개)", "양성평등출산지원 및청소년육성기금", "2016", "177"]
    assert rows[15] == ["조례", "산업진흥기금", "2012", "923", "산업정책과", "2028.12.31."]
    assert [(c.line, c.text, c.row_labels[-1] if c.row_labels else None) for c in table.value_cells()
            if c.column_label.endswith("운용규모")] == [
        (3, "2,000", None), (4, "512", "안전관리기금"), (5, "245", "위생진흥기금"), (6, "3,210", "재정안정화기금운용"),
        (8, "177", "양성평등출산지원 및청소년육성기금"), (14, "388", "생활체육기금"), (15, "923", "산업진흥기금")]


def test_a_table_drawn_with_box_characters():
    """w01 p4's staffing table as a word processor's text export draws it: walls of │, rules of
    ─ between rows (one drawn with walls at its ends), the header's unit cell over two lines."""
    text = """\
□ 인   력 : 정원 149명, 현원 149명
┌────────┬─────┬─────┬─────┐
│ 구  분 │  계 │ 4급 │ 5급 │
│        │     │(명) │(명) │
├────────┼─────┼─────┼─────┤
│ 정  원 │ 149 │   6 │  25 │
│────────┼─────┼─────┼─────│
│ 현  원 │ 149 │   6 │  24 │
└────────┴─────┴─────┴─────┘
"""
    (table,) = read_tables(split_lines(text))
    assert (table.layout, table.first_line, table.last_line, table.title) == ("box_rows", 3, 8, "□ 인 력 : 정원 149명, 현원 149명")
    assert table.column_labels == ["구 분", "계", "4급 / (명)", "5급 / (명)"]
    assert [(c.line, c.row_labels, c.column_label, c.text) for c in table.value_cells()][-2:] == [
        (8, ("현 원",), "4급 / (명)", "6"), (8, ("현 원",), "5급 / (명)", "24")]
    # a cell spans its own digits in the line, for the number accounting
    authorized = cell(table, 6, 3)
    assert (authorized.text, split_lines(text)[5][authorized.start:authorized.end]) == ("25", "25")


# w01 p7 (lines 14-30) as ``pdftotext -layout`` prints it: a register of funds whose 소관부서 and
# 비고 cells wrap onto lines of their own above and below their rows, and whose wide names set
# the next column's words one space after a figure (``244 출산보육과``).
PDFTOTEXT_WRAPPED_CELLS = """\
   구 분              기 금 명              운용규모          소관부서        존속기한        비고
                  자활기금          2019          41    복지정책과           -
 정               고향사랑기금         2023           4    자치행정과           -
                 지역개발기금         2017       1,151    예산담당관           -         〃
 기
                                                                            통합계정
               통합재정안정화기금        2021       5,467    예산담당관        2025.12.31. 재정안정화계정
 금
                                                 문화예술과 2026.12.31. 문화진흥계정
                   문화진흥기금       2016        706
      임의                                        영상콘텐츠산업과 2026.12.31. 영화영상진흥계정
(12개) 기금
               양성평등출산지원                          여성가족과 2025.12.31. 양성평등계정
      (5개)                      2016        244 출산보육과 2025.12.31. 출산지원계정
               및청소년육성기금                         아동청소년과 2028.12.31. 청소년육성계정
"""


def test_cells_wrapped_onto_lines_of_their_own_and_figures_glued_to_a_name():
    """The rows go on across lines holding only a cell's wrapped words (``통합계정`` in 비고, a
    소관부서 over its row) and a row whose name stands on a line above its figures; a figure one
    space before a name is a cell of its own, and the name does not widen the figures' column
    (w01 p31 likewise: ``2.5 지방소비세 등 증가``, a rate and its 비고)."""
    [funds] = read_tables(split_lines(PDFTOTEXT_WRAPPED_CELLS))
    assert (funds.first_line, funds.last_line) == (1, 15)
    values = [(c.line, c.text, c.row_labels) for c in funds.value_cells() if c.column_label == "운용규모"]
    # the group column's words (법정 기금, 임의 기금 (5개)) are labels of the rows they stand beside
    assert values == [(2, "41", ("자활기금",)), (3, "4", ("정", "고향사랑기금")), (4, "1,151", ("정", "지역개발기금")),
                      (7, "5,467", ("통합재정안정화기금",)), (10, "706", ("문화진흥기금",)),
                      (14, "244", ("(5개)", "양성평등출산지원 및청소년육성기금"))]
    departments = {c.line: c.text for row in funds.body_rows for c in row if c.column == 5 and c.text}
    assert departments[7] == "예산담당관"
    rate = read_tables(split_lines("    구   분   ‘25년 예산     증감액       증감율             비   고\n"
                                   "    지 방 세    51,288      1,232     2.5 지방소비세 등 증가\n"
                                   "    세외수입      2,293    △1,444    △38.6 공유재산 매각수입 등 감소\n"))[0]
    assert [(c.line, c.text, c.column_label) for c in rate.value_cells() if c.column == 3] == [
        (2, "2.5", "증감율"), (3, "△38.6", "증감율")]


def test_a_heading_between_two_tables_does_not_join_them():
    """The candidate seed's tables rewritten aligned by spaces: the assets row, then a heading and
    the next table's header of words over its own figures. The heading runs across the figures'
    columns, so it is no cell's wrapped words, and the header is no wrapped name: two tables."""
    text = "\n".join([
        "재 산 상 황 (천원)                                                    병 역 사 항",
        "계             후보자      배우자      직계존속       직계비속                 후보자      배우자",
        "1,020,400     336,807  280,485  모:379,857  장녀:13,159 차녀:10,092  병역의무 없음  -",
        "",
        "## 3. 세금 납부 · 체납실적 및 전과기록",
        "",
        "최근 5년간 소득세 · 재산세 · 종합부동산세 납부 및 체납실적(천원)                         후 보 자 전과기록",
        "구분                                       납세액     체납내역",
        "                                                 체납액 누계  현 체납액",
        "계                                        62,980  0       0      해당 없음",
        "후보자                                      1,622   0       0",
    ])
    assets, taxes = read_tables(split_lines(text))
    assert (assets.first_line, assets.last_line, taxes.first_line, taxes.last_line) == (1, 3, 7, 11)
    assert [c.text for c in assets.value_cells() if c.column_label.endswith("직계비속")] == ["장녀:13,159 차녀:10,092"]
    assert [(c.line, c.text) for c in taxes.value_cells() if c.row_labels == ("후보자",)] == [
        (11, "1,622"), (11, "0"), (11, "0")]


# w01 p6 as ``pdftotext -layout`` prints it (tests/corpus/workplans, page 6, lines 4-16), its
# years and words changed: a header five lines tall over a blank line, each word over its column,
# a year alone on its line over the columns it bands, ``증감률`` set a line lower than the words
# beside it (a cell two lines tall), the labels' word over the labels.
PDFTOTEXT_PLACED_HEADER = """\
                                                          2025년
                            2026년
      회 계 별
                           본예산          본예산                        추경예산
                                                        증감률                 증감률

          계                  166,830       156,995         6.3    172,527    △3.3

일     반        회       계     133,198       125,903         5.8    137,871    △3.4

 기 타 특 별 회 계                  24,914           23,302      6.9     26,872    △7.3
"""


def test_a_header_whose_words_stand_over_their_columns_and_a_year_bands_them():
    (table,) = read_tables(split_lines(PDFTOTEXT_PLACED_HEADER))
    assert (table.first_line, table.last_line) == (1, 11)
    assert table.column_labels == ["회 계 별", "2026년 / 본예산", "2025년 / 본예산", "2025년 / 증감률",
                                   "2025년 / 추경예산", "2025년 / 증감률"]
    assert [(c.text, c.column_label) for c in table.value_cells() if c.line == 11] == [
        ("24,914", "2026년 / 본예산"), ("23,302", "2025년 / 본예산"), ("6.9", "2025년 / 증감률"),
        ("26,872", "2025년 / 추경예산"), ("△7.3", "2025년 / 증감률")]


def test_a_header_word_standing_over_two_columns_is_no_placed_header():
    lines = split_lines(PDFTOTEXT_PLACED_HEADER)
    # 추경예산액 set across the 추경예산 and the last 증감률 columns: whose it is, its place does not say
    lines[3] = " " * 27 + "본예산" + " " * 10 + "본예산" + " " * 25 + "추경예산액"
    (table,) = read_tables(lines)
    assert table.column_labels == [""] * 6
    assert [c.text for c in table.value_cells() if c.line == 7] == ["166,830", "156,995", "6.3", "172,527", "△3.3"]


def test_a_header_label_naming_two_periods_a_space_apart_heads_a_column_each():
    """w01 p31 as pdftotext prints it, its years and figures changed: ``‘26년 예산 ‘25년 예산`` is
    one piece of the header (a single space between), over two columns of values."""
    text = ("    구   분   ‘26년 예산 ‘25년 예산     증감액       증감율             비   고\n\n"
            " 자체수입        53,581   53,793      △212    △0.4\n\n"
            "    지 방 세    51,288   50,056      1,232     2.5 지방소비세 등 증가\n")
    (table,) = read_tables(split_lines(text))
    assert table.column_labels == ["구 분", "‘26년 예산", "‘25년 예산", "증감액", "증감율", "비 고"]
    assert [(c.text, c.column_label) for c in table.value_cells() if c.line == 5][:2] == [
        ("51,288", "‘26년 예산"), ("50,056", "‘25년 예산")]


# Derived from w02 p62 under pdftotext (figures and a name changed): a project's budget table
# printed inside a cell of the table of 공모 projects, whose other cells (its 연번 ``10``, 선정 현황,
# 주관부처) pdftotext sets on lines of their own between the inner rows.
PDFTOTEXT_OUTER_CELLS_BETWEEN_ROWS = """\
                구 분 총사업비      ’23년 이전 ’24년 ’25년 ’26년 이후
                     (‘25년) 예산 집행 예산 집행
                 계       180 311.5 311.5 - - 180        국 가        O
                국 비       90 155.75 155.75 - - 90
10                                                          선정
                                                        체육부    (
                                                               정 상 추진중)
                시 비       90 155.75 155.75 - - 90
                기 타        - - - - -            -
"""


def test_rows_go_on_past_an_outer_tables_cells_set_between_them():
    """The lines holding only the outer table's cells, left of the rows' labels or right of their
    values (``10 … 선정``, ``체육부  (``, ``정 상 추진중)``), do not end the rows: 시 비 and 기 타 are
    the table's (the first two lines, taken for a table of their own, were its end)."""
    [inner] = [table for table in read_tables(split_lines(PDFTOTEXT_OUTER_CELLS_BETWEEN_ROWS)) if table.layout == "numeric_tail"]
    rows = {row[0].text: [c.text for c in row[1:7]] for row in inner.body_rows}
    assert rows == {"계": ["180", "311.5", "311.5", "-", "-", "180"], "국 비": ["90", "155.75", "155.75", "-", "-", "90"],
                    "시 비": ["90", "155.75", "155.75", "-", "-", "90"], "기 타": ["-", "-", "-", "-", "-", "-"]}


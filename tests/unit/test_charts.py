"""The report's bar charts (orchestration/charts.py): each row a bar as long as its value on a
round scale, linked to its row, in its group's colour; Korean labels measured as printed."""

import re

from orchestration.charts import LABEL_MAX_PX, PALETTE, PLOT_WIDTH, _step, bars

ROWS = [  # 금천구's budget by department (억원), as the report draws it
    {"org_unit": "기획예산과", "억원": 120.5, "연도": "2025", "href": "../explain/a.html"},
    {"org_unit": "기획예산과", "억원": 98.0, "연도": "2024", "href": "../explain/b.html"},
    {"org_unit": "세무1과", "억원": 40.0, "연도": "2025", "href": "../explain/c.html"},
]


def rects(svg):
    return [dict(re.findall(r'(\w+)="([^"]*)"', m)) for m in re.findall(r"<rect ([^>]*)>", svg)]


def test_bars_are_as_long_as_their_values_on_a_round_scale_and_link_to_their_rows():
    svg = bars(ROWS, "org_unit", "억원", group="연도", title="억원", font="NanumGothic")
    assert svg.startswith('<svg xmlns="http://www.w3.org/2000/svg"') and 'font-family="NanumGothic, sans-serif"' in svg
    assert re.findall(r'<a href="([^"]+)">', svg) == ["../explain/b.html", "../explain/a.html", "../explain/c.html"]
    drawn = [r for r in rects(svg) if r["y"] != "4"]  # the bars, not the legend's swatches
    # the scale runs 0 to 150 in steps of 50: 120.5 of 150 is 449.9 of the plot's 560 pixels
    assert [float(r["width"]) for r in drawn] == [round(98 / 150 * PLOT_WIDTH, 1), round(120.5 / 150 * PLOT_WIDTH, 1),
                                                   round(40 / 150 * PLOT_WIDTH, 1)] == [365.9, 449.9, 149.3]
    # a year keeps its colour in every row: 2024 the palette's first, 2025 its second
    assert [r["fill"] for r in drawn] == [PALETTE[0], PALETTE[1], PALETTE[1]]
    ticks = re.findall(r'text-anchor="middle">([\d,.]+)</text>', svg)
    assert ticks == ["0", "50", "100", "150"]
    assert "<title>기획예산과 · 2025: 120.5</title>" in svg and ">억원</text>" in svg


def test_a_negative_value_runs_left_of_zero_and_nothing_is_drawn_of_no_rows():
    svg = bars([{"item": "세외수입", "v": -38.6}, {"item": "지방세", "v": 2.5}], "item", "v")
    first, second = [r for r in rects(svg)]
    zero = float(re.search(r'<line x1="([\d.]+)"[^>]*stroke="#888"', svg).group(1))
    assert float(first["x"]) + float(first["width"]) == zero and float(second["x"]) == zero
    assert "<a " not in svg and bars([], "item", "v") == ""


def test_round_steps_and_long_labels_cut():
    assert [_step(span) for span in (140, 7, 0.9, 25_000)] == [50, 2, 0.2, 5000]
    name = "부산여성가족과평생교육진흥원부설연구센터운영지원단"
    svg = bars([{"name": name, "v": 1}], "name", "v")
    label = re.search(r'text-anchor="end">([^<]+)<', svg).group(1)
    assert label.endswith("…") and label[:-1] == name[:len(label) - 1] and len(label) * 13 <= LABEL_MAX_PX

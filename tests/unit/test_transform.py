"""What the dbt step writes beside each model for the Dagster UI."""

from orchestration.assets.transform import markdown_table


def test_a_preview_is_a_markdown_table_whatever_its_cells_print():
    rows = [("7f3a", 58, "기 획 예 산 과 | 정책사업비"), ("7f3a", 59, None), ("7f3a", 60, "두 줄\n셀")]
    assert markdown_table(["document_id", "source_line", "row_label"], rows).splitlines() == [
        "| document_id | source_line | row_label |",
        "|---|---|---|",
        "| 7f3a | 58 | 기 획 예 산 과 \\| 정책사업비 |",
        "| 7f3a | 59 |  |",
        "| 7f3a | 60 | 두 줄 셀 |"]

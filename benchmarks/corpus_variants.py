"""The keyed work plans of the corpus printed the ways other governments print theirs, scored
against the same key: a check on wording and layout no one tuned for.

The corpus has no work plan of another government with a key of its own, so the holdout
(``corpus_workplans.HOLDOUT``) stopped being unseen once its misses were read. This benchmark
makes variants of every keyed plan that keep each fact on its page and change only how it is
printed, each variant one habit seen in other governments' filings:

- **marks**: other bullets before headings and items (■ for □, ● for ○, ○ for ㅇ, ▸ for ▹);
- **numbered**: the items a box opens numbered instead (``2. 인 력 : …`` for ``□ 인 력 : …``);
- **unit notes**: ``[단위 천원]`` for ``(단위 : 천원)``, no colon, square brackets;
- **note in the table**: a unit note printed on its own line over a table moved into the table,
  after its first header (``구 분 (단위 : 억원, %)``);
- **unspaced**: words spaced out for layout written solid (``정 원`` → ``정원``, ``기 획 재 경`` →
  ``기획재경``);
- **spaced out**: the short words of table cells spaced out (``정원`` → ``정 원``, ``합계`` → ``합 계``);
- **aligned**: every table the PDF states printed as text aligned by spaces, as ``pdftotext
  -layout`` or an HWP export writes it, with no cell boundaries to go by; and again with each
  header spanning several columns centred over them, as ``pdftotext -layout`` prints it;
- **tabbed**: the same tables as text with a tab between cells, the commonest text export, no
  longer stated as tables;
- **markdown**: the same tables as rows of cells between pipes (``| 정 원 | 149 |``), as a web
  page or a converted document prints them;
- **transposed**: every stated table of figures with its rows and columns swapped, still stated
  (a row per grade beside 정원 and 현원 columns, the years of a project's money down the side and
  its funding sources across, the units across a budget's years): the other way round of each
  table, as other governments print theirs; and again printed aligned by spaces. Their lines are
  not the plans', so their facts are compared without their line;
- **another city**: the plans as 대구광역시's: the city's name and its districts' replaced by
  대구's (부산진구 → 달서구, 해운대구 → 수성구, …), the names both cities have left as they are;
- **other words**: the words of table cells as other governments head their tables (``정원(A)``,
  ``현원(B)``, ``과부족(B-A)``, ``총계`` for 합계, ``본예산`` for 당초예산, ``국고보조금`` for 국비,
  ``세입예산``, ``금 액`` for 예산액);
- **another title**: the plan titled ``주요업무 추진계획`` where it says ``주요업무계획``;
- **running footer**: the plan's title and page printed at the foot of every page (``부산광역시
  주요업무계획 2025 | 12``), as many governments' plans print it;
- **all**: marks, unit notes, short words spaced out and the tables aligned, at once;
- **pdftotext -layout**: not a rewrite but another reader: the text poppler's ``pdftotext
  -layout`` makes of each PDF (a form feed ending each page), read as a text filing. This is how
  most plans reach a warehouse that cannot read PDFs, the way the corpus's bulletins were made, and
  no reader here was tuned on it before parser 0.53.0 (0.53.0 to 0.60.0 were tuned on the
  tuning plans as it prints them, w01, w02 and w05 most, w04 and w06 kept aside; 0.61.0 looked
  at w01 pp. 5 and 8 only). Its lines are its own, so its facts are
  compared with those of the plans as published without their line.

Each variant is read by the extractor alone (no refresh: the warehouse adds nothing to recall),
and scored as ``make bench-corpus`` scores the published warehouse: recall of the key's facts in
typed facts on their page, precision on the figures the key prints, and the largest share of
numbers not understood in any plan; and beyond the key, the share of every typed fact of the
plans as published (its table, page, line, printed value and what it means: its year, unit,
grade, category, item, measure, fund, source, project) that the variant reads too, the typed
facts it reads that the plans as published do not give (each a figure read twice or read wrong,
since every variant prints the same figures), and the plans whose government is read as the one
the variant's plans are of. ``make bench-corpus`` runs it
and writes ``benchmarks/results/corpus_variants.md`` (and ``.json``).
"""

from __future__ import annotations

import argparse
import csv
import itertools
import json
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.corpus_workplans import (ALL_FAMILIES, CORPUS, FAMILIES, HOLDOUT, TARGETS,  # noqa: E402
                                         record_values, score_answers)
from benchmarks.scoring import REPO, share  # noqa: E402
from orchestration.extract.document import extract_document  # noqa: E402
from orchestration.extract.formats import read_document  # noqa: E402
from orchestration.extract.formats.model import (BODY, FURNITURE, Document, Line, StatedCell,  # noqa: E402
                                                  mark_page_furniture, table_lines)
from orchestration.extract.governments import government_index  # noqa: E402
from orchestration.extract.layouts import is_data  # noqa: E402
from orchestration.extract.text import printed_width  # noqa: E402
from orchestration.settings import GOVERNMENT_SEED  # noqa: E402

# The warehouse's fact tables as the extractor names them, and the conditions FAMILIES puts on rows.
EXTRACTED = {"fct_staffing": "staffing", "fct_department_budget": "department_budgets", "fct_revenue": "revenue",
             "fct_settlement": "settlement", "fct_debt": "debt", "fct_fund": "funds",
             "fct_project_budget": "project_budgets"}
CONDITIONS = {"": lambda row: True, "org_unit is not null": lambda row: row.get("org_unit") is not None,
              "basis = '결산'": lambda row: row.get("basis") == "결산"}

_MARKS = {"□": "■", "○": "●", "ㅇ": "○", "▹": "▸"}
_LEAD_MARK = re.compile(r"^(\s*)([□○ㅇ▹])(?=\s)")
_UNIT_NOTE = re.compile(r"\(\s*단\s*위\s*[:：]\s*([^)]*?)\s*\)")
_SPACED_WORD = re.compile(r"(?<![가-힣])[가-힣](?: [가-힣])+(?![가-힣])")
_SHORT_WORD = re.compile(r"^[가-힣]{2,4}$")


def marks(text: str) -> str:
    return _LEAD_MARK.sub(lambda m: m[1] + _MARKS[m[2]], text)


_BOX_ITEM = re.compile(r"^(\s*)□(?=\s)")
# A part (``Ⅰ. 기본현황``) or a project under its number badge (``5      화명 야외수영장 …``).
_PART_HEADING = re.compile(r"^\s*(?:[ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ]|[1-9]\d?(?:(?:\s{2,}|\t)[가-힣]|\s*$))")


def numbered(document: Document) -> Document:
    """Every item a box opens (``□ 인 력 : …``) numbered instead, ``1.``, ``2.``, … anew under each
    part (``Ⅰ.``) and each project's badge, as many governments number the items of their basic
    status and of a project's page."""
    pages, number = [], 0
    for page in document.pages:
        lines = []
        for line in page:
            if line.table is None and _PART_HEADING.match(line.text):
                number = 0
            if line.table is None and _BOX_ITEM.match(line.text):
                number += 1
                line = replace(line, text=_BOX_ITEM.sub(lambda m: f"{m[1]}{number}.", line.text, count=1))
            lines.append(line)
        pages.append(lines)
    return replace(document, pages=pages)


def unit_notes(text: str) -> str:
    return _UNIT_NOTE.sub(lambda m: f"[단위 {m[1]}]", text)


_NOTE_LINE = re.compile(r"^\s*[(\[<]\s*단\s*위\s*[:：]?[^)\]>]*[)\]>]\s*$")


def note_in_the_table(document: Document) -> Document:
    """A unit note alone on the line over a stated table moved into the table's first cell."""
    pages = []
    for page in document.pages:
        lines = list(page)
        for index, (line, below) in enumerate(zip(page, page[1:])):
            if not (_NOTE_LINE.match(line.text) and below.table is not None and below.cells):
                continue
            (column, start, end), *rest = below.cells
            first = below.text[start:end].rstrip() + " " + line.text.strip()
            shift = len(first) - (end - start)
            lines[index] = Line("", role=line.role)
            lines[index + 1] = replace(below, text=below.text[:start] + first + below.text[end:],
                                       cells=((column, start, start + len(first)),
                                              *((c, s + shift, e + shift) for c, s, e in rest)))
        pages.append(lines)
    return replace(document, pages=pages)


def unspaced(text: str) -> str:
    return _SPACED_WORD.sub(lambda m: m[0].replace(" ", ""), text)


def spaced_out(cell: str) -> str:
    """A table cell of one short word, spaced out; other text as it is."""
    stripped = cell.strip()
    return cell.replace(stripped, " ".join(stripped)) if _SHORT_WORD.match(stripped) else cell


def rewritten(document: Document, rewrite: Callable[[str], str], cells_only: bool = False) -> Document:
    """The document with every line (or only every cell of a stated table) rewritten, the cells'
    positions in their line kept true."""
    pages = []
    for page in document.pages:
        lines = []
        for line in page:
            pieces = line.text.split("\t")
            if line.cells and len(pieces) == len(line.cells):
                pieces = [rewrite(piece) for piece in pieces]
                starts = [sum(len(p) + 1 for p in pieces[:i]) for i in range(len(pieces))]
                cells = tuple((column, start, start + len(piece.rstrip()))
                              for (column, _, _), start, piece in zip(line.cells, starts, pieces))
                lines.append(replace(line, text="\t".join(pieces), cells=cells))
            else:
                lines.append(line if cells_only else replace(line, text=rewrite(line.text)))
        pages.append(lines)
    return replace(document, pages=pages)


def _spans(line: Line, centre: bool) -> list[tuple[int, int, str]]:
    """(first column, columns spanned, text) of each cell of a stated table's line: with
    ``centre``, in a header's line (no figure in it) a cell spans the empty cells after it, as the
    format merged them; else every cell is one column's."""
    cells = [(column, line.text[start:end].strip()) for column, start, end in line.cells]
    header = centre and not any(is_data(text) for _, text in cells)
    out: list[tuple[int, int, str]] = []
    for column, text in cells:
        if header and out and not text and out[-1][0] + out[-1][1] == column and out[-1][2]:
            out[-1] = (out[-1][0], out[-1][1] + 1, out[-1][2])
        else:
            out.append((column, 1, text))
    return out


def aligned(document: Document, centre: bool = False) -> Document:
    """Every stated table printed as columns aligned by spaces, as ``pdftotext -layout`` prints a
    ruled table: each column as wide as its widest cell, two spaces between columns, every cell
    at its column's start, or with ``centre`` a header spanning several columns centred over
    them; the lines no longer say they are a table. As pdftotext does, a cell is set at its place
    on the page, measured with a Hangul syllable two wide, and printed a character apiece."""
    spans = [(line.table, cell) for _, _, line in document.numbered_lines() if line.table is not None and line.cells
             for cell in _spans(line, centre)]
    widths: dict[int, dict[int, int]] = {}
    for table, (column, span, text) in sorted(spans, key=lambda item: item[1][1]):
        width = widths.setdefault(table, {})
        room = sum(width.get(c, 0) + 2 for c in range(column, column + span)) - 2
        if printed_width(text) > room:
            width[column + span - 1] = width.get(column + span - 1, 0) + printed_width(text) - room
    pages = []
    for page in document.pages:
        lines = []
        for line in page:
            if line.table is None or not line.cells:
                lines.append(line)
                continue
            width, text, end = widths[line.table], "", None
            for column, span, cell in _spans(line, centre):
                start = sum(width.get(c, 0) + 2 for c in range(column))
                room = sum(width.get(c, 0) + 2 for c in range(column, column + span)) - 2
                at = max(start + (room - printed_width(cell)) // 2 if span > 1 else start, end + 2 if end else 0)
                text = text.rstrip().ljust(at) + cell
                end = at + printed_width(cell) if cell else end
            lines.append(Line(text.rstrip(), role=line.role))
        pages.append(lines)
    return replace(document, pages=pages)


def _grid(rows: list[Line]) -> list[list[str]]:
    return [[line.text[start:end].strip() for _, start, end in line.cells] for line in rows]


def _a_matrix(grid: list[list[str]]) -> bool:
    """A table of figures under a header and beside a label column, such as staffing by grade or
    budgets by unit: a list of projects or of names would read as no government prints it."""
    body = [text for row in grid[1:] for text in row[1:] if text]
    return bool(body) and sum(map(is_data, body)) * 2 >= len(body)


def transposed(document: Document) -> Document:
    """Every stated table of figures with its rows and columns swapped, still stated: what one
    government prints as a row (정원, 현원) another prints as a column, and a label spanning
    several columns heads several rows instead."""
    pages = []
    for page in document.pages:
        lines: list[Line] = []
        for table, group in itertools.groupby(page, key=lambda line: line.table if line.cells else None):
            rows = list(group)
            grid = _grid(rows)
            if table is None or not _a_matrix(grid):
                lines += rows
                continue
            cells = [StatedCell(row=c, column=r, text=text) for r, row in enumerate(grid) for c, text in enumerate(row)]
            lines += [replace(line, role=rows[0].role) for line in table_lines(cells, table)]
        pages.append(lines)
    return replace(document, pages=pages)


def as_text(document: Document, row: Callable[[list[str]], str]) -> Document:
    """Every stated table printed as text, ``row`` joining each line's cells; the lines no longer
    say they are a table."""
    pages = [[Line(row(_grid([line])[0]), role=line.role)
              if line.table is not None and line.cells else line for line in page] for page in document.pages]
    return replace(document, pages=pages)


# 부산광역시's districts that 대구 has none of by that name, and a 대구 district for each.
_DAEGU = {"부산광역시": "대구광역시", "부산시": "대구시", "부산진구": "달서구", "해운대구": "수성구", "영도구": "수성구",
          "동래구": "달성군", "사하구": "달서구", "금정구": "군위군", "강서구": "달성군", "연제구": "수성구",
          "수영구": "수성구", "사상구": "달서구", "기장군": "군위군", "부산": "대구"}
# a name letter-spaced in a cell (``부 산 의 료 원``) is the city's name too
_CITY = re.compile("|".join(alternative for name in _DAEGU for alternative in (re.escape(name), " ".join(name))))
BUSAN, DAEGU = "6260000", "6270000"


_TITLE = re.compile(r"주\s*요\s*업\s*무\s*계\s*획")
_THOUSANDS = re.compile(r"(?<=\d),(?=\d{3}(?!\d))")
_SHORT_YEAR = re.compile(r"[’‘'`]\s*(\d{2})(?=\s*년|\.\s*\d)")


# A table's words as other governments head their tables: the letters 정원(A) and 현원(B) name
# in 과부족(B-A), 총계 for 합계, the 본예산 for the 당초예산, 국고보조금 for 국비, the sides' 예산.
_OTHER_WORDS = {"정원": "정원(A)", "현원": "현원(B)", "과부족": "과부족(B-A)", "합계": "총계", "계": "합계", "국비": "국고보조금",
                "세입": "세입예산", "세출": "세출예산", "구분": "구 분", "예산액": "금 액"}
_BUDGET_BASIS = re.compile(r"당\s*초\s*예\s*산")


def other_words(cell: str) -> str:
    """A table cell in another government's words (``_OTHER_WORDS``); other cells as they are."""
    word = _OTHER_WORDS.get("".join(cell.split()))
    return word if word else _BUDGET_BASIS.sub("본예산", cell)


def titled(text: str, title: str) -> str:
    """The text with the plan's title (``주요업무계획``) printed as ``title``."""
    return _TITLE.sub(title, text)


def another_title(text: str) -> str:
    return titled(text, "주요업무 추진계획")


def plain_numbers(text: str) -> str:
    return _THOUSANDS.sub("", text)


def full_years(text: str) -> str:
    return _SHORT_YEAR.sub(lambda m: "20" + m[1], text)


def another_city(text: str) -> str:
    def renamed(match: re.Match) -> str:
        name = _DAEGU[match[0].replace(" ", "")]
        return " ".join(name) if " " in match[0] else name
    return _CITY.sub(renamed, text)


def running_footer(document: Document) -> Document:
    """Every page closed by a line of the plan's title and its number, marked as the formats'
    readers mark page furniture."""
    pages = [[replace(line) for line in page] + [Line(f"부산광역시 주요업무계획 2025  |  {number}")]
             for number, page in enumerate(document.pages, start=1)]
    for line in (line for page in pages for line in page):
        line.role = BODY if line.role in FURNITURE else line.role
    mark_page_furniture(pages)
    return replace(document, pages=pages)


VARIANTS: dict[str, Callable[[Document], Document]] = {
    "as published": lambda d: d,
    "marks": lambda d: rewritten(d, marks),
    "numbered": numbered,
    "unit notes": lambda d: rewritten(d, unit_notes),
    "note in the table": note_in_the_table,
    "unspaced": lambda d: rewritten(d, unspaced),
    "spaced out": lambda d: rewritten(d, spaced_out, cells_only=True),
    "aligned": aligned,
    "aligned, headers centred": lambda d: aligned(d, centre=True),
    "tabbed": lambda d: as_text(d, "\t".join),
    "markdown": lambda d: as_text(d, lambda cells: "| " + " | ".join(cells) + " |"),
    "other words": lambda d: rewritten(d, other_words, cells_only=True),
    "transposed": transposed,
    "transposed, aligned": lambda d: aligned(transposed(d)),
    "another city": lambda d: rewritten(d, another_city),
    "plain numbers": lambda d: rewritten(d, plain_numbers),
    "full years": lambda d: rewritten(d, full_years),
    "another title": lambda d: rewritten(d, another_title),
    "running footer": running_footer,
    "all": lambda d: aligned(rewritten(rewritten(d, lambda t: unit_notes(marks(t))), spaced_out, cells_only=True)),
}


# The variants whose tables print in other lines than the plans': their facts are compared with the
# published ones without their line.
NEW_LINES = {"transposed", "transposed, aligned"}


def pdftotext_layout(path: Path) -> Document:
    """The PDF as ``pdftotext -layout`` prints it, read as the text filing it would be."""
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True).stdout
    return read_document(text, path.with_suffix(".txt").name)


# Readers of the PDF file other than the formats' own, by name.
CONVERTERS: dict[str, Callable[[Path], Document]] = {"pdftotext -layout": pdftotext_layout}


def keyed_files() -> list[str]:
    with (CORPUS / "answers.csv").open(encoding="utf-8") as handle:
        return sorted({row["file"] for row in csv.DictReader(handle)})


FAMILY_TABLES = tuple(EXTRACTED.values())


# What a fact says beside its figure: its year, whose it is and what it measures.
MEANING = ("fiscal_year", "as_of", "org_unit", "grade", "category", "revenue_item", "measure", "item", "part",
           "basis", "fund", "funding_group", "project_name")


def _figure(table: str, row: dict) -> str:
    """A fact's figure as a variant must read it: its printed value without thousands separators,
    a staffing fact's two counts (a table printing them in two cells of a row or of a column)."""
    if table == "staffing":
        return f"{row['authorized']} / {row['current']}"
    return (row.get("printed_value") or "").replace(",", "")


def readings(extraction, rename: Callable[[str], str] = lambda text: text, lines: bool = True) -> set[tuple]:
    """Every typed fact of a plan as (table, page, line, its figure: ``_figure``, and what it
    means: MEANING): what a variant must read the same way as the plan as
    published. ``rename``: the variant's renaming of names (another city's); ``lines``: False for
    a converter, whose lines are not the published ones."""
    return {(table, row["source_page"], row["source_line"] if lines else None, _figure(table, row),
             *(rename(value) if isinstance(value := row.get(key), str) else value for key in MEANING))
            for table in FAMILY_TABLES for row in extraction.facts.get(table, [])}


def score_variant(extractions: dict[str, object], published: dict[str, object] | None = None,
                  government: str = BUSAN, rename: Callable[[str], str] = lambda text: text,
                  lines: bool = True) -> dict:
    def rows_of(answer: dict):
        extraction = extractions.get(answer["file"])
        if extraction is None:
            return []
        page = int(answer["locator"])
        out = []
        for family in FAMILIES.get(answer["kind_of_fact"], ALL_FAMILIES):
            table, _, condition = family.partition(" where ")
            out += [record_values(row) for row in extraction.facts.get(EXTRACTED[table], [])
                    if row["source_page"] == page and CONDITIONS[condition](row)]
        return out

    result = score_answers(rows_of, set(extractions))
    result["government"] = [sum(e.classification["government_code"] == government for e in extractions.values()),
                            len(extractions)]
    if published is not None:
        pairs = [(readings(published[name], rename, lines), readings(e, lines=lines)) for name, e in extractions.items()]
        result["same_facts"] = [sum(len(mine & theirs) for mine, theirs in pairs), sum(len(mine) for mine, _ in pairs)]
        result["other_facts"] = sum(len(theirs - mine) for mine, theirs in pairs)
    result["not_understood"] = {
        name: round(e.classification["tokens_not_understood"] / e.classification["number_tokens"], 3)
        for name, e in extractions.items() if e.classification["number_tokens"]}
    return result


def run(files: list[str]) -> dict:
    governments = government_index(GOVERNMENT_SEED)
    documents = {name: read_document((CORPUS / name).read_bytes(), name) for name in files}
    results, published = {}, None
    for variant, make in VARIANTS.items():
        extractions = {name: extract_document(name, make(document), governments) for name, document in documents.items()}
        published = published or extractions
        city = variant == "another city"
        results[variant] = score_variant(extractions, published, DAEGU if city else BUSAN,
                                         another_city if city else lambda text: text,
                                         lines=variant not in NEW_LINES)
        _progress(variant, results[variant])
    if shutil.which("pdftotext") is None:
        print("corpus_variants.py: pdftotext is missing (make bench-corpus installs poppler-utils); "
              "its variant is left out", file=sys.stderr)
        return results
    for converter, convert in CONVERTERS.items():
        extractions = {name: extract_document(name, convert(CORPUS / name), governments) for name in files}
        results[converter] = score_variant(extractions, published, lines=False)
        _progress(converter, results[converter])
    return results


def _progress(variant: str, result: dict) -> None:
    print(f"{variant}: {share(result['recall']['tuning']['all'])} tuning, "
          f"{share(result['recall']['holdout']['all'])} holdout", file=sys.stderr)


def report(results: dict) -> str:
    lines = ["# The keyed work plans printed other ways, scored", "",
             "Each variant keeps every fact of the key on its page and changes how it is printed (see "
             "`benchmarks/corpus_variants.py`); the extractor reads it and is scored as `make bench-corpus` "
             f"scores the warehouse. Holdout: {', '.join(h[:3] for h in HOLDOUT)}. Targets: recall ≥ "
             f"{TARGETS['recall']:.0%}, precision ≥ {TARGETS['precision']:.0%}, not understood ≤ "
             f"{TARGETS['not_understood']:.0%} per filing.", "",
             "| variant | tuning recall | holdout recall | precision | typed facts as published | other typed facts | "
             "government | most not understood |", "|---|---|---|---|---|---|---|---|"]
    for variant, result in results.items():
        precision = [sum(result["precision"][g][i] for g in ("tuning", "holdout")) for i in (0, 1)]
        worst = max(result["not_understood"].items(), key=lambda item: item[1])
        lines.append(f"| {variant} | {share(result['recall']['tuning']['all'])} | "
                     f"{share(result['recall']['holdout']['all'])} | {share(precision)} | "
                     f"{share(result['same_facts'])} | {result['other_facts']} | {share(result['government'])} | "
                     f"{worst[1]:.1%} ({worst[0][:3]}) |")
    for converter in (c for c in CONVERTERS if c in results):
        shares = ", ".join(f"{name[:3]} {value:.1%}" for name, value in sorted(results[converter]["not_understood"].items()))
        lines += ["", f"Not understood per filing, **{converter}**: {shares}."]
    for variant, result in results.items():
        missed = [m for group in ("tuning", "holdout") for m in result["missed"].get(group, [])]
        if missed:
            lines += ["", f"Missed in **{variant}**:", ""] + [f"- {m}" for m in missed[:12]]
    return "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=Path, default=REPO / "benchmarks" / "results")
    args = parser.parse_args()
    results = run(keyed_files())
    args.output.mkdir(parents=True, exist_ok=True)
    (args.output / "corpus_variants.json").write_text(json.dumps(results, ensure_ascii=False, indent=2) + "\n",
                                                      encoding="utf-8")
    text = report(results)
    (args.output / "corpus_variants.md").write_text(text, encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Reading the corpus's PDFs: this warehouse's reader (pypdfium2) beside poppler's
``pdftotext -layout`` on the same files, and the memory one filing costs, up to 300 pages.

``make bench-formats`` (part of ``make bench``) writes ``benchmarks/results/formats.md``. poppler
(Debian's poppler-utils) is the yardstick only; ``make bench-formats`` installs it.
pdfplumber, measured once when the reader was chosen, is not a dependency: it is timed here only
when it is installed (``pip install pdfplumber``).
"""

from __future__ import annotations

import argparse
import io
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

import pypdfium2 as pdfium  # noqa: E402

from orchestration.extract.formats import read_document  # noqa: E402

CORPUS = REPO / "tests" / "corpus"
TARGET = 3.0  # at most this many times poppler's time


def corpus_pdfs() -> list[Path]:
    return sorted(CORPUS.glob("*/*.pdf"))


def time_poppler(files: list[Path]) -> float:
    start = time.perf_counter()
    for path in files:
        subprocess.run(["pdftotext", "-layout", str(path), "-"], check=False, capture_output=True)
    return time.perf_counter() - start


def time_reader(files: list[Path]) -> tuple[float, int, int]:
    """Seconds, pages and lines of this warehouse's reader (a scan counts its pages, no lines)."""
    pages = lines = 0
    start = time.perf_counter()
    for path in files:
        try:
            document = read_document(path.read_bytes(), path.name)
        except Exception:  # noqa: BLE001 - the scan: its pages were opened all the same
            pages += len(pdfium.PdfDocument(str(path)))
            continue
        pages += document.page_count
        lines += sum(len(page) for page in document.pages)
    return time.perf_counter() - start, pages, lines


def time_pdfplumber(files: list[Path]) -> float | None:
    try:
        import pdfplumber
    except ImportError:
        return None
    start = time.perf_counter()
    for path in files:
        with pdfplumber.open(path) as pdf:
            for page in pdf.pages:
                page.extract_words()
                page.find_tables()
                page.close()
    return time.perf_counter() - start


def long_pdf(pages: int, out: Path) -> Path:
    """The longest work plan's pages repeated into one PDF of ``pages`` pages (PDFium's writer)."""
    source = pdfium.PdfDocument(str(CORPUS / "workplans" / "w02_busan_munhwacheyukguk_2025.pdf"))
    document = pdfium.PdfDocument.new()
    while len(document) < pages:
        document.import_pages(source, list(range(min(len(source), pages - len(document)))))
    buffer = io.BytesIO()
    document.save(buffer)
    out.write_bytes(buffer.getvalue())
    return out


def peak_rss_mib(path: Path | None) -> float:
    """Peak resident memory of a fresh process that imports the reader and reads one filing
    (none: the imports alone)."""
    code = ("import resource, sys; from pathlib import Path; sys.path.insert(0, sys.argv[2]);"
            "from orchestration.extract.formats import read_document;"
            "sys.argv[1] and read_document(Path(sys.argv[1]).read_bytes(), sys.argv[1]);"
            "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)")
    out = subprocess.run([sys.executable, "-c", code, str(path or ""), str(REPO)], check=True,
                         capture_output=True, text=True).stdout
    return int(out) / 1024


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=Path, default=REPO / "benchmarks" / "results")
    args = parser.parse_args()
    if shutil.which("pdftotext") is None:
        print("formats.py: pdftotext is missing; run make bench-formats (it installs poppler-utils)", file=sys.stderr)
        return 2
    files = corpus_pdfs()
    size = sum(p.stat().st_size for p in files)
    time_reader(files[:1])  # imports and PDFium's start-up, once
    poppler = min(time_poppler(files) for _ in range(3))
    runs = [time_reader(files) for _ in range(3)]
    ours, pages, lines = min(runs)
    plumber = time_pdfplumber(files)
    with tempfile.TemporaryDirectory() as scratch:
        memory = {0: peak_rss_mib(None)}
        memory |= {n: peak_rss_mib(long_pdf(n, Path(scratch) / f"long{n}.pdf")) for n in (76, 300)}
    ratio = ours / poppler
    result = {"files": len(files), "bytes": size, "pages": pages, "lines": lines, "pdftotext_s": round(poppler, 2),
              "reader_s": round(ours, 2), "ratio": round(ratio, 2), "target_ratio": TARGET,
              "meets_target": ratio <= TARGET, "pdfplumber_s": None if plumber is None else round(plumber, 2),
              "peak_mib_by_pages": {str(k): round(v, 1) for k, v in memory.items()}}
    args.output.mkdir(parents=True, exist_ok=True)
    (args.output / "formats.json").write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    lines_md = [
        "# Reading PDFs: this reader beside pdftotext -layout",
        "",
        f"{len(files)} PDFs of tests/corpus ({size / 1e6:.1f} MB, {pages} pages), best of three runs, one process.",
        "",
        "| reader | seconds | × pdftotext |",
        "|---|---|---|",
        f"| poppler `pdftotext -layout` (a process per file) | {poppler:.2f} | 1.00 |",
        f"| this warehouse (pypdfium2: characters, boxes, lines, page furniture) | {ours:.2f} | {ratio:.2f} |",
    ]
    if plumber is not None:
        lines_md.append(f"| pdfplumber (words and table finding) | {plumber:.2f} | {plumber / poppler:.2f} |")
    lines_md += [
        "",
        f"Target: at most {TARGET:.0f}× pdftotext: {'met' if ratio <= TARGET else 'MISSED'}.",
        "",
        "Peak memory (resident set) of a fresh process that imports the reader and reads one filing: "
        f"the imports alone {memory[0]:.0f} MiB; the 76-page work plan {memory[76]:.0f} MiB; the same pages "
        f"repeated to 300 ({(memory[300] - memory[76]):.0f} MiB more). Pages are opened and closed one at a time; "
        "what grows with the pages is the file's bytes and the lines kept.",
        "",
    ]
    (args.output / "formats.md").write_text("\n".join(lines_md), encoding="utf-8")
    print("\n".join(lines_md))
    return 0 if ratio <= TARGET else 1


if __name__ == "__main__":
    sys.exit(main())

"""Where extraction's time goes: cProfile over ``extract_document`` on a generated corpus.

Extraction misses its target of staying within 5× of a single pass over the bytes (read, decode,
split lines, one number regex; see ``results.md``). This says why: the share of the time each
stage of ``extract_document`` takes (cumulative), and the functions that spend it themselves.
Results: ``benchmarks/results/extraction_profile.md``.

    .venv/bin/python benchmarks/profile_extraction.py [N]   # N filings, default 300
"""

from __future__ import annotations

import cProfile
import pstats
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from benchmarks.corpus import write_corpus  # noqa: E402
from orchestration.extract.document import extract_document  # noqa: E402
from orchestration.extract.governments import government_index  # noqa: E402
from orchestration.extract.text import decode_bytes  # noqa: E402
from orchestration.settings import GOVERNMENT_SEED  # noqa: E402

RESULTS = REPO / "benchmarks" / "results" / "extraction_profile.md"
# The stages of extract_document, by the functions that run each (module, function names).
STAGES = {
    "kind and government": ("classify.py", ("classify_kind", "classify_government")),
    "reading every table (generic reader)": ("tables.py", ("read_tables",)),
    "typed facts of the five kinds": ("document.py", ("_work_plan", "_pledge_list", "_pledge_investment_plan",
                                                       "_candidate_disclosure", "_news_article")),
    "table cells (fct_table_cell)": ("document.py", ("table_cell_records",)),
    "totals and formulas (audit_discrepancies)": ("table_checks.py", ("table_checks",)),
    "number accounting (every token claimed)": ("accounting.py", ("account_numbers",)),
}
TOP = 15


def main(argv: list[str]) -> int:
    n = int(argv[0]) if argv else 300
    governments = government_index(GOVERNMENT_SEED)
    with tempfile.TemporaryDirectory(prefix="localgov-profile-") as scratch:
        write_corpus(Path(scratch), n, seed=2026)
        texts = [(p.name, "\n".join(decode_bytes(p.read_bytes()).lines))
                 for p in sorted(Path(scratch, "raw").rglob("*.txt"))]
    size = sum(len(text.encode("utf-8")) for _, text in texts)
    profile = cProfile.Profile()
    started = time.perf_counter()
    profile.enable()
    for name, text in texts:
        extract_document(name, text, governments)
    profile.disable()
    wall = time.perf_counter() - started
    stats = pstats.Stats(profile)
    total = sum(entry[2] for entry in stats.stats.values())  # tottime over all functions

    lines = ["# Where extraction's time goes", "",
             f"cProfile over `extract_document` on {len(texts)} generated filings ({size / 1e6:.2f} MB): "
             f"{wall:.1f} s with the profiler on ({size / 1e6 / wall:.2f} MB/s; without it, see `results.md`). "
             "Written by `benchmarks/profile_extraction.py`.", "",
             "## By stage (cumulative time, stages overlap where one calls another)", "",
             "| stage | share |", "|---|---:|"]
    for label, (module, functions) in STAGES.items():
        cumulative = sum(entry[3] for (path, _, name), entry in stats.stats.items()
                         if path.endswith(module) and name in functions)
        lines.append(f"| {label} | {cumulative / total:.0%} |")
    lines += ["", f"## The {TOP} functions that spend the most time themselves", "",
              "| function | calls | own time share |", "|---|---:|---:|"]
    ranked = sorted(stats.stats.items(), key=lambda item: -item[1][2])[:TOP]
    for (path, line, name), entry in ranked:
        where = f"{Path(path).name}:{line}" if line else "built-in"
        lines.append(f"| `{name}` ({where}) | {entry[1]:,} | {entry[2] / total:.1%} |")
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

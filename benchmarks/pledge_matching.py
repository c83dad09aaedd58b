"""Which text features tell a pledge's projects best: the comparison behind the matcher's choice.

Every feature set is scored the same way as ``orchestration.linking.pledges`` (weighted overlap of
the shorter text, inverse document frequency over the government's pledge titles and project
names, a quarter for agreeing departments) on the seeds' labelled pairs
(``tests/fixtures/pledge_project_pairs.csv``: 금천구's 63 pledges × 36 projects, 4 links, 13
near-misses). Reported per feature set: average precision over the whole ranking (how high the
true links rank) and the best recall at precision ≥ 0.9.

Feature sets: character bigrams and trigrams of the text with spaces and punctuation removed,
the nouns of Kiwi, a Korean morphological analyser (kiwipiepy with its model,
installed by ``pip install -e '.[compare]'``; without it the report says it was not measured),
and the matcher that ships (bigrams, plus the rule that both names print a run of four letters).
Results: ``benchmarks/results/pledge_matching.md``.

    .venv/bin/python benchmarks/pledge_matching.py
"""

from __future__ import annotations

import csv
import sys
import time
from pathlib import Path
from typing import Callable

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from orchestration.extract.document import extract_document  # noqa: E402
from orchestration.extract.governments import government_index  # noqa: E402
from orchestration.extract.text import decode_bytes  # noqa: E402
from orchestration.linking.korean import Weights, letters, overlap  # noqa: E402
from orchestration.linking.pledges import DEPARTMENT_WEIGHT, Pledge, Project, match_projects  # noqa: E402
from orchestration.settings import GOVERNMENT_SEED  # noqa: E402

RESULTS = REPO / "benchmarks" / "results" / "pledge_matching.md"
PAIRS = REPO / "tests" / "fixtures" / "pledge_project_pairs.csv"


def seed(prefix: str) -> str:
    return decode_bytes(next((REPO / "raw").glob(f"{prefix}_*.txt")).read_bytes()).text


def char_ngrams(n: int) -> Callable[[str], frozenset[str]]:
    def features(text: str) -> frozenset[str]:
        squeezed = letters(text)
        return frozenset(squeezed[i:i + n] for i in range(max(1, len(squeezed) - n + 1)))
    return features


def kiwi_nouns() -> Callable[[str], frozenset[str]] | None:
    try:
        from kiwipiepy import Kiwi
    except ImportError:
        return None
    kiwi = Kiwi()
    return lambda text: frozenset(t.form for t in kiwi.tokenize(text) if t.tag in ("NNG", "NNP", "SL", "XR"))


def ranking(features, pledges, projects) -> list[tuple[float, tuple]]:
    pledge_features = {p["pledge_code"]: features(p["title"]) for p in pledges}
    project_features = {(p["org_unit"], p["seq"]): features(p["project_name"]) for p in projects}
    weights = Weights.of([*pledge_features.values(), *project_features.values()])
    scored = []
    for pledge in pledges:
        for project in projects:
            text = overlap(pledge_features[pledge["pledge_code"]], project_features[(project["org_unit"], project["seq"])],
                           weights)
            same = letters(pledge["department"] or "") == letters(project["org_unit"])
            scored.append(((1 - DEPARTMENT_WEIGHT) * text + (DEPARTMENT_WEIGHT if same else 0),
                           (pledge["pledge_code"], project["org_unit"], project["seq"])))
    return sorted(scored, key=lambda s: -s[0])


def measure(scored, links: set) -> dict:
    true, precisions, best_recall = 0, [], 0.0
    for rank, (_, pair) in enumerate(scored, start=1):
        if pair in links:
            true += 1
            precisions.append(true / rank)
        if true / rank >= 0.9:
            best_recall = max(best_recall, true / len(links))
    ranks = [rank for rank, (_, pair) in enumerate(scored, start=1) if pair in links]
    return {"average_precision": sum(precisions) / len(links), "recall_at_p90": best_recall, "ranks": ranks}


def main() -> int:
    governments = government_index(GOVERNMENT_SEED)
    pledges = extract_document("001", seed("001"), governments).pledges
    projects = extract_document("004", seed("004"), governments).projects
    rows = list(csv.DictReader(PAIRS.open(encoding="utf-8")))
    links = {(r["pledge_code"], r["org_unit"], int(r["seq"])) for r in rows if r["label"] == "link"}
    candidates = {"character bigrams": char_ngrams(2), "character trigrams": char_ngrams(3)}
    started = time.perf_counter()
    kiwi = kiwi_nouns()
    kiwi_load = time.perf_counter() - started
    lines = ["# Pledge → project matching: which features", "",
             f"{len(pledges)} pledges × {len(projects)} projects of 금천구 (seeds 001 and 004), {len(links)} labelled "
             "links; scoring as in `orchestration/linking/pledges.py`. Written by "
             "`benchmarks/pledge_matching.py`.", "",
             "| features | average precision | recall at precision ≥ 0.9 | ranks of the true links | seconds |",
             "|---|---:|---:|---|---:|"]
    if kiwi:
        candidates["Kiwi nouns (kiwipiepy 0.24)"] = kiwi
    for name, features in candidates.items():
        started = time.perf_counter()
        result = measure(ranking(features, pledges, projects), links)
        seconds = time.perf_counter() - started
        lines.append(f"| {name} | {result['average_precision']:.2f} | {result['recall_at_p90']:.2f} | "
                     f"{', '.join(map(str, result['ranks']))} | {seconds:.2f} |")
    started = time.perf_counter()
    shipped = match_projects([Pledge(p["pledge_code"], "g", "list", p["title"], p["department"]) for p in pledges],
                             [Project(f"{p['org_unit']}#{p['seq']}", "g", "plan", p["project_name"], p["org_unit"])
                              for p in projects])
    scores = {(m.pledge_id, *m.project_id.split("#")): m.score for m in shipped}
    scored = sorted(((scores.get((p["pledge_code"], q["org_unit"], str(q["seq"])), 0.0), (p["pledge_code"], q["org_unit"], q["seq"]))
                     for p in pledges for q in projects), key=lambda s: -s[0])
    result = measure(scored, links)
    lines.append(f"| the matcher that ships: bigrams, and a run of 4 letters both names print | "
                 f"{result['average_precision']:.2f} | {result['recall_at_p90']:.2f} | "
                 f"{', '.join(map(str, result['ranks']))} | {time.perf_counter() - started:.2f} |")
    if kiwi:
        lines += ["", f"Kiwi's model took {kiwi_load:.1f} s to load."]
    else:
        lines += ["", "Kiwi nouns: not measured, kiwipiepy is not installed (`pip install -e '.[compare]'`)."]
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())

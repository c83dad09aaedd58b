"""Candidates nobody here wrote, scored: the published warehouse against the answer key of
tests/corpus/candidates (the 2026 local elections' bulletins and five-pledge sheets).

``make bench-corpus`` refreshes a data dir of its own from the 40 bulletin texts and 12 pledge PDFs
and writes ``benchmarks/results/corpus_candidates.md`` (and ``.json``):

- **recall** per fact: the share of the key's facts the published warehouse holds with their value
  for the candidate of their file — dim_candidate (name, party, ballot number, sex, birth date,
  occupation, education, constituency as district, military service, criminal-record count),
  fct_candidate_finance (assets, tax paid, arrears by relation; the relation's row, not its named
  members; 천원 as the key gives them), dim_pledge (titles by rank) and fct_pledge_investment (the
  pledge's total cost, 억원). Text compares without its spaces (the key joins wrapped lines, the
  warehouse keeps the form's spacing); a refused cell is right when the warehouse holds the row
  with no amount;
- **precision**: of the key's facts the warehouse gives a value for, the share whose value is
  the key's.

The candidates of one province, 강원특별자치도 (c027–c033), are kept out of tuning (``HOLDOUT``)
and reported apart: the warehouse is judged on candidates of other 시·도.
"""

from __future__ import annotations

import csv
import sys
from collections import defaultdict
from decimal import Decimal
from pathlib import Path

import duckdb

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.scoring import REPO, run_scored, share  # noqa: E402

CORPUS = REPO / "tests" / "corpus" / "candidates"
HOLDOUT_PROVINCE = "강원특별자치도"
RELATIONS = {"계": "total", "후보자": "본인", "배우자": "배우자", "직계존속": "직계존속", "직계비속": "직계비속"}
PROFILE = {"name": "name", "party": "party", "ballot_number": "ballot_number", "sex": "sex",
           "birth_date": "birth_date", "occupation": "occupation", "education": "education",
           "district": "constituency", "military_service": "military_service",
           "criminal_record_count": "criminal_record_count"}
TARGETS = {"recall": 0.95, "precision": 0.99}
MISSING = object()


def holdout_files() -> set[str]:
    with (CORPUS / "sources.csv").open(encoding="utf-8") as handle:
        return {row["file"] for row in csv.DictReader(handle) if row["sido"] == HOLDOUT_PROVINCE}


# The commission's list prints the middle dot as the jamo ㆍ where a bulletin prints ·: one mark.
_MIDDLE_DOTS = str.maketrans("ㆍ・･", "···")


def _text(value) -> str:
    return "".join(str(value).translate(_MIDDLE_DOTS).split())


class Warehouse:
    """The published facts a file's candidate has, read once."""

    def __init__(self, database: Path):
        self.connection = duckdb.connect(str(database), read_only=True)
        self.documents = dict(self.connection.execute("select file_path, document_id from marts.dim_document").fetchall())
        self.profiles = {row[0]: dict(zip([d[0] for d in self.connection.description], row))
                         for row in self.connection.execute("select * from marts.dim_candidate").fetchall()}

    def candidate(self, document_id: str) -> str | None:
        found = self.connection.execute(
            "select candidate_id from marts.dim_candidate where document_id = ? union "
            "select candidate_id from marts.fct_candidate_finance where document_id = ? union "
            "select candidate_id from marts.dim_pledge where document_id = ? and candidate_id is not null",
            [document_id] * 3).fetchall()
        return found[0][0] if len(found) == 1 else None

    def value(self, answer: dict):
        """The warehouse's value for one fact of the key, MISSING when it has none."""
        document_id = self.documents.get(answer["file"])
        if document_id is None:
            return MISSING
        fact = answer["fact"]
        if fact == "pledge_title":
            rows = self.connection.execute("select title from marts.dim_pledge where document_id = ? and pledge_code = ?",
                                           [document_id, f"{int(answer['key']):02d}"]).fetchall()
            return rows[0][0] if rows else MISSING
        if fact == "pledge_budget":
            rows = self.connection.execute(
                "select amount_krw from marts.fct_pledge_investment where document_id = ? and pledge_code = ? "
                "and funding_source is null", [document_id, f"{int(answer['key']):02d}"]).fetchall()
            return Decimal(rows[0][0]) / 10**8 if rows and rows[0][0] is not None else MISSING
        candidate = self.candidate(document_id)
        if candidate is None:
            return MISSING
        if fact in PROFILE:
            value = self.profiles.get(candidate, {}).get(PROFILE[fact])
            return MISSING if value is None else value
        measure = fact if fact.startswith("tax_arrears") else "assets" if fact.startswith("assets") else "tax_paid_5y"
        rows = self.connection.execute(
            "select amount_krw from marts.fct_candidate_finance where candidate_id = ? and document_id = ? "
            "and measure = ? and relation = ? and person is null",
            [candidate, document_id, measure, RELATIONS[answer["key"]]]).fetchall()
        if not rows:
            return MISSING
        amount = rows[0][0]
        return None if amount is None else Decimal(amount) / 1000


def matches(answer: dict, value) -> bool:
    expected = answer["value"]
    if answer["fact"] in ("pledge_budget",) or answer["unit"] == "천원":
        if expected == "":
            return value is None
        return value is not None and Decimal(value) == Decimal(expected)
    if answer["fact"] == "criminal_record_count":
        return value is not None and int(value) == int(expected)
    return _text(value) == _text(expected)


def score(database: Path) -> dict:
    warehouse = Warehouse(database)
    held = holdout_files()
    found, total, given, right = (defaultdict(int) for _ in range(4))
    missed: dict[str, list[str]] = defaultdict(list)
    for answer in csv.DictReader((CORPUS / "answers.csv").open(encoding="utf-8")):
        group = "holdout" if answer["file"] in held else "tuning"
        value = warehouse.value(answer)
        ok = value is not MISSING and matches(answer, value)
        total[(group, answer["fact"])] += 1
        found[(group, answer["fact"])] += ok
        if value is not MISSING:
            given[group] += 1
            right[group] += ok
        if not ok:
            shown = "—" if value is MISSING else value
            missed[group].append(f"{answer['file'][:4]} l.{answer['locator'] or '–'} {answer['fact']} "
                                 f"{answer['key']}: {answer['value']!r} ≠ {str(shown)!r}")
    warehouse.connection.close()
    result = {"recall": {}, "precision": {}, "missed": {g: m for g, m in missed.items()}}
    for group in ("tuning", "holdout"):
        facts = sorted(f for g, f in total if g == group)
        result["recall"][group] = {f: [found[(group, f)], total[(group, f)]] for f in facts}
        result["recall"][group]["all"] = [sum(found[(group, f)] for f in facts), sum(total[(group, f)] for f in facts)]
        result["precision"][group] = [right[group], given[group]]
    return result


def report(result: dict) -> str:
    lines = ["# Candidates of the 2026 local elections (tests/corpus/candidates), scored", "",
             f"Tuning: every file but those of {HOLDOUT_PROVINCE}; holdout: {HOLDOUT_PROVINCE}'s (c027–c033), "
             "never looked at while tuning. Targets: recall ≥ 95%, precision ≥ 99%.", "",
             "| fact | tuning recall | holdout recall |", "|---|---|---|"]
    facts = sorted({f for g in result["recall"].values() for f in g} - {"all"}) + ["all"]
    for fact in facts:
        lines.append(f"| {fact} | {share(result['recall']['tuning'].get(fact, [0, 0]))} | "
                     f"{share(result['recall']['holdout'].get(fact, [0, 0]))} |")
    lines += ["", f"Precision (facts the warehouse gives a value for, with the key's value): tuning "
                  f"{share(result['precision']['tuning'])}, holdout {share(result['precision']['holdout'])}."]
    for group, missed in result["missed"].items():
        lines += ["", f"Facts missed ({group}, first 40):", ""] + [f"- {m}" for m in missed[:40]]
    return "\n".join(lines) + "\n"


def main() -> int:
    return run_scored("corpus_candidates", __doc__.splitlines()[0], sorted(CORPUS.glob("c*_*")), score, report)


if __name__ == "__main__":
    sys.exit(main())

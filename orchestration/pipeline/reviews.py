"""A reviewer's decisions on pledge–project links kept beside the filings: the optional
``pledge_link_overrides.csv`` at the top of the raw dir, with the columns of the dbt seed of the
same name. The seed holds the decisions that ship with the project; this file adds the ones a
deployment makes, and where both decide the same pair the later decision wins (see
``int_pledge_link_overrides_resolved``). A row it cannot use is listed in audit_quarantine as
``pledge_link_overrides.csv:<line>``, like a manifest row.
"""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path

from orchestration.pipeline.discovery import REVIEWS_FILE as REVIEWS_NAME
from orchestration.pipeline.manifest import read_beside_filings

COLUMNS = ("government_code", "pledge_code", "org_unit", "project_name", "plan_year", "decision", "reviewer",
           "reason", "decided_on")
DECISIONS = ("confirm", "reject")


def _problems(row: dict) -> list[str]:
    found = [f"{column} is empty" for column in COLUMNS[:6] if not (row.get(column) or "").strip()]
    if (row.get("decision") or "").strip() not in DECISIONS + ("",):
        found.append(f"decision {row['decision']!r} is neither confirm nor reject")
    if (row.get("plan_year") or "").strip() and not row["plan_year"].strip().isdigit():
        found.append(f"plan_year {row['plan_year']!r} is not a year")
    if (row.get("decided_on") or "").strip():
        try:
            date.fromisoformat(row["decided_on"].strip())
        except ValueError:
            found.append(f"decided_on {row['decided_on']!r} is not a YYYY-MM-DD date")
    return found


def review_rows(raw_dir: Path) -> list[dict]:
    """The state records of the raw dir's decisions: usable rows (``problem`` empty) and the rows
    it could not use, with why; none without the file."""
    path = raw_dir / REVIEWS_NAME
    if not path.is_file():
        return []
    text, digest, unreadable = read_beside_filings(path)
    if text is None:
        return [{"line": 0, "problem": "review_unreadable", "detail": unreadable, "file_sha256": digest}]
    reader = csv.DictReader(io.StringIO(text))
    missing = [column for column in COLUMNS[:6] if column not in (reader.fieldnames or [])]
    if missing:
        return [{"line": 1, "problem": "review_header", "file_sha256": digest,
                 "detail": f"{REVIEWS_NAME} needs the columns {', '.join(COLUMNS)}; missing {', '.join(missing)}"}]
    rows = []
    for row in reader:
        values = {column: (row.get(column) or "").strip() or None for column in COLUMNS}
        problems = _problems(row)
        rows.append(values | {
            "line": reader.line_num, "file_sha256": digest,
            "plan_year": int(values["plan_year"]) if not problems else None,
            "decided_on": date.fromisoformat(values["decided_on"]) if values["decided_on"] and not problems else None,
            "problem": "review_bad_row" if problems else None,
            "detail": f"line {reader.line_num}: " + "; ".join(problems) if problems else None,
        })
    return rows

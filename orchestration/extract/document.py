"""One filing's text in, every record the lake stores for it out.

This is the single entry point the pipeline calls per filing; it composes the shared readers
(tables, organisation) with the typed extractors for the filing's kind.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field

from orchestration.extract.classify import classify_government, classify_kind
from orchestration.extract.governments import GovernmentIndex
from orchestration.extract.organisation import read_organisation
from orchestration.extract.staffing import extract_staffing
from orchestration.extract.tables import read_tables
from orchestration.extract.text import split_lines
from orchestration.extract.version import PARSER_VERSION

# Typed extractors per kind. A kind not listed here (unknown included) gets lines only.
TYPED_KINDS = frozenset({"work_plan"})


@dataclass
class Extraction:
    """Records per lake table, each a plain dict ready for Parquet."""

    classification: dict
    org_units: list[dict] = field(default_factory=list)
    staffing: list[dict] = field(default_factory=list)

    def tables(self) -> dict[str, list[dict]]:
        return {"classifications": [self.classification], "org_units": self.org_units, "staffing": self.staffing}


def extract_document(document_id: str, text: str, governments: GovernmentIndex) -> Extraction:
    lines = split_lines(text)
    kind, scores = classify_kind(text)
    government = classify_government(text, kind, governments)
    extraction = Extraction(
        classification={
            "document_id": document_id,
            "parser_version": PARSER_VERSION,
            "kind": kind,
            "kind_scores": json.dumps(scores, ensure_ascii=False, sort_keys=True),
            "government_code": government.code if government else None,
        }
    )
    if kind not in TYPED_KINDS:
        return extraction

    def provenance(source_line: int) -> dict:
        return {
            "document_id": document_id,
            "source_line": source_line,
            "source_excerpt": lines[source_line - 1],
            "parser_version": PARSER_VERSION,
        }

    units, sections = read_organisation(lines)
    extraction.org_units = [provenance(u.source_line) | asdict(u) for u in units]
    tables = read_tables(lines)
    extraction.staffing = [provenance(f.source_line) | asdict(f) for f in extract_staffing(tables, sections)]
    return extraction

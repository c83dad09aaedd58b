"""Which version of each filing is published: the current bytes when they are good, otherwise
the last good version of the same path.

A filing replaced in the raw dir by a broken copy (cut off, re-saved as a scan, emptied) must
not take its facts out of the warehouse. The state dir keeps every (path, document) pair ever
discovered; when a path's current document is quarantined, the newest earlier document of that
path that was read and extracted cleanly stays published beside the quarantine row. Its lake
files are content-addressed, so they are still there; after a parser upgrade they are re-made
from its stored lines (the lake's evidence store), since its bytes are gone from the raw dir.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


from orchestration.pipeline.discovery import RawFile
from orchestration.pipeline.lake import Lake


@dataclass(frozen=True)
class KeptVersion:
    file_path: str
    document_id: str
    replaced_document_id: str
    replaced_reason: str


def updated_history(history: list[dict], files: list[RawFile], now: datetime) -> list[dict]:
    """Every (path, document) pair seen so far, with when it was first seen."""
    seen = {(row["file_path"], row["document_id"]) for row in history}
    return history + [{"file_path": f.file_path, "document_id": f.document_id, "first_seen": now}
                      for f in files if (f.file_path, f.document_id) not in seen]


def status(lake: Lake, document_id: str) -> str | None:
    """None when the document was read and extracted cleanly under the current parser version,
    otherwise the reason it was not (``not_extracted`` when the lake has no record)."""
    if not lake.is_extracted(document_id):
        return "not_extracted"
    filing = lake.read("filings", document_id).to_pylist()[0]
    if filing["read_status"] != "ok":
        return filing["reason"]
    classification = lake.read("classifications", document_id).to_pylist()[0]
    return None if classification["extract_status"] == "ok" else classification["reason"]


def carry_forward(lake: Lake, document_id: str) -> bool:
    """Give a document read under an earlier parser version a reading under the current one,
    from its stored lines. False when no earlier clean reading exists."""
    if lake.is_read(document_id):
        return True
    earlier = sorted(lake.root.glob(f"filings/{document_id}_*.parquet"), key=lambda p: p.stat().st_mtime)
    for path in reversed(earlier):
        version = path.stem[len(document_id) + 1:]
        old = Lake(lake.root, version)
        filing = old.read("filings", document_id).to_pylist()[0]
        if filing["read_status"] != "ok" or not old.has("lines", document_id):
            continue
        lines = old.read("lines", document_id).to_pylist()
        # A reading from before the document model knew pages was a text filing: one page.
        lake.write("lines", document_id, [
            row | {"page_number": row.get("page_number") or 1,
                   "document_line": row.get("document_line") or row["line_number"],
                   "role": row.get("role") or "body", "parser_version": lake.parser_version} for row in lines])
        lake.write("filings", document_id, [filing | {"format": filing.get("format") or "text",
                                                      "page_count": filing.get("page_count") or 1,
                                                      "parser_version": lake.parser_version}])
        return True
    return False


def earlier_candidates(history: list[dict], files: list[RawFile], lake: Lake) -> dict[str, list[str]]:
    """For each current path whose document is not clean: its earlier documents, newest first."""
    current = {f.document_id for f in files}
    earlier: dict[str, list[dict]] = {}
    for row in history:
        if row["document_id"] not in current:
            earlier.setdefault(row["file_path"], []).append(row)
    # Only a path that had other documents before needs its current one's status read.
    return {raw.file_path: [row["document_id"] for row in sorted(earlier[raw.file_path],
                                                                 key=lambda row: row["first_seen"], reverse=True)]
            for raw in files if raw.file_path in earlier and status(lake, raw.document_id) is not None}


def kept_versions(files: list[RawFile], candidates: dict[str, list[str]], lake: Lake) -> list[KeptVersion]:
    """The newest clean earlier document of each broken path (extraction must have run on the
    candidates first)."""
    kept = []
    for raw in files:
        for document_id in candidates.get(raw.file_path, []):
            if status(lake, document_id) is None:
                kept.append(KeptVersion(raw.file_path, document_id, raw.document_id,
                                        status(lake, raw.document_id) or "ok"))
                break
    return kept

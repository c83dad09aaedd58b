"""The optional ``manifest.csv`` at the top of the raw dir: what a person knows about a filing
that its content may not say (DESIGN.md: path, government, kind, published_on, source_url).

A row's government and kind override what is told from the content. A row that cannot be used
(a path that is not under the raw dir or names no file, an unknown government or kind, a date
that is not one) is reported with its line and reason, and the filing it names, if any, is
classified from its content as if the row were not there.
"""

from __future__ import annotations

import csv
import hashlib
import io
from dataclasses import asdict, dataclass
from datetime import date
from pathlib import Path, PurePosixPath

from orchestration.extract.text import ReadError, decode_bytes
from orchestration.settings import GOVERNMENT_SEED

from orchestration.pipeline.discovery import MANIFEST_FILE as MANIFEST_NAME
COLUMNS = ("path", "government", "kind", "published_on", "source_url")


@dataclass(frozen=True)
class ManifestEntry:
    line: int
    file_path: str
    government_code: str | None
    kind: str | None
    published_on: date | None
    source_url: str | None


@dataclass(frozen=True)
class ManifestProblem:
    line: int
    file_path: str | None
    reason: str
    detail: str


def _clean_path(value: str) -> str | None:
    """The row's path relative to the raw dir, or None when it would leave it."""
    path = PurePosixPath(value.strip().replace("\\", "/"))
    if path.is_absolute() or ".." in path.parts or not path.parts:
        return None
    return path.as_posix()


def read_manifest(text: str, file_paths: set[str], government_codes: set[str],
                  kinds: set[str]) -> tuple[list[ManifestEntry], list[ManifestProblem]]:
    entries, problems = [], []
    reader = csv.DictReader(io.StringIO(text))
    missing = [c for c in ("path",) if c not in (reader.fieldnames or [])]
    if missing:
        return [], [ManifestProblem(1, None, "manifest_header",
                                    f"{MANIFEST_NAME} needs a header with the columns {', '.join(COLUMNS)}")]
    for row in reader:
        line = reader.line_num
        raw_path = (row.get("path") or "").strip()
        path = _clean_path(raw_path)
        if path is None:
            problems.append(ManifestProblem(line, raw_path, "manifest_path_outside",
                                            f"line {line}: {raw_path!r} is not a path inside the raw dir"))
            continue
        if path not in file_paths:
            problems.append(ManifestProblem(line, path, "manifest_missing_file",
                                            f"line {line}: no file {path!r} under the raw dir; fix the path or remove the row"))
            continue
        government = (row.get("government") or "").strip() or None
        kind = (row.get("kind") or "").strip() or None
        published = (row.get("published_on") or "").strip() or None
        found: list[tuple[str, str]] = []
        if government and government not in government_codes:
            found.append(("manifest_unknown_government", f"{government!r} is no 기관코드 of the governments seed; "
                                                         "the government is told from the content instead"))
            government = None
        if kind and kind not in kinds:
            found.append(("manifest_unknown_kind", f"{kind!r} is not one of {', '.join(sorted(kinds))}; "
                                                   "the kind is told from the content instead"))
            kind = None
        try:
            published_on = date.fromisoformat(published) if published else None
        except ValueError:
            found.append(("manifest_bad_date", f"published_on {published!r} is not a YYYY-MM-DD date"))
            published_on = None
        if found:
            # One entry per row, however many of its fields are wrong: the first names the reason,
            # the detail names them all.
            problems.append(ManifestProblem(line, path, found[0][0],
                                            f"line {line}: " + "; ".join(detail for _, detail in found)))
        entries.append(ManifestEntry(line, path, government, kind, published_on,
                                     (row.get("source_url") or "").strip() or None))
    return entries, problems


def read_beside_filings(path: Path) -> tuple[str | None, str, str | None]:
    """A file a person keeps beside the filings (this manifest, the reviewers' decisions): its
    text (None when it cannot be decoded), the SHA-256 of its bytes, and why it could not be read."""
    data = path.read_bytes()
    digest = hashlib.sha256(data).hexdigest()
    try:
        return decode_bytes(data).text, digest, None
    except ReadError as error:
        return None, digest, f"{path.name}: {error.detail}"


def manifest_rows(raw_dir: Path, file_paths: set[str], kinds: set[str]) -> list[dict]:
    """The state records of the raw dir's manifest: its usable rows (``problem`` empty) and the
    rows it could not use, with why; none without a manifest."""
    path = raw_dir / MANIFEST_NAME
    if not path.is_file():
        return []
    text, digest, unreadable = read_beside_filings(path)
    if text is None:
        return [{"line": 0, "problem": "manifest_unreadable", "detail": unreadable, "manifest_sha256": digest}]
    with GOVERNMENT_SEED.open(encoding="utf-8") as seed:
        codes = {row["government_code"] for row in csv.DictReader(seed)}
    entries, problems = read_manifest(text, file_paths, codes, kinds)
    return ([asdict(e) | {"manifest_sha256": digest} for e in entries]
            + [{"line": p.line, "file_path": p.file_path, "problem": p.reason, "detail": p.detail,
                "manifest_sha256": digest} for p in problems])

"""Read and extract every new filing, in parallel across cores, incrementally.

A filing already in the lake under the current parser version is not read again; that is what
makes a refresh of an unchanged raw dir take seconds. Failures are recorded per filing (a
quarantine row with a reason a person can act on) and never stop the other filings.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sys
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime, timezone
from multiprocessing import get_context
from pathlib import Path
from typing import IO, Callable, Iterable, TypeVar

from tqdm import tqdm

from orchestration.extract.document import extract_document
from orchestration.extract.formats import read_document
from orchestration.extract.formats.model import document_from_records, line_records
from orchestration.extract.governments import government_index
from orchestration.extract.text import ReadError
from orchestration.pipeline.crashpoints import EXTRACT, pause_point
from orchestration.pipeline.discovery import RawFile
from orchestration.pipeline.lake import EXTRACT_TABLES, Lake
from orchestration.settings import GOVERNMENT_SEED, max_file_bytes

log = logging.getLogger(__name__)

# Below this many filings a process pool costs more than it saves.
PARALLEL_THRESHOLD = 8
# From this many filings on, a person at a terminal sees a progress bar.
PROGRESS_FROM = 20


def progress(outcomes: Iterable[R], total: int, what: str, stream: IO[str] | None = None) -> list[R]:
    """The outcomes, with a progress bar on the terminal (stderr) while many filings are read or
    extracted; none in a log, a test or a run the UI launched (no terminal there)."""
    stream = stream or sys.stderr
    quiet = total < PROGRESS_FROM or not (stream.isatty() or stream is not sys.stderr)
    return list(tqdm(outcomes, total=total, desc=what, unit="filing", file=stream, disable=quiet, leave=False))

T = TypeVar("T")
R = TypeVar("R")


@dataclass(frozen=True)
class Outcome:
    document_id: str
    ok: bool
    reason: str | None = None
    rows: dict[str, int] = field(default_factory=dict)  # rows written, by lake table


def run_parallel(work: Callable[[T], R], items: list[T], workers: int | None = None,
                 meanwhile: Callable[[], None] | None = None) -> Iterable[R]:
    """``meanwhile``: started once the work is under way, for what this process can do while
    its workers are busy (it only waits for them)."""
    workers = workers or os.cpu_count() or 1
    if workers == 1 or len(items) < PARALLEL_THRESHOLD:
        if meanwhile:
            meanwhile()
        yield from map(work, items)
        return
    # spawn, not fork: the parent may be a multi-threaded Dagster process.
    with ProcessPoolExecutor(max_workers=workers, mp_context=get_context("spawn")) as pool:
        results = pool.map(work, items, chunksize=max(1, len(items) // (workers * 8)))
        if meanwhile:
            meanwhile()
        yield from results


def _read_one(task: tuple[str, str, str, bool]) -> Outcome:
    lake_dir, document_id, path, durable = task
    lake = Lake(Path(lake_dir), durable=durable)
    record = {"document_id": document_id, "parser_version": lake.parser_version, "format": None, "read_by": None,
              "byte_size": None, "encoding": None, "page_count": None, "line_count": None,
              "ends_with_line_break": None, "read_status": "ok", "reason": None, "detail": None,
              "read_at": datetime.now(timezone.utc)}
    lines: list[dict] = []
    try:
        size = Path(path).stat().st_size
        record["byte_size"] = size
        limit = max_file_bytes()
        if size > limit:
            raise ReadError("too_large", f"{size} bytes is over the {limit}-byte limit "
                                         "(LOCALGOV_MAX_FILE_BYTES); split the filing or raise the limit")
        data = Path(path).read_bytes()
        document = read_document(data, path)
        record.update(format=document.format, read_by=document.read_by, encoding=document.encoding,
                      page_count=document.page_count)
        lines = [{"document_id": document_id, "parser_version": lake.parser_version} | row
                 for row in line_records(document)]
        record["line_count"] = len(lines)
        record["ends_with_line_break"] = document.ends_with_line_break
    except ReadError as error:
        record.update(read_status="quarantined", reason=error.reason, detail=error.detail)
    lake.write("lines", document_id, lines)
    lake.write("filings", document_id, [record])
    return Outcome(document_id, record["read_status"] == "ok", record["reason"], {"filings": 1, "lines": len(lines)})


def read_new(lake: Lake, raw_dir: Path, files: list[RawFile]) -> list[Outcome]:
    """Decode every filing not yet in the lake; one task per distinct document."""
    lake.recover_unsynced()
    tasks, seen = [], set()
    for raw in files:
        if raw.document_id in seen or lake.is_read(raw.document_id):
            continue
        seen.add(raw.document_id)
        tasks.append((str(lake.root), raw.document_id, str(raw_dir / raw.file_path)))
    log.info("reading %d new filing(s) of %d", len(tasks), len(files))
    durable, flushed = _durability(lake, len(tasks))
    with flushed:
        return progress(run_parallel(_read_one, [task + (durable,) for task in tasks]), len(tasks), "reading")


def _extract_one(task: tuple[str, str, str | None, bool]) -> Outcome:
    lake_dir, document_id, kind, durable = task
    lake = Lake(Path(lake_dir), durable=durable)
    filing = lake.read("filings", document_id).to_pylist()[0]
    classification = {"document_id": document_id, "parser_version": lake.parser_version, "kind": None,
                      "kind_scores": None, "government_code": None, "extract_status": "ok",
                      "reason": None, "detail": None}
    if filing["read_status"] != "ok":
        classification.update(extract_status="skipped", reason="unreadable", detail=filing["detail"])
        lake.write("classifications", document_id, [classification])
        return Outcome(document_id, False, "unreadable", {"classifications": 1})
    # The stored lines give the document back, its stated tables included.
    document = document_from_records(filing.get("format"), lake.read("lines", document_id).to_pylist())
    try:
        extraction = extract_document(document_id, document, government_index(GOVERNMENT_SEED), kind,
                                      ends_with_line_break=bool(filing.get("ends_with_line_break")))
    except ReadError as error:
        return _failed(lake, classification, error.reason, error.detail)
    except Exception as error:  # noqa: BLE001 - one bad filing must not stop the refresh
        log.exception("extraction failed for %s", document_id)
        return _failed(lake, classification, "extraction_failed",
                       f"{type(error).__name__}: {error}; report it with the filing attached")
    rows = {"classifications": 1}
    for table, records in extraction.tables().items():
        if table != "classifications":
            lake.write_extracted(table, document_id, records)
            rows[table] = len(records)
    pause_point(EXTRACT)
    lake.write("classifications", document_id, [classification | extraction.classification])
    return Outcome(document_id, True, rows=rows)


def _failed(lake: Lake, classification: dict, reason: str, detail: str) -> Outcome:
    """No typed fact and no generic layer: a filing that failed is quarantined whole."""
    document_id = classification["document_id"]
    classification.update(extract_status="failed", reason=reason, detail=detail)
    for table in EXTRACT_TABLES[:-1]:
        lake.write_extracted(table, document_id, [])
    lake.write("classifications", document_id, [classification])
    return Outcome(document_id, False, reason, {"classifications": 1})


def _extracted_as(lake: Lake, document_id: str, kind: str | None) -> bool:
    """In the lake already, and of the kind a manifest asks for (a changed row re-extracts)."""
    if not lake.is_extracted(document_id):
        return False
    if kind is None:
        return True
    stored = lake.read("classifications", document_id).to_pylist()[0]
    return stored["kind"] == kind or stored["extract_status"] != "ok"


def extract_new(lake: Lake, document_ids: list[str], kinds: dict[str, str] | None = None,
                meanwhile: Callable[[], None] | None = None) -> list[Outcome]:
    """``kinds``: the kind a manifest gives some documents, by document id; ``meanwhile``, as
    ``run_parallel`` takes it."""
    kinds = kinds or {}
    lake.recover_unsynced()
    tasks = [(str(lake.root), d, kinds.get(d)) for d in dict.fromkeys(document_ids)
             if lake.is_read(d) and not _extracted_as(lake, d, kinds.get(d))]
    log.info("extracting %d new filing(s) of %d", len(tasks), len(set(document_ids)))
    durable, flushed = _durability(lake, len(tasks))
    with flushed:
        return progress(run_parallel(_extract_one, [task + (durable,) for task in tasks], meanwhile=meanwhile),
                        len(tasks), "extracting")


def _durability(lake: Lake, filings: int) -> tuple[bool, contextlib.AbstractContextManager]:
    """How a stage's lake files reach the disk: many filings' written as they come and the disk
    flushed once at the stage's end (forced one by one, they took a sixth of a 10,000-filing
    refresh); a few filings' each forced as it is written, since the flush at the end is the
    whole machine's, the warehouse the last refresh wrote included."""
    if filings >= PARALLEL_THRESHOLD:
        return False, lake.synced_at_end()
    return True, contextlib.nullcontext()

"""The content-addressed Parquet lake: one file per (table, document sha256, parser version).

Files are written beside their final name and renamed into place, so a crash never leaves a
half-written file under a name that counts. Every table also has an empty ``_schema_<version>.parquet``
so that dbt's ``read_parquet`` globs of one version's files always match, even before the first
filing.

Reading and extraction write about nine files a filing. Forcing each to disk on its own took a
sixth of a 10,000-filing refresh, so those stages, of many filings, write without it and flush
the disk once at their end (``Lake.synced_at_end``; ``ingest._durability`` decides). A marker
file stands for the stretch in between: a machine that stopped there (power lost) leaves the
marker, and the next stage checks every file written since it and drops the documents whose
files did not reach the disk whole.
"""

from __future__ import annotations

import logging
import os
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import pyarrow as pa
import pyarrow.parquet as pq

from orchestration.extract.version import PARSER_VERSION

log = logging.getLogger(__name__)

# Present while a stage writes lake files it has not flushed to disk yet.
UNSYNCED_MARKER = ".unsynced"

# Every fact, cell and finding says where it was printed: the page (1 for a text filing), the line
# within that page, and the line's number in the whole document (what the parsers count in, and
# what keys and joins inside one document use, since a line number repeats on every page).
_PROVENANCE = [
    ("document_id", pa.string()),
    ("source_page", pa.int32()),
    ("source_line", pa.int32()),
    ("document_line", pa.int32()),
    ("source_excerpt", pa.string()),
    ("parser_version", pa.string()),
]

LAKE_SCHEMAS: dict[str, pa.Schema] = {
    "filings": pa.schema([
        ("document_id", pa.string()),
        ("parser_version", pa.string()),
        ("format", pa.string()),
        ("read_by", pa.string()),
        ("encoding", pa.string()),
        ("byte_size", pa.int64()),
        ("page_count", pa.int32()),
        ("line_count", pa.int32()),
        ("ends_with_line_break", pa.bool_()),
        ("read_status", pa.string()),
        ("reason", pa.string()),
        ("detail", pa.string()),
        ("read_at", pa.timestamp("us", tz="UTC")),
    ]),
    "lines": pa.schema([
        ("document_id", pa.string()),
        ("parser_version", pa.string()),
        ("page_number", pa.int32()),
        ("line_number", pa.int32()),  # within its page
        ("document_line", pa.int32()),
        ("text", pa.string()),
        ("role", pa.string()),  # body, header, footer, page_number
        ("x0", pa.float32()),  # the line's box on a PDF page, in points from the top left
        ("top", pa.float32()),
        ("x1", pa.float32()),
        ("bottom", pa.float32()),
        ("stated_table", pa.int32()),  # a row of the table the format states, numbered in the document
        ("stated_header_rows", pa.int32()),
        ("cells", pa.string()),  # that row's cells as JSON [[column, start, end], ...]
    ]),
    "classifications": pa.schema([
        ("document_id", pa.string()),
        ("parser_version", pa.string()),
        ("kind", pa.string()),
        ("kind_scores", pa.string()),
        ("government_code", pa.string()),
        ("document_date", pa.date32()),
        ("document_date_precision", pa.string()),
        ("document_date_printed", pa.string()),
        ("title", pa.string()),
        ("extract_status", pa.string()),
        ("reason", pa.string()),
        ("detail", pa.string()),
        ("number_tokens", pa.int32()),
        ("tokens_in_facts", pa.int32()),
        ("tokens_in_cells", pa.int32()),
        ("tokens_unclaimed", pa.int32()),
        ("tokens_not_understood", pa.int32()),
        ("tokens_unattributed", pa.int32()),
    ]),
    "org_units": pa.schema(_PROVENANCE + [
        ("org_unit", pa.string()),
        ("printed", pa.string()),
        ("unit_level", pa.string()),
        ("parent_org_unit", pa.string()),
        ("listed_in", pa.string()),
        ("duties", pa.string()),
    ]),
    "staffing": pa.schema(_PROVENANCE + [
        ("table_index", pa.int32()),
        ("org_unit", pa.string()),
        ("org_unit_printed", pa.string()),
        ("statement", pa.string()),
        ("grade", pa.string()),
        ("grade_printed", pa.string()),
        ("staff_group", pa.string()),
        ("authorized", pa.int64()),
        ("current", pa.int64()),
        ("printed_value", pa.string()),
        ("as_of", pa.date32()),
        ("unattributed", pa.string()),
    ]),
    "department_budgets": pa.schema(_PROVENANCE + [
        ("table_index", pa.int32()),
        ("org_unit", pa.string()),
        ("org_unit_printed", pa.string()),
        ("category", pa.string()),
        ("category_printed", pa.string()),
        ("fiscal_year", pa.int32()),
        ("budget_basis", pa.string()),
        ("column_printed", pa.string()),
        ("printed_value", pa.string()),
        ("printed_unit", pa.string()),
        ("amount_krw", pa.int64()),
        ("printed_change", pa.string()),
        ("printed_change_pct", pa.string()),
        ("unattributed", pa.string()),
        ("account", pa.string()),
        ("budget_field", pa.string()),
    ]),
    "projects": pa.schema(_PROVENANCE + [
        ("table_index", pa.int32()),
        ("org_unit", pa.string()),
        ("seq", pa.int32()),
        ("project_name", pa.string()),
        ("status", pa.string()),
        ("page", pa.int32()),
        ("plan_year", pa.int32()),
    ]),
    "project_budgets": pa.schema(_PROVENANCE + [
        ("table_index", pa.int32()),
        ("org_unit", pa.string()),
        ("project_seq", pa.int32()),
        ("project_name", pa.string()),
        ("plan_year", pa.int32()),
        ("link_method", pa.string()),
        ("link_confirmed", pa.bool_()),
        ("statement", pa.string()),
        ("item", pa.string()),
        ("funding_source", pa.string()),
        ("funding_group", pa.string()),
        ("period_label", pa.string()),
        ("fiscal_year", pa.int32()),
        ("printed_value", pa.string()),
        ("printed_unit", pa.string()),
        ("amount_krw", pa.int64()),
        ("is_non_budget", pa.bool_()),
        ("unattributed", pa.string()),
    ]),
    "revenue": pa.schema(_PROVENANCE + [
        ("table_index", pa.int32()),
        ("statement_form", pa.string()),
        ("revenue_item", pa.string()),
        ("revenue_item_printed", pa.string()),
        ("parent_item", pa.string()),
        ("item_from", pa.string()),
        ("measure", pa.string()),
        ("measure_printed", pa.string()),
        ("column_index", pa.int32()),
        ("column_label", pa.string()),
        ("period_label", pa.string()),
        ("fiscal_year", pa.int32()),
        ("printed_value", pa.string()),
        ("value", pa.string()),  # exact decimal as printed; cast in staging
        ("unit", pa.string()),
        ("amount_krw", pa.int64()),
        ("rate_pct", pa.string()),
        ("org_unit", pa.string()),
    ]),
    "pledges": pa.schema(_PROVENANCE + [
        ("pledge_code", pa.string()),
        ("code_is_derived", pa.bool_()),
        ("title", pa.string()),
        ("strategy", pa.string()),
        ("department", pa.string()),
        ("parent_pledge_code", pa.string()),
        ("source_kind", pa.string()),
        ("goals", pa.string()),
        ("methods", pa.string()),
        ("period", pa.string()),
        ("funding", pa.string()),
    ]),
    "pledge_investments": pa.schema(_PROVENANCE + [
        ("table_index", pa.int32()),
        ("pledge_code", pa.string()),
        ("is_total_row", pa.bool_()),
        ("period_label", pa.string()),
        ("fiscal_year_from", pa.int32()),
        ("fiscal_year_to", pa.int32()),
        ("printed_value", pa.string()),
        ("value", pa.string()),  # exact decimal as printed; cast in staging
        ("unit", pa.string()),
        ("amount_krw", pa.int64()),
        ("is_non_budget", pa.bool_()),
        ("funding_source", pa.string()),
    ]),
    "candidates": pa.schema(_PROVENANCE + [
        ("election", pa.string()),
        ("election_date", pa.date32()),
        ("election_type", pa.string()),
        ("constituency", pa.string()),
        ("ballot_number", pa.string()),
        ("party", pa.string()),
        ("name", pa.string()),
        ("sex", pa.string()),
        ("birth_date", pa.date32()),
        ("birth_date_printed", pa.string()),
        ("occupation", pa.string()),
        ("education", pa.string()),
        ("career", pa.string()),
        ("military_service", pa.string()),
        ("criminal_record", pa.string()),
        ("criminal_record_count", pa.int32()),
    ]),
    "candidate_finance": pa.schema(_PROVENANCE + [
        ("table_index", pa.int32()),
        ("candidate_name", pa.string()),
        ("measure", pa.string()),
        ("relation", pa.string()),
        ("person", pa.string()),
        ("statement", pa.string()),
        ("printed_value", pa.string()),
        ("printed_unit", pa.string()),
        ("amount_krw", pa.int64()),
    ]),
    "news_claims": pa.schema(_PROVENANCE + [
        ("claim", pa.string()),
        ("subject", pa.string()),
        ("value", pa.string()),
        ("unit", pa.string()),
        ("printed_value", pa.string()),
        ("sentence", pa.string()),
    ]),
    "news_mentions": pa.schema(_PROVENANCE + [
        ("name", pa.string()),
        ("mention_form", pa.string()),
    ]),
    "settlement": pa.schema(_PROVENANCE + [
        ("table_index", pa.int32()),
        ("fiscal_year", pa.int32()),
        ("item", pa.string()),
        ("item_printed", pa.string()),
        ("printed_value", pa.string()),
        ("printed_unit", pa.string()),
        ("amount_krw", pa.int64()),
    ]),
    "debt": pa.schema(_PROVENANCE + [
        ("table_index", pa.int32()),
        ("debt_printed", pa.string()),
        ("part", pa.string()),
        ("part_printed", pa.string()),
        ("measure", pa.string()),
        ("fiscal_year", pa.int32()),
        ("basis", pa.string()),
        ("printed_value", pa.string()),
        ("printed_unit", pa.string()),
        ("amount_krw", pa.int64()),
        ("rate_pct", pa.string()),  # exact decimal as printed; cast in staging
    ]),
    "funds": pa.schema(_PROVENANCE + [
        ("table_index", pa.int32()),
        ("fund", pa.string()),
        ("fund_printed", pa.string()),
        ("org_unit", pa.string()),
        ("measure", pa.string()),
        ("measure_printed", pa.string()),
        ("fiscal_year", pa.int32()),
        ("printed_value", pa.string()),
        ("printed_unit", pa.string()),
        ("amount_krw", pa.int64()),
    ]),
    "table_cells": pa.schema(_PROVENANCE + [
        ("table_index", pa.int32()),
        ("table_first_line", pa.int32()),
        ("table_layout", pa.string()),
        ("table_title", pa.string()),
        ("row_label", pa.string()),
        ("column_label", pa.string()),
        ("column_index", pa.int32()),
        ("part", pa.int32()),
        ("part_label", pa.string()),
        ("printed_value", pa.string()),
        ("value", pa.string()),  # exact decimal as printed; cast in staging
        ("marker", pa.string()),
        ("unit", pa.string()),
        ("amount_krw", pa.int64()),
        ("rate_pct", pa.string()),
    ]),
    "table_checks": pa.schema(_PROVENANCE + [
        ("rule", pa.string()),
        ("direction", pa.string()),
        ("table_index", pa.int32()),
        ("column", pa.int32()),
        ("part", pa.int32()),
        ("total_label", pa.string()),
        ("printed_value", pa.string()),
        ("printed", pa.string()),  # exact decimals as strings; cast in staging
        ("expected", pa.string()),
        ("addends", pa.int32()),
        ("step", pa.string()),
        ("tolerance", pa.string()),
        ("addend_lines", pa.string()),
        ("addend_columns", pa.string()),
    ]),
    "unclaimed_numbers": pa.schema(_PROVENANCE + [
        ("token_start", pa.int32()),
        ("token", pa.string()),
        ("reason", pa.string()),
    ]),
}

STATE_SCHEMAS: dict[str, pa.Schema] = {
    "raw_files": pa.schema([
        ("file_path", pa.string()),
        ("document_id", pa.string()),
        ("byte_size", pa.int64()),
        ("modified_ns", pa.int64()),
    ]),
    "path_history": pa.schema([
        ("file_path", pa.string()),
        ("document_id", pa.string()),
        ("first_seen", pa.timestamp("us", tz="UTC")),
    ]),
    "manifest": pa.schema([
        ("line", pa.int32()),
        ("file_path", pa.string()),
        ("government_code", pa.string()),
        ("kind", pa.string()),
        ("published_on", pa.date32()),
        ("source_url", pa.string()),
        ("problem", pa.string()),  # empty for a usable row
        ("detail", pa.string()),
        ("manifest_sha256", pa.string()),
    ]),
    "reviews": pa.schema([
        ("line", pa.int32()),
        ("government_code", pa.string()),
        ("pledge_code", pa.string()),
        ("org_unit", pa.string()),
        ("project_name", pa.string()),
        ("plan_year", pa.int32()),
        ("decision", pa.string()),
        ("reviewer", pa.string()),
        ("reason", pa.string()),
        ("decided_on", pa.date32()),
        ("problem", pa.string()),  # empty for a usable row
        ("detail", pa.string()),
        ("file_sha256", pa.string()),
    ]),
    "kept_versions": pa.schema([
        ("file_path", pa.string()),
        ("document_id", pa.string()),
        ("replaced_document_id", pa.string()),
        ("replaced_reason", pa.string()),
    ]),
}

# Written by reading (filings, lines) and by extraction (the rest; classifications last, so its
# presence means the document's whole file set is there; an empty table has no file).
READ_TABLES = ("filings", "lines")
EXTRACT_TABLES = ("org_units", "staffing", "department_budgets", "projects", "project_budgets", "revenue", "settlement", "debt",
                  "funds", "pledges", "pledge_investments", "candidates", "candidate_finance", "news_claims",
                  "news_mentions", "table_cells", "table_checks", "unclaimed_numbers", "classifications")


class Lake:
    """``durable`` False: files are not forced to disk one by one (a worker of a stage that
    flushes at its end, ``synced_at_end``)."""

    def __init__(self, lake_dir: Path, parser_version: str = PARSER_VERSION, durable: bool = True):
        self.root = lake_dir
        self.parser_version = parser_version
        self.durable = durable

    def path(self, table: str, document_id: str) -> Path:
        return self.root / table / f"{document_id}_{self.parser_version}.parquet"

    def has(self, table: str, document_id: str) -> bool:
        return self.path(table, document_id).exists()

    def is_read(self, document_id: str) -> bool:
        return self.has("filings", document_id)

    def is_extracted(self, document_id: str) -> bool:
        return self.has("classifications", document_id)

    def write(self, table: str, document_id: str, records: list[dict]) -> None:
        write_parquet(self.path(table, document_id), records, LAKE_SCHEMAS[table], durable=self.durable)

    def write_extracted(self, table: str, document_id: str, records: list[dict]) -> None:
        """An extraction table of a document: no rows, no file. A filing fills a few of the
        sixteen tables, and a file per empty one took half the extraction time. A file this
        version wrote before is removed, so a re-extraction under another kind (a manifest row
        changed) leaves none of the old kind's facts behind."""
        if records:
            self.write(table, document_id, records)
        else:
            self.path(table, document_id).unlink(missing_ok=True)

    def read(self, table: str, document_id: str) -> pa.Table:
        # One known file: ParquetFile skips read_table's dataset discovery, half the cost of a
        # filing's read-back at 10,000 filings.
        return pq.ParquetFile(self.path(table, document_id)).read()

    @contextmanager
    def synced_at_end(self) -> Iterator[None]:
        """A stage whose workers write with ``durable=False``: the disk is flushed once, when it
        ends (however it ends), and a stage cut off before that is repaired at the next one."""
        self.recover_unsynced()
        marker = self.root / UNSYNCED_MARKER
        self.root.mkdir(parents=True, exist_ok=True)
        write_durably(marker, b"")
        try:
            yield
        finally:
            os.sync()
            marker.unlink(missing_ok=True)

    def recover_unsynced(self) -> list[str]:
        """After a stage that never reached its flush: a document with a file written since the
        marker that is not whole Parquet loses its files of this version from that stage on (a
        damaged reading takes its extraction with it), so that the next stages make them again.
        Returns the documents' ids."""
        marker = self.root / UNSYNCED_MARKER
        if not marker.exists():
            return []
        since = marker.stat().st_mtime_ns
        suffix = f"_{self.parser_version}.parquet"
        damaged: dict[str, tuple[str, ...]] = {}
        for table in LAKE_SCHEMAS:
            folder = self.root / table
            if not folder.is_dir():
                continue
            with os.scandir(folder) as entries:
                for entry in entries:
                    if (entry.name.endswith(suffix) and not entry.name.startswith((".", "_"))
                            and entry.stat().st_mtime_ns >= since and not _whole_parquet(entry.path)):
                        document_id = entry.name[:-len(suffix)]
                        tables = READ_TABLES + EXTRACT_TABLES if table in READ_TABLES else EXTRACT_TABLES
                        damaged[document_id] = max(damaged.get(document_id, ()), tables, key=len)
        for document_id, tables in damaged.items():
            for table in tables:
                self.path(table, document_id).unlink(missing_ok=True)
        if damaged:
            log.warning("%d filing(s) whose lake files did not reach the disk whole (the machine stopped "
                        "while they were written) are read or extracted again", len(damaged))
        os.sync()
        marker.unlink()
        return sorted(damaged)

    def placeholder(self, table: str) -> Path:
        return self.root / table / f"_schema_{self.parser_version}.parquet"

    def ensure_schemas(self) -> None:
        for table, schema in LAKE_SCHEMAS.items():
            placeholder = self.placeholder(table)
            if not placeholder.exists():
                write_parquet(placeholder, [], schema)

    def prune_other_versions(self) -> int:
        """Delete the files other parser versions wrote; returns how many. Called after a
        publish: the published warehouse was built from this version's files alone, and an older
        version's files may hold what this version no longer keeps (contact data it did not yet
        mask, facts it now reads otherwise)."""
        removed = 0
        for path in self.root.glob("*/*.parquet"):
            document_id, _, version = path.stem.partition("_")
            if document_id != "" and version and version != self.parser_version:
                path.unlink()
                removed += 1
        return removed


def write_parquet(path: Path, records: list[dict], schema: pa.Schema, durable: bool = True) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    table = pa.Table.from_pylist(records, schema=schema)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    with temporary.open("wb") as handle:
        pq.write_table(table, handle)
        if durable:
            handle.flush()
            os.fsync(handle.fileno())
    os.replace(temporary, path)


def write_durably(path: Path, data: bytes) -> None:
    """A small file and the directory entry naming it, on disk when this returns."""
    with path.open("wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
    directory = os.open(path.parent, os.O_RDONLY)
    try:
        os.fsync(directory)
    finally:
        os.close(directory)


def _whole_parquet(path: str) -> bool:
    try:
        pq.read_metadata(path)
    except (OSError, pa.ArrowException):
        return False
    return True

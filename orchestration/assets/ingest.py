"""Discovery, reading and extraction: the raw filings into the Parquet lake.

One asset per stage and one output per lake table, never one per filing: a refresh of any number
of filings is a single Dagster run, with the filings processed in parallel inside the asset.
"""

import time
from dataclasses import asdict
from datetime import datetime, timezone

import dagster as dg
import pyarrow.parquet as pq

from orchestration.assets import OWNERS
from orchestration.extract.document import EXTRACTORS
from orchestration.extract.version import PARSER_VERSION
from orchestration.pipeline.discovery import RawFile, discover
from orchestration.pipeline.ingest import PARALLEL_THRESHOLD, Outcome, extract_new, read_new
from orchestration.pipeline.inputs import record_run_inputs
from orchestration.pipeline.lake import EXTRACT_TABLES, READ_TABLES, STATE_SCHEMAS, Lake, write_parquet
from orchestration.pipeline.manifest import MANIFEST_NAME, manifest_rows
from orchestration.pipeline.reviews import REVIEWS_NAME, review_rows
from orchestration.pipeline.versions import carry_forward, earlier_candidates, kept_versions, updated_history
from orchestration.resources import Dbt, RefreshLock
from orchestration.settings import export_environment


def _state_path(table: str):
    return export_environment().state_dir / f"{table}.parquet"


def _read_state(table: str) -> list[dict]:
    path = _state_path(table)
    return pq.read_table(path).to_pylist() if path.exists() else []


@dg.asset(
    key="raw_filings",
    group_name="ingest",
    owners=OWNERS,
    description="Every file under the raw dir (LOCALGOV_RAW_DIR): path, size and SHA-256 of its bytes.",
)
def raw_filings(context: dg.AssetExecutionContext, refresh_lock: RefreshLock, dbt: Dbt) -> dg.MaterializeResult:
    paths = export_environment()
    started_ns = time.time_ns()
    # the last listing and when it was taken: the files it saw unchanged are not read again
    listed_at = paths.state_dir / "raw_files.listed_at"
    known_at_ns = int(listed_at.read_text()) if listed_at.exists() else 0
    known = _current_files()
    files = discover(paths.raw_dir, known, known_at_ns)
    # A run of a few new filings is mostly dbt's: its parse goes on beside the rest at once.
    # Many new filings, and it waits for the extraction's workers (extract_filings).
    if len({f.document_id for f in files} - {f.document_id for f in known}) < PARALLEL_THRESHOLD:
        dbt.parse_in_background(context.log.info)
    record_run_inputs(paths, context.run_id, files)
    write_parquet(_state_path("raw_files"), [asdict(f) for f in files], STATE_SCHEMAS["raw_files"])
    listed_at.write_text(str(started_ns))
    history = updated_history(_read_state("path_history"), files, datetime.now(timezone.utc))
    write_parquet(_state_path("path_history"), history, STATE_SCHEMAS["path_history"])
    documents = len({f.document_id for f in files})
    context.log.info(f"discovered {len(files)} file(s), {documents} distinct document(s) in {paths.raw_dir}")
    return dg.MaterializeResult(metadata={
        "files": len(files),
        "documents": documents,
        "raw_dir": str(paths.raw_dir),
        "preview": dg.MetadataValue.md(
            "\n".join(f"- `{f.file_path}` {f.document_id[:12]}… ({f.byte_size} B)" for f in files[:20])
        ),
    })


@dg.asset(
    key="raw_manifest",
    group_name="ingest",
    owners=OWNERS,
    deps=["raw_filings"],
    description="The raw dir's optional manifest.csv: the government and kind it gives a filing override "
                "the content's; rows it cannot use are reported with their line.",
)
def raw_manifest(context: dg.AssetExecutionContext, refresh_lock: RefreshLock) -> dg.MaterializeResult:
    paths = export_environment()
    rows = manifest_rows(paths.raw_dir, {f.file_path for f in _current_files()}, set(EXTRACTORS))
    write_parquet(_state_path("manifest"), rows, STATE_SCHEMAS["manifest"])
    problems = [row for row in rows if row.get("problem")]
    for problem in problems:
        context.log.warning(f"{MANIFEST_NAME} {problem['detail']}")
    return dg.MaterializeResult(metadata={"rows": len(rows) - len(problems), "problems": len(problems)})


@dg.asset(
    key="raw_reviews",
    group_name="ingest",
    owners=OWNERS,
    deps=["raw_filings"],
    description="The raw dir's optional pledge_link_overrides.csv: a reviewer's confirm or reject of pledge–project "
                "links, beside the decisions the dbt seed ships; rows it cannot use are reported with their line.",
)
def raw_reviews(context: dg.AssetExecutionContext, refresh_lock: RefreshLock) -> dg.MaterializeResult:
    paths = export_environment()
    rows = review_rows(paths.raw_dir)
    write_parquet(_state_path("reviews"), rows, STATE_SCHEMAS["reviews"])
    problems = [row for row in rows if row.get("problem")]
    for problem in problems:
        context.log.warning(f"{REVIEWS_NAME} {problem['detail']}")
    return dg.MaterializeResult(metadata={"decisions": len(rows) - len(problems), "problems": len(problems)})


def _current_files() -> list[RawFile]:
    return [RawFile(**row) for row in _read_state("raw_files")]


def _lake_specs(descriptions: dict[str, str], deps: list) -> list[dg.AssetSpec]:
    return [dg.AssetSpec(["lake", table], deps=deps, group_name="ingest", owners=OWNERS,
                         code_version=PARSER_VERSION, description=description)
            for table, description in descriptions.items()]


def _lake_results(tables, documents: list[str], outcomes: list[Outcome], **metadata):
    """Rows are counted in this run's files only, as the workers wrote them: counting the lake
    opens a file per table and filing, which at 10,000 filings took seconds more than the
    extraction. The staging models' materialisations give the totals."""
    for table in tables:
        yield dg.MaterializeResult(
            asset_key=["lake", table],
            metadata={"documents": len(documents), "new_rows": sum(o.rows.get(table, 0) for o in outcomes),
                      "parser_version": PARSER_VERSION, **metadata},
        )


@dg.multi_asset(
    specs=_lake_specs({
        "filings": "Reading outcome per document: encoding detected, lines, or the quarantine reason.",
        "lines": "The evidence store: every line of every normalised filing (NFC, \\n), 1-based.",
    }, deps=["raw_filings"]),
    name="read_filings",
)
def read_filings(context: dg.AssetExecutionContext, refresh_lock: RefreshLock):
    paths = export_environment()
    lake = Lake(paths.lake_dir)
    lake.ensure_schemas()
    files = _current_files()
    outcomes = read_new(lake, paths.raw_dir, files)
    failed = [o for o in outcomes if not o.ok]
    for outcome in failed:
        context.log.warning(f"quarantined {outcome.document_id[:12]}…: {outcome.reason}")
    documents = sorted({f.document_id for f in files})
    yield from _lake_results(READ_TABLES, documents, outcomes,
                             newly_read=len(outcomes), quarantined_now=len(failed))


@dg.multi_asset(
    specs=_lake_specs({
        "classifications": "Kind and government of each filing, told from its content.",
        "org_units": "Org units (국, 과, 팀) named on the section covers and 조직현황 tables of work plans.",
        "staffing": "정원(현원) staffing cells by org unit and grade, with the line each came from.",
        "department_budgets": "예산현황 department budgets by category and fiscal year, as printed.",
        "projects": "주요사업 목록 rows: each department's major projects, new or continuing.",
        "project_budgets": "소요예산 of each project by funding source and period: headlines, tables and inline lines.",
        "revenue": "세입 revenue and tax cells by revenue item, measure and period, as printed.",
        "settlement": "결산 settlement of accounts by fiscal year and item.",
        "debt": "채무: the government's debt and debt ratio by year, and the parts of its debt.",
        "funds": "기금: each fund's balance, operating size, receipts and spending by year, and its managing unit.",
        "pledges": "Pledges (공약) from pledge lists, investment plans and candidate leaflets, with codes.",
        "pledge_investments": "공약 투자계획 amounts by pledge and period (총계, 2022~2023, 2024 …), 비예산 flagged.",
        "candidates": "Candidates of candidate disclosures: election, party, particulars, 병역, 전과.",
        "candidate_finance": "Candidates' assets, tax paid and arrears by relation and named relative.",
        "news_claims": "Quantitative claims of news articles (129개의 신규사업), with the sentence.",
        "news_mentions": "Programme names news articles quote or list, for pledge tracking.",
        "table_cells": "Every numeric cell of every table in any filing, with its labels as printed.",
        "table_checks": "Every printed total (계, 합계, 소계) of every table with the sum of its parts, and every "
                        "rate or difference whose header names its formula (징수율(C:B)) with what it gives.",
        "unclaimed_numbers": "Every number token no typed fact or table cell took, with the reason.",
    }, deps=[["lake", "filings"], ["lake", "lines"], "raw_manifest"]) + [
        dg.AssetSpec(["lake", "kept_versions"], deps=["raw_filings"], group_name="ingest", owners=OWNERS,
                     description="The last good version of each filing whose new version is quarantined: "
                                 "its facts stay published."),
    ],
    name="extract_filings",
)
def extract_filings(context: dg.AssetExecutionContext, refresh_lock: RefreshLock, dbt: Dbt):
    paths = export_environment()
    lake = Lake(paths.lake_dir)
    files = _current_files()
    documents = sorted({f.document_id for f in files})
    by_path = {f.file_path: f.document_id for f in files}
    kinds = {by_path[row["file_path"]]: row["kind"] for row in _read_state("manifest")
             if row["kind"] and not row["problem"]}
    outcomes = extract_new(lake, documents, kinds, meanwhile=lambda: dbt.parse_in_background(context.log.info))
    for outcome in outcomes:
        if not outcome.ok:
            context.log.warning(f"no typed facts for {outcome.document_id[:12]}…: {outcome.reason}")
    candidates = earlier_candidates(_read_state("path_history"), files, lake)
    extract_new(lake, [d for found in candidates.values() for d in found if carry_forward(lake, d)])
    kept = kept_versions(files, candidates, lake)
    for version in kept:
        context.log.warning(f"{version.file_path}: the new version is quarantined ({version.replaced_reason}); "
                            f"the facts of its last good version {version.document_id[:12]}… stay published")
    write_parquet(_state_path("kept_versions"), [asdict(k) for k in kept], STATE_SCHEMAS["kept_versions"])
    yield dg.MaterializeResult(asset_key=["lake", "kept_versions"], metadata={
        "kept": len(kept),
        "paths": dg.MetadataValue.md("\n".join(f"- `{k.file_path}` keeps {k.document_id[:12]}… "
                                               f"({k.replaced_reason})" for k in kept) or "none"),
    })
    documents += [k.document_id for k in kept]
    yield from _lake_results(EXTRACT_TABLES, documents, outcomes,
                             newly_extracted=len(outcomes))

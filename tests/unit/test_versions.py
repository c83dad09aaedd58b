"""Which version of a filing is published, and the lake's files of other parser versions."""

import hashlib
import os
import time
from datetime import datetime, timezone

from orchestration.pipeline.discovery import RACY_NS, RawFile, discover, fingerprint
from orchestration.pipeline.lake import Lake
from orchestration.pipeline.versions import carry_forward, earlier_candidates, kept_versions, status, updated_history

T0, T1 = datetime(2026, 1, 1, tzinfo=timezone.utc), datetime(2026, 2, 1, tzinfo=timezone.utc)


def _read(lake, document_id, ok=True):
    lake.write("filings", document_id, [{"document_id": document_id, "parser_version": lake.parser_version,
                                         "read_status": "ok" if ok else "quarantined",
                                         "reason": None if ok else "truncated"}])
    lake.write("lines", document_id, [{"document_id": document_id, "parser_version": lake.parser_version,
                                       "line_number": 1, "text": "기획예산과\t22 (24)"}])


def _extracted(lake, document_id, ok=True):
    lake.write("classifications", document_id, [{"document_id": document_id, "parser_version": lake.parser_version,
                                                 "extract_status": "ok" if ok else "failed",
                                                 "reason": None if ok else "truncated"}])


def test_a_broken_new_version_keeps_the_newest_good_one(tmp_path):
    lake = Lake(tmp_path, "1.0.0")
    for document_id, good in (("old", True), ("newer", True), ("broken", False)):
        _read(lake, document_id)
        _extracted(lake, document_id, ok=good)
    history = updated_history([], [RawFile("plan.txt", "old", 1, 1)], T0)
    history = updated_history(history, [RawFile("plan.txt", "newer", 1, 2)], T1)
    history = updated_history(history, [RawFile("plan.txt", "newer", 1, 2)], T1)
    assert len(history) == 2
    now = datetime(2026, 3, 1, tzinfo=timezone.utc)
    files = [RawFile("plan.txt", "broken", 1, 3), RawFile("other.txt", "old", 1, 1)]
    history = updated_history(history, files, now)
    candidates = earlier_candidates(history, files, lake)
    assert candidates == {"plan.txt": ["newer"]}  # "old" is current under another path
    (kept,) = kept_versions(files, candidates, lake)
    assert (kept.file_path, kept.document_id, kept.replaced_document_id, kept.replaced_reason) == (
        "plan.txt", "newer", "broken", "truncated")
    assert status(lake, "broken") == "truncated" and status(lake, "missing") == "not_extracted"


def test_an_earlier_parser_versions_reading_is_carried_forward_and_then_pruned(tmp_path):
    old, new = Lake(tmp_path, "0.9.0"), Lake(tmp_path, "1.0.0")
    _read(old, "gone")
    _extracted(old, "gone")
    assert carry_forward(new, "gone")
    assert new.read("lines", "gone").to_pylist() == [
        {"document_id": "gone", "parser_version": "1.0.0", "page_number": 1, "line_number": 1, "document_line": 1,
         "text": "기획예산과\t22 (24)", "role": "body", "x0": None, "top": None, "x1": None, "bottom": None,
         "stated_table": None, "stated_header_rows": None, "cells": None}]
    assert not carry_forward(new, "never_read")
    new.ensure_schemas()
    assert new.prune_other_versions() == 3  # filings, lines and classifications of 0.9.0
    assert sorted(p.name for p in tmp_path.glob("*/gone_*.parquet")) == ["gone_1.0.0.parquet", "gone_1.0.0.parquet"]
    assert (tmp_path / "lines" / "_schema_1.0.0.parquet").exists()


def test_the_listing_discovery_took_gives_the_raw_dir_s_fingerprint_without_a_second_walk(tmp_path):
    raw = tmp_path / "raw"
    (raw / "2024").mkdir(parents=True)
    (raw / "2024" / "plan.txt").write_text("기획예산과 정원 21\n", encoding="utf-8")
    (raw / "leaflet.txt").write_text("공약\n", encoding="utf-8")
    (raw / "manifest.csv").write_text("path,government\nleaflet.txt,3170000\n", encoding="utf-8")
    files = discover(raw)
    assert [f.file_path for f in files] == ["leaflet.txt", "2024/plan.txt"]
    assert fingerprint(raw, files) == fingerprint(raw)
    (raw / "manifest.csv").write_text("path,government\nleaflet.txt,3180000\n", encoding="utf-8")
    assert fingerprint(raw, files) == fingerprint(raw) != fingerprint(raw, files[:1])


def test_discovery_reads_again_only_what_the_last_listing_cannot_vouch_for(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "a.txt").write_text("정원 12명", encoding="utf-8")
    (raw / "b.txt").write_text("현원 11명", encoding="utf-8")
    old_ns = time.time_ns() - 10 * RACY_NS
    for name in ("a.txt", "b.txt"):
        os.utime(raw / name, ns=(old_ns, old_ns))
    listing = discover(raw)
    assert [f.document_id for f in listing] == [hashlib.sha256("정원 12명".encode()).hexdigest(),
                                               hashlib.sha256("현원 11명".encode()).hexdigest()]
    # a.txt rewritten with bytes of the same size and its mtime put back: only a new read would see it
    (raw / "a.txt").write_text("정원 13명", encoding="utf-8")
    os.utime(raw / "a.txt", ns=(old_ns, old_ns))
    assert discover(raw, listing, time.time_ns()) == listing
    # a listing taken within two seconds of the mtime vouches for nothing: a.txt is read again
    again = discover(raw, listing, old_ns + RACY_NS // 2)
    assert again[0].document_id == hashlib.sha256("정원 13명".encode()).hexdigest() and again[1] == listing[1]
    # a size or mtime of its own is read again whatever the listing says
    (raw / "b.txt").write_text("현원 111명", encoding="utf-8")
    assert discover(raw, listing, time.time_ns())[1].document_id == hashlib.sha256("현원 111명".encode()).hexdigest()


def test_the_raw_dir_is_walked_a_folders_files_first_hidden_names_and_outside_links_left_out(tmp_path):
    raw, elsewhere = tmp_path / "raw", tmp_path / "elsewhere"
    for folder in (raw / "2611000" / "2025", raw / "2611000" / ".drafts", raw / "2600000", elsewhere):
        folder.mkdir(parents=True)
    for path in (raw / "b.txt", raw / "a.txt", raw / "2611000" / "2025" / "plan.txt", raw / "2611000" / "x.txt",
                 raw / "2611000" / ".drafts" / "draft.txt", raw / ".hidden.txt", raw / "README.md",
                 raw / "2600000" / "pledges.txt", elsewhere / "secret.txt"):
        path.write_text("정원 149명", encoding="utf-8")
    (raw / "inside.txt").symlink_to(raw / "a.txt")
    (raw / "outside.txt").symlink_to(elsewhere / "secret.txt")
    (raw / "linked_folder").symlink_to(elsewhere, target_is_directory=True)
    assert [f.file_path for f in discover(raw)] == [
        "a.txt", "b.txt", "inside.txt", "2600000/pledges.txt", "2611000/x.txt", "2611000/2025/plan.txt"]

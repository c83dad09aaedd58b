"""Reading and extracting filings into the lake (orchestration/pipeline/ingest.py): each
outcome says how many rows its worker wrote to each lake table, which is what the lake assets
report, so nothing has to open the lake's files again to count them."""

import hashlib

import pyarrow.parquet as pq

from orchestration.pipeline.discovery import RawFile
from orchestration.pipeline.ingest import PARALLEL_THRESHOLD, _durability, extract_new, read_new
from orchestration.pipeline.lake import UNSYNCED_MARKER, Lake
from orchestration.settings import REPO_ROOT

RAW = REPO_ROOT / "raw"
SEEDS = ("003_8108045a813991b6.txt", "000_b13e23b33dc31163.txt")


def test_outcomes_count_the_rows_their_workers_wrote(tmp_path):
    lake = Lake(tmp_path / "lake")
    lake.ensure_schemas()
    files = [RawFile(name, hashlib.sha256((RAW / name).read_bytes()).hexdigest(), (RAW / name).stat().st_size, 0)
             for name in SEEDS]
    read = {o.document_id: o for o in read_new(lake, RAW, files)}
    extracted = {o.document_id: o for o in extract_new(lake, [f.document_id for f in files])}
    news, leaflet = (f.document_id for f in files)
    # the article: its lines, its 7 claims (test_candidates_and_news), one classification
    assert read[news].rows == {"filings": 1, "lines": len((RAW / SEEDS[0]).read_text(encoding="utf-8").splitlines())}
    assert extracted[news].rows["news_claims"] == 7 and extracted[news].rows["classifications"] == 1
    # every count is the rows of the file written, and a table with no rows has no file
    for outcome in [*read.values(), *extracted.values()]:
        for table, count in outcome.rows.items():
            path = lake.path(table, outcome.document_id)
            assert (pq.ParquetFile(path).metadata.num_rows if path.exists() else 0) == count, (table, count)
    # the candidate's leaflet: one candidate, its 40 pledges, no staffing and so no staffing file
    assert (extracted[leaflet].rows["candidates"], extracted[leaflet].rows["pledges"]) == (1, 40)
    assert extracted[leaflet].rows["staffing"] == 0 and not lake.path("staffing", leaflet).exists()


def _seed_files():
    return [RawFile(name, hashlib.sha256((RAW / name).read_bytes()).hexdigest(), (RAW / name).stat().st_size, 0)
            for name in SEEDS]


def test_a_stage_leaves_no_marker_and_a_machine_that_stopped_before_the_flush_costs_only_what_it_broke(tmp_path):
    lake = Lake(tmp_path / "lake")
    files = _seed_files()
    news, leaflet = (f.document_id for f in files)
    read_new(lake, RAW, files)
    extract_new(lake, [news, leaflet])
    marker = lake.root / UNSYNCED_MARKER
    assert not marker.exists()
    # The machine stopped during an extraction: the marker stayed, the leaflet's pledges file
    # reached the disk empty and the article's lines file cut off.
    marker.touch()
    lake.path("pledges", leaflet).write_bytes(b"")
    lines = lake.path("lines", news)
    lines.write_bytes(lines.read_bytes()[:100])
    kept = lake.path("candidates", leaflet).read_bytes()
    read = {o.document_id: o for o in read_new(lake, RAW, files)}
    assert not marker.exists()
    # the article is read again (a damaged reading takes its extraction with it); the leaflet's
    # reading stays and only its extraction goes
    assert list(read) == [news] and read[news].ok
    assert lake.is_read(leaflet) and not lake.is_extracted(news) and not lake.is_extracted(leaflet)
    assert not lake.path("candidates", leaflet).exists() and not lake.path("pledges", leaflet).exists()
    extracted = {o.document_id: o for o in extract_new(lake, [news, leaflet])}
    assert extracted[leaflet].rows["pledges"] == 40 and extracted[news].rows["news_claims"] == 7
    assert lake.read("pledges", leaflet).num_rows == 40 and lake.path("candidates", leaflet).read_bytes() == kept


def test_nothing_is_dropped_when_every_file_reached_the_disk(tmp_path):
    lake = Lake(tmp_path / "lake")
    files = _seed_files()
    read_new(lake, RAW, files)
    (lake.root / UNSYNCED_MARKER).touch()
    assert lake.recover_unsynced() == []
    assert not (lake.root / UNSYNCED_MARKER).exists() and all(lake.is_read(f.document_id) for f in files)


def test_many_filings_are_flushed_once_at_the_stage_end_a_few_file_by_file(tmp_path):
    lake = Lake(tmp_path / "lake")
    durable, flushed = _durability(lake, PARALLEL_THRESHOLD)
    assert not durable
    with flushed:
        assert (lake.root / UNSYNCED_MARKER).exists()  # the stretch a stopped machine may have lost
    assert not (lake.root / UNSYNCED_MARKER).exists()
    durable, flushed = _durability(lake, PARALLEL_THRESHOLD - 1)
    assert durable
    with flushed:
        assert not (lake.root / UNSYNCED_MARKER).exists()

"""Reading and extracting filings into the lake (orchestration/pipeline/ingest.py): each
outcome says how many rows its worker wrote to each lake table, which is what the lake assets
report, so nothing has to open the lake's files again to count them."""

import hashlib

import pyarrow.parquet as pq

from orchestration.pipeline.discovery import RawFile
from orchestration.pipeline.ingest import extract_new, read_new
from orchestration.pipeline.lake import Lake
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

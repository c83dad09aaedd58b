"""Where everything lives, from the environment, with defaults that work on a fresh clone.

Only two places are ever written: the data dir (``LOCALGOV_DATA_DIR``, default ``warehouse/``)
and the repository's git-ignored folders. The raw dir (``LOCALGOV_RAW_DIR``, default ``raw/``)
is only read.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from orchestration.extract.version import PARSER_VERSION

# Events Dagster hands its storage at once when it sends them as a batch (orchestration/event_log.py).
EVENT_BATCH_SIZE = "1000"

REPO_ROOT = Path(__file__).resolve().parent.parent
DBT_PROJECT_DIR = REPO_ROOT / "dbt_project"
EXPECTATIONS_DIR = REPO_ROOT / "expectations"
GOVERNMENT_SEED = DBT_PROJECT_DIR / "seeds" / "governments.csv"


def _resolve(value: str | None, default: Path) -> Path:
    path = Path(value) if value else default
    if not path.is_absolute():
        path = REPO_ROOT / path
    return path.resolve()


@dataclass(frozen=True)
class Paths:
    raw_dir: Path
    data_dir: Path

    @property
    def lake_dir(self) -> Path:
        return self.data_dir / "lake"

    @property
    def state_dir(self) -> Path:
        return self.data_dir / "state"

    @property
    def build_db(self) -> Path:
        return self.data_dir / "build" / "localgov_build.duckdb"

    @property
    def published_db(self) -> Path:
        return self.data_dir / "localgov.duckdb"

    @property
    def parquet_dir(self) -> Path:
        """One Parquet file per published mart, for BI tools that read files rather than DuckDB."""
        return self.data_dir / "parquet"

    @property
    def report_dir(self) -> Path:
        """The report per government (static HTML), rebuilt from the published file at each publish."""
        return self.data_dir / "report"

    @property
    def gate_docs_dir(self) -> Path:
        """Great Expectations validation results of every gate and the Data Docs site built from
        them (``site/index.html``)."""
        return self.gate_dir / "data_docs"

    @property
    def dagster_home(self) -> Path:
        return self.data_dir / "dagster"

    @property
    def dbt_target_dir(self) -> Path:
        return self.data_dir / "dbt" / "target"

    @property
    def gate_dir(self) -> Path:
        return self.data_dir / "gate"

    @property
    def refresh_log(self) -> Path:
        return self.state_dir / "refresh_log.parquet"

    def environment(self) -> dict[str, str]:
        """Variables every child process (dbt above all) must see so that it writes here."""
        return {
            "LOCALGOV_RAW_DIR": str(self.raw_dir),
            "LOCALGOV_DATA_DIR": str(self.data_dir),
            "LOCALGOV_LAKE_DIR": str(self.lake_dir),
            "LOCALGOV_STATE_DIR": str(self.state_dir),
            "LOCALGOV_BUILD_DB": str(self.build_db),
            "DBT_TARGET_PATH": str(self.dbt_target_dir),
            "DBT_LOG_PATH": str(self.data_dir / "dbt" / "logs"),
            # dbt's file log is at debug by default: 10 MB of JSON and 2 s a build at 100 filings.
            # Its errors are what a failed build is explained by (pipeline/holdback.dbt_error).
            "DBT_LOG_LEVEL_FILE": "error",
            "DAGSTER_HOME": str(self.dagster_home),
            "DAGSTER_EVENT_BATCH_SIZE": EVENT_BATCH_SIZE,
            "LOCALGOV_PARSER_VERSION": PARSER_VERSION,
        }


DEFAULT_DOCS_URL = "http://127.0.0.1:3001"


def docs_url() -> str:
    """Where the data dir is served over http (orchestration/docs_server.py) for the UI's links;
    LOCALGOV_DOCS_URL overrides it, read when used."""
    return os.environ.get("LOCALGOV_DOCS_URL", DEFAULT_DOCS_URL).rstrip("/")


def served(paths: Paths, path: Path) -> str:
    """The http URL of a file under the data dir, as the docs server serves it."""
    return f"{docs_url()}/{path.relative_to(paths.data_dir).as_posix()}"


def current_paths() -> Paths:
    return Paths(
        raw_dir=_resolve(os.environ.get("LOCALGOV_RAW_DIR"), REPO_ROOT / "raw"),
        data_dir=_resolve(os.environ.get("LOCALGOV_DATA_DIR"), REPO_ROOT / "warehouse"),
    )


def export_environment(paths: Paths | None = None) -> Paths:
    """Resolve the paths once and put them in ``os.environ`` for dbt and Dagster."""
    paths = paths or current_paths()
    os.environ.update(paths.environment())
    for folder in (paths.lake_dir, paths.state_dir, paths.build_db.parent, paths.dagster_home,
                   paths.dbt_target_dir, paths.gate_dir):
        folder.mkdir(parents=True, exist_ok=True)
    return paths


DEFAULT_MAX_FILE_BYTES = 64 * 1024 * 1024


def max_file_bytes() -> int:
    """Filings larger than this are quarantined as too_large (``LOCALGOV_MAX_FILE_BYTES``), read
    when a filing is read, so a test or a run sets it without a restart."""
    return int(os.environ.get("LOCALGOV_MAX_FILE_BYTES") or DEFAULT_MAX_FILE_BYTES)


def accepted_shrinks() -> frozenset[str]:
    """Tables the volume guard lets shrink in this refresh (``LOCALGOV_ACCEPT_SHRINK``: table
    names separated by commas, or ``all``): for a change to the models that removes rows on
    purpose, accepted by a person for one refresh."""
    return frozenset(t.strip() for t in os.environ.get("LOCALGOV_ACCEPT_SHRINK", "").split(",") if t.strip())

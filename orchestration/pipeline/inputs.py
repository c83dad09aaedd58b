"""What a refresh is made from, as one digest: the raw dir's listing (its manifest and reviewers'
decisions included), the parser version and every file of the code that turns filings into the
warehouse (the Dagster code, the dbt project, the suites).

Each run records the digest of what it read when it starts, and the publish makes it the last
published one. ``make refresh`` and the sensor compare the digest of now with it: equal means
the published warehouse is current, whichever entry point published it.
"""

from __future__ import annotations

import hashlib

from orchestration.extract.version import PARSER_VERSION
from orchestration.pipeline.discovery import RawFile, fingerprint
from orchestration.settings import DBT_PROJECT_DIR, EXPECTATIONS_DIR, REPO_ROOT, Paths

_CODE_FOLDERS = (REPO_ROOT / "orchestration", DBT_PROJECT_DIR / "models", DBT_PROJECT_DIR / "macros",
                 DBT_PROJECT_DIR / "seeds", DBT_PROJECT_DIR / "tests", EXPECTATIONS_DIR)
_CODE_FILES = (DBT_PROJECT_DIR / "dbt_project.yml", DBT_PROJECT_DIR / "profiles.yml")


def inputs_fingerprint(paths: Paths, files: list[RawFile] | None = None) -> str:
    """``files``: the raw dir's listing, when discovery just took it."""
    return hashlib.sha256(f"{fingerprint(paths.raw_dir, files)}\0{code_fingerprint()}".encode()).hexdigest()


def code_fingerprint() -> str:
    """The parser version and every file of the code that turns filings into the warehouse."""
    digest = hashlib.sha256(f"{PARSER_VERSION}\0".encode())
    files = [f for folder in _CODE_FOLDERS for f in folder.rglob("*") if f.is_file() and "__pycache__" not in f.parts]
    for path in sorted(files + list(_CODE_FILES)):
        digest.update(path.relative_to(REPO_ROOT).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def _run_inputs(paths: Paths, run_id: str):
    return paths.state_dir / f"inputs_{run_id}"


def _published(paths: Paths):
    return paths.state_dir / "last_published_inputs"


def record_run_inputs(paths: Paths, run_id: str, files: list[RawFile]) -> None:
    """At the start of a run, from the listing its discovery took: what it is about to read."""
    _run_inputs(paths, run_id).write_text(inputs_fingerprint(paths, files))


def mark_published(paths: Paths, run_id: str) -> None:
    """After the publish: the run's inputs are the published warehouse's."""
    recorded = _run_inputs(paths, run_id)
    if recorded.exists():
        recorded.replace(_published(paths))
    for stale in paths.state_dir.glob("inputs_*"):
        stale.unlink()


def published_inputs(paths: Paths) -> str | None:
    """The inputs of the last published refresh, if its warehouse is still there."""
    stamp = _published(paths)
    return stamp.read_text() if paths.published_db.exists() and stamp.exists() else None

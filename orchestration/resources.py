"""Resources, configured from the environment (see ``orchestration.settings``)."""

from __future__ import annotations

import sys
from contextlib import contextmanager
from pathlib import Path
from typing import Callable

import dagster as dg
from pydantic import PrivateAttr

from orchestration.pipeline.dbt_invocation import Invocation, ParsedProject
from orchestration.pipeline.increments import Increments, project_fingerprint
from orchestration.pipeline.lock import refresh_lock
from orchestration.project import dbt_project
from orchestration.settings import export_environment


class RefreshLock(dg.ConfigurableResource):
    """The data dir's refresh lock, held for the whole run: the in-process executor of
    ``refresh_job`` sets resources up once per run, so a second refresh, from any entry point,
    waits for the first to end instead of failing on DuckDB's lock of the build file."""

    @contextmanager
    def yield_for_execution(self, context: dg.InitResourceContext):
        paths = export_environment()
        with refresh_lock(paths.state_dir, context.log.warning if context.log else print):
            yield self


def dbt_executable() -> str:
    """The dbt installed beside this Python (the project's venv), else whatever is on PATH."""
    beside = Path(sys.executable).parent / "dbt"
    return str(beside) if beside.exists() else "dbt"


class Dbt(dg.ConfigurableResource):
    """dbt in this process (``pipeline/dbt_invocation.py``): the project is parsed once per run,
    in the background from the end of discovery or the extraction's start
    (``parse_in_background``), and each ``invoke`` runs dbt on that parse (parsing first, in a
    run that started none)."""

    _project: ParsedProject | None = PrivateAttr(default=None)

    def setup_for_execution(self, context: dg.InitResourceContext) -> None:
        paths = export_environment()
        project = dbt_project()
        fingerprint = project_fingerprint()
        self._project = ParsedProject(project.project_dir, Path(project.profiles_dir), paths.dbt_target_dir,
                                      project_changed=Increments(paths).project_changed(fingerprint),
                                      key=f"{fingerprint}\0{paths.dbt_target_dir}")

    def parse_in_background(self, log: Callable[[str], None]) -> None:
        """Started once discovery is done, and when many filings are new, once the extraction's
        workers are busy and this process only waits for them. A parse beside this process's
        own disk work (discovery, the look at which filings the lake has) holds the
        interpreter's lock from it: started with the run, the 3.7 s parse made discovery of
        10,000 filings take 5.2 s instead of 0.6. A second call does nothing."""
        if self._project.started:
            return
        self._project.start()
        log("dbt: the project as this process parsed it for an earlier run" if self._project.reused
            else "dbt: the project's parse read back from the last run's, or parsed, in the background")

    def invoke(self, args: list[str], name: str, on_first_event: Callable[[], None] | None = None) -> Invocation:
        return self._project.invoke(args, name, on_first_event)

def build_resources() -> dict:
    return {"dbt": Dbt(), "refresh_lock": RefreshLock()}

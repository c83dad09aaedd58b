"""dbt invoked in this process (dbt's ``dbtRunner``), with the project parsed once per run.

A dbt command line spends 3–3.5 s before its first node: starting Python, importing dbt and the
DuckDB adapter (1.5 s), reading the project back from the partial-parse file (1.2 s), and after
its last node writing the project out again. A refresh invokes dbt once, or more when filings
are held back. Here the project is parsed in a thread started when the run starts (while the
filings are read and extracted), and every invocation of the run is handed that parse: dbt
then only plans and runs its nodes. A process that stays up between refreshes (``make watch``)
parses a project once for all its runs; a new process takes the last process's parse from
``<target dir>/parse.pickle`` when nothing it depends on changed (a tenth of a second where
dbt's partial parse took 2–3.5 s). The benchmark (``benchmarks/scale.py``) measures it.

Each parse and each invocation writes its artifacts (the parse its ``manifest.json``, an
invocation its ``run_results.json``, the compiled SQL, ``dbt.log`` as JSON lines) to a folder of
its own under the data dir's dbt target dir; the partial-parse file the parse starts from is
kept there between runs.
"""

from __future__ import annotations

import io
import os
import pickle
import shutil
import threading
import uuid
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Callable

from orchestration.pipeline.files import write_whole

PARTIAL_PARSE = "partial_parse.msgpack"
SAVED_PARSE = "parse.pickle"
RUN_RESULTS = "run_results.json"
_COMMON = ["--log-format-file", "json", "--no-use-colors"]
# The last parse of this process, for its next run of the same project (a process that stays up
# between refreshes, ``make watch``): {key: manifest}, one entry at the most.
_LAST_PARSE: dict = {}


@dataclass(frozen=True)
class Invocation:
    target_path: Path
    success: bool
    error: str | None  # what stopped dbt outside its nodes (the parse, the command), if anything


class ParsedProject:
    """The dbt project parsed once, in the background, for the invocations of one run.

    The parse starts from the data dir's partial-parse file (``<target dir>/partial_parse.msgpack``)
    and leaves it up to date. Without one, and when the project changed since the last build,
    it starts from the one ``make`` left beside the project (a full parse of the project as it
    is now: dbt's partial parsing was seen to lose a macro whose file was renamed)."""

    def __init__(self, project_dir: Path, profiles_dir: Path, target_dir: Path, project_changed: bool = False,
                 key: str | None = None):
        self.project_dir, self.profiles_dir, self.target_dir = project_dir, profiles_dir, target_dir
        self.project_changed = project_changed
        self.key = key  # what the project's parse depends on; the same key, the process's last parse
        self._thread: threading.Thread | None = None
        self._manifest = None
        self._error: BaseException | None = None

    def start(self) -> "ParsedProject":
        """Parse in the background; ``manifest()`` waits for it."""
        if self._thread is None:
            self._thread = threading.Thread(target=self._parse, name="dbt-parse", daemon=True)
            self._thread.start()
        return self

    @property
    def started(self) -> bool:
        return self._thread is not None

    @property
    def reused(self) -> bool:
        """The process parsed this project already (in an earlier run) and that parse serves."""
        return self.key is not None and self.key in _LAST_PARSE

    def _parse(self) -> None:
        if self.reused:
            self._manifest = _LAST_PARSE[self.key]
            return
        try:
            self._manifest = load_saved_parse(self.target_dir / SAVED_PARSE, self.key)
            if self._manifest is None:
                self._manifest = self._parse_with_dbt()
                if self.key is not None:
                    save_parse(self.target_dir / SAVED_PARSE, self.key, self._manifest)
            else:
                self._warm_up()
            if self.key is not None:
                _LAST_PARSE.clear()
                _LAST_PARSE[self.key] = self._manifest
        except BaseException as error:  # handed to whoever waits for the parse
            self._error = error

    def _parse_with_dbt(self):
        from dbt.cli.main import dbtRunner

        folder = self._folder("parse")
        saved, shipped = self.target_dir / PARTIAL_PARSE, self.project_dir / "target" / PARTIAL_PARSE
        start_from = shipped if (self.project_changed or not saved.exists()) and shipped.exists() else saved
        if start_from.exists():
            shutil.copyfile(start_from, folder / PARTIAL_PARSE)
        result = dbtRunner().invoke(["parse", "--quiet", *self._places(folder), *_COMMON])
        _raise_unless_done(result, folder)
        write_whole(saved, (folder / PARTIAL_PARSE).read_bytes())
        return result.result

    def _warm_up(self) -> None:
        """A process's first dbt command imports the adapter and builds the schemas that check
        the project's and the profile's config: 1.4 s, which a parse pays in the background but
        a parse read back from disk does not. A command that selects nothing pays it here."""
        from dbt.cli.main import dbtRunner

        folder = self._folder("warm-up")
        result = dbtRunner(manifest=self._manifest).invoke(
            ["ls", "--select", "tag:selects_nothing", "--quiet", "--no-write-json", *self._places(folder), *_COMMON])
        _raise_unless_done(result, folder)

    def manifest(self):
        self.start()
        self._thread.join()
        if self._error is not None:
            raise self._error
        return self._manifest

    def invoke(self, args: list[str], name: str, on_first_event: Callable[[], None] | None = None) -> Invocation:
        """``dbt <args>`` in this process, its artifacts in ``<target dir>/<name>-<id>``."""
        from dbt.cli.main import dbtRunner

        folder = self._folder(name)
        try:
            manifest = self.manifest()
        except Exception as error:
            return Invocation(folder, False, f"dbt could not parse the project: {error}")
        seen = []

        def first_event(_event) -> None:
            if not seen:
                seen.append(True)
                if on_first_event:
                    on_first_event()

        try:
            # dbt would write the whole project's manifest.json again at every invocation (0.4–0.8 s
            # of a one-filing refresh); the run's results are all that is read back.
            result = dbtRunner(manifest=manifest, callbacks=[first_event]).invoke(
                [*args, "--no-write-json", *self._places(folder), *_COMMON])
        finally:
            release_build_file()
        if hasattr(result.result, "write"):
            result.result.write(str(folder / RUN_RESULTS))
        error = None if result.exception is None else str(result.exception).strip()[:300]
        return Invocation(folder, bool(result.success), error)

    def _folder(self, name: str) -> Path:
        folder = self.target_dir / f"{name}-{uuid.uuid4().hex[:12]}"
        folder.mkdir(parents=True)
        return folder

    def _places(self, folder: Path) -> list[str]:
        return ["--project-dir", str(self.project_dir), "--profiles-dir", str(self.profiles_dir),
                "--target-path", str(folder), "--log-path", str(folder)]


def _raise_unless_done(result, folder: Path) -> None:
    """A dbt command outside a run's nodes (a parse, the warming) that failed, with its reason."""
    if not result.success:
        raise RuntimeError(str(result.exception or f"see {folder / 'dbt.log'}").strip()[:300])


def save_parse(path: Path, key: str, manifest) -> None:
    """The parse for the next process, beside what it was parsed for: the key (the project's
    files, the versions of dbt and the parsers, the target dir) and the environment variables
    the project read while parsing (the lake's and the state's folders)."""
    buffer = io.BytesIO()
    _ManifestPickler(buffer, protocol=pickle.HIGHEST_PROTOCOL).dump((key, dict(manifest.env_vars), manifest))
    write_whole(path, buffer.getvalue())


class _ManifestPickler(pickle.Pickler):
    """dbt's own ``Manifest.__reduce_ex__`` (dbt-core 1.11) lists its fields by position and
    leaves two out, so that a manifest read back has its lookups in the wrong fields (a build
    on it failed with ``RefableLookup.find() missing 1 required positional argument``). Here a
    manifest is its public fields by name; its lookups, caches and lock are made anew."""

    def reducer_override(self, obj):
        from dbt.contracts.graph.manifest import Manifest

        if type(obj) is Manifest:
            return _manifest, ({f.name: getattr(obj, f.name) for f in fields(obj) if not f.name.startswith("_")},)
        return NotImplemented


def _manifest(values: dict):
    from dbt.contracts.graph.manifest import Manifest

    return Manifest(**values)


def load_saved_parse(path: Path, key: str | None):
    """The parse saved by an earlier process, if it was made for this key and this environment;
    None otherwise, or when the file cannot be read back (another Python or dbt wrote it: dbt
    then parses, and the file is written again). The file is this data dir's own, written by
    ``save_parse``, and read by nothing else."""
    from dbt.constants import DEFAULT_ENV_PLACEHOLDER

    if key is None or not path.is_file():
        return None
    try:
        saved_key, env_vars, manifest = pickle.loads(path.read_bytes())
    except Exception:
        return None
    if saved_key != key or any(os.environ.get(name, DEFAULT_ENV_PLACEHOLDER) != value
                               for name, value in env_vars.items()):
        return None
    return manifest


def release_build_file() -> None:
    """dbt-duckdb keeps its DuckDB database open for the life of the process, and this process
    reads the build file next (the tests, the gate): DuckDB refuses a second connection of
    another kind to the same file in one process. (dbt-duckdb's ``close_all_connections``
    forgets the database without closing it.)"""
    from dbt.adapters.duckdb.connections import DuckDBConnectionManager

    with DuckDBConnectionManager._LOCK:
        if DuckDBConnectionManager._ENV is not None:
            DuckDBConnectionManager._ENV.close()
            DuckDBConnectionManager._ENV = None

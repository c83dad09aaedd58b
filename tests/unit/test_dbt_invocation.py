"""dbt in the refresh's process (orchestration/pipeline/dbt_invocation.py), on a project of two
models: parsed once, invoked on that parse, the build file free for this process afterwards."""

import json

import duckdb

from orchestration.pipeline import dbt_invocation
from orchestration.pipeline.dbt_invocation import PARTIAL_PARSE, SAVED_PARSE, ParsedProject, load_saved_parse

PROJECT = """name: tiny
version: "1.0"
profile: tiny
"""
PROFILE = """tiny:
  target: build
  outputs:
    build:
      type: duckdb
      path: "{path}"
      threads: 1
"""


def _project(tmp_path, second_model: str):
    project = tmp_path / "project"
    (project / "models").mkdir(parents=True)
    (project / "dbt_project.yml").write_text(PROJECT, encoding="utf-8")
    (project / "profiles.yml").write_text(PROFILE.format(path=tmp_path / "build.duckdb"), encoding="utf-8")
    (project / "models" / "staffing.sql").write_text("select '기획예산과' as org_unit, 21 as authorized",
                                                      encoding="utf-8")
    (project / "models" / "total.sql").write_text(second_model, encoding="utf-8")
    return project


def test_invocations_run_on_one_parse_and_leave_the_build_file_to_this_process(tmp_path):
    project = _project(tmp_path, "select sum(authorized) as authorized from {{ ref('staffing') }}")
    target = tmp_path / "target"
    target.mkdir()
    parsed = ParsedProject(project, project, target).start()
    first = parsed.invoke(["run"], "dbt_models")
    assert (first.success, first.error) == (True, None)
    assert first.target_path.parent == target and first.target_path.name.startswith("dbt_models-")
    results = json.loads((first.target_path / "run_results.json").read_text(encoding="utf-8"))
    assert sorted((r["unique_id"], r["status"]) for r in results["results"]) == [
        ("model.tiny.staffing", "success"), ("model.tiny.total", "success")]
    with duckdb.connect(str(tmp_path / "build.duckdb"), read_only=True) as connection:
        assert connection.execute("select authorized from main.total").fetchall() == [(21,)]
    manifest = parsed.manifest()
    second = parsed.invoke(["run", "--select", "total"], "dbt_models")
    assert second.success and parsed.manifest() is manifest  # parsed once
    assert (target / PARTIAL_PARSE).is_file()  # the next run's parse starts from it


def test_a_project_that_does_not_parse_is_an_invocation_that_failed_with_the_reason(tmp_path):
    project = _project(tmp_path, "select * from {{ ref('no_such_model') }}")
    target = tmp_path / "target"
    target.mkdir()
    invocation = ParsedProject(project, project, target).invoke(["run"], "dbt_models")
    assert not invocation.success
    assert invocation.error.startswith("dbt could not parse the project: ")
    assert "no_such_model" in invocation.error


def _parses(target):
    return len(list(target.glob("parse-*")))


SOURCES = """version: 2
sources:
  - name: filings
    tables:
      - name: headcount
        config:
          meta:
            external_location: "read_csv('{path}')"
"""


def test_a_new_process_takes_the_last_parse_from_disk_unless_its_key_or_environment_changed(tmp_path, monkeypatch):
    # a ref, a source and an environment variable: what a parse read back must still resolve
    project = _project(tmp_path, "select '{{ env_var(\"TINY_ORG\", \"기획예산과\") }}' as org_unit, "
                                 "authorized + (select sum(staff) from {{ source('filings', 'headcount') }}) as authorized "
                                 "from {{ ref('staffing') }}")
    (tmp_path / "headcount.csv").write_text("staff\n4\n", encoding="utf-8")
    (project / "models" / "sources.yml").write_text(SOURCES.format(path=tmp_path / "headcount.csv"), encoding="utf-8")
    target = tmp_path / "target"
    target.mkdir()

    def new_process_runs(key):
        monkeypatch.setattr(dbt_invocation, "_LAST_PARSE", {})
        invocation = ParsedProject(project, project, target, key=key).invoke(["run"], "dbt_models")
        assert invocation.success, invocation.error
        with duckdb.connect(str(tmp_path / "build.duckdb"), read_only=True) as connection:
            return connection.execute("select org_unit, authorized from main.total").fetchone(), _parses(target)

    assert new_process_runs("k1") == (("기획예산과", 25), 1)
    assert (target / SAVED_PARSE).is_file()
    assert new_process_runs("k1") == (("기획예산과", 25), 1)  # read back, not parsed
    monkeypatch.setenv("TINY_ORG", "총무과")
    assert new_process_runs("k1") == (("총무과", 25), 2)  # the project read another value while parsing
    assert new_process_runs("k2") == (("총무과", 25), 3)  # the project's files or dbt's version changed
    assert new_process_runs("k2") == (("총무과", 25), 3)
    (target / SAVED_PARSE).write_bytes(b"not a parse")
    assert new_process_runs("k2") == (("총무과", 25), 4)
    assert load_saved_parse(target / SAVED_PARSE, "k2") is not None  # written again

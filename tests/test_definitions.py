"""The code location loads, and its asset graph is one connected lineage from the raw filings
to the published warehouse."""

import dagster as dg
import pytest

from orchestration.definitions import defs
from orchestration.sensors import raw_dir_sensor


@pytest.fixture(scope="module")
def graph():
    return defs.resolve_asset_graph()


def parents(graph, key: str) -> set[str]:
    return {k.to_user_string() for k in graph.get(dg.AssetKey.from_user_string(key)).parent_keys}


def test_job_schedule_and_sensor_exist():
    assert defs.resolve_job_def("refresh_job").tags == {"localgov/refresh": "1"}
    assert defs.resolve_schedule_def("daily_refresh_schedule").cron_schedule == "0 6 * * *"
    assert defs.resolve_sensor_def("raw_dir_sensor").job_name == "refresh_job"


@pytest.mark.parametrize(
    ("child", "parent"),
    [
        ("lake/filings", "raw_filings"),
        ("lake/lines", "raw_filings"),
        ("lake/staffing", "lake/filings"),
        ("lake/classifications", "lake/lines"),
        ("staging/stg_lake__raw_files", "raw_filings"),
        ("staging/stg_lake__staffing", "lake/staffing"),
        ("staging/stg_lake__org_units", "lake/org_units"),
        ("intermediate/int_staffing_resolved", "staging/stg_lake__staffing"),
        ("marts/fct_staffing", "intermediate/int_staffing_resolved"),
        ("marts/dim_government", "reference/governments"),
        ("warehouse_gate", "marts/fct_staffing"),
        ("warehouse_gate", "marts/dim_document"),
        ("published_warehouse", "warehouse_gate"),
    ],
)
def test_lineage_edges(graph, child, parent):
    assert parent in parents(graph, child)


def test_every_asset_has_a_group_owner_and_description(graph):
    for key in graph.get_all_asset_keys():
        node = graph.get(key)
        assert node.group_name in {"ingest", "reference", "staging", "intermediate", "marts", "gate", "publish"}, key
        assert node.owners, key
        assert node.description, key


def test_gate_has_a_blocking_check_per_suite():
    from orchestration.assets.gate import warehouse_gate

    checks = {spec.name: spec for spec in warehouse_gate.check_specs}
    assert checks["fct_staffing_expectations"].blocking


def test_sensor_requests_one_refresh_per_change_of_the_raw_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("LOCALGOV_RAW_DIR", str(tmp_path))
    (tmp_path / "a.txt").write_text("정원", encoding="utf-8")
    with dg.instance_for_test() as instance:
        first = raw_dir_sensor(dg.build_sensor_context(instance=instance))
        assert isinstance(first, dg.RunRequest)
        cursor = first.run_key
        unchanged = raw_dir_sensor(dg.build_sensor_context(instance=instance, cursor=cursor))
        assert isinstance(unchanged, dg.SkipReason)
        (tmp_path / "a.txt").unlink()
        removed = raw_dir_sensor(dg.build_sensor_context(instance=instance, cursor=cursor))
        assert isinstance(removed, dg.RunRequest) and removed.run_key != cursor


def test_a_changed_manifest_or_review_file_is_a_change_for_the_sensor(tmp_path, monkeypatch):
    monkeypatch.setenv("LOCALGOV_RAW_DIR", str(tmp_path))
    (tmp_path / "a.txt").write_text("정원", encoding="utf-8")
    with dg.instance_for_test() as instance:
        cursor = raw_dir_sensor(dg.build_sensor_context(instance=instance)).run_key
        for name in ("manifest.csv", "pledge_link_overrides.csv"):
            (tmp_path / name).write_text("path,government\na.txt,3170000\n", encoding="utf-8")
            changed = raw_dir_sensor(dg.build_sensor_context(instance=instance, cursor=cursor))
            assert isinstance(changed, dg.RunRequest) and changed.run_key != cursor, name
            cursor = changed.run_key


def test_the_sensor_waits_while_a_refresh_runs(tmp_path, monkeypatch):
    from dagster._core.storage.dagster_run import DagsterRun

    monkeypatch.setenv("LOCALGOV_RAW_DIR", str(tmp_path))
    (tmp_path / "a.txt").write_text("정원", encoding="utf-8")
    with dg.instance_for_test() as instance:
        instance.add_run(DagsterRun(job_name="refresh_job", run_id="running-refresh",
                                    status=dg.DagsterRunStatus.STARTED))
        context = dg.build_sensor_context(instance=instance, cursor="before")
        skipped = raw_dir_sensor(context)
        assert isinstance(skipped, dg.SkipReason)
        assert skipped.skip_message == "inputs changed, but refresh running-refresh is still running"
        assert context.cursor == "before"  # the change is picked up once that refresh ends


def test_the_first_tick_on_a_current_warehouse_requests_nothing(tmp_path, monkeypatch):
    """`make dev` on a warehouse published from exactly these inputs does not refresh it again."""
    from orchestration.pipeline.discovery import discover
    from orchestration.pipeline.inputs import mark_published, record_run_inputs
    from orchestration.settings import current_paths

    monkeypatch.setenv("LOCALGOV_RAW_DIR", str(tmp_path / "raw"))
    monkeypatch.setenv("LOCALGOV_DATA_DIR", str(tmp_path / "data"))
    paths = current_paths()
    paths.raw_dir.mkdir()
    (paths.raw_dir / "a.txt").write_text("정원", encoding="utf-8")
    paths.state_dir.mkdir(parents=True)
    paths.published_db.write_bytes(b"")
    record_run_inputs(paths, "published-run", discover(paths.raw_dir))  # as raw_filings records them
    mark_published(paths, "published-run")
    with dg.instance_for_test() as instance:
        context = dg.build_sensor_context(instance=instance)
        skipped = raw_dir_sensor(context)
        assert isinstance(skipped, dg.SkipReason) and skipped.skip_message == "the published warehouse is current"
        (paths.raw_dir / "b.txt").write_text("현원", encoding="utf-8")
        assert isinstance(raw_dir_sensor(dg.build_sensor_context(instance=instance, cursor=context.cursor)),
                          dg.RunRequest)

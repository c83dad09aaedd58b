"""The batched event log stores a run's events as Dagster's own SQLite storage does."""

import dagster as dg
from dagster._core.events import DagsterEventType

from orchestration.event_log import BatchedSqliteEventLogStorage
from orchestration.refresh import dagster_yaml


@dg.asset
def staffing():
    return 1


@dg.asset_check(asset=staffing)
def staffing_counts():
    return dg.AssetCheckResult(passed=True)


@dg.asset
def budgets(staffing):
    return staffing + 1


def _run(home, monkeypatch, yaml, batch_size):
    home.mkdir()
    (home / "dagster.yaml").write_text(yaml, encoding="utf-8")
    monkeypatch.setenv("DAGSTER_HOME", str(home))
    monkeypatch.setenv("DAGSTER_EVENT_BATCH_SIZE", batch_size)
    with dg.DagsterInstance.from_config(str(home)) as instance:
        result = dg.materialize([staffing, budgets, staffing_counts], instance=instance)
        assert result.success
        logs = instance.all_logs(result.run_id)
        events = sorted((e.dagster_event_type.value, e.dagster_event.asset_key.to_user_string()
                         if e.dagster_event.asset_key else None) for e in logs if e.is_dagster_event)
        # the planned materializations, read from the index the batch writes beside the run's database
        planned = {key.to_user_string(): [r.run_id for r in instance.get_event_records(dg.EventRecordsFilter(
                       event_type=DagsterEventType.ASSET_MATERIALIZATION_PLANNED, asset_key=key))] == [result.run_id]
                   for key in (dg.AssetKey("staffing"), dg.AssetKey("budgets"))}
        materialized = {key.to_user_string(): instance.get_latest_materialization_event(key).run_id == result.run_id
                        for key in (dg.AssetKey("staffing"), dg.AssetKey("budgets"))}
        check = instance.event_log_storage.get_latest_asset_check_execution_by_key(
            [staffing_counts.check_key])[staffing_counts.check_key]
        return type(instance.event_log_storage), events, planned, materialized, check.status.value


def test_a_runs_events_and_the_asset_index_are_those_of_dagsters_own_storage(tmp_path, monkeypatch):
    own = _run(tmp_path / "own", monkeypatch, "telemetry:\n  enabled: false\n", "0")
    batches = []
    store = BatchedSqliteEventLogStorage.store_event_batch
    monkeypatch.setattr(BatchedSqliteEventLogStorage, "store_event_batch",
                        lambda self, events: batches.append(len(events)) or store(self, events))
    batched = _run(tmp_path / "batched", monkeypatch, dagster_yaml(tmp_path / "batched"), "1000")
    assert batches == [3]  # the two assets' planned materializations and the check's planned evaluation
    assert batched[0] is BatchedSqliteEventLogStorage and own[0] is not BatchedSqliteEventLogStorage
    assert batched[1:] == own[1:]
    events = batched[1]
    assert events.count((DagsterEventType.ASSET_MATERIALIZATION_PLANNED.value, "staffing")) == 1
    assert batched[2] == {"staffing": True, "budgets": True} and batched[3] == {"staffing": True, "budgets": True}
    assert batched[4] == "SUCCEEDED"
    assert (tmp_path / "batched" / "history" / "runs" / "index.db").exists()
    monkeypatch.delenv("DAGSTER_HOME")
    with dg.DagsterInstance.from_config(str(tmp_path / "batched")) as instance:
        assert len(instance.get_runs()) == 1


def test_the_storage_keeps_the_engines_of_the_index_and_the_latest_run_only(tmp_path, monkeypatch):
    """A watch runs for days: an earlier run's engine is let go, and its events are still read."""
    home = tmp_path / "home"
    home.mkdir()
    (home / "dagster.yaml").write_text(dagster_yaml(home), encoding="utf-8")
    monkeypatch.setenv("DAGSTER_HOME", str(home))
    with dg.DagsterInstance.from_config(str(home)) as instance:
        first = dg.materialize([staffing, budgets], instance=instance)
        second = dg.materialize([staffing, budgets], instance=instance)
        storage = instance.event_log_storage
        assert isinstance(storage, BatchedSqliteEventLogStorage)
        assert set(storage._engines) == {"index", second.run_id}
        earlier = instance.all_logs(first.run_id)
        assert set(storage._engines) == {"index", first.run_id}
        assert len(earlier) == len(instance.all_logs(second.run_id)) > 10

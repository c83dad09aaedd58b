"""What `make refresh` prints while it runs: one line per stage as it ends, with its time and
what it counted; the whole log (Dagster's and dbt's node by node) goes to a file under the data
dir. ``make refresh VERBOSE=1`` prints the whole log instead.
"""

from __future__ import annotations

import logging
import sys

import dagster as dg

# What a stage's line says, from the metadata of what it materialised.
STAGE_COUNTS = {
    "raw_filings": ("files", "documents"),
    "read_filings": ("newly_read", "quarantined_now"),
    "extract_filings": ("newly_extracted",),
    "warehouse_gate": ("checks_passed", "checks_failed"),
}


class StageLines(logging.Handler):
    """Prints a line when a step ends, on the stream the run was started from."""

    def __init__(self, stream):
        super().__init__(logging.DEBUG)
        self.stream = stream
        self.counts: dict[str, str] = {}

    def emit(self, record: logging.LogRecord) -> None:
        meta = getattr(record, "dagster_meta", None) or {}
        event = meta.get("dagster_event")
        if event is None:
            message = meta.get("orig_message") or ""
            if message.startswith("dbt tests: "):
                self.counts[meta.get("step_key") or ""] = message.removeprefix("dbt tests: ") + " (dbt tests)"
            elif record.levelno >= logging.WARNING and not meta.get("step_key"):
                # A warning of the run itself, not of a step (waiting for another refresh's lock);
                # the steps' warnings (a filing held back or quarantined) are in the summary.
                self.stream.write(f"  {message}\n")
                self.stream.flush()
            return
        step = event.step_key
        if event.event_type_value == "ASSET_MATERIALIZATION" and step in STAGE_COUNTS:
            metadata = event.event_specific_data.materialization.metadata
            found = [f"{metadata[key].value} {key.replace('_', ' ')}" for key in STAGE_COUNTS[step] if key in metadata]
            if found:
                self.counts[step] = ", ".join(found)
        elif event.event_type_value in ("STEP_SUCCESS", "STEP_FAILURE"):
            seconds = event.event_specific_data.duration_ms / 1000 if event.event_type_value == "STEP_SUCCESS" else None
            verdict = f"{seconds:6.1f} s" if seconds is not None else "  FAILED"
            counted = self.counts.get(step, "")
            self.stream.write(f"  {step:<20} {verdict}  {counted}".rstrip() + "\n")
            self.stream.flush()


@dg.logger(
    config_schema={"log_file": dg.Field(str, description="where the whole log goes")},
    description="One line per stage on the terminal; every message, dbt's included, in the log file.",
)
def refresh_stages(init_context: dg.InitLoggerContext) -> logging.Logger:
    logger = logging.Logger("localgov.refresh", logging.DEBUG)
    to_file = logging.FileHandler(init_context.logger_config["log_file"], encoding="utf-8")
    to_file.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
    logger.addHandler(to_file)
    logger.addHandler(StageLines(sys.__stdout__))
    return logger

"""Named points inside a refresh where the crash tests kill it, one per stage.

With ``LOCALGOV_PAUSE_AT=<name>`` in the environment, a refresh that reaches that point writes
``<data dir>/state/paused_at_<name>`` (holding its process id) and waits there to be killed, so
a test kills it at a known place instead of after a guessed sleep. Unset, as it always is outside
the tests, a point does nothing.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

EXTRACT, DBT, GATE, PUBLISH = "extract", "dbt", "gate", "publish"


def pause_point(name: str) -> None:
    if os.environ.get("LOCALGOV_PAUSE_AT") != name:
        return
    marker = Path(os.environ["LOCALGOV_DATA_DIR"]) / "state" / f"paused_at_{name}"
    marker.write_text(str(os.getpid()), encoding="utf-8")
    while True:
        time.sleep(1)

"""One refresh at a time per data dir, whichever way it starts (``make refresh``, the UI, the
sensor, the schedule): a file lock in the state dir, taken by every run of a refresh job for as
long as it runs. The kernel drops the lock when its process dies, so a killed refresh never
leaves a stale one.
"""

from __future__ import annotations

import fcntl
from contextlib import contextmanager
from pathlib import Path
from typing import Callable


@contextmanager
def refresh_lock(state_dir: Path, say: Callable[[str], None] = print):
    """Hold the data dir's refresh lock; when another refresh holds it, say so and wait."""
    lock = state_dir / "refresh.lock"
    with lock.open("a") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            say(f"another refresh of {state_dir.parent} is running; waiting for it to end")
            fcntl.flock(handle, fcntl.LOCK_EX)
        yield

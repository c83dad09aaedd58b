"""What the corpus benchmarks share: a refresh of a data dir of their own from corpus documents,
and the score written as JSON and Markdown under benchmarks/results/."""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def share(pair: list[int]) -> str:
    """``found/total (percent)``, the percent to a tenth so that 94.5% does not read as the 95% of
    a target."""
    found, total = pair
    return f"{found}/{total} ({found / total:.1%})" if total else "–"


def refresh(raw: Path, data: Path) -> None:
    env = dict(os.environ, LOCALGOV_RAW_DIR=str(raw), LOCALGOV_DATA_DIR=str(data))
    subprocess.run([sys.executable, "-m", "orchestration.refresh"], cwd=REPO, env=env, check=True,
                   stdout=subprocess.DEVNULL)


def run_scored(name: str, description: str, documents: Iterable[Path], score: Callable[[Path], dict],
               report: Callable[[dict], str]) -> int:
    """Refresh from ``documents``, score the published warehouse, write ``<name>.json`` and
    ``<name>.md`` and print the report."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--output", type=Path, default=REPO / "benchmarks" / "results")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        raw, data = Path(scratch) / "raw", Path(scratch) / "data"
        raw.mkdir()
        for document in documents:
            shutil.copy(document, raw / document.name)
        refresh(raw, data)
        result = score(data / "localgov.duckdb")
    args.output.mkdir(parents=True, exist_ok=True)
    (args.output / f"{name}.json").write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n",
                                              encoding="utf-8")
    text = report(result)
    (args.output / f"{name}.md").write_text(text, encoding="utf-8")
    print(text)
    return 0

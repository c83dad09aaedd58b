"""A progress bar while many filings are read or extracted, at a terminal only."""

import io

from orchestration.pipeline.ingest import PROGRESS_FROM, progress


def test_many_filings_show_a_bar_that_counts_them():
    stream = io.StringIO()
    assert progress(iter(range(PROGRESS_FROM)), PROGRESS_FROM, "extracting", stream) == list(range(PROGRESS_FROM))
    shown = stream.getvalue()
    assert shown.startswith(f"\rextracting:   0%|          | 0/{PROGRESS_FROM} [")
    assert shown.endswith("\r") and shown.rstrip("\r").endswith(" ")  # cleared when done: the summary follows


def test_a_few_filings_or_no_terminal_show_none(capsys):
    stream = io.StringIO()
    assert progress(iter([1, 2]), 2, "reading", stream) == [1, 2]
    assert stream.getvalue() == ""
    assert progress(iter(range(50)), 50, "reading") == list(range(50))  # stderr is no terminal under pytest
    assert capsys.readouterr().err == ""

"""Parsers: pure functions from filing text to records. No Dagster, no DuckDB, no I/O.

Shared pieces are written once (``text``, ``numbers``, ``tables``, ``dates``) and composed per
document kind (``staffing``, ``organisation``, ...). ``document.extract_document`` is the one
entry point the pipeline calls.
"""

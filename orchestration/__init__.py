"""localgov-warehouse: the Dagster code location and the pipeline it orchestrates.

Importing this package imports nothing heavy: parsers live in ``orchestration.extract`` (no
Dagster), the refresh steps in ``orchestration.pipeline`` and the Dagster objects in
``orchestration.definitions``.
"""

"""The refresh steps as plain Python (no Dagster): discover → read → extract → (dbt) → gate →
publish. Dagster assets in ``orchestration.assets`` call these; tests can call them directly."""

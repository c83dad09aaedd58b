"""Assets by stage: ingest (discovery, reading, extraction), dbt models, gate, publish."""

OWNERS = ["team:data-engineering"]

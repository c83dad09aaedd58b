# Everything a fresh clone needs, from Python 3.11 and make alone.
#   make refresh   discover raw/, extract, dbt build, gate, publish warehouse/localgov.duckdb
#                  (FORCE=1 rebuilds even when nothing changed; FULL=1 builds every dbt model from
#                  scratch instead of incrementally; VERBOSE=1 prints the whole log)
#   make watch     stay up and refresh whenever raw/ changes (INTERVAL=2 seconds between looks)
#   make test      the test suite (what CI runs); make test-fast: unit tests and one refresh
#   make dev       the Dagster UI on http://127.0.0.1:3000 with the whole asset graph
#   make docs      the dbt docs site (models, columns, lineage) under <data dir>/docs
#   make bench     the benchmarks: the gate's share of a refresh (benchmarks/results/) and the
#                  scale benchmark at 100, 1,000 and 10,000 filings (benchmarks/results.md);
#                  BENCH_SIZES=12 for a quick one, BENCH_OUTPUT=dir to write elsewhere; and the
#                  pledge matcher's features compared (benchmarks/results/pledge_matching.md);
#                  the PDF reader beside pdftotext -layout (benchmarks/results/formats.md);
#                  the corpus work plans and candidates against their answer keys, and the
#                  keyed plans printed other ways (make bench-corpus)
# Set-up (virtual environment, pinned dependencies, dbt manifest) happens on first use and is
# skipped afterwards unless requirements.lock, pyproject.toml or the dbt project changed.

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(abspath $(VENV)/bin)
STAMP := $(VENV)/.installed-stamp
MANIFEST := dbt_project/target/manifest.json
DBT_SOURCES := $(shell find dbt_project/models dbt_project/macros dbt_project/seeds dbt_project/tests -type f 2>/dev/null) dbt_project/dbt_project.yml dbt_project/profiles.yml
DATA_DIR := $(abspath $(or $(LOCALGOV_DATA_DIR),warehouse))
HOST ?= 127.0.0.1
PORT ?= 3000
DOCS_PORT ?= 3001

export PATH := $(BIN):$(PATH)
export GX_ANALYTICS_ENABLED := False

.PHONY: install browser ocr poppler refresh watch test test-fast dev docs bench bench-gate bench-scale bench-matching bench-formats bench-corpus lock clean

install: $(MANIFEST)

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)

# Bytecode is compiled at install: with PYTHONDONTWRITEBYTECODE set, every refresh and test would
# otherwise compile Dagster, dbt and Great Expectations again (a third of a refresh).
$(STAMP): requirements.lock pyproject.toml | $(VENV)/bin/python
	$(BIN)/python -m pip install --quiet uv==0.13.8
	$(BIN)/uv pip install --quiet --compile-bytecode --python $(BIN)/python -r requirements.lock
	$(BIN)/uv pip install --quiet --python $(BIN)/python --no-deps -e .
	$(BIN)/python -m orchestration.pipeline.data_docs install
	touch $@

$(MANIFEST): $(STAMP) $(DBT_SOURCES)
	cd dbt_project && $(BIN)/dbt parse --no-partial-parse --profiles-dir . --quiet
	touch $@

refresh: $(MANIFEST)
	$(BIN)/python -m orchestration.refresh $(if $(FORCE),--force) $(if $(FULL),--full) $(if $(VERBOSE),--verbose)

# A refresh whenever a filing is added, changed or removed, by a process that stays up.
watch: $(MANIFEST)
	$(BIN)/python -m orchestration.refresh --watch $(or $(INTERVAL),2) $(if $(VERBOSE),--verbose)

# Two workers, each test file on one of them (its module fixtures stay in one process), the longest
# files first (tests/conftest.py); the seed warehouse is built once for both (tests/integration/conftest.py).
test: $(MANIFEST) browser ocr poppler
	$(BIN)/pytest -n 2 --dist loadfile --no-loadscope-reorder

# For development: the unit tests and the seed warehouse's own checks (one refresh).
test-fast: $(MANIFEST) poppler
	$(BIN)/pytest -n 2 --dist loadfile --no-loadscope-reorder tests/unit tests/test_definitions.py tests/integration/test_refresh.py

# Debian's Chromium and ChromeDriver for the browser tests (the Dagster UI, the report), and the
# Korean font the report is set in; nothing when present.
browser:
	sh scripts/install_debian.sh "chromium chromedriver /usr/share/fonts/truetype/nanum/NanumGothic.ttf" chromium chromium-driver fonts-nanum

# Debian's Tesseract and its Korean model, which read the pages of a PDF that have no text layer
# (a scan); without them such a PDF is quarantined with that advice. Nothing when present.
ocr:
	sh scripts/install_debian.sh "tesseract /usr/share/tesseract-ocr/5/tessdata/kor.traineddata" tesseract-ocr tesseract-ocr-kor

# Debian's poppler-utils: its pdftotext -layout is the converter the corpus benchmarks and tests
# read PDFs with beside the formats' own reader. Nothing when present.
poppler:
	sh scripts/install_debian.sh pdftotext poppler-utils

bench: bench-gate bench-formats bench-corpus bench-scale bench-matching

bench-gate: $(MANIFEST)
	$(BIN)/python benchmarks/gate_share.py

# The work plans and the candidates of tests/corpus scored against their answer keys, and the
# keyed work plans printed other ways (benchmarks/results/corpus_workplans.md,
# corpus_candidates.md, corpus_variants.md).
bench-corpus: $(MANIFEST) ocr poppler
	$(BIN)/python benchmarks/corpus_workplans.py
	$(BIN)/python benchmarks/corpus_candidates.py
	$(BIN)/python benchmarks/corpus_variants.py

# The PDF reader beside poppler's pdftotext -layout (installed here, for the comparison only).
bench-formats: $(STAMP) poppler
	$(BIN)/python benchmarks/formats.py

# Kiwi is installed here only: the comparison is its one use.
bench-matching: $(MANIFEST)
	$(BIN)/uv pip install --quiet --python $(BIN)/python -e '.[compare]'
	$(BIN)/python benchmarks/pledge_matching.py

# The extraction profile writes into benchmarks/results/; a run that writes elsewhere (the CI test
# with a tiny corpus) leaves it out.
bench-scale: $(MANIFEST)
	$(BIN)/python benchmarks/scale.py $(if $(BENCH_SIZES),--sizes $(BENCH_SIZES)) $(if $(BENCH_OUTPUT),--output $(BENCH_OUTPUT))
	$(if $(BENCH_OUTPUT),,$(BIN)/python benchmarks/profile_extraction.py)

# The UI, and beside it on DOCS_PORT the data dir's sites over http (the dbt docs, the Data Docs,
# the report), which the UI's links open.
dev: docs
	mkdir -p $(DATA_DIR)/dagster
	$(BIN)/python -c "from pathlib import Path; from orchestration.refresh import ensure_dagster_yaml; ensure_dagster_yaml(Path('$(DATA_DIR)/dagster'))"
	$(BIN)/python -m orchestration.docs_server --host $(HOST) --port $(DOCS_PORT) & \
	  trap 'kill $$!' EXIT; \
	  LOCALGOV_DOCS_URL=http://$(HOST):$(DOCS_PORT) DAGSTER_HOME=$(DATA_DIR)/dagster $(BIN)/dagster dev -w workspace.yaml -h $(HOST) -p $(PORT)

lock: | $(VENV)/bin/python
	$(BIN)/python -m pip install --quiet uv==0.13.8
	$(BIN)/uv pip compile pyproject.toml --extra test --python $(VENV)/bin/python -o requirements.lock

clean:
	rm -rf dbt_project/target dbt_project/logs .pytest_cache

# dbt docs (models, columns, lineage graph) as a static site under the data dir.
docs: $(MANIFEST)
	mkdir -p $(DATA_DIR)/docs $(DATA_DIR)/build
	cd dbt_project && LOCALGOV_BUILD_DB=$(DATA_DIR)/build/localgov_build.duckdb LOCALGOV_LAKE_DIR=$(DATA_DIR)/lake \
	  LOCALGOV_STATE_DIR=$(DATA_DIR)/state $(BIN)/dbt docs generate --profiles-dir . --static --target-path $(DATA_DIR)/docs --quiet
	@echo "dbt docs: open $(DATA_DIR)/docs/static_index.html in a browser"

"""The data dir's sites over http, so that the Dagster UI's links open (a browser refuses file://
links from an http page)."""

import threading
import urllib.error
import urllib.request

import pytest

from orchestration.docs_server import server
from orchestration.settings import DEFAULT_DOCS_URL, Paths, served


def test_the_uis_links_are_http_urls_of_the_served_data_dir(tmp_path, monkeypatch):
    paths = Paths(raw_dir=tmp_path / "raw", data_dir=tmp_path / "data")
    assert served(paths, paths.report_dir / "index.html") == f"{DEFAULT_DOCS_URL}/report/index.html"
    monkeypatch.setenv("LOCALGOV_DOCS_URL", "http://docs.example:8080/")
    assert served(paths, paths.gate_docs_dir / "site" / "index.html") == \
        "http://docs.example:8080/gate/data_docs/site/index.html"


def test_the_server_serves_files_under_the_data_dir_only(tmp_path):
    (tmp_path / "data" / "report").mkdir(parents=True)
    (tmp_path / "data" / "report" / "index.html").write_text("<h1>지방정부별 보고서</h1>", encoding="utf-8")
    (tmp_path / "secret.txt").write_text("outside", encoding="utf-8")
    running = server(tmp_path / "data", "127.0.0.1", 0)
    threading.Thread(target=running.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{running.server_address[1]}"
    try:
        with urllib.request.urlopen(f"{base}/report/index.html", timeout=5) as response:
            assert response.read().decode("utf-8") == "<h1>지방정부별 보고서</h1>"
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(f"{base}/../secret.txt", timeout=5)
        assert refused.value.code == 404
    finally:
        running.shutdown()

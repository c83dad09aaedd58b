"""The Dagster UI shows the asset graph: the webserver on 127.0.0.1, driven by Selenium in
Debian's headless Chromium (``scripts/install_debian.sh``, run by ``make test``)."""

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from selenium.common.exceptions import TimeoutException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from orchestration.settings import REPO_ROOT

pytestmark = pytest.mark.ui
STARTUP_SECONDS = 180


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def webserver(tmp_path_factory):
    home = tmp_path_factory.mktemp("dagster_home")
    port = _free_port()
    environment = os.environ | {"DAGSTER_HOME": str(home), "LOCALGOV_DATA_DIR": str(tmp_path_factory.mktemp("data"))}
    log = (home / "webserver.log").open("w")
    server = subprocess.Popen(
        [str(Path(sys.executable).parent / "dagster-webserver"), "-w", "workspace.yaml", "-h", "127.0.0.1",
         "-p", str(port)], cwd=REPO_ROOT, env=environment, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"{url}/server_info", timeout=2) as response:
                if response.status == 200:
                    break
        except OSError:
            time.sleep(1)
        assert server.poll() is None, (home / "webserver.log").read_text()
    else:
        server.terminate()
        pytest.fail(f"dagster-webserver did not answer within {STARTUP_SECONDS} s")
    yield url
    server.terminate()
    server.wait(timeout=30)
    log.close()


def _page_text(browser) -> str:
    return browser.find_element(By.TAG_NAME, "body").text


def _wait_for(browser, names: list[str]) -> str:
    try:
        WebDriverWait(browser, 60).until(lambda b: all(name in _page_text(b) for name in names))
    except TimeoutException:
        text = _page_text(browser)
        pytest.fail(f"{browser.current_url} never showed {[n for n in names if n not in text]}; it shows:\n{text[:2000]}")
    return _page_text(browser)


def test_the_global_lineage_holds_every_group(webserver, browser):
    browser.get(f"{webserver}/asset-groups")
    assert "Global asset lineage" in _wait_for(browser, ["ingest", "staging", "intermediate", "marts", "reference",
                                                         "gate", "publish"])


@pytest.mark.parametrize(("group", "assets"), [
    ("gate", ["warehouse_gate"]),
    ("publish", ["published_warehouse", "warehouse_gate"]),
])
def test_a_group_graph_shows_its_assets(webserver, browser, group, assets):
    browser.get(f"{webserver}/locations/localgov_warehouse/asset-groups/{group}")
    _wait_for(browser, assets)


def test_every_ingest_asset_is_listed_with_its_description(webserver, browser):
    # The graph draws only the nodes in view; the group's list holds them all.
    browser.get(f"{webserver}/locations/localgov_warehouse/asset-groups/ingest/list")
    text = _wait_for(browser, ["raw_filings", "lake / filings", "lake / lines", "lake / staffing", "lake / kept_versions",
                               "lake / table_checks", "lake / unclaimed_numbers"])
    assert "The evidence store: every line of every normalised filing" in text

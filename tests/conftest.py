"""Shared fixtures: the seed filings and their normalised lines."""

import os
import subprocess
from pathlib import Path

import shutil

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service

from orchestration.extract.governments import government_index
from orchestration.extract.text import decode_bytes
from orchestration.settings import GOVERNMENT_SEED, REPO_ROOT

RAW = REPO_ROOT / "raw"
WORK_PLAN = RAW / "004_dad12c48b3c039a4.txt"


@pytest.fixture(scope="session")
def governments():
    return government_index(GOVERNMENT_SEED)


@pytest.fixture(scope="session")
def work_plan_text() -> str:
    return decode_bytes(WORK_PLAN.read_bytes()).text


@pytest.fixture(scope="session")
def seed_text():
    """The normalised text of the seed filing whose name starts with ``prefix``."""

    def read(prefix: str) -> str:
        path: Path = next(RAW.glob(f"{prefix}_*.txt"))
        return decode_bytes(path.read_bytes()).text

    return read



def pytest_configure(config):
    """Importing the Dagster definitions needs the dbt manifest, which `make` builds; build it
    here too so that a bare `pytest` works."""
    os.environ.setdefault("GX_ANALYTICS_ENABLED", "False")
    if not (REPO_ROOT / "dbt_project" / "target" / "manifest.json").exists():
        from orchestration.resources import dbt_executable

        subprocess.run([dbt_executable(), "parse", "--profiles-dir", ".", "--quiet"],
                       cwd=REPO_ROOT / "dbt_project", check=True)


# The scale benchmark's file takes a third of the run on its own (``--durations``): started last, as
# xdist's default order (files of most tests first) starts it, it is the run's tail. So it goes
# first, then the other files that run the whole graph; the Makefile keeps this order for the
# workers (--no-loadscope-reorder).
FIRST_FILES = ("test_scale.py",)


def pytest_collection_modifyitems(items):
    items.sort(key=lambda item: (item.path.name not in FIRST_FILES, item.get_closest_marker("slow") is None))


# Without the networking flags Chromium keeps trying to reach Google's hosts, which this machine
# refuses.
CHROMIUM_FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--window-size=1600,4000")


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    """Debian's headless Chromium driven by Selenium (``make browser`` installs both)."""
    chromium, driver = shutil.which("chromium"), shutil.which("chromedriver")
    assert chromium and driver, "Chromium is missing: run make browser (make test does)"
    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for flag in CHROMIUM_FLAGS + (f"--user-data-dir={tmp_path_factory.mktemp('chromium')}",):
        options.add_argument(flag)
    session = webdriver.Chrome(service=Service(driver), options=options)
    yield session
    session.quit()

"""The gate's Data Docs, readable offline.

Great Expectations writes pages that load Bootstrap, jQuery, bootstrap-table, Font Awesome and
Vega from CDNs; without internet the index stays blank (bootstrap-table draws it). The same
releases are installed with the project from the npm registry (``make install`` runs
``python -m orchestration.pipeline.data_docs install``: ``npm pack`` of each pinned package, no
dependencies, into the virtual environment), copied into the site's ``static/vendor/`` and every
page written by a gate points at them instead.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

ASSETS_DIR = Path(sys.prefix) / "share" / "data-docs-assets"
# npm package (pinned) → the files of it the pages use, by the URL Great Expectations writes.
PACKAGES = {
    "jquery@3.7.1": {"https://code.jquery.com/jquery-3.7.1.min.js": "dist/jquery.min.js"},
    "bootstrap@4.3.1": {
        "https://maxcdn.bootstrapcdn.com/bootstrap/4.3.1/css/bootstrap.min.css": "dist/css/bootstrap.min.css",
        "https://stackpath.bootstrapcdn.com/bootstrap/4.3.1/js/bootstrap.min.js": "dist/js/bootstrap.min.js",
    },
    "popper.js@1.12.9": {"https://cdnjs.cloudflare.com/ajax/libs/popper.js/1.12.9/umd/popper.min.js":
                         "dist/umd/popper.min.js"},
    "bootstrap-table@1.19.1": {
        "https://unpkg.com/bootstrap-table@1.19.1/dist/bootstrap-table.min.css": "dist/bootstrap-table.min.css",
        "https://unpkg.com/bootstrap-table@1.19.1/dist/bootstrap-table.min.js": "dist/bootstrap-table.min.js",
        "https://unpkg.com/bootstrap-table@1.19.0/dist/extensions/filter-control/bootstrap-table-filter-control.min.css":
            "dist/extensions/filter-control/bootstrap-table-filter-control.min.css",
        "https://unpkg.com/bootstrap-table@1.19.1/dist/extensions/filter-control/bootstrap-table-filter-control.min.js":
            "dist/extensions/filter-control/bootstrap-table-filter-control.min.js",
    },
    "bootstrap-datepicker@1.9.0": {
        "https://cdnjs.cloudflare.com/ajax/libs/bootstrap-datepicker/1.9.0/css/bootstrap-datepicker.min.css":
            "dist/css/bootstrap-datepicker.min.css",
        "https://cdnjs.cloudflare.com/ajax/libs/bootstrap-datepicker/1.9.0/js/bootstrap-datepicker.min.js":
            "dist/js/bootstrap-datepicker.min.js",
    },
    # its CSS finds its fonts at ../webfonts, so both directories are copied
    "@fortawesome/fontawesome-free@6.6.0": {"https://cdnjs.cloudflare.com/ajax/libs/font-awesome/6.6.0/css/all.min.css":
                                            "css/all.min.css"},
    "@forevolve/bootstrap-dark@1.1.0": {
        "https://cdn.jsdelivr.net/npm/@forevolve/bootstrap-dark@1.1.0/dist/css/bootstrap-prefers-dark.css":
            "dist/css/bootstrap-prefers-dark.css"},
    "vega@5.30.0": {"https://cdn.jsdelivr.net/npm/vega@5": "build/vega.min.js"},
    "vega-lite@5.21.0": {"https://cdn.jsdelivr.net/npm/vega-lite@5": "build/vega-lite.min.js"},
    "vega-embed@6.26.0": {"https://cdn.jsdelivr.net/npm/vega-embed@6": "build/vega-embed.min.js"},
}
_COPIED_WHOLE = {"@fortawesome/fontawesome-free@6.6.0": ("css", "webfonts")}
# The logo is an image on a web server, not a page asset; offline the page shows its alt text.
_LOGO = re.compile(r"https://great-expectations-web-assets\.[^\"']*")


def _folder(package: str) -> str:
    return package.rsplit("@", 1)[0].lstrip("@").replace("/", "__")


def install(dest: Path = ASSETS_DIR) -> None:
    """Fetch each pinned package's tarball (``npm pack``: the package alone) and unpack it."""
    if (dest / ".complete").exists():
        return
    npm = shutil.which("npm")
    if npm is None:
        raise SystemExit("data_docs: npm is missing; install Node.js (Debian's nodejs and npm) to make the "
                         "Data Docs readable offline")
    dest.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as scratch:
        # One npm process for every package: it prints each tarball's name, in order.
        packed = subprocess.run([npm, "pack", *PACKAGES], cwd=scratch, check=True, capture_output=True, text=True)
        tarballs = [line.strip() for line in packed.stdout.splitlines() if line.strip().endswith(".tgz")]
        for package, tarball in zip(PACKAGES, tarballs, strict=True):
            target = dest / _folder(package)
            shutil.rmtree(target, ignore_errors=True)
            unpacked = Path(scratch) / _folder(package)
            with tarfile.open(Path(scratch) / tarball) as archive:
                archive.extractall(unpacked, filter="data")
            shutil.move(str(unpacked / "package"), target)
    (dest / ".complete").write_text("\n".join(PACKAGES) + "\n", encoding="utf-8")


def make_offline(site: Path, since: float, assets: Path = ASSETS_DIR) -> int:
    """Copy the assets into ``site/static/vendor`` and point the pages written since ``since``
    (a time stamp) at them. Returns the pages rewritten; 0 when the assets are not installed."""
    if not (assets / ".complete").exists():
        return 0
    vendor = site / "static" / "vendor"
    local: dict[str, Path] = {}
    for package, files in PACKAGES.items():
        source, target = assets / _folder(package), vendor / _folder(package)
        for url, relative in files.items():
            local[url] = target / relative
            if not local[url].exists():
                local[url].parent.mkdir(parents=True, exist_ok=True)
                shutil.copy(source / relative, local[url])
        for folder in _COPIED_WHOLE.get(package, ()):
            if not (target / folder).exists():
                shutil.copytree(source / folder, target / folder, dirs_exist_ok=True)
    rewritten = 0
    for page in site.rglob("*.html"):
        if page.stat().st_mtime < since:
            continue
        text = original = page.read_text(encoding="utf-8")
        for url, path in local.items():
            text = text.replace(url, os.path.relpath(path, page.parent))
        text = _LOGO.sub("", text)
        if text != original:
            page.write_text(text, encoding="utf-8")
            rewritten += 1
    return rewritten


if __name__ == "__main__":
    if sys.argv[1:] != ["install"]:
        raise SystemExit("usage: python -m orchestration.pipeline.data_docs install")
    install()

"""Serve the data dir's sites over http beside the Dagster UI: the dbt docs (``/docs/``), the
gate's Data Docs (``/gate/data_docs/site/``) and the report per government (``/report/``).

A browser refuses ``file://`` links from an http page, so the UI's links point here
(``settings.docs_url``). ``make dev`` starts it; ``python -m orchestration.docs_server`` runs it
alone. Only files under the data dir are served, read-only, on the loopback address by default.
"""

from __future__ import annotations

import argparse
import functools
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from orchestration.settings import current_paths, docs_url


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - the stdlib's signature
        pass


def server(root: Path, host: str, port: int) -> ThreadingHTTPServer:
    return ThreadingHTTPServer((host, port), functools.partial(_Quiet, directory=str(root)))


def main(argv: list[str] | None = None) -> None:
    base = docs_url()
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--host", default=base.split("//")[1].rsplit(":", 1)[0])
    parser.add_argument("--port", type=int, default=int(base.rsplit(":", 1)[1].split("/")[0]))
    args = parser.parse_args(argv)
    root = current_paths().data_dir
    root.mkdir(parents=True, exist_ok=True)
    print(f"serving {root} on http://{args.host}:{args.port}/ (docs/, gate/data_docs/site/, report/)", flush=True)
    server(root, args.host, args.port).serve_forever()


if __name__ == "__main__":
    main()

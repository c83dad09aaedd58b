"""Find every filing under the raw dir. A filing's identity is the SHA-256 of its bytes, hashed once
for each path, size and mtime."""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

# What a person writes beside the filings (pipeline/manifest.py, pipeline/reviews.py): no filing
# itself, but a change to either is a change to the warehouse.
MANIFEST_FILE, REVIEWS_FILE = "manifest.csv", "pledge_link_overrides.csv"
IGNORED_NAMES = frozenset({MANIFEST_FILE, REVIEWS_FILE, "README.md"})
_CHUNK = 1 << 20


@dataclass(frozen=True)
class RawFile:
    file_path: str  # relative to the raw dir, with forward slashes
    document_id: str  # SHA-256 of the bytes
    byte_size: int
    modified_ns: int


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def raw_entries(raw_dir: Path):
    """Each regular file under ``raw_dir`` with its stat, a folder's files (by name) before its
    subfolders (by name); hidden names are skipped, and a symlink is followed only to a file
    inside the raw dir. ``os.scandir`` gives each entry's type without a call of its own: at
    10,000 filings a look at the raw dir took 0.4 s with a path, an lstat and two stats a file."""
    root = raw_dir.resolve()
    yield from _entries(root, root)


def _entries(root: Path, folder: Path):
    with os.scandir(folder) as scan:
        entries = sorted((e for e in scan if not e.name.startswith(".") and e.name not in IGNORED_NAMES),
                         key=lambda e: e.name)
    for entry in entries:
        if entry.is_symlink():
            target = Path(entry.path).resolve()
            if target.is_relative_to(root) and target.is_file():
                yield Path(entry.path), entry.stat()
        elif entry.is_file(follow_symlinks=False):
            yield Path(entry.path), entry.stat(follow_symlinks=False)
    for entry in entries:
        if entry.is_dir(follow_symlinks=False):
            yield from _entries(root, Path(entry.path))


# A file whose mtime is this close to when a listing was taken may have been written again within
# the same mtime after it was hashed (file systems keep mtimes as coarsely as 2 s).
RACY_NS = 2_000_000_000


def discover(raw_dir: Path, known: list[RawFile] = (), known_at_ns: int = 0) -> list[RawFile]:
    """Every filing under ``raw_dir`` with the SHA-256 of its bytes. ``known`` is an earlier
    listing, taken from ``known_at_ns`` on: a file of the same path, size and mtime keeps the hash it
    had there without being read again (at 10,000 filings, reading them all is most of discovery),
    unless its mtime is too close to that listing to tell a later write apart."""
    root = raw_dir.resolve()
    hashed = {(f.file_path, f.byte_size, f.modified_ns): f.document_id for f in known
              if f.modified_ns < known_at_ns - RACY_NS}
    files = []
    for path, stat in raw_entries(root):
        file_path = path.relative_to(root).as_posix()
        document_id = hashed.get((file_path, stat.st_size, stat.st_mtime_ns)) or sha256_of(path)
        files.append(RawFile(file_path=file_path, document_id=document_id, byte_size=stat.st_size,
                             modified_ns=stat.st_mtime_ns))
    return files


def fingerprint(raw_dir: Path, files: list[RawFile] | None = None) -> str:
    """A cheap digest of the raw dir's listing (paths, sizes, mtimes) for the sensor, the bytes of
    the manifest and of the reviewers' decisions included: a corrected row is a change too.
    ``files``, the listing ``discover`` just took, saves walking the raw dir again."""
    digest = hashlib.sha256()
    root = raw_dir.resolve()
    if root.is_dir():
        listing = ((f.file_path, f.byte_size, f.modified_ns) for f in files) if files is not None else (
            (path.relative_to(root).as_posix(), stat.st_size, stat.st_mtime_ns) for path, stat in raw_entries(root))
        for path, size, modified_ns in listing:
            digest.update(f"{path}\0{size}\0{modified_ns}\n".encode())
        for name in (MANIFEST_FILE, REVIEWS_FILE):
            if (root / name).is_file():
                digest.update(name.encode() + b"\0" + (root / name).read_bytes())
    return digest.hexdigest()

"""Copies of a SQLite database made with SQLite's online backup API.

Safe while another process writes: the copy is a consistent snapshot.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path


def backup_sqlite(source: Path, dest: Path) -> Path:
    """Copy `source` to `dest` (mode 0600) and return `dest`."""
    dest.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    fd = os.open(dest, os.O_CREAT | os.O_WRONLY | os.O_TRUNC, 0o600)
    os.close(fd)
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    try:
        dst = sqlite3.connect(dest)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()
    return dest

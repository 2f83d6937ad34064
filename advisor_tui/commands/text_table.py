"""A plain text table for `advisor who` and `advisor search`, without rich.

`advisor who` is a caller ID: it must answer in well under 0.2 s as a whole
process, and importing rich's console and table alone took ~40 ms of that
(bench/who.py). The table here is what those commands need: left-aligned
columns two spaces apart, a bold header, cells of several lines, the last
column wrapped to the terminal's width, and three styles (bold, dim, red)
written as ANSI codes only to a terminal that wants colour (not with
NO_COLOR or TERM=dumb, never into a pipe).
"""

from __future__ import annotations

import os
import sys
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TextIO

_CODES = {"bold": "1", "dim": "2", "red": "31", "bold red": "1;31"}
GAP = "  "


@dataclass(frozen=True)
class Line:
    """One line of a cell; `style` is "", "bold", "dim", "red" or "bold red"."""

    text: str
    style: str = ""


Cell = Sequence[Line]


def cell_width(text: str) -> int:
    """Terminal cells `text` takes: wide (East Asian) characters two, combining marks none."""
    width = 0
    for char in text:
        if unicodedata.combining(char):
            continue
        width += 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1
    return width


def wants_colour(stream: TextIO) -> bool:
    if os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb":
        return False
    return stream.isatty()


def _styled(text: str, style: str, colour: bool) -> str:
    if not colour or not style or not text:
        return text
    return f"\x1b[{_CODES[style]}m{text}\x1b[0m"


def _wrap(line: Line, width: int) -> list[Line]:
    """The line cut into pieces of at most `width` cells, at spaces where possible."""
    import textwrap

    if cell_width(line.text) <= width:
        return [line]
    pieces = textwrap.wrap(line.text, width=width, break_long_words=True) or [""]
    return [Line(piece, line.style) for piece in pieces]


def render(
    headers: Sequence[str], rows: Sequence[Sequence[Cell]], *, width: int | None, colour: bool
) -> list[str]:
    """The table as lines; with `width`, the last column wraps to fit into it."""
    count = len(headers)
    widths = [cell_width(h) for h in headers]
    for row in rows:
        for i, cell in enumerate(row[: count - 1]):
            widths[i] = max([widths[i], *(cell_width(line.text) for line in cell)])
    used = sum(widths[:-1]) + len(GAP) * (count - 1)
    last_room = max(width - used, 12) if width else None
    wrapped_rows = [
        [*row[:-1], [piece for line in row[-1] for piece in _wrap(line, last_room)]]
        if last_room
        else list(row)
        for row in rows
    ]
    for row in wrapped_rows:
        widths[-1] = max([widths[-1], *(cell_width(line.text) for line in row[-1])])
    header_cells: list[Cell] = [[Line(h, "bold")] for h in headers]
    out = []
    for row in [header_cells, *wrapped_rows]:
        for n in range(max(len(cell) for cell in row)):
            parts = []
            for i, cell in enumerate(row):
                line = cell[n] if n < len(cell) else Line("")
                pad = " " * (widths[i] - cell_width(line.text))
                parts.append(_styled(line.text, line.style, colour) + pad)
            out.append(GAP.join(parts).rstrip())
    return out


def print_table(
    headers: Sequence[str], rows: Sequence[Sequence[Cell]], stream: TextIO | None = None
) -> None:
    """Print to `stream` (stdout): coloured and fitted to the width on a terminal."""
    import shutil

    stream = stream or sys.stdout
    terminal = stream.isatty()
    width = shutil.get_terminal_size().columns if terminal else None
    lines = render(headers, rows, width=width, colour=wants_colour(stream))
    stream.write("\n".join(lines) + "\n")

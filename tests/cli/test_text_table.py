"""The plain table `who` and `search` print (commands/text_table.py)."""

from __future__ import annotations

import io

import pytest

from advisor_tui.commands.text_table import Line, cell_width, print_table, render, wants_colour

NAME = [Line("Jürgen Schäfer"), Line("Öztürk GmbH", "dim")]
ROWS = [
    [[Line("7")], NAME, [Line("Mobil 0171 1", "bold")]],
    [[Line("12")], [Line("李小龍")], [Line("E-Mail li@example.com"), Line("ungültig", "red")]],
]


def test_columns_line_up_with_umlauts_and_wide_characters() -> None:
    lines = render(["Nr.", "Name", "Erreichbar"], ROWS, width=None, colour=False)
    assert lines == [
        "Nr.  Name            Erreichbar",
        "7    Jürgen Schäfer  Mobil 0171 1",
        "     Öztürk GmbH",
        "12   李小龍          E-Mail li@example.com",
        "                     ungültig",
    ]
    assert cell_width("李小龍") == 6
    assert cell_width("Mu\u0308ller") == 6  # a combining diaeresis takes no cell


def test_the_last_column_wraps_to_the_terminal_width() -> None:
    rows = [[[Line("1")], [Line("Anna")], [Line("Post Lange Straße 123, 12345 Irgendwo", "dim")]]]
    lines = render(["Nr.", "Name", "Erreichbar"], rows, width=30, colour=False)
    assert max(cell_width(line) for line in lines) <= 30
    assert lines[1].startswith("1    Anna  Post Lange")
    assert all(line.startswith(" " * 11) for line in lines[2:])
    assert "".join(line[11:] + " " for line in lines[1:]).split() == (
        ["Post", "Lange", "Straße", "123,", "12345", "Irgendwo"]
    )


def test_styles_are_ansi_codes_only_with_colour() -> None:
    plain = "\n".join(render(["Nr."], [[[Line("x", "red")]]], width=None, colour=False))
    coloured = "\n".join(render(["Nr."], [[[Line("x", "red")]]], width=None, colour=True))
    assert "\x1b" not in plain
    assert "\x1b[1mNr.\x1b[0m" in coloured and "\x1b[31mx\x1b[0m" in coloured


class _Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_colour_only_on_a_terminal_that_wants_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("TERM", "xterm-256color")
    assert wants_colour(_Tty()) and not wants_colour(io.StringIO())
    monkeypatch.setenv("NO_COLOR", "1")
    assert not wants_colour(_Tty())
    monkeypatch.delenv("NO_COLOR")
    monkeypatch.setenv("TERM", "dumb")
    assert not wants_colour(_Tty())
    out = io.StringIO()
    print_table(["Nr."], [[[Line("1", "bold")]]], out)
    assert out.getvalue() == "Nr.\n1\n"

"""Hypothesis fuzzing of everything that reads outside text: nothing may crash.

"Crash" means an exception other than the reader's documented refusal
(RecordError, MonitorLineError, InvalidPhone, InvalidEmail), or a card or row
that the import could only report as "unexpected" (a parser exception it had
to catch). Examples per target: ADVISOR_FUZZ_EXAMPLES (default 30 for the
suite; tests/reliability/README.md has the figures of a long run).
"""

from __future__ import annotations

import contextlib
import os
import string
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from advisor_tui.domain.emails import InvalidEmail, normalize_email
from advisor_tui.domain.normalize import normalize_address
from advisor_tui.domain.phones import InvalidPhone, parse_phone
from advisor_tui.io.callmonitor_events import MonitorLineError, parse_line
from advisor_tui.io.contact_files import collect_units
from advisor_tui.services.importing.prepare import prepare
from advisor_tui.services.importing.report import Rejected

EXAMPLES = int(os.environ.get("ADVISOR_FUZZ_EXAMPLES", "30"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
    database=None,
)
RUN: Counter[str] = Counter()  # examples run per target, for the README's figures


@pytest.fixture(scope="module", autouse=True)
def _report() -> Iterator[None]:
    yield
    target = os.environ.get("ADVISOR_FUZZ_REPORT")
    if target:
        with open(target, "a", encoding="utf-8") as out:
            for name, count in sorted(RUN.items()):
                out.write(f"{name}\t{count}\n")


# Text with what breaks readers: quotes, separators, umlauts, controls, lone surrogates.
NASTY = st.text(
    alphabet=st.one_of(
        st.sampled_from(list(string.printable + "äöüßÄÖÜé€\u00a0\u200b\ufeff\x00\x85\u2028")),
        st.characters(codec="utf-8"),
        st.sampled_from(["\ud800", "\udcff"]),
    ),
    max_size=60,
)
VCARD_KEYS = [
    "FN", "N", "TEL", "TEL;TYPE=CELL", "TEL;TYPE=fax,voice", "TEL;VALUE=uri", "EMAIL",
    "EMAIL;TYPE=INTERNET,PREF", "ADR;TYPE=HOME", "ORG", "NOTE", "BDAY", "TITLE", "CATEGORIES",
    "PHOTO;ENCODING=b;TYPE=JPEG", "PHOTO;BASE64", "item1.TEL", "item1.X-ABLabel",
    "LABEL;ENCODING=QUOTED-PRINTABLE", "NOTE;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE",
    "X-messaging/xmpp-All", "", " ", "#", "BEGIN", "END",
]  # fmt: skip
VCARD_LINE = st.one_of(
    st.sampled_from(["BEGIN:VCARD", "END:VCARD", "VERSION:2.1", "VERSION:3.0", "VERSION:4.0"]),
    st.builds(lambda k, v: f"{k}:{v}", st.sampled_from(VCARD_KEYS), NASTY),
    st.builds(lambda v: f" {v}", NASTY),  # a folded continuation
    NASTY,
)
LINE_ENDS = st.sampled_from(["\r\n", "\n", "\r\r\n", "\r"])
CSV_HEADERS = [
    "First Name", "Last Name", "E-mail Address", "Mobile Phone", "Business Phone", "Company",
    "Vorname", "Nachname", "E-Mail-Adresse", "Mobiltelefon", "Firma", "Name", "Notes",
    "Given Name", "Family Name", "Phone 1 - Value", "id", "",
]  # fmt: skip


def _import_without_crash(path: Path) -> None:
    units, _problems = collect_units([path])
    for result in prepare(units, "DE"):
        if isinstance(result, Rejected):
            assert result.key != "import.err.unexpected", result.params


def _write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    if isinstance(content, str):
        content = content.encode("utf-8", "surrogatepass")
    path.write_bytes(content)
    return path


@FUZZ
@given(lines=st.lists(VCARD_LINE, max_size=25), end=LINE_ENDS)
def test_vcard_text(tmp_path: Path, lines: list[str], end: str) -> None:
    RUN["vcard_text"] += 1
    _import_without_crash(_write(tmp_path, "f.vcf", end.join(lines)))


@FUZZ
@given(prefix=st.binary(max_size=40), body=st.binary(max_size=200))
def test_vcard_bytes(tmp_path: Path, prefix: bytes, body: bytes) -> None:
    RUN["vcard_bytes"] += 1
    card = (
        b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:" + prefix + b"\r\nNOTE:" + body + b"\r\nEND:VCARD\r\n"
    )
    _import_without_crash(_write(tmp_path, "f.vcf", card))
    _import_without_crash(_write(tmp_path, "g.vcf", prefix + body))


@FUZZ
@given(
    header=st.lists(st.sampled_from(CSV_HEADERS), min_size=1, max_size=8),
    rows=st.lists(st.lists(NASTY, max_size=9), max_size=6),
    sep=st.sampled_from([",", ";", "\t"]),
    end=LINE_ENDS,
)
def test_csv(tmp_path: Path, header: list[str], rows: list[list[str]], sep: str, end: str) -> None:
    RUN["csv"] += 1
    text = end.join(sep.join(cells) for cells in [header, *rows])
    _import_without_crash(_write(tmp_path, "f.csv", text))


MONITOR_FIELD = st.one_of(
    st.sampled_from(
        ["RING", "CALL", "CONNECT", "DISCONNECT", "", "0", "17", "SIP0", "01711234567"]
    ),
    st.sampled_from(["24.12.26 18:30:00", "31.02.26 25:61:61", "1.1.1 1:1:1", "24.12.2026 18:30"]),
    st.from_regex(r"[0-9+*#]{0,20}", fullmatch=True),
    NASTY,
)


@FUZZ
@given(fields=st.lists(MONITOR_FIELD, max_size=9), tail=st.sampled_from(["", ";", ";\r", "\n"]))
def test_callmonitor_lines(fields: list[str], tail: str) -> None:
    RUN["callmonitor"] += 1
    with contextlib.suppress(MonitorLineError):
        parse_line(";".join(fields) + tail)


PHONE_TEXT = st.one_of(
    NASTY,
    st.from_regex(r"[+(]?[0-9 ()/.\-]{0,25}[a-zA-Zä]{0,10}", fullmatch=True),
    st.builds(lambda n, a: f"{n} {a}", st.from_regex(r"0[1-9][0-9 ]{4,14}", fullmatch=True), NASTY),
)


@FUZZ
@given(raw=PHONE_TEXT, region=st.sampled_from(["DE", "AT", "CH", "US", "ZZ", ""]))
def test_phone_parsing(raw: str, region: str) -> None:
    RUN["phone"] += 1
    with contextlib.suppress(InvalidPhone):
        parse_phone(raw, region or "DE")
    for kind in ("mobile", "landline", "fax"):
        normalize_address(kind, raw, region or "DE")


EMAIL_TEXT = st.one_of(
    NASTY,
    st.emails(),
    st.builds(lambda a, b: f"{a}@{b}", NASTY, NASTY),
    st.builds(lambda a: f'"{a}" <x@example.org>', NASTY),
)


@FUZZ
@given(raw=EMAIL_TEXT)
def test_email_parsing(raw: str) -> None:
    RUN["email"] += 1
    with contextlib.suppress(InvalidEmail):
        normalize_email(raw)
    normalize_address("email", raw, "DE")


FTS_SYNTAX = st.sampled_from(
    ['"', '""', "*", "^", "NEAR(", ")", "(", "AND", "OR", "NOT", ":", "-", "+", "names:", "{", "}"]
)
SEARCH_TEXT = st.one_of(
    NASTY,
    st.lists(st.one_of(FTS_SYNTAX, NASTY), max_size=6).map(" ".join),
    st.lists(st.one_of(FTS_SYNTAX, st.text(max_size=4)), max_size=8).map("".join),
)


@pytest.fixture(scope="module")
def search_engine(tmp_path_factory: pytest.TempPathFactory) -> Iterator[object]:
    from advisor_tui.storage.db import open_engine
    from tests.reliability.data import make_database

    folder = tmp_path_factory.mktemp("fuzzdb")
    make_database(folder / "a.sqlite3", folder)
    engine = open_engine(f"sqlite:///{folder / 'a.sqlite3'}")
    yield engine
    engine.dispose()


@FUZZ
@given(text=SEARCH_TEXT)
@example(text="00\x00")  # found by this test: a NUL ended the FTS5 string ("unterminated")
@example(text="M\udcfcller")
def test_search_strings(search_engine: object, text: str) -> None:
    from advisor_tui.services.persons.search import count_matches, search_persons
    from advisor_tui.storage.db import new_session

    RUN["search"] += 1
    with new_session(search_engine) as session:  # type: ignore[arg-type]
        search_persons(session, text, limit=5)
        count_matches(session, text)

"""`advisor import-messages PATH…`: every format into the inbox, twice without doubles,
overlapping WhatsApp exports, exit 2 with nothing stored on bad paths and unreadable files."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from sqlalchemy import Engine
from sqlmodel import select

from advisor_tui.domain.models import Message, Request
from advisor_tui.services.persons.editing import PersonData, add_address, add_person
from advisor_tui.storage.db import new_session
from tests.conftest import Advisor

DATE = 1543571820000  # 2018-11-30 09:57 UTC


def eml(message_id: str, delivered: str, body: str = "Bitte um Rückruf.\nAnna Schulz") -> bytes:
    return (
        "From: Anna Schulz <anna.schulz@example.org>\r\n"
        "To: max@balschuweit.de, info@balschuweit.de\r\n"
        "Cc: max.privat@example.net\r\n"
        f"Delivered-To: {delivered}\r\n"
        "Subject: =?utf-8?q?R=C3=BCckruf?=\r\n"
        "Date: Fri, 30 Nov 2018 10:57:00 +0100\r\n"
        f"Message-ID: <{message_id}>\r\n"
        "Content-Type: text/plain; charset=utf-8\r\n\r\n"
    ).encode() + body.encode()


def write_samples(root: Path) -> Path:
    """A folder as an advisor might collect it: three mailboxes, an SMS backup, two chats."""
    for box, address in [
        ("Maildir-max", "max@balschuweit.de"),
        ("Maildir-info", "info@balschuweit.de"),
        ("Maildir-privat", "max.privat@example.net"),
    ]:
        for sub in ("cur", "new", "tmp"):
            (root / box / sub).mkdir(parents=True)
        (root / box / "new" / "1543571820.M1P1.host").write_bytes(eml("rr-1@example.org", address))
    (root / "archiv.mbox").write_bytes(
        b"From tom@example.org Sat Dec  1 08:00:00 2018\n"
        + eml("mbox-1@example.org", "max@balschuweit.de", "Wie steht mein Depot?\nTom")
        .replace(b"\r\n", b"\n")
        .replace(b"Anna Schulz <anna.schulz@example.org>", b"Tom <tom@example.org>")
        + b"\n"
    )
    (root / "sms-20181201.xml").write_text(
        "<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>\n"
        '<smses count="2">\n'
        f'<sms address="+4917299887766" date="{DATE}" type="1" body="Hallo Herr Balschuweit, '
        'bitte verkaufen Sie meine Investments. Gruß Guido" contact_name="(Unknown)" />\n'
        f'<sms address="+4917299887766" date="{DATE + 1000}" type="2" body="Mache ich." />\n'
        "</smses>\n",
        encoding="utf-8",
    )
    (root / "WhatsApp Chat mit Tom Berger.txt").write_text(
        "30.11.18, 10:55 - Nachrichten und Anrufe sind Ende-zu-Ende-verschlüsselt.\n"
        "30.11.18, 10:57 - Tom Berger: Neue Adresse: Hauptstr. 1\n"
        "30.11.18, 10:58 - Max Balschuweit: Danke, trage ich ein.\n",
        encoding="utf-8",
    )
    chat = root / "WhatsApp Chat - Eva Roth"
    chat.mkdir()
    (chat / "_chat.txt").write_text(
        "[18.05.19, 11:50:12] Eva Roth: Beschwerde: die Abrechnung stimmt nicht\n"
        "[18.05.19, 11:51:00] Eva Roth: \u200eBild weggelassen\n",
        encoding="utf-8",
    )
    return root


def rows(engine: Engine) -> tuple[int, int]:
    with new_session(engine) as session:
        return len(session.exec(select(Message)).all()), len(session.exec(select(Request)).all())


def test_import_everything_twice_adds_nothing_the_second_time(
    advisor: Advisor, db_path: Path, engine: Engine, tmp_path: Path
) -> None:
    with new_session(engine) as session:
        tom = add_person(session, PersonData("Tom", "Berger"))
        assert tom.id
        add_address(session, tom.id, "mobile", "0171 1234567")
        session.commit()
    folder = write_samples(tmp_path / "export")
    first = advisor("--db", str(db_path), "import-messages", str(folder), "--json")
    assert first.returncode == 0, first.stderr
    report = json.loads(first.stdout)
    # 1 mail (three copies) and 1 in the mbox, 1 SMS, 1 + 2 WhatsApp messages
    assert report["new_by_channel"] == {"email": 2, "sms": 1, "whatsapp": 3}
    assert report["known"] == 2  # the mail's other two copies
    assert report["outgoing"] == 2  # the sent SMS and the advisor's chat line
    assert report["passed_over"] == 1  # the encryption notice
    assert report["problems"] == []
    messages, requests = rows(engine)
    assert (messages, requests) == (6, 5)  # Eva's picture joins her complaint
    with new_session(engine) as session:
        mail = session.exec(select(Message).where(Message.external_id == "rr-1@example.org")).one()
        assert set(mail.recipients.split(", ")) == {
            "max@balschuweit.de",
            "info@balschuweit.de",
            "max.privat@example.net",
        }
        assert mail.subject == "Rückruf"

    again = advisor("--db", str(db_path), "import-messages", str(folder))
    assert again.returncode == 0, again.stderr
    assert "0 neu" in again.stdout and "8 schon bekannt" in again.stdout
    assert rows(engine) == (messages, requests)


def test_overlapping_whatsapp_exports_add_nothing_twice(
    advisor: Advisor, db_path: Path, engine: Engine, tmp_path: Path
) -> None:
    lines = [
        "01.12.18, 09:00 - Guido: Guten Morgen",
        "01.12.18, 09:01 - Guido: Ok",
        "01.12.18, 09:01 - Guido: Ok",
        "01.12.18, 09:05 - Guido: Wann passt es Ihnen?",
        "02.12.18, 18:00 - Guido: Noch eine Frage",
    ]
    older = tmp_path / "WhatsApp Chat mit Guido.txt"
    newer = tmp_path / "neu" / "WhatsApp Chat mit Guido (1).txt"
    newer.parent.mkdir()
    older.write_text("\n".join(lines[:3]) + "\n", encoding="utf-8")
    newer.write_text("\n".join(lines[1:]) + "\n", encoding="utf-8")
    result = advisor("--db", str(db_path), "import-messages", str(older), str(newer), "--json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert (report["new"], report["known"]) == (5, 2)
    assert rows(engine)[0] == 5


def test_me_and_dry_run(advisor: Advisor, db_path: Path, engine: Engine, tmp_path: Path) -> None:
    chat = tmp_path / "gruppe.txt"
    chat.write_text(
        "01.12.18, 09:00 - Anna: Frage\n01.12.18, 09:01 - Max B.: Antwort\n"
        "01.12.18, 09:02 - Tom: Noch eine\n",
        encoding="utf-8",
    )
    dry = advisor("--db", str(db_path), "import-messages", str(chat), "--me", "Max B.", "--dry-run")
    assert dry.returncode == 0, dry.stderr
    assert "2 neu" in dry.stdout and "1 eigene" in dry.stdout and "Probelauf" in dry.stdout
    assert rows(engine) == (0, 0)


def test_english_summary_and_problem_lines(
    advisor: Advisor, db_path: Path, engine: Engine, tmp_path: Path
) -> None:
    backup = tmp_path / "sms.xml"
    backup.write_text(
        f'<smses><sms address="+4917100001" date="{DATE}" type="1" body="Hallo"/>\n'
        '<sms address="+4917100001" date="gestern" type="1" body="Hallo"/>\n<sms',
        encoding="utf-8",
    )
    result = advisor("--lang", "en", "--db", str(db_path), "import-messages", str(backup))
    assert result.returncode == 0, result.stderr
    assert f"{backup}:2: skipped, no readable date “gestern”" in result.stdout
    assert f"{backup}:3: skipped, the file is broken here" in result.stdout
    assert "1 file read. Messages: 1 new" in result.stdout
    assert rows(engine) == (1, 1)


@pytest.mark.parametrize("case", ["missing", "fifo", "unknown", "empty_folder", "wrong_channel"])
def test_bad_paths_exit_2_with_nothing_stored(
    advisor: Advisor, db_path: Path, engine: Engine, tmp_path: Path, case: str
) -> None:
    good = tmp_path / "ok.eml"
    good.write_bytes(eml("ok@x", "max@balschuweit.de"))
    bad = tmp_path / "bad"
    extra: list[str] = []
    if case == "fifo":
        os.mkfifo(bad)
    elif case == "unknown":
        bad.write_text("Einkaufsliste: Milch, Brot\n", encoding="utf-8")
    elif case == "empty_folder":
        bad.mkdir()
    elif case == "wrong_channel":
        bad = good
        extra = ["--channel", "sms"]
    result = advisor("--db", str(db_path), "import-messages", str(good), str(bad), *extra)
    assert result.returncode == 2
    assert result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1
    assert "nichts eingelesen" in result.stderr
    assert rows(engine) == (0, 0)


def test_nothing_readable_exits_2(
    advisor: Advisor, db_path: Path, engine: Engine, tmp_path: Path
) -> None:
    notes = tmp_path / "notizen.txt"
    notes.write_text("Kein Chat\nnur Text\n", encoding="utf-8")
    result = advisor("--db", str(db_path), "import-messages", str(notes), "--channel", "whatsapp")
    assert result.returncode == 2
    assert "Zeile ohne Zeitstempel" in result.stdout
    assert "keine Nachricht lesen" in result.stderr
    assert rows(engine) == (0, 0)


def test_progress_is_reported_per_file_and_every_few_messages(
    engine: Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from advisor_tui.io.messages.sources import plan
    from advisor_tui.services.inbox import importing

    monkeypatch.setattr(importing, "PROGRESS_EVERY", 2)
    folder = write_samples(tmp_path / "export")
    calls: list[tuple[int, int, int]] = []
    planned = plan([folder])
    with new_session(engine) as session:
        report = importing.import_messages(session, planned, progress=lambda *a: calls.append(a))
    assert len(calls) > len(planned.sources)  # per file, and in between
    assert calls[-1] == (planned.total_bytes, planned.total_bytes, report.found)
    assert [c[2] for c in calls] == sorted(c[2] for c in calls)

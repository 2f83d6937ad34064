"""E-mail readers: .eml, Maildir (with Maildir++ folders), mbox; HTML-only mails, encoded
headers, Windows-1252 bodies, one mail to three addresses, detection of files and folders."""

from __future__ import annotations

import os
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from advisor_tui.io.messages.html_text import html_to_text
from advisor_tui.io.messages.items import Found, Skipped
from advisor_tui.io.messages.mail import parse_bytes, read_message
from advisor_tui.io.messages.sources import PlanError, plan, read_source


def mail(
    *,
    sender: str = "Guido Meier <guido@example.org>",
    to: str = "max@balschuweit.de",
    subject: str = "Verkauf",
    body: bytes = b"Bitte verkaufen Sie meine Investments.\nGruss Guido\n",
    message_id: str | None = "<20181130.1@example.org>",
    headers: str = "",
    content_type: str = "text/plain; charset=utf-8",
    date: str = "Fri, 30 Nov 2018 10:57:00 +0100",
) -> bytes:
    lines = [f"From: {sender}", f"To: {to}", f"Subject: {subject}", f"Date: {date}"]
    if message_id:
        lines.append(f"Message-ID: {message_id}")
    lines += [h for h in headers.split("\n") if h]
    lines += ["MIME-Version: 1.0", f"Content-Type: {content_type}"]
    return "\r\n".join(lines).encode("ascii") + b"\r\n\r\n" + body


def one(data: bytes) -> Found:
    item = read_message(parse_bytes(data), "m.eml")
    assert isinstance(item, Found), item
    return item


def test_plain_mail() -> None:
    message = one(mail()).message
    assert message.channel == "email"
    assert message.sender == "guido@example.org"
    assert message.sender_name == "Guido Meier"
    assert message.subject == "Verkauf"
    assert message.text == "Bitte verkaufen Sie meine Investments.\nGruss Guido"
    assert message.at == datetime(2018, 11, 30, 9, 57, tzinfo=UTC)
    assert message.external_id == "20181130.1@example.org"
    assert message.thread == "20181130.1@example.org"
    assert "Subject: Verkauf" in message.raw


def test_encoded_headers_and_cp1252_body() -> None:
    data = mail(
        sender="=?utf-8?q?J=C3=BCrgen_Wei=C3=9F?= <j@example.org>",
        subject="=?iso-8859-1?q?R=FCckruf_erbeten?= wegen =?utf-8?b?w5xiZXJ3ZWlzdW5n?=",
        body="Grüße, Jürgen – danke".encode("cp1252"),
        content_type="text/plain; charset=windows-1252",
    )
    message = one(data).message
    assert message.sender_name == "Jürgen Weiß"
    assert message.subject == "Rückruf erbeten wegen Überweisung"
    assert message.text == "Grüße, Jürgen – danke"


def test_wrong_or_missing_charset_falls_back() -> None:
    body = "Grüße – Jürgen".encode("cp1252")
    assert one(mail(body=body)).message.text == "Grüße – Jürgen"  # declared utf-8, is cp1252
    no_charset = mail(body=body, content_type="text/plain")
    assert one(no_charset).message.text == "Grüße – Jürgen"
    unknown = mail(body=body, content_type="text/plain; charset=x-nonsense")
    assert one(unknown).message.text == "Grüße – Jürgen"


def test_raw_8bit_headers() -> None:
    data = mail().replace(b"Subject: Verkauf", "Subject: Grüße".encode())
    data = data.replace(b"From: Guido Meier", "From: Jürgen Müller".encode("cp1252"))
    message = one(data).message
    assert message.subject == "Grüße"  # UTF-8 bytes
    assert message.sender_name == "Jürgen Müller"  # Windows-1252 bytes


def test_html_only_mail_is_reduced_to_text() -> None:
    html = (
        b"<html><head><style>p {color: red}</style><title>x</title></head><body>"
        b"<p>Hallo&nbsp;Herr Balschuweit,</p><p>bitte <b>verkaufen</b> Sie<br>meine "
        b"Investments.</p><ul><li>Fonds A</li><li>Fonds B</li></ul>"
        b"<script>alert(1)</script><p>Gru&szlig; Guido</p></body></html>"
    )
    message = one(mail(body=html, content_type="text/html; charset=utf-8")).message
    assert message.text == (
        "Hallo Herr Balschuweit,\n\nbitte verkaufen Sie\nmeine Investments.\n\n"
        "- Fonds A\n- Fonds B\n\nGruß Guido"
    )


def test_multipart_prefers_plain_and_lists_attachments() -> None:
    boundary = "XYZ"
    body = (
        f"--{boundary}\r\nContent-Type: multipart/alternative; boundary=ALT\r\n\r\n"
        "--ALT\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nDer Text\r\n"
        "--ALT\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<p>Das HTML</p>\r\n"
        "--ALT--\r\n"
        f'--{boundary}\r\nContent-Type: application/pdf; name="a.pdf"\r\n'
        'Content-Disposition: attachment; filename="=?utf-8?q?Vertr=C3=A4ge.pdf?="\r\n'
        "Content-Transfer-Encoding: base64\r\n\r\nJVBERi0=\r\n"
        f"--{boundary}--\r\n"
    ).encode()
    message = one(mail(body=body, content_type=f"multipart/mixed; boundary={boundary}")).message
    assert message.text == "Der Text"
    assert message.attachments == ("Verträge.pdf",)


def test_html_to_text_keeps_links() -> None:
    assert html_to_text('<a href="https://x.de/a">hier</a>') == "hier (https://x.de/a)"
    assert html_to_text('<a href="https://x.de">https://x.de</a>') == "https://x.de"
    assert html_to_text("<p>unclosed <b>tags") == "unclosed tags"


@pytest.mark.parametrize(
    "headers",
    [
        "Auto-Submitted: auto-replied",
        "Precedence: bulk",
        "List-Unsubscribe: <mailto:off@news.example>",
    ],
)
def test_machine_mails_are_passed_over(headers: str) -> None:
    item = read_message(parse_bytes(mail(headers=headers)), "m.eml")
    assert isinstance(item, Skipped) and item.reason == "automatic" and not item.is_problem
    bounce = read_message(parse_bytes(mail(sender="MAILER-DAEMON@mx.example")), "m.eml")
    assert isinstance(bounce, Skipped) and bounce.reason == "automatic"
    person = read_message(parse_bytes(mail(headers="Auto-Submitted: no")), "m.eml")
    assert isinstance(person, Found)


def test_thread_from_references_root_then_in_reply_to() -> None:
    refs = mail(headers="References: <root@x> <mid@x>\nIn-Reply-To: <mid@x>")
    assert one(refs).message.thread == "root@x"
    reply = mail(headers="In-Reply-To: <mid@x>")
    assert one(reply).message.thread == "mid@x"


def test_one_mail_to_three_addresses_has_one_id() -> None:
    copies = [
        mail(
            to="Max <max@balschuweit.de>, info@balschuweit.de",
            headers=f"Cc: max.privat@example.net\nDelivered-To: {delivered}",
        )
        for delivered in ("max@balschuweit.de", "info@balschuweit.de", "max.privat@example.net")
    ]
    messages = [one(c).message for c in copies]
    assert {m.external_id for m in messages} == {"20181130.1@example.org"}
    assert [m.recipient for m in messages] == [
        "max@balschuweit.de",
        "info@balschuweit.de",
        "max.privat@example.net",
    ]
    assert set(messages[0].recipients) == {
        "max@balschuweit.de",
        "info@balschuweit.de",
        "max.privat@example.net",
    }


def test_without_message_id_the_copies_share_a_hash() -> None:
    a = one(mail(message_id=None, headers="Delivered-To: a@x.de")).message
    b = one(mail(message_id=None, headers="Delivered-To: b@x.de")).message
    c = one(mail(message_id=None, subject="Anderes")).message
    assert a.external_id == b.external_id != c.external_id
    assert a.external_id and a.external_id.startswith("mail:")


def test_mail_without_sender_or_date() -> None:
    item = read_message(parse_bytes(b"Subject: x\r\n\r\nText"), "m.eml")
    assert isinstance(item, Skipped) and item.reason == "no_sender"
    no_date = read_message(parse_bytes(mail(date="gestern")), "m.eml")
    assert isinstance(no_date, Skipped) and no_date.reason == "bad_date"
    fallback = datetime(2020, 1, 1, tzinfo=UTC)
    dated = read_message(parse_bytes(mail(date="gestern")), "m.eml", fallback_at=fallback)
    assert isinstance(dated, Found) and dated.message.at == fallback


def test_date_without_zone_is_utc() -> None:
    message = one(mail(date="Fri, 30 Nov 2018 10:57:00 -0000")).message
    assert message.at == datetime(2018, 11, 30, 10, 57, tzinfo=UTC)
    other = one(mail(date="Fri, 30 Nov 2018 10:57:00 +0530")).message
    assert other.at.utcoffset() == timedelta(hours=5, minutes=30)
    assert other.at.tzinfo is not None and other.at.astimezone(UTC).hour == 5


# -- files and folders ---------------------------------------------------------------------


def messages_of(paths: list[Path], channel: str = "auto") -> list[Found]:
    planned = plan(paths, channel)
    return [i for s in planned.sources for i in read_source(s) if isinstance(i, Found)]


def make_maildir(root: Path, mails: dict[str, bytes]) -> Path:
    for sub in ("cur", "new", "tmp"):
        (root / sub).mkdir(parents=True, exist_ok=True)
    for name, data in mails.items():
        (root / name).write_bytes(data)
    return root


def test_eml_file(tmp_path: Path) -> None:
    path = tmp_path / "anfrage.eml"
    path.write_bytes(mail())
    (found,) = messages_of([path])
    assert found.message.external_id == "20181130.1@example.org"
    assert found.source == str(path)


def test_maildir_reads_new_and_cur_not_tmp_and_skips_sent(tmp_path: Path) -> None:
    box = make_maildir(
        tmp_path / "Maildir",
        {
            "new/1543571820.M1P1.host": mail(message_id="<a@x>"),
            "cur/1543571821.M2P1.host:2,S": mail(message_id="<b@x>"),
            "tmp/1543571822.M3P1.host": mail(message_id="<c@x>"),
        },
    )
    make_maildir(box / ".Kunden", {"cur/1543571823.M4P1.host:2,S": mail(message_id="<d@x>")})
    make_maildir(box / ".Sent", {"cur/1543571824.M5P1.host:2,S": mail(message_id="<e@x>")})
    planned = plan([box])
    assert [s.reason for s in planned.skipped] == ["folder_skipped"]
    ids = sorted(f.message.external_id or "" for f in messages_of([box]))
    assert ids == ["a@x", "b@x", "d@x"]


def test_maildir_time_from_the_file_name_when_the_mail_has_no_date(tmp_path: Path) -> None:
    data = mail().replace(b"Date: Fri, 30 Nov 2018 10:57:00 +0100\r\n", b"")
    box = make_maildir(tmp_path / "box", {"new/1543571820.M1P1.host": data})
    (found,) = messages_of([box])
    assert found.message.at == datetime(2018, 11, 30, 9, 57, tzinfo=UTC)


def test_mbox(tmp_path: Path) -> None:
    path = tmp_path / "Posteingang"
    first = mail(message_id="<m1@x>").replace(b"\r\n", b"\n")
    second = mail(message_id="<m2@x>", body=b"From here on\n>From quoted\n").replace(b"\r\n", b"\n")
    path.write_bytes(
        b"From guido@example.org Fri Nov 30 10:57:00 2018\n" + first + b"\n"
        b"From anna@example.org Fri Nov 30 11:00:00 2018\n" + second + b"\n"
    )
    found = messages_of([path])
    assert [f.message.external_id for f in found] == ["m1@x", "m2@x"]
    assert [f.line for f in found] == [1, 2]


def test_folder_walk_finds_every_format_and_passes_over_pictures(tmp_path: Path) -> None:
    (tmp_path / "a.eml").write_bytes(mail())
    (tmp_path / "chat").mkdir()
    (tmp_path / "chat" / "WhatsApp Chat mit Anna.txt").write_text(
        "30.11.18, 10:57 - Anna: Hallo\n", encoding="utf-8"
    )
    (tmp_path / "chat" / "IMG-20181130-WA0001.jpg").write_bytes(b"\xff\xd8\xff\xe0JFIF")
    (tmp_path / ".hidden.eml").write_bytes(mail())
    planned = plan([tmp_path])
    assert sorted(s.format for s in planned.sources) == ["eml", "whatsapp"]
    assert planned.other_files == 1
    only_mail = plan([tmp_path], "email")
    assert [s.format for s in only_mail.sources] == ["eml"]


def test_a_fifo_is_refused_never_opened(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.eml"
    os.mkfifo(fifo)
    with pytest.raises(PlanError) as refused:
        plan([fifo])
    assert refused.value.key == "msgimport.err.file"
    (tmp_path / "a.eml").write_bytes(mail())
    planned = plan([tmp_path])  # inside a folder: passed over with a reason
    assert [s.reason for s in planned.skipped] == ["not_regular"]
    assert len(planned.sources) == 1


def test_unknown_missing_and_empty_paths_are_refused(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("Einkaufsliste\nMilch\n", encoding="utf-8")
    (tmp_path / "empty").mkdir()
    for path, key in [
        (tmp_path / "notes.txt", "msgimport.err.unknown_format"),
        (tmp_path / "missing.eml", "msgimport.err.not_found"),
        (tmp_path / "empty", "msgimport.err.empty_folder"),
    ]:
        with pytest.raises(PlanError) as refused:
            plan([path])
        assert refused.value.key == key


def test_size_cap(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from advisor_tui.io.messages import sources

    monkeypatch.setattr(sources, "MAX_CHAT_BYTES", 100)
    path = tmp_path / "big.eml"
    path.write_bytes(mail(body=b"x" * 200))
    with pytest.raises(PlanError) as refused:
        plan([path])
    assert refused.value.key == "msgimport.err.too_large"


def test_me_marks_own_mails_outgoing(tmp_path: Path) -> None:
    path = tmp_path / "own.eml"
    path.write_bytes(mail(sender="Max <max@balschuweit.de>"))
    (source,) = plan([path]).sources
    (item,) = read_source(source, me=("MAX@balschuweit.de",))
    assert isinstance(item, Skipped) and item.reason == "outgoing"


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=600))
def test_never_raises_on_any_bytes(data: bytes) -> None:
    item = read_message(parse_bytes(data), "x.eml", fallback_at=datetime(2020, 1, 1, tzinfo=UTC))
    assert isinstance(item, Found | Skipped)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_header_lines_of_any_text_never_raise(text: str) -> None:
    data = mail(subject="x").replace(b"Subject: x", b"Subject: " + text.encode("utf-8", "replace"))
    item = read_message(parse_bytes(data), "x.eml")
    assert isinstance(item, Found | Skipped)

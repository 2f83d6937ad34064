"""WhatsApp chat exports in the German formats: Android and iOS lines, continuation, media,
system lines, the advisor's own messages, stable ids over overlapping exports."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import PurePath

from hypothesis import given, settings
from hypothesis import strategies as st

from advisor_tui.io.messages.items import Found, Skipped
from advisor_tui.io.messages.whatsapp import chat_name, looks_like_chat, read_chat, zone

BERLIN = zone("Europe/Berlin")

ANDROID = """\
30.11.18, 10:55 - Nachrichten und Anrufe sind Ende-zu-Ende-verschlüsselt. Niemand außerhalb \
dieses Chats kann sie lesen.
30.11.18, 10:57 - Guido Meier: Hallo Herr Balschuweit,
bitte verkaufen Sie meine Investments.

Gruß Guido
30.11.18, 10:58 - Max Balschuweit: Mache ich gleich.
30.11.18, 10:59 - Guido Meier: <Medien ausgeschlossen>
30.11.18, 11:00 - Guido Meier: Ok
30.11.18, 11:00 - Guido Meier: Ok
30.11.18, 11:01 - Guido Meier: Diese Nachricht wurde gelöscht
01.12.2018, 09:05 - Guido Meier: IMG-20181201-WA0001.jpg (Datei angehängt)
Mein Depotauszug
"""

IOS = (
    "\u200e[18.05.19, 11:50:00] Anna Schulz: \u200eNachrichten und Anrufe sind "
    "Ende-zu-Ende-verschlüsselt.\n"
    "[18.05.19, 11:50:12] Anna Schulz: Können Sie mich zurückrufen?\n"
    "Danke!\n"
    "[18.05.2019, 11:51:03] \u202a+49 171 1234567\u202c: \u200eBild weggelassen\n"
    "[18.05.19, 11:52:00] Anna Schulz: \u200e<Anhang: 00000012-PHOTO-2019-05-18.jpg>\n"
    "[18.05.19, 11:53:00] Anna Schulz: \u200eDu hast Tom hinzugefügt.\n"
)


def found(items: list) -> list[Found]:
    return [i for i in items if isinstance(i, Found)]


def reasons(items: list) -> list[tuple[int, str]]:
    return [(i.line, i.reason) for i in items if isinstance(i, Skipped)]


def test_android_messages_with_continuation_media_and_system_lines() -> None:
    items = read_chat(ANDROID, source="chat.txt", thread="Guido Meier", me=("Max Balschuweit",))
    messages = found(items)
    first = messages[0].message
    assert first.text == (
        "Hallo Herr Balschuweit,\nbitte verkaufen Sie meine Investments.\n\nGruß Guido"
    )
    assert first.channel == "whatsapp"
    assert first.sender == first.sender_name == "Guido Meier"
    assert first.at == datetime(2018, 11, 30, 10, 57, tzinfo=BERLIN)
    assert first.at.astimezone(UTC).hour == 9  # CET is UTC+1 in November
    assert first.thread == "Guido Meier"
    assert messages[0].line == 2
    media = messages[1].message
    assert media.attachments == ("<Medien ausgeschlossen>",)
    attached = messages[4].message
    assert attached.attachments == ("IMG-20181201-WA0001.jpg",)
    assert attached.text.endswith("Mein Depotauszug")
    assert attached.at == datetime(2018, 12, 1, 9, 5, tzinfo=BERLIN)
    assert reasons(items) == [(1, "system"), (6, "outgoing"), (10, "deleted")]
    assert len(messages) == 5


def test_two_identical_messages_in_one_minute_stay_two() -> None:
    messages = found(read_chat(ANDROID, source="c", thread="Guido Meier", me=("Max",)))
    oks = [f.message for f in messages if f.message.text == "Ok"]
    assert len(oks) == 2
    assert oks[0].external_id != oks[1].external_id


def test_ios_lines_marks_numbers_and_attachments() -> None:
    items = read_chat(IOS, source="_chat.txt", thread="Anna Schulz", me=("Max",))
    messages = [f.message for f in found(items)]
    assert [m.text for m in messages] == [
        "Können Sie mich zurückrufen?\nDanke!",
        "Bild weggelassen",
        "<Anhang: 00000012-PHOTO-2019-05-18.jpg>",
    ]
    assert messages[0].at == datetime(2019, 5, 18, 11, 50, 12, tzinfo=BERLIN)
    assert messages[0].at.utcoffset().total_seconds() == 7200  # summer time
    number = messages[1]
    assert number.sender == "+49 171 1234567"  # direction marks stripped
    assert number.sender_name == ""  # a number is an address, not a name
    assert number.attachments == ("Bild weggelassen",)
    assert messages[2].attachments == ("00000012-PHOTO-2019-05-18.jpg",)
    assert reasons(items) == [(1, "system"), (6, "system")]


def test_the_advisor_is_known_from_a_one_to_one_chat_name() -> None:
    items = read_chat(ANDROID, source="c", thread="Guido Meier")  # no --me
    assert (6, "outgoing") in reasons(items)
    assert all(f.message.sender == "Guido Meier" for f in found(items))


def test_group_chat_without_me_keeps_every_author() -> None:
    text = "01.02.20, 08:00 - Anna: Hallo\n01.02.20, 08:01 - Tom: Hi\n01.02.20, 08:02 - Max: Moin\n"
    items = read_chat(text, source="c", thread="Stammtisch")
    assert [f.message.sender for f in found(items)] == ["Anna", "Tom", "Max"]


def test_overlapping_exports_give_the_same_ids() -> None:
    lines = ANDROID.splitlines(keepends=True)
    older = "".join(lines[:9])  # up to the second "Ok"
    newer = "".join(lines[5:])  # from the media message on
    first = {
        f.message.external_id
        for f in found(read_chat(older, source="a", thread="G", me=("Max Balschuweit",)))
    }
    second = {
        f.message.external_id
        for f in found(read_chat(newer, source="b", thread="G", me=("Max Balschuweit",)))
    }
    whole = {
        f.message.external_id
        for f in found(read_chat(ANDROID, source="c", thread="G", me=("Max Balschuweit",)))
    }
    assert first | second == whole
    assert len(first & second) == 3  # media and both "Ok"s


def test_group_changes_with_colons_are_system_lines() -> None:
    text = (
        "01.02.20, 08:00 - Anna hat den Betreff zu „Termine: März“ geändert\n"
        "01.02.20, 08:01 - Du hast Tom hinzugefügt\n"
        "01.02.20, 08:02 - Anna: Er hat die Gruppe verlassen\n"
    )
    items = read_chat(text, source="c", thread="Gruppe", me=("Max",))
    assert reasons(items) == [(1, "system"), (2, "system")]
    assert found(items)[0].message.text == "Er hat die Gruppe verlassen"


def test_edited_marker_is_dropped_so_the_id_stays() -> None:
    before = "30.11.18, 10:57 - A: Termin am Montag\n"
    after = "30.11.18, 10:57 - A: Termin am Montag <Diese Nachricht wurde bearbeitet>\n"
    (one,) = found(read_chat(before, source="a", thread="t", me=("Max",)))
    (two,) = found(read_chat(after, source="b", thread="t", me=("Max",)))
    assert two.message.text == "Termin am Montag"
    assert one.message.external_id == two.message.external_id


def test_lines_before_the_first_message_are_reported() -> None:
    items = read_chat("Kopf\n30.11.18, 10:57 - A: b\n", source="c", thread="t", me=("Max",))
    assert reasons(items) == [(1, "no_timestamp")]
    assert len(found(items)) == 1


def test_impossible_date_continues_the_message_before() -> None:
    text = "30.11.18, 10:57 - A: b\n31.02.18, 10:58 - A: c\n"
    messages = found(read_chat(text, source="c", thread="t", me=("Max",)))
    assert [m.message.text for m in messages] == ["b\n31.02.18, 10:58 - A: c"]


def test_chat_names_from_file_names() -> None:
    assert chat_name(PurePath("WhatsApp Chat mit Guido Meier.txt")) == "Guido Meier"
    assert chat_name(PurePath("WhatsApp Chat mit Guido Meier (1).txt")) == "Guido Meier"
    assert chat_name(PurePath("WhatsApp Chat - Anna Schulz/_chat.txt")) == "Anna Schulz"
    assert chat_name(PurePath("export.txt")) == "export"


def test_detection() -> None:
    assert looks_like_chat(ANDROID)
    assert looks_like_chat(IOS)
    assert not looks_like_chat("From: a@b.de\nSubject: x\n\nHallo")


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_never_raises_on_any_text(text: str) -> None:
    for item in read_chat(text, source="x", thread="t", tz=BERLIN):
        assert isinstance(item, Found | Skipped)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(
                ["30.11.18, 10:57 - ", "[18.05.19, 11:50:00] ", "", "31.13.99, 99:99 - "]
            ),
            st.text(st.characters(blacklist_categories=("Cs",)), max_size=40),
        ),
        max_size=20,
    )
)
def test_never_raises_on_chat_like_lines(lines: list[tuple[str, str]]) -> None:
    text = "\n".join(stamp + rest for stamp, rest in lines)
    items = read_chat(text, source="x", thread="t", tz=BERLIN)
    ids = [i.message.external_id for i in items if isinstance(i, Found)]
    assert len(ids) == len(set(ids))


def test_zipped_ios_export(tmp_path) -> None:
    import zipfile

    from advisor_tui.io.messages.sources import plan, read_source

    archive = tmp_path / "WhatsApp Chat - Eva Roth.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        zipped.writestr("_chat.txt", "[18.05.19, 11:50:12] Eva Roth: Hallo\n")
        zipped.writestr("00000012-PHOTO-2019-05-18.jpg", b"\xff\xd8")
    (source,) = plan([archive]).sources
    assert (source.format, source.thread) == ("whatsapp_zip", "Eva Roth")
    (item,) = read_source(source, me=("Max",))
    assert isinstance(item, Found)
    assert (item.message.text, item.message.thread) == ("Hallo", "Eva Roth")

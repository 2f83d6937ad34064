"""Android "SMS Backup & Restore" XML: received SMS and MMS, sent ones skipped, broken and
hostile files reported without a traceback, ids stable across backups."""

from __future__ import annotations

import io
from datetime import UTC, datetime

from hypothesis import given, settings
from hypothesis import strategies as st

from advisor_tui.io.messages import sms_backup
from advisor_tui.io.messages.items import Found, Skipped
from advisor_tui.io.messages.sms_backup import looks_like_backup, read_backup

# 2018-11-30 09:57:00 UTC
DATE = 1543571820000

BACKUP = f"""<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>
<!--File Created By SMS Backup & Restore v10.05.602-->
<smses count="5" backup_date="1543600000000" type="full">
  <sms protocol="0" address="+49 171 1234567" date="{DATE}" type="1" subject="null"
       body="Hallo Herr Balschuweit, bitte verkaufen Sie meine Investments.&#10;Gruß Guido"
       toa="null" sc_toa="null" service_center="+491710760000" read="1" status="-1"
       locked="0" date_sent="{DATE - 2000}" readable_date="30.11.2018 10:57:00"
       contact_name="(Unknown)" />
  <sms protocol="0" address="+49 171 1234567" date="{DATE + 60000}" type="2"
       body="Mache ich." read="1" status="-1" contact_name="(Unknown)" />
  <sms protocol="0" address="0160 5555555" date="{DATE + 120000}" type="3"
       body="Entwurf" read="1" status="-1" />
  <mms date="{DATE + 180000}" ct_t="application/vnd.wap.multipart.related" msg_box="1"
       address="+4930123456~+4917198765" sub="null" contact_name="Anna Schulz, Tom">
    <parts>
      <part seq="-1" ct="application/smil" name="null" text="&lt;smil&gt;&lt;/smil&gt;" />
      <part seq="0" ct="image/jpeg" name="IMG_0001.jpg" cl="IMG_0001.jpg" data="/9j/4AAQ" />
      <part seq="0" ct="text/plain" name="null" text="Foto vom Schaden" />
    </parts>
    <addrs>
      <addr address="+4930123456" type="137" charset="106" />
      <addr address="+4917198765" type="151" charset="106" />
    </addrs>
  </mms>
  <mms date="{DATE + 240000}" msg_box="2" address="+4930123456">
    <parts><part ct="text/plain" text="Danke" /></parts>
    <addrs><addr address="+4930123456" type="151" /></addrs>
  </mms>
</smses>
"""


def read(text: str | bytes) -> list:
    data = text.encode("utf-8") if isinstance(text, str) else text
    return list(read_backup(io.BytesIO(data), "sms.xml"))


def test_received_sms_and_mms_are_read_sent_ones_skipped() -> None:
    items = read(BACKUP)
    messages = [i.message for i in items if isinstance(i, Found)]
    assert len(messages) == 2
    sms, mms = messages
    assert sms.channel == "sms"
    assert sms.sender == "+49 171 1234567"
    assert sms.text == "Hallo Herr Balschuweit, bitte verkaufen Sie meine Investments.\nGruß Guido"
    assert sms.at == datetime(2018, 11, 30, 9, 57, tzinfo=UTC)
    assert sms.external_id and sms.external_id.startswith("sms:")
    assert sms.sender_name == ""  # "(Unknown)" is no name to match on
    assert '"service_center"' not in sms.raw and '"body"' in sms.raw
    assert mms.channel == "mms"
    assert mms.sender == "+4930123456"  # the address of type 137
    assert mms.recipients == ("+4917198765",)
    assert mms.text == "Foto vom Schaden"
    assert mms.attachments == ("IMG_0001.jpg",)
    assert mms.sender_name == "Anna Schulz, Tom"
    skipped = [(i.reason, i.value) for i in items if isinstance(i, Skipped)]
    assert skipped == [("outgoing", "Mache ich."), ("outgoing", "Entwurf"), ("outgoing", "Danke")]
    assert not any(i.is_problem for i in items if isinstance(i, Skipped))


def test_ids_are_the_same_in_a_later_backup() -> None:
    first = {i.message.external_id for i in read(BACKUP) if isinstance(i, Found)}
    extra = f'<sms address="+4917100000" date="{DATE + 999}" type="1" body="Neu" />\n</smses>'
    later = BACKUP.replace("</smses>", extra)
    second = [i.message.external_id for i in read(later) if isinstance(i, Found)]
    assert first < set(second)
    assert len(second) == 3


def test_broken_file_keeps_what_came_before_and_names_the_line() -> None:
    cut = BACKUP[: BACKUP.index("<mms")] + '<sms address="1" date="x" type="1" body="a"/>\n<bro'
    items = read(cut)
    assert [type(i).__name__ for i in items].count("Found") == 1
    problems = [(i.reason, i.line) for i in items if isinstance(i, Skipped) and i.is_problem]
    assert problems[0] == ("bad_date", cut.count("\n", 0, cut.index('date="x"')) + 1)
    assert problems[-1][0] == "xml"


def test_entity_declarations_are_refused() -> None:
    bomb = (
        '<?xml version="1.0"?>\n<!DOCTYPE smses [<!ENTITY a "aaaaaaaaaa">'
        '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>\n'
        '<smses><sms address="1" date="1" type="1" body="&b;"/></smses>'
    )
    items = read(bomb)
    assert [(i.reason) for i in items] == ["doctype"]


def test_other_root_elements_are_no_sms_backup() -> None:
    calls = '<?xml version="1.0"?><calls count="1"><call number="1" date="1" type="3"/></calls>'
    assert [(i.reason, i.value) for i in read(calls)] == [("not_sms_backup", "calls")]


def test_streamed_in_chunks(monkeypatch) -> None:
    monkeypatch.setattr(sms_backup, "CHUNK", 7)
    assert len([i for i in read(BACKUP) if isinstance(i, Found)]) == 2


def test_detection() -> None:
    assert looks_like_backup(BACKUP)
    assert not looks_like_backup("<calls></calls>")


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=400))
def test_never_raises_on_any_bytes(data: bytes) -> None:
    for item in read(data):
        assert isinstance(item, Found | Skipped)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.fixed_dictionaries(
            {
                "address": st.text(max_size=12),
                "date": st.one_of(st.integers(), st.text(max_size=8)).map(str),
                "type": st.sampled_from(["1", "2", "x", ""]),
                "body": st.text(max_size=30),
            }
        ),
        max_size=8,
    )
)
def test_never_raises_on_odd_attributes(rows: list[dict[str, str]]) -> None:
    from xml.sax.saxutils import quoteattr

    def allowed(c: str) -> bool:  # XML cannot hold control characters or surrogates at all
        return c in "\t\n\r" or (
            c >= " " and not "\ud800" <= c <= "\udfff" and c not in "\ufffe\uffff"
        )

    def clean(value: str) -> str:
        return "".join(c for c in value if allowed(c))

    sms = "".join(
        "<sms " + " ".join(f"{k}={quoteattr(clean(v))}" for k, v in row.items()) + "/>"
        for row in rows
    )
    items = read(f"<smses>{sms}</smses>")
    assert len(items) == len(rows)

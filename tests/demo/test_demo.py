"""The demo data generator: content, consistency with normalization, determinism."""

from __future__ import annotations

import sqlite3
import time
from collections import defaultdict
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from random import Random

import pytest
from sqlalchemy import Engine, inspect
from sqlmodel import select

from advisor_tui.demo import data as demo_data
from advisor_tui.demo import generate as demo
from advisor_tui.demo import worker as demo_worker
from advisor_tui.demo.fixed import GUIDO_NUMBER
from advisor_tui.demo.generate import generate_demo, local_day
from advisor_tui.demo.people import CITY, People
from advisor_tui.domain.models import AuditEntry, Interaction, Person
from advisor_tui.domain.normalize import normalize_address
from advisor_tui.services.errors import ServiceError
from advisor_tui.storage.db import new_session, open_engine

NOW = datetime(2025, 3, 14, 10, 30, tzinfo=UTC)
PERSONS = 300


def _make(path: Path, persons: int, seed: int = 1) -> Engine:
    engine = open_engine(f"sqlite:///{path}")
    generate_demo(engine, persons=persons, seed=seed, now=NOW)
    return engine


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[sqlite3.Connection]:
    """One demo database for the read-only content checks (built once: keeps tests fast)."""
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    # "Today" is the local day; tests run in the zone conftest sets, so build in it too.
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("TZ", "Europe/Berlin")
        time.tzset()
        _make(path, PERSONS).dispose()
    time.tzset()
    conn = sqlite3.connect(path)
    conn.row_factory = sqlite3.Row
    yield conn
    conn.close()


def _rows(conn: sqlite3.Connection, sql: str, *params: object) -> list[sqlite3.Row]:
    return conn.execute(sql, params).fetchall()


def _stamp(value: datetime) -> str:
    """The stored text of a UTC timestamp (comparable as a string)."""
    return value.astimezone(UTC).replace(tzinfo=None).isoformat(" ", "microseconds")


# -- amounts and mixes -----------------------------------------------------------------


def test_amounts_are_in_proportion(demo_db: sqlite3.Connection) -> None:
    count = {
        t: demo_db.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
        for t in ("person", "address", "interaction", "followup", "request", "consent_event")
    }
    assert count["person"] == PERSONS
    assert 2.6 <= count["address"] / PERSONS <= 3.8
    assert 8 <= count["interaction"] / PERSONS <= 12
    assert count["followup"] > 0 and count["request"] > 5 and count["consent_event"] > 0
    kinds = {r[0] for r in _rows(demo_db, "SELECT DISTINCT kind FROM person")}
    assert kinds == {"customer", "prospect", "former"}


def test_address_mix_as_designed(demo_db: sqlite3.Connection) -> None:
    addresses = _rows(demo_db, "SELECT * FROM address")
    kinds = {(a["kind"], a["scope"]) for a in addresses}
    assert {
        ("mobile", "private"), ("email", "private"), ("email", "business"),
        ("landline", "business"), ("postal", "private"), ("messenger", "private"),
    } <= kinds  # fmt: skip
    domains = {
        a["normalized"].split("@")[1] for a in addresses if a["kind"] == "email" and a["valid"]
    }
    assert {"gmx.de", "web.de", "t-online.de", "gmail.com"} <= domains
    locals_ = [
        a["normalized"].split("@")[0]
        for a in addresses
        if a["scope"] == "business" and a["kind"] == "email"
    ]
    assert any(
        "." in local and len(local.split(".")[0]) > 1 for local in locals_
    )  # vorname.nachname
    assert any(local.split(".")[0].isalpha() and len(local.split(".")[0]) == 1 for local in locals_)
    assert any(
        local in ("info", "office", "kontakt", "service", "mail", "buero") for local in locals_
    )
    assert any(a["is_direct_dial"] for a in addresses)
    postal = [a for a in addresses if a["kind"] == "postal"]
    assert all(a["street"] and len(a["postcode"]) == 5 and a["city"] for a in postal)
    assert any(a["serviceable"] and a["serviceable_at"] for a in postal)
    labels = {a["label"] for a in addresses if a["kind"] == "messenger"}
    assert {"WhatsApp", "Threema"} <= labels or {"Signal", "Threema"} <= labels


def test_evidence_on_a_share_of_addresses(demo_db: sqlite3.Connection) -> None:
    addresses = _rows(demo_db, "SELECT * FROM address WHERE valid")
    share = lambda field: sum(1 for a in addresses if a[field]) / len(addresses)  # noqa: E731
    assert 0.15 < share("confirmed_at") < 0.5
    assert 0.2 < share("last_success_at") < 0.9
    assert 0.01 < share("failed_at") < 0.1
    assert {a["failure_kind"] for a in addresses if a["failed_at"]} >= {
        "bounced", "wrong_number", "returned_letter"
    }  # fmt: skip
    assert all(a["last_success_at"] <= _stamp(NOW) for a in addresses if a["last_success_at"])


def test_stored_normalization_is_what_normalize_address_gives(
    demo_db: sqlite3.Connection,
) -> None:
    for a in _rows(demo_db, "SELECT * FROM address"):
        n = normalize_address(a["kind"], a["raw"])
        got = (
            a["normalized"],
            a["rev_digits"],
            a["phone_type"],
            bool(a["valid"]),
            a["invalid_reason"],
        )
        assert got == (n.normalized, n.rev_digits, n.phone_type, n.valid, n.invalid_reason), a[
            "raw"
        ]


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_generated_numbers_are_valid_german_numbers(seed: int) -> None:
    """Every notation and prefix the generator uses, far more than one database shows."""
    rng = Random(seed)
    people = People(rng, NOW.replace(tzinfo=None), 1)
    firm = people.firm()
    for _ in range(300):
        for kind, phone_type, (nsn, raw) in (
            ("mobile", "mobile", people.mobile()),
            ("landline", "fixed_line", people.landline(CITY(rng)[1])),
            ("landline", "fixed_line", people.direct_dial(firm)),
        ):
            n = normalize_address(kind, raw)
            assert (n.valid, n.normalized, n.phone_type, n.rev_digits) == (
                True, "+49" + nsn, phone_type, nsn[::-1]
            ), raw  # fmt: skip


def test_invalid_values_are_kept_raw_and_flagged(demo_db: sqlite3.Connection) -> None:
    invalid = {a["raw"]: a for a in _rows(demo_db, "SELECT * FROM address WHERE NOT valid")}
    assert {"max@@web", "12345"} <= invalid.keys()
    for a in invalid.values():
        assert a["normalized"] is None and a["invalid_reason"]


# -- households, fixed people, Guido -------------------------------------------------


def test_household_landline_shared_by_two_persons(demo_db: sqlite3.Connection) -> None:
    owners: dict[str, set[int]] = defaultdict(set)
    for a in _rows(demo_db, "SELECT * FROM address WHERE kind='landline' AND scope='private'"):
        owners[a["normalized"]].add(a["person_id"])
    shared = {number: ids for number, ids in owners.items() if len(ids) > 1}
    assert shared["+49221345678"] == {2, 3}  # the Müllers
    assert all(len(ids) == 2 for ids in shared.values())
    assert len(shared) > 3  # random households too
    for ids in shared.values():
        names = {
            r[0] for r in _rows(demo_db, "SELECT last_name FROM person WHERE id IN (?, ?)", *ids)
        }
        assert len(names) == 1


def test_fixed_people_are_there(demo_db: sqlite3.Connection) -> None:
    names = {
        r["id"]: (r["first_name"], r["last_name"])
        for r in _rows(demo_db, "SELECT * FROM person WHERE id <= 8")
    }
    assert names[1] == ("Anna", "Schmidt")
    assert names[2] == ("Thomas", "Müller") and names[3] == ("Sabine", "Müller")
    assert ("Jürgen", "Schäfer") in names.values()
    anna = {
        (a["kind"], a["normalized"]): a
        for a in _rows(demo_db, "SELECT * FROM address WHERE person_id = 1")
    }
    assert ("mobile", "+491711234567") in anna
    assert ("email", "anna.schmidt@hansen-logistik.de") in anna
    assert ("email", "info@hansen-logistik.de") in anna
    assert anna[("landline", "+4940822150214")]["is_direct_dial"]
    assert any(kind == "postal" for kind, _ in anna)
    others = _rows(demo_db, "SELECT id FROM person WHERE first_name='Anna' AND last_name='Schmidt'")
    assert [r[0] for r in others] == [1]
    firm = _rows(
        demo_db, "SELECT DISTINCT person_id FROM address WHERE raw LIKE '%@hansen-logistik.de'"
    )
    assert [r[0] for r in firm] == [1]
    mobile_owners = _rows(
        demo_db, "SELECT DISTINCT person_id FROM address WHERE normalized='+491711234567'"
    )
    assert [r[0] for r in mobile_owners] == [1]


def test_exactly_one_guido(demo_db: sqlite3.Connection) -> None:
    assert "Guido" not in demo_data.MALE_FIRST + demo_data.FEMALE_FIRST
    guidos = _rows(demo_db, "SELECT * FROM person WHERE first_name = 'Guido'")
    assert len(guidos) == 1


def test_the_guido_request_comes_from_an_unknown_number(demo_db: sqlite3.Connection) -> None:
    (message,) = _rows(demo_db, "SELECT * FROM message WHERE text = ?", demo_data.GUIDO_BODY)
    (request,) = _rows(demo_db, "SELECT * FROM request WHERE id = ?", message["request_id"])
    # Only the signature points to Guido: a suggestion (name hint), never an assignment.
    assert request["person_id"] is None and request["match"] == "name_hint"
    (guido,) = _rows(demo_db, "SELECT id FROM person WHERE first_name = 'Guido'")
    assert request["suggested_person_id"] == guido["id"]
    (candidate,) = _rows(demo_db, "SELECT * FROM request_candidate WHERE request_id = ?",
                         request["id"])  # fmt: skip
    assert (candidate["person_id"], candidate["how"]) == (guido["id"], "name_hint")
    assert request["sender_normalized"] == GUIDO_NUMBER and request["status"] == "new"
    assert not _rows(demo_db, "SELECT id FROM address WHERE normalized = ?", GUIDO_NUMBER)
    suffix = GUIDO_NUMBER[::-1][:7]  # last seven digits, reversed
    assert not _rows(demo_db, "SELECT id FROM address WHERE rev_digits GLOB ?", suffix + "*")


def test_guido_stays_unique_at_other_sizes_and_seeds(tmp_path: Path) -> None:
    engine = _make(tmp_path / "g.sqlite3", 1200, seed=7)
    with new_session(engine) as session:
        guidos = session.exec(select(Person).where(Person.first_name == "Guido")).all()
    engine.dispose()
    assert len(guidos) == 1


# -- activity ------------------------------------------------------------------------


def test_interactions_span_two_years(demo_db: sqlite3.Connection) -> None:
    first, last = demo_db.execute(
        "SELECT min(occurred_at), max(occurred_at) FROM interaction"
    ).fetchone()
    assert _stamp(NOW - timedelta(days=731)) <= first < _stamp(NOW - timedelta(days=690))
    assert _stamp(NOW - timedelta(days=14)) < last <= _stamp(NOW)
    rows = _rows(demo_db, "SELECT * FROM interaction")
    assert {r["kind"] for r in rows} == {"call", "email", "message", "meeting", "letter"}
    assert {r["direction"] for r in rows} == {"in", "out"}
    assert {"reached", "no_answer", "voicemail", "sent"} <= {r["outcome"] for r in rows}
    calls = [r for r in rows if r["kind"] == "call" and r["outcome"] == "reached"]
    assert all(r["duration_seconds"] > 0 for r in calls)
    advice = [r for r in rows if r["is_advice_record"]]
    assert advice and all(r["retain_until"] for r in advice)


def test_followups_due_today_overdue_upcoming_done_snoozed(demo_db: sqlite3.Connection) -> None:
    start, end = (_stamp(t.replace(tzinfo=UTC)) for t in local_day(NOW))
    rows = _rows(demo_db, "SELECT * FROM followup")
    open_ = [r for r in rows if r["done_at"] is None and r["snoozed_until"] is None]
    assert any(start <= r["due_at"] <= end for r in open_), "due today"
    assert any(r["due_at"] < start for r in open_), "overdue"
    assert any(r["due_at"] > end for r in open_), "upcoming"
    assert any(r["done_at"] for r in rows), "done"
    assert any(r["snoozed_until"] and r["snoozed_until"] > _stamp(NOW) for r in rows), "snoozed"
    anna_today = [r for r in open_ if r["person_id"] == 1 and start <= r["due_at"] <= end]
    assert anna_today


def test_followups_are_due_in_office_hours_on_working_days(demo_db: sqlite3.Connection) -> None:
    """Nobody sets a follow-up for 02:18 or a Sunday (NOW is a Friday)."""
    from zoneinfo import ZoneInfo

    berlin = ZoneInfo("Europe/Berlin")
    times = [
        datetime.fromisoformat(value).replace(tzinfo=UTC).astimezone(berlin)
        for row in _rows(demo_db, "SELECT due_at, snoozed_until FROM followup")
        for value in row
        if value is not None
    ]
    assert len(times) > 100
    outside = [t for t in times if t.weekday() >= 5 or not 8 <= t.hour < 18]
    assert outside == []
    assert {t.hour for t in times} >= {8, 12, 17}  # spread over the day, not one time


def test_requests_on_several_channels_matched_exactly(demo_db: sqlite3.Connection) -> None:
    requests = _rows(demo_db, "SELECT * FROM request WHERE person_id IS NOT NULL")
    assert {"email", "sms", "whatsapp", "voicemail", "letter", "phone"} <= {
        r["channel"] for r in requests
    }
    assert {"new", "open", "waiting"} <= {r["status"] for r in requests}
    assert {r["kind"] for r in requests} <= {
        "order",
        "question",
        "complaint",
        "callback",
        "change_of_data",
    }
    messages = _rows(demo_db, "SELECT * FROM message")
    assert len(messages) == len(_rows(demo_db, "SELECT id FROM request"))
    assert any(m["channel"] == "email" and "," in m["recipients"] for m in messages)
    for r in requests:
        assert r["match"] == "exact"
        own = _rows(demo_db, "SELECT id FROM address WHERE person_id = ? AND normalized = ?",
                    r["person_id"], r["sender_normalized"])  # fmt: skip
        assert own, r["sender"]
        linked = _rows(demo_db, "SELECT id FROM interaction WHERE request_id = ?", r["id"])
        assert len(linked) == 1
        candidates = _rows(demo_db, "SELECT * FROM request_candidate WHERE request_id = ?", r["id"])
        assert [(c["person_id"], c["how"]) for c in candidates] == [(r["person_id"], "exact")]


def test_the_shared_landline_voicemail_has_both_muellers_as_candidates(
    demo_db: sqlite3.Connection,
) -> None:
    (request,) = _rows(demo_db, "SELECT * FROM request WHERE match = 'shared'")
    assert request["person_id"] is None and request["suggested_person_id"] is None
    candidates = _rows(demo_db, "SELECT * FROM request_candidate WHERE request_id = ?",
                       request["id"])  # fmt: skip
    names = {
        _rows(demo_db, "SELECT first_name FROM person WHERE id = ?", c["person_id"])[0][0]
        for c in candidates
    }
    assert names == {"Thomas", "Sabine"}


def test_consents_and_flags(demo_db: sqlite3.Connection) -> None:
    consents = _rows(demo_db, "SELECT * FROM consent_event")
    assert {c["channel"] for c in consents} == {"phone", "email"}
    assert {c["kind"] for c in consents} == {"granted", "revoked"}
    for flag in ("super", "dissatisfied", "payment"):
        query = "SELECT count(*) FROM flag_event WHERE flag = ? AND action = 'set'"
        flagged = demo_db.execute(query, (flag,)).fetchone()[0]
        assert 1 <= flagged <= PERSONS * 0.06, flag


def test_one_audit_entry_for_the_whole_run(demo_db: sqlite3.Connection) -> None:
    entries = _rows(demo_db, "SELECT * FROM audit_entry")
    assert [e["action"] for e in entries] == ["demo.generate"]
    assert f'"persons": {PERSONS}' in entries[0]["details"]


# -- the database stays sound --------------------------------------------------------


def test_timestamps_read_back_through_the_orm(tmp_path: Path) -> None:
    engine = _make(tmp_path / "t.sqlite3", 60)
    with new_session(engine) as session:
        first = session.exec(select(Interaction).order_by(Interaction.occurred_at)).first()
        assert first is not None and first.occurred_at.tzinfo is not None
        # A record the ORM writes sorts among the bulk-written ones by the same text format.
        session.add(Interaction(person_id=1, kind="call", occurred_at=NOW - timedelta(days=800)))
        session.commit()
        earliest = session.exec(select(Interaction).order_by(Interaction.occurred_at)).first()
        assert earliest is not None and earliest.occurred_at == NOW - timedelta(days=800)
    engine.dispose()


def test_indexes_are_rebuilt_and_new_records_get_fresh_ids(tmp_path: Path) -> None:
    engine = open_engine(f"sqlite:///{tmp_path / 'i.sqlite3'}")
    tables = ("person", "address", "request", "interaction", "followup", "consent_event")
    before = {t: sorted(ix["name"] for ix in inspect(engine).get_indexes(t)) for t in tables}
    stats = generate_demo(engine, persons=50, seed=3, now=NOW)
    after = {t: sorted(ix["name"] for ix in inspect(engine).get_indexes(t)) for t in tables}
    assert after == before
    from advisor_tui.services.persons.editing import PersonData, add_address, add_person

    with new_session(engine) as session:
        person = add_person(session, PersonData("Neu", "Kunde"))
        address = add_address(session, person.id, "mobile", "0170 1111111")
        session.commit()
        assert person.id == 51 and address.id == stats.addresses + 1
    engine.dispose()


def test_same_seed_same_data_other_seed_other_data(tmp_path: Path) -> None:
    def content(path: Path, seed: int) -> list[tuple[object, ...]]:
        _make(path, 200, seed).dispose()
        with sqlite3.connect(path) as conn:
            return (
                conn.execute(
                    "SELECT p.*, a.* FROM person p JOIN address a ON a.person_id = p.id "
                    "ORDER BY a.id"
                ).fetchall()
                + conn.execute("SELECT * FROM interaction ORDER BY id").fetchall()
            )

    one = content(tmp_path / "a.sqlite3", 5)
    assert one == content(tmp_path / "b.sqlite3", 5)
    assert one != content(tmp_path / "c.sqlite3", 6)


def test_worker_process_builds_the_same_data(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def content(path: Path) -> list[tuple[object, ...]]:
        _make(path, 150, seed=4).dispose()
        with sqlite3.connect(path) as conn:
            return [
                row
                for table in (
                    "person",
                    "address",
                    "request",
                    "interaction",
                    "followup",
                    "consent_event",
                )
                for row in conn.execute(f"SELECT * FROM {table} ORDER BY id").fetchall()
            ]

    here = content(tmp_path / "here.sqlite3")
    monkeypatch.setattr(demo, "WORKER_FROM", 1)
    with monkeypatch.context() as patch:
        patch.setattr(demo_worker, "_here", lambda params: pytest.fail("built here, not there"))
        assert content(tmp_path / "worker.sqlite3") == here
    # A worker that cannot run: the rows are built here instead, the same.
    monkeypatch.setattr(demo_worker, "_ENTRY", "raise SystemExit(3)")
    assert content(tmp_path / "fallback.sqlite3") == here


def test_refuses_a_database_with_persons(engine: Engine) -> None:
    generate_demo(engine, persons=20, now=NOW)
    with pytest.raises(ServiceError) as caught:
        generate_demo(engine, persons=20, now=NOW)
    assert caught.value.key == "demo.not_empty"
    with new_session(engine) as session:
        assert len(session.exec(select(Person)).all()) == 20
        assert len(session.exec(select(AuditEntry)).all()) == 1


def test_progress_reports_every_chunk(engine: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(demo, "CHUNK", 100)
    seen: list[int] = []
    generate_demo(engine, persons=250, now=NOW, progress=seen.append)
    assert seen == [100, 200, 250]


def test_tiny_databases_work(engine: Engine) -> None:
    stats = generate_demo(engine, persons=3, now=NOW)
    assert stats.persons == 3 and stats.seconds > 0

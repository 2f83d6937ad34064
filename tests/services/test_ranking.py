"""Ranking service on a real SQLite file: one person, many persons, the JSON shape."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

import pytest
from sqlmodel import Session

from advisor_tui.domain.vocabulary import Scope
from advisor_tui.i18n import set_language
from advisor_tui.services.errors import NotFound
from advisor_tui.services.persons import evidence
from advisor_tui.services.persons.editing import PersonData, add_address, add_person
from advisor_tui.services.persons.ranking import (
    COLD_THRESHOLD,
    address_json,
    hottest,
    rank_for_persons,
    ranked_addresses,
)

NOW = datetime(2026, 6, 1, tzinfo=UTC)

_ADDRESSES = [
    ("mobile", "0171 {n:07d}", Scope.PRIVATE, {}),
    ("mobile", "0160 {n:07d}", Scope.BUSINESS, {}),
    ("landline", "030 {n:07d}", Scope.PRIVATE, {}),
    ("landline", "089 {n:07d}-12", Scope.BUSINESS, {"is_direct_dial": True}),
    ("email", "{first}.{last}@firma.de", Scope.BUSINESS, {}),
    ("email", "info@firma{n}.de", Scope.BUSINESS, {}),
    ("email", "{first}{n}@gmx.de", Scope.PRIVATE, {}),
    ("postal", "Hauptstr. {n}, 10115 Berlin", Scope.PRIVATE, {}),
    ("mobile", "not a number", Scope.PRIVATE, {}),
]


def _populate(session: Session, persons: int, seed: int = 7) -> list[int]:
    rng = random.Random(seed)
    ids = []
    for n in range(persons):
        first, last = rng.choice([("Anna", "Schmidt"), ("Jürgen", "Müller"), ("Eva", "Weiß")])
        person = add_person(session, PersonData(first_name=first, last_name=last))
        assert person.id is not None
        ids.append(person.id)
        for kind, raw, scope, extra in rng.sample(_ADDRESSES, rng.randint(0, 5)):
            text = raw.format(n=1000 + n, first=first.lower(), last=last.lower())
            address = add_address(session, person.id, kind, text, scope=scope, **extra)
            assert address.id is not None
            roll = rng.random()
            when = NOW - timedelta(days=rng.randint(0, 2000))
            if roll < 0.2:
                evidence.confirm_address(session, address.id, when)
            elif roll < 0.3 and kind == "mobile" and address.valid:
                evidence.mark_failed(session, address.id, "wrong_number", when)
    session.commit()
    return ids


def test_rank_for_persons_matches_ranked_addresses(session: Session) -> None:
    ids = _populate(session, 40)
    batch = rank_for_persons(session, [*ids, 999_999], NOW)
    assert set(batch) == set(ids)  # unknown ids are left out, persons without addresses kept
    for pid in ids:
        single = ranked_addresses(session, pid, NOW)
        assert [(r.address.id, r.score, r.rank) for r in batch[pid]] == [
            (r.address.id, r.score, r.rank) for r in single
        ]
        scores = [r.score for r in single]
        assert scores == sorted(scores, reverse=True)
        assert all(r.is_cold == (r.score < COLD_THRESHOLD) for r in single)
        assert sum(r.is_hottest for r in single) == (1 if single and single[0].score > 0 else 0)


def test_rank_for_persons_uses_one_query(session: Session) -> None:
    from sqlalchemy import event

    ids = _populate(session, 50)
    session.expunge_all()
    statements: list[str] = []
    engine = session.get_bind()

    def count(*args: object) -> None:
        statements.append(str(args[2]))

    event.listen(engine, "before_cursor_execute", count)
    try:
        rank_for_persons(session, ids, NOW)
    finally:
        event.remove(engine, "before_cursor_execute", count)
    assert len([s for s in statements if s.lstrip().upper().startswith("SELECT")]) == 1


def test_ranked_addresses_unknown_person(session: Session) -> None:
    with pytest.raises(NotFound):
        ranked_addresses(session, 12345)


def test_address_json_shape_and_language(session: Session) -> None:
    person = add_person(session, PersonData(first_name="Anna", last_name="Schmidt"))
    assert person.id is not None
    add_address(session, person.id, "email", " Anna.Schmidt@Firma.de ", scope=Scope.BUSINESS)
    add_address(session, person.id, "mobile", "0171 1234567", label="Handy")
    add_address(session, person.id, "landline", "12")
    session.commit()
    ranked = ranked_addresses(session, person.id, NOW)
    top = hottest(ranked)
    assert top is not None and top.address.kind == "mobile"
    rows = [address_json(r) for r in ranked]
    required = {"id", "kind", "scope", "label", "value", "normalized", "valid", "score"}
    assert all(required | {"reasons", "hottest", "cold", "rank"} <= row.keys() for row in rows)
    assert rows[0]["hottest"] and rows[0]["label"] == "Handy"
    assert rows[0]["normalized"] == "+491711234567" and rows[0]["value"] == "0171 1234567"
    assert rows[1]["value"] == "Anna.Schmidt@Firma.de"
    assert rows[1]["normalized"] == "anna.schmidt@firma.de"
    assert rows[1]["reasons"] == ["geschäftliche E-Mail mit eigenem Namen"]
    assert rows[2]["valid"] is False and rows[2]["score"] == 0 and rows[2]["cold"]
    set_language("en")
    assert address_json(ranked[1])["reasons"] == ["name-based business e-mail"]
    import json

    json.dumps(rows)  # plain JSON types only

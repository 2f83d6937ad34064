"""Demo complaint register and recommendations, derived from the generated rows.

Every complaint request of the demo gets its register entry (the answered ones
with confirmation and answer dates, the first answered one with a goodwill
decision beyond its guarantee), one question becomes a plain request for
information, and the fixed super customer recommended two persons.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import Connection, insert, select

from advisor_tui.domain.models import Complaint, Message, Person, Recommendation, Request

ANSWER = "Schaden mit dem Versicherer geklärt, Regulierung veranlasst; Ombudsmann genannt."


def add_demo_complaints(conn: Connection, now: datetime) -> int:
    """Register entries for the demo's complaint requests; returns how many were written."""
    req = Request.__table__  # type: ignore[attr-defined]
    person = Person.__table__  # type: ignore[attr-defined]
    rows = conn.execute(
        select(req.c.id, req.c.person_id, req.c.channel, req.c.received_at, req.c.status,
               req.c.kind, person.c.first_name, person.c.last_name)
        .join(person, person.c.id == req.c.person_id)
        .where(req.c.kind.in_(("complaint", "question")))
        .order_by(req.c.received_at, req.c.id)
    ).all()  # fmt: skip
    msg = Message.__table__  # type: ignore[attr-defined]
    texts: dict[int, str] = {}
    for request_id, text in conn.execute(
        select(msg.c.request_id, msg.c.text).order_by(msg.c.id.desc())
    ).all():
        texts[request_id] = " ".join(text.split())  # the first message wins
    entries = []
    goodwill_given = information_given = False
    for rid, pid, channel, received, status, kind, first, last in rows:
        if kind == "question":
            if information_given:
                continue
            information_given = True
        name = f"{first} {last}".strip()
        entry = {
            "person_id": pid, "request_id": rid, "kind": "complaint", "received_at": received,
            "channel": channel, "complainant": name, "reason": "", "answer": "",
            "forwarded_to": "", "status": "open", "goodwill_note": "", "created_at": now,
            "version": 1,
        }  # fmt: skip
        entry["reason"] = texts.get(rid) or "Beschwerde über die Bearbeitung."
        if kind == "question":
            entry["kind"] = "information"
        else:
            if received < now - timedelta(days=1):
                entry["acknowledged_at"] = received + timedelta(days=1)
        if status == "done" and kind == "complaint":
            entry.update(
                status="answered",
                forwarded_at=received + timedelta(days=1),
                forwarded_to="Versicherer, Beschwerdestelle",
                answered_at=received + timedelta(days=6),
                answer=ANSWER,
            )
            if not goodwill_given:
                goodwill_given = True
                entry.update(
                    guarantee_end=(received - timedelta(days=20)).date(),
                    tolerance_days=30,
                    goodwill_note="Kulanz: Garantie knapp abgelaufen, Schaden trotzdem reguliert.",
                )
        entries.append(entry)
    if rows and not goodwill_given:  # an answered complaint from the autumn, with goodwill
        pid, channel, name = rows[0][1], "phone", f"{rows[0][6]} {rows[0][7]}".strip()
        received = now - timedelta(days=45)
        entries.insert(0, {
            "person_id": pid, "request_id": None, "kind": "complaint", "received_at": received,
            "channel": channel, "complainant": name,
            "reason": "Glasbruch am Wintergarten nicht erstattet, Garantie seit drei Wochen "
            "abgelaufen.",
            "acknowledged_at": received + timedelta(days=1),
            "forwarded_at": received + timedelta(days=1),
            "forwarded_to": "Versicherer, Beschwerdestelle",
            "interim_reply_at": received + timedelta(days=8),
            "answered_at": received + timedelta(days=12), "answer": ANSWER, "status": "answered",
            "guarantee_end": (received - timedelta(days=21)).date(), "tolerance_days": 30,
            "goodwill_note": "Kulanz: Garantie knapp abgelaufen, Schaden trotzdem reguliert.",
            "created_at": now, "version": 1,
        })  # fmt: skip
    for entry in entries:
        conn.execute(insert(Complaint.__table__).values(**entry))  # type: ignore[attr-defined]
    return len(entries)


def add_demo_recommendations(conn: Connection, now: datetime) -> None:
    """The first super customer recommended the next two fixed persons."""
    from advisor_tui.domain.models import FlagEvent

    flag = FlagEvent.__table__  # type: ignore[attr-defined]
    first = conn.execute(
        select(flag.c.person_id).where(flag.c.flag == "super").order_by(flag.c.person_id).limit(1)
    ).scalar()
    if first is None:
        return
    people = Person.__table__  # type: ignore[attr-defined]
    for other in (first + 1, first + 2):
        if conn.execute(select(people.c.id).where(people.c.id == other)).first():
            conn.execute(
                insert(Recommendation.__table__).values(  # type: ignore[attr-defined]
                    person_id=other, recommended_by_id=first, note="", created_at=now
                )
            )

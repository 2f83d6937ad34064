"""The text of the ring pop-up: who is calling and what the advisor should know."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from advisor_tui.domain.timestamps import as_utc, utcnow
from advisor_tui.i18n import t, tn
from advisor_tui.i18n.dates import format_date, format_datetime, format_time

if TYPE_CHECKING:
    from advisor_tui.services.calls.context import CallerContext, PersonContext
    from advisor_tui.services.calls.recording import CallerInfo


def person_head(person: PersonContext) -> str:
    """ "Anna Schmidt · Hansen Logistik GmbH ★" """
    head = " · ".join(part for part in (person.name, person.company) if part)
    return f"{head} {person.flags}" if person.flags else head


def _person_facts(person: PersonContext, now: datetime) -> str:
    """The promised callback, open requests and last contact, joined by " · "."""
    facts = []
    if person.callback is not None:
        due = as_utc(person.callback.due_at).astimezone()
        if due.date() == as_utc(now).astimezone().date():
            when = t("ringctx.today", time=format_time(due))
        else:
            when = format_datetime(due, short=True)
        calls = tn("ringctx.calls", person.callback.attempts)
        facts.append(t("ringctx.callback", when=when, calls=calls))
    if person.open_requests:
        facts.append(tn("ringctx.open_requests", person.open_requests))
    if person.last_contact is not None:
        kind = t("interaction." + person.last_contact.kind)
        date = format_date(person.last_contact.at)
        facts.append(t("ringctx.last_contact", date=date, kind=kind))
    return " · ".join(facts)


def _earlier_lines(context: CallerContext) -> list[str]:
    lines = []
    for earlier in context.earlier:
        date = format_date(earlier.at, short=True)
        channel = t("channel." + earlier.channel)
        if earlier.text:
            lines.append(t("ringctx.wrote", date=date, channel=channel, text=earlier.text))
        elif earlier.channel == "phone":
            lines.append(t("ringctx.called", date=date))
        else:
            lines.append(t("ringctx.contacted", date=date, channel=channel))
    return lines


def ring_text(
    caller: CallerInfo,
    key: str,
    context: CallerContext | None = None,
    now: datetime | None = None,
) -> str:
    """The pop-up text for a ringing phone; `key` opens (or chooses) the caller.

    `context` (services.calls.context) adds what the advisor should know:
    company, flags, promised callback, open requests, last contact; for an
    unknown number what it sent before.
    """
    if caller.withheld:
        return t("ring.withheld")
    now = now or utcnow()
    persons = {p.person_id: p for p in context.persons} if context is not None else {}
    names = [c.name for c in caller.candidates]
    if caller.known and len(names) == 1:
        person = persons.get(caller.candidates[0].person_id)
        lines = [person_head(person) if person else names[0], caller.display]
        facts = _person_facts(person, now) if person else ""
        if facts:
            lines.append(facts)
        lines.append(t("ringctx.opens_card", shortcut=key))
        return "\n".join(lines)
    if caller.known:
        lines = [t("ringctx.shared", number=caller.display, names=", ".join(names))]
        for candidate in caller.candidates:
            person = persons.get(candidate.person_id)
            facts = _person_facts(person, now) if person else ""
            if person and (person.company or person.flags or facts):
                lines.append(" – ".join(part for part in (person_head(person), facts) if part))
        lines.append(t("ringctx.choose", shortcut=key))
        return "\n".join(lines)
    if names:
        lines = [t("ringctx.maybe", number=caller.display, name=names[0])]
    else:
        lines = [t("ringctx.unknown", number=caller.display)]
    if context is not None:
        lines += _earlier_lines(context)
    lines.append(t("ringctx.creates", shortcut=key))
    return "\n".join(lines)

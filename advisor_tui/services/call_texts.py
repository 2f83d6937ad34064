"""The rows calls leave behind, in words: stored facts rendered in the reader's language.

Missed and logged calls store no sentence (empty note, subject, body,
summary): the facts are in the row (kind, channel, direction, outcome,
duration, time, the sender) and, for a follow-up or an interaction, the
number in the call key. The card, the CLI and the GDPR export call these
functions; a stored text (rows from before, hand-written notes) wins.

Its own module beside `services.calls`, which it cannot import: calls uses
persons, persons uses gdpr, and gdpr's export renders these rows.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import datetime
from typing import Any

from advisor_tui.domain.models import FollowUp, Interaction, Request
from advisor_tui.domain.phones import DEFAULT_REGION, format_for_display
from advisor_tui.domain.vocabulary import Channel, Direction, FollowUpKind, Outcome
from advisor_tui.i18n import t
from advisor_tui.i18n.dates import format_datetime, format_time

# services.calls.recording.call_key writes "callmonitor:NUMBER:ISO-TIME[:CONN]".
CALL_KEY_PREFIX = "callmonitor:"
WITHHELD_IN_KEY = "withheld"
# A follow-up promised while logging a contact: "contact:ID:KIND:OUTCOME:ISO-TIME".
CONTACT_KEY_PREFIX = "contact:"

Row = FollowUp | Request | Interaction | Mapping[str, Any]


def number_of_call_key(key: str | None) -> tuple[bool, str | None]:
    """(whether `key` is a call key, the number in it or None when withheld)."""
    if not key or not key.startswith(CALL_KEY_PREFIX):
        return False, None
    number = key[len(CALL_KEY_PREFIX) :].split(":", 1)[0]
    return True, (None if number == WITHHELD_IN_KEY else number)


_KEY_TIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:[+-]\d{2}:\d{2})?")


def time_of_call_key(key: str | None) -> datetime | None:
    """The time a call rang, from its call key; None for other keys."""
    if not key or not key.startswith(CALL_KEY_PREFIX):
        return None
    parts = key[len(CALL_KEY_PREFIX) :].split(":", 1)
    match = _KEY_TIME.match(parts[1]) if len(parts) == 2 else None
    if match is None:
        return None
    try:
        return datetime.fromisoformat(match.group(0))
    except ValueError:
        return None


def contact_key(interaction: Interaction) -> str:
    """The key a follow-up promised in a logged contact keeps: its reason when it has no note."""
    return ":".join(
        (
            CONTACT_KEY_PREFIX + str(interaction.id),
            interaction.kind,
            interaction.outcome or "",
            interaction.occurred_at.isoformat(),
        )
    )


def _after_contact(key: str) -> str:
    """ "Nach Anruf am 01.12.2026 10:41 (nicht erreicht)", from a contact key; "" for others."""
    parts = key[len(CONTACT_KEY_PREFIX) :].split(":", 3)
    if len(parts) != 4:
        return ""
    _, kind, outcome, when = parts
    try:
        at = datetime.fromisoformat(when)
    except ValueError:
        return ""
    text = t("followup.after_contact", what=t(f"interaction.{kind}"), when=format_datetime(at))
    return f"{text} ({t(f'outcome.{outcome}')})" if outcome else text


def duration_text(seconds: int | None) -> str:
    """`2:05 min`, or `1:02:05 h` for long calls."""
    total = max(0, seconds or 0)
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours}:{minutes:02d}:{secs:02d} h"
    return f"{minutes}:{secs:02d} min"


def _get(row: Row, name: str) -> Any:
    """A column of a model row or of its JSON form (the GDPR export's dicts)."""
    return row.get(name) if isinstance(row, Mapping) else getattr(row, name, None)


def _moment(value: Any) -> datetime | None:
    if isinstance(value, str):
        try:
            return datetime.fromisoformat(value)
        except ValueError:
            return None
    return value if isinstance(value, datetime) else None


def _number(number: str | None, region: str) -> str:
    if not number:
        return t("calls.withheld")
    return format_for_display(number, region) if number.startswith("+") else number


def followup_text(row: Row, *, region: str = DEFAULT_REGION) -> str:
    """A follow-up's note, or for a missed call's callback "Missed call from … at …"."""
    note = _get(row, "note") or ""
    key = _get(row, "external_id") or ""
    if not note and key.startswith(CONTACT_KEY_PREFIX):
        return _after_contact(key)
    if note or _get(row, "kind") != FollowUpKind.CALLBACK.value:
        return note
    is_call, number = number_of_call_key(_get(row, "external_id"))
    # The time it rang (a callback is due later); rows from before: their due time.
    at = time_of_call_key(_get(row, "external_id")) or _moment(_get(row, "due_at"))
    if not is_call or at is None:
        return note
    return _missed(number, at, region)


def request_text(row: Row, *, region: str = DEFAULT_REGION) -> str:
    """A request's subject (else its body), or for a missed call "Missed call from … at …"."""
    text = _get(row, "subject") or _get(row, "body") or ""
    if text or _get(row, "channel") != Channel.PHONE.value:
        return text
    at = _moment(_get(row, "received_at"))
    if at is None:
        return text
    number = _get(row, "sender_normalized") or _get(row, "sender") or None
    return _missed(number, at, region)


def interaction_text(row: Row, *, region: str = DEFAULT_REGION) -> str:
    """An interaction's summary, or for a logged call "Call from … at … (2:05 min)"."""
    summary = _get(row, "summary") or ""
    if summary or _get(row, "channel") != Channel.PHONE.value:
        return summary
    is_call, number = number_of_call_key(_get(row, "external_id"))
    at = _moment(_get(row, "occurred_at"))
    if not is_call or at is None:
        return summary
    params = {"number": _number(number, region), "time": format_time(at)}
    if _get(row, "direction") == Direction.IN.value:
        return t("calls.text.in", duration=duration_text(_get(row, "duration_seconds")), **params)
    if _get(row, "outcome") == Outcome.NO_ANSWER.value:
        return t("calls.text.out_not_reached", **params)
    return t("calls.text.out", duration=duration_text(_get(row, "duration_seconds")), **params)


def entry_text(row: FollowUp | Request | Interaction, *, region: str = DEFAULT_REGION) -> str:
    """The text of a follow-up, request or interaction: stored, else rendered from its facts."""
    if isinstance(row, FollowUp):
        return followup_text(row, region=region)
    if isinstance(row, Request):
        return request_text(row, region=region)
    return interaction_text(row, region=region)


def _missed(number: str | None, at: datetime, region: str) -> str:
    if not number:
        return t("calls.text.missed_withheld", time=format_time(at))
    return t("calls.text.missed", number=_number(number, region), time=format_time(at))

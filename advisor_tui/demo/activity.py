"""Demo activity for one person: interactions, follow-ups, consents and requests.

Interactions feed the addresses' evidence (a reached call or an incoming
message sets `last_success_at`; a failed address gets the bounce, wrong
number or returned letter that failed it), so the stability score has
something true to read. Rows are tuples in the `*_COLUMNS` order, with
timestamps already turned into bind values (see `Stamps`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from math import log
from random import Random
from typing import Any, Protocol

from advisor_tui.demo import data
from advisor_tui.demo.fixed import GUIDO_NUMBER
from advisor_tui.demo.people import Addr, Picker, Who

Row = tuple[Any, ...]


class Stamps(Protocol):
    """Turns timestamps and dates into bind values (storage.bulk.BulkWriter is one)."""

    ts: Callable[[datetime | None], Any]
    day: Callable[[date | None], Any]
    stamp: Callable[[datetime], Any]  # never None: the cheapest, for hot loops


REQUEST_COLUMNS = (
    "id", "person_id", "match", "suggested_person_id", "channel", "sender",
    "sender_normalized", "kind", "status", "deadline_at", "done_at", "marked_dissatisfied",
    "received_at", "retain_until", "created_at", "updated_at", "version",
)  # fmt: skip
MESSAGE_COLUMNS = (
    "request_id", "channel", "sender", "sender_normalized", "sender_name", "recipient",
    "recipients", "external_id", "thread", "subject", "text", "raw", "attachments",
    "received_at", "created_at",
)  # fmt: skip
CANDIDATE_COLUMNS = ("request_id", "person_id", "how", "reason", "address_id", "created_at")
COMPLAINT_DAYS = 14  # as services.inbox.effects: a complaint's answer is due then
INTERACTION_COLUMNS = (
    "person_id", "address_id", "request_id", "kind", "direction", "channel", "occurred_at",
    "duration_seconds", "outcome", "summary", "is_advice_record", "retain_until", "created_at",
)  # fmt: skip
FOLLOWUP_COLUMNS = (
    "person_id", "request_id", "kind", "due_at", "done_at", "snoozed_until", "note",
    "created_at", "updated_at", "version",
)  # fmt: skip
CONSENT_COLUMNS = (
    "person_id", "channel", "address", "kind", "purpose", "method", "wording", "evidence",
    "recorded_by", "occurred_at", "created_at",
)  # fmt: skip

DAY = timedelta(days=1)
TWO_YEARS = timedelta(days=730)
FAILURE_OUTCOME = {
    "bounced": ("email", "email", "bounced"),
    "wrong_number": ("call", "phone", "wrong_number"),
    "returned_letter": ("letter", "letter", "returned"),
    "unreachable": ("message", None, "no_answer"),
}
CALL_OUTCOMES = ("reached", "no_answer", "voicemail", "busy")
FOLLOWUP_STATE = Picker(("done", "upcoming", "overdue", "today", "snoozed"), (45, 25, 12, 8, 10))
OFFICE_QUARTERS = 40  # 8:00 to 17:45 in quarter hours: when demo follow-ups are due
FOLLOWUP_KIND = Picker(("callback", "follow_up", "campaign_call"), (30, 50, 20))
REQUEST_CHANNEL = Picker(
    ("email", "sms", "whatsapp", "voicemail", "phone", "letter", "signal"),
    (35, 12, 15, 10, 10, 8, 3),
)
REQUEST_KIND = Picker(
    ("order", "question", "complaint", "callback", "change_of_data"), (20, 30, 10, 25, 15)
)
REQUEST_STATUS = Picker(("new", "open", "waiting", "done"), (35, 30, 15, 20))
PHONE_CHANNELS = ("voicemail", "phone")
TEXT_CHANNELS = ("sms", "whatsapp", "signal")


@dataclass
class Rows:
    """The rows of one chunk, each list in its table's `*_COLUMNS` order."""

    persons: list[Row] = field(default_factory=list)
    addresses: list[Row] = field(default_factory=list)
    requests: list[Row] = field(default_factory=list)
    messages: list[Row] = field(default_factory=list)
    request_candidates: list[Row] = field(default_factory=list)
    interactions: list[Row] = field(default_factory=list)
    followups: list[Row] = field(default_factory=list)
    consents: list[Row] = field(default_factory=list)
    flag_events: list[Row] = field(default_factory=list)


class Activity:
    """Adds one person's activity rows to the chunk's lists."""

    def __init__(
        self,
        rng: Random,
        now: datetime,
        today: tuple[datetime, datetime],
        stamps: Stamps,
        first_request_id: int,
        seed: int,
    ) -> None:
        self.rng, self.now, self.seed = rng, now, seed
        self.ts, self.day, self.stamp = stamps.ts, stamps.day, stamps.stamp
        self.day_start, self.day_end = today  # the local calendar day, as naive UTC
        self.next_request_id = first_request_id
        self.rows = Rows()  # the current chunk's rows; the builder swaps in a fresh one

    def _pick(self, items: Sequence[Any]) -> Any:
        return items[self.rng.randrange(len(items))]

    def _when(self, start: datetime, end: datetime) -> datetime:
        span = int((end - start).total_seconds())
        return start + timedelta(seconds=self.rng.randrange(max(span, 1)))

    def _office_time(self, when: datetime) -> datetime:
        """`when` moved into office hours (8:00-17:45 local, Monday to Friday), same day if it can.

        A follow-up due at 02:18 or on a Sunday is nothing an advisor would set. The time of
        day comes from `when` itself (no random draw), so the rest of the demo stays as it was.
        Times here are naive UTC; office hours are local (summer time included).
        """
        local = when.replace(tzinfo=UTC).astimezone()
        today = self.day_start.replace(tzinfo=UTC).astimezone().date()
        day = local.date()
        if day < today and day.weekday() >= 5:
            day -= timedelta(days=day.weekday() - 4)  # back to Friday
        elif day > today and day.weekday() >= 5:
            day += timedelta(days=7 - day.weekday())  # on to Monday
        quarter = (local.hour * 60 + local.minute) // 15 % OFFICE_QUARTERS
        start = datetime(day.year, day.month, day.day, 8) + timedelta(minutes=15 * quarter)
        return start.astimezone(UTC).replace(tzinfo=None)  # naive = local time here

    def _retain(self, when: datetime) -> Any:
        """FinVermV §23: advice records are kept ten years."""
        return self.day(date(when.year + 10, when.month, min(when.day, 28)))

    # -- interactions ----------------------------------------------------------------
    def interactions(self, who: Who, count: int) -> None:
        # The hot loop of the whole generator (~10 per person): plain float draws
        # and local names, no helper calls.
        rand, stamp_of, out = self.rng.random, self.stamp, self.rows.interactions.append
        start = max(who.created, self.now - TWO_YEARS)
        end = self.now - timedelta(days=150) if who.kind == "former" else self.now
        end = max(end, start + DAY)
        span = int((end - start).total_seconds())
        usable = [a for a in who.addrs if a.usable]
        phones = [a for a in usable if a.kind in ("mobile", "landline")]
        mails = [a for a in usable if a.kind == "email"]
        texts = [a for a in usable if a.kind == "mobile" or a.label in ("WhatsApp", "Signal")]
        posts = [a for a in usable if a.kind == "postal"]
        reached, missed = data.SUMMARIES_CALL_REACHED, data.SUMMARIES_CALL_MISSED
        mail_in, mail_out = data.SUMMARIES_EMAIL_IN, data.SUMMARIES_EMAIL_OUT
        messages, meetings, letters = (
            data.SUMMARIES_MESSAGE,
            data.SUMMARIES_MEETING,
            data.SUMMARIES_LETTER,
        )
        for _ in range(count):
            when = start + timedelta(seconds=int(rand() * span))
            stamp = stamp_of(when)
            r = rand()
            addr: Addr | None = None
            advice = False
            duration: int | None = None
            outcome: str | None
            if r < 0.55 and phones:
                addr = phones[int(rand() * len(phones))]
                kind, channel = "call", "phone"
                direction = "in" if rand() < 0.35 else "out"
                o = rand()
                if direction == "in":
                    outcome = "reached" if o < 0.85 else "no_answer"
                else:
                    outcome = CALL_OUTCOMES[(o >= 0.6) + (o >= 0.8) + (o >= 0.93)]
                if outcome == "reached":
                    duration = min(20 + int(-240 * log(1.0 - rand())), 5400)  # exponential
                    summary = reached[int(rand() * len(reached))]
                    advice = duration > 900 and rand() < 0.5
                    success = True
                else:
                    duration = 15 + int(rand() * 46) if outcome == "voicemail" else 0
                    summary = missed[int(rand() * len(missed))]
                    success = False
            elif r < 0.75 and mails:
                addr = mails[int(rand() * len(mails))]
                kind = channel = "email"
                if rand() < 0.4:
                    direction, outcome, success = "in", None, True
                    summary = mail_in[int(rand() * len(mail_in))]
                else:
                    direction, outcome, success = "out", "sent", False
                    summary = mail_out[int(rand() * len(mail_out))]
            elif r < 0.85 and texts:
                addr = texts[int(rand() * len(texts))]
                kind = "message"
                if addr.kind == "messenger":
                    channel = addr.label.lower()
                else:
                    channel = "sms" if rand() < 0.6 else "whatsapp"
                if rand() < 0.5:
                    direction, outcome, success = "in", None, True
                else:
                    direction, outcome, success = "out", "sent", False
                summary = messages[int(rand() * len(messages))]
            elif r < 0.95 or not posts:
                kind, channel, direction, outcome = "meeting", None, "out", "reached"
                duration = (3 + int(rand() * 10)) * 600
                summary = meetings[int(rand() * len(meetings))]
                advice = rand() < 0.6
                success = False
            else:
                addr = posts[int(rand() * len(posts))]
                kind = channel = "letter"
                direction, outcome = "out", "sent"
                summary = letters[int(rand() * len(letters))]
                success = False
            if success:
                last = addr.last_success_at  # type: ignore[union-attr]
                if last is None or when > last:
                    addr.last_success_at = when  # type: ignore[union-attr]
            out(
                (
                    who.id, addr.id if addr else None, None, kind, direction, channel, stamp,
                    duration, outcome, summary, advice, self._retain(when) if advice else None,
                    stamp,
                )
            )  # fmt: skip
        for addr in who.addrs:
            if addr.failed_at is not None and addr.failure_kind:
                kind, channel, outcome = FAILURE_OUTCOME[addr.failure_kind]
                stamp = self.stamp(addr.failed_at)
                out(
                    (
                        who.id, addr.id, None, kind, "out", channel, stamp, 0 if kind == "call"
                        else None, outcome, "Adresse funktioniert nicht mehr", False, None, stamp,
                    )
                )  # fmt: skip

    # -- follow-ups ------------------------------------------------------------------
    def followup(
        self, who: Who, kind: str, state: str, note: str, request_id: int | None = None
    ) -> None:
        rng, now = self.rng, self.now
        done = snoozed = None
        if state == "today":
            due = self._when(self.day_start, self.day_end)
        elif state == "overdue":
            due = self.day_start - timedelta(seconds=rng.randrange(60, 30 * 86400))
        elif state == "upcoming":
            due = self.day_end + timedelta(seconds=rng.randrange(60, 60 * 86400))
        elif state == "snoozed":
            due = self.day_start - timedelta(seconds=rng.randrange(60, 14 * 86400))
            snoozed = self.day_end + timedelta(seconds=rng.randrange(60, 7 * 86400))
        else:  # done
            due = self._when(max(who.created, now - TWO_YEARS), now - DAY)
            done = min(due + timedelta(seconds=rng.randrange(3 * 86400)), now)
        due = self._office_time(due)
        if snoozed is not None:
            snoozed = self._office_time(snoozed)
        if done is not None:
            done = min(max(done, due), now)
        created = min(due, now) - timedelta(seconds=rng.randrange(3600, 20 * 86400))
        updated = done or (now if snoozed else None)
        self.rows.followups.append(
            (
                who.id, request_id, kind, self.ts(due), self.ts(done), self.ts(snoozed), note,
                self.ts(created), self.ts(updated), 1 if updated is None else 2,
            )
        )  # fmt: skip

    def random_followups(self, who: Who) -> None:
        rng = self.rng
        r = rng.random()
        count = 0 if who.kind == "former" or r >= 0.36 else (2 if r < 0.06 else 1)
        if who.dissatisfied:
            self.followup(who, "complaint_deadline", "upcoming", data.FOLLOWUP_NOTES[
                "complaint_deadline"][0])  # fmt: skip
        for _ in range(count):
            kind = FOLLOWUP_KIND(rng)
            self.followup(who, kind, FOLLOWUP_STATE(rng), self._pick(data.FOLLOWUP_NOTES[kind]))

    # -- consents --------------------------------------------------------------------
    def consent(self, who: Who, channel: str, granted: bool) -> None:
        """Ledger events: a grant, and for some a later revocation (random draws as before)."""
        given = self._when(who.created, self.now)
        revoked = None if granted else self._when(given, self.now)
        stamp = self.ts(given)
        how = self._pick(data.CONSENT_HOW)
        self.rows.consents.append(
            (who.id, channel, "", "granted", "", "conversation", "", how, "demo", stamp, stamp)
        )
        if revoked is not None:
            gone = self.ts(revoked)
            self.rows.consents.append(
                (who.id, channel, "", "revoked", "", "conversation", "", "", "demo", gone, gone)
            )

    def random_consents(self, who: Who) -> None:
        rng = self.rng
        if rng.random() >= 0.45:
            return
        for channel, share in (("phone", 0.8), ("email", 0.7)):
            if rng.random() < share:
                self.consent(who, channel, rng.random() < 0.88)

    # -- requests --------------------------------------------------------------------
    def _sender(self, who: Who, channel: str) -> Addr | None:
        """One of the person's own addresses for `channel` (never a shared one:
        those match several people, and these requests are exact matches)."""
        own = [a for a in who.addrs if a.usable and not a.shared]
        if channel == "email":
            options = [a for a in own if a.kind == "email"]
        elif channel == "letter":
            options = [a for a in own if a.kind == "postal"]
        elif channel in PHONE_CHANNELS:
            options = [a for a in own if a.kind in ("mobile", "landline")]
        else:
            label = channel.capitalize()
            options = [a for a in own if a.label == label]
            options = options or [a for a in own if a.kind == "mobile"]
        return self._pick(options) if options else None

    def request(
        self,
        who: Who | None,
        channel: str,
        kind: str,
        status: str,
        subject: str,
        body: str,
        sender: Addr | None,
        *,
        received: datetime,
        recipients: tuple[str, ...] = (),
        match: tuple[str, int | None, tuple[tuple[int, str], ...]] | None = None,
        sender_raw: str = "",
    ) -> int:
        """Add one request (its message, the incoming interaction it is); returns its id.

        `match` is how an unknown sender matched: (how, the one suggestion,
        ((candidate id, reason), ...)); a person's own request matches exactly.
        """
        rid = self.next_request_id
        self.next_request_id += 1
        if sender is not None:
            raw = sender.raw if channel in ("email", "letter") else sender.norm.normalized
            normalized = sender.norm.normalized
        else:
            raw = normalized = sender_raw or GUIDO_NUMBER
        name = f"{who.first} {who.last}" if who and channel == "email" else ""
        if not recipients:
            if channel == "email":
                recipients = data.ADVISOR_EMAILS[:1]
            elif channel != "letter":
                recipients = data.ADVISOR_PHONES[1:] if channel in TEXT_CHANNELS else (
                    data.ADVISOR_PHONES[:1])  # fmt: skip
        message_id = None
        if channel == "email" and raw:
            message_id = f"<{rid}.{self.seed}.demo@{raw.rpartition('@')[2].lower()}>"
        stamp = self.ts(received)
        updated = self.ts(self.now) if status != "new" else None
        how, suggested, candidates = match or ("unknown", None, ())
        if who is not None:
            how, candidates = "exact", ((who.id, normalized or raw or ""),)
        deadline = None
        if kind == "complaint":
            deadline = self.ts(received + timedelta(days=COMPLAINT_DAYS))
        self.rows.requests.append(
            (
                rid, who.id if who else None, how, suggested, channel, raw, normalized, kind,
                status, deadline, updated if status == "done" else None, False, stamp, None,
                stamp, updated, 1 if updated is None else 2,
            )
        )  # fmt: skip
        self.rows.messages.append(
            (
                rid, channel, raw, normalized, name, recipients[0] if recipients else "",
                ", ".join(recipients), message_id, "", subject, body, "", "", stamp, stamp,
            )
        )  # fmt: skip
        for person_id, reason in candidates:
            cand_how = how if who is None else "exact"
            self.rows.request_candidates.append(
                (rid, person_id, cand_how, reason, sender.id if who and sender else None, stamp)
            )
        if who is not None:
            ikind = {"email": "email", "letter": "letter"}.get(channel)
            ikind = ikind or ("call" if channel in PHONE_CHANNELS else "message")
            outcome = "voicemail" if channel == "voicemail" else None
            ichannel = "voicemail" if channel == "voicemail" else channel
            self.rows.interactions.append(
                (
                    who.id, sender.id if sender else None, rid, ikind, "in", ichannel, stamp,
                    None, outcome, subject or body[:60], False, None, stamp,
                )
            )  # fmt: skip
        return rid

    def random_request(self, who: Who, kind: str | None = None) -> None:
        rng = self.rng
        channel = REQUEST_CHANNEL(rng)
        if kind == "complaint" and channel == "phone":
            channel = "voicemail"  # a missed call carries no complaint text
        sender = self._sender(who, channel)
        if sender is None:
            channel = "email" if channel != "email" else "sms"
            sender = self._sender(who, channel)
            if sender is None:
                return
        if kind is None:
            kind = "callback" if channel in PHONE_CHANNELS else REQUEST_KIND(rng)
        status = "open" if kind == "complaint" and who.dissatisfied else REQUEST_STATUS(rng)
        subject, body = self._pick(data.REQUEST_TEXTS[kind])
        body = body.format(first=who.first)
        if channel == "voicemail":
            body = f"Nachricht auf der Mailbox: {body}"
        elif channel == "phone":
            body = "Anruf in Abwesenheit, bitte zurückrufen."
        if channel not in ("email", "letter"):
            subject = ""
        received = self._received(who, status)
        recipients: tuple[str, ...] = ()
        if channel == "email" and rng.random() < 0.15:
            recipients = data.ADVISOR_EMAILS[:2]
        rid = self.request(
            who, channel, kind, status, subject, body, sender,
            received=received, recipients=recipients,
        )  # fmt: skip
        if status != "done":
            fkind = {"complaint": "complaint_deadline", "callback": "callback"}.get(
                kind, "follow_up"
            )
            state = ("today", "upcoming", "overdue")[rng.randrange(3)]
            self.followup(who, fkind, state, f"Eingang: {subject or body[:40]}", rid)

    def _received(self, who: Who, status: str) -> datetime:
        rng, now = self.rng, self.now
        if status == "new":
            return now - timedelta(seconds=rng.randrange(600, 2 * 86400))
        if status in ("open", "waiting"):
            return now - timedelta(seconds=rng.randrange(86400, 14 * 86400))
        return self._when(max(who.created, now - TWO_YEARS), now - 14 * DAY)

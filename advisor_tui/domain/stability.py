"""Address stability: how likely an address still reaches its person (0..100), and why.

`score_address(address, person, now)` is a pure function: it reads the address
(kind, scope, normalized value, validity, flags and evidence timestamps), the
person's name (for e-mail local parts) and "now", and returns a `Stability`:
the score and the `Reason`s behind it, each with the points it contributed.
The UI, the CLI and reminders all rank by it (`services.persons.ranking`).

The model (all weights are the named constants below; docs/stability.md has
the same table for the README):

    kept  = base + serviceable + preferred
    rest  = kept - decay(kept, age without evidence)
    score = clamp(round(rest + evidence_share * fade * (100 - rest) - failure), 0, 100)

1. **Invalid** addresses (the normalizer could not parse them) score 0, reason "invalid".
2. **Base** by kind and scope (`BASE`): private mobile 90, messenger 70 (private),
   private landline 65, business mobile 60, postal 50 (private) / 40 (business),
   business switchboard landline 45, social 45/40, fax 20/30. A business
   direct-dial extension (`is_direct_dial`) is 25: people change desks and jobs.
   E-mail by what the address says about its owner (`domain.mailboxes`):
   private or freemail (gmx.de, web.de, gmail.com, yahoo.* ...; freemail counts
   as private whatever the scope) 80; business local part built from the
   person's own name (anna.schmidt@, a.schmidt@, schmidt@, anna-schmidt@,
   umlauts folded) 75; first name only (anna@) 65; other business 50;
   generic mailbox (info@, office@, kontakt@ ...) 30.
3. **Marks**: a postal address marked serviceable (ladungsfähig) +10; an address
   marked preferred +5.
4. **Evidence**: fresh positive evidence closes a share of the gap between the
   decayed score and 100: "reached" (`last_success_at`) 60 % of it, "confirmed"
   (`confirmed_at`, or `serviceable_at` of a serviceable address) 40 %. Only
   the best one counts, and it fades linearly to nothing over
   `EVIDENCE_FADE_DAYS` (365). A gap share rather than fixed points lets a
   weak address that demonstrably works (info@ of the customer's own firm,
   answered last week) overtake a strong one nobody has used for years.
5. **Failure** (`failed_at`, `failure_kind`): wrong number -70, bounced -60,
   returned letter -60, unreachable -35. A failure at or after the latest
   positive evidence counts fully and cancels the evidence bonus; a failure
   that was followed by newer positive evidence counts only
   `FAILURE_SUPERSEDED_FACTOR` (a quarter). A wrong number marked on another
   address of the person with the same number (mobile and its WhatsApp)
   counts too (`related`).
6. **Decay**: after `DECAY_GRACE_DAYS` (180) without evidence, measured from the
   latest of confirmed, reached, serviceable-checked and created, base and
   marks lose a share per year (`DECAY_PER_YEAR`), at most `DECAY_MAX` (50 %):
   postal and direct dial 10 %/year (people move, desks change), fax 8 %,
   landline and social 6 %, e-mail and messenger 4 %, mobile 3 % (people keep
   their mobile number). A share rather than fixed points keeps the order of
   kinds stable as everything ages: old addresses turn cold, not worthless.

Properties the tests check: the score stays within 0..100; a failure never
raises it (see `merged_failure` for combining two failures); a confirmation
never lowers it; with no new evidence it never rises as `now` advances.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Protocol

from advisor_tui.domain.mailboxes import LocalPart, classify_local_part, is_freemail
from advisor_tui.domain.reasons import Reason, Stability
from advisor_tui.domain.vocabulary import AddressKind, FailureKind, Scope

# --- weights: the one place they are written down -------------------------------------
BASE: dict[tuple[str, str], int] = {
    (AddressKind.MOBILE, Scope.PRIVATE): 90,
    (AddressKind.MOBILE, Scope.BUSINESS): 60,
    (AddressKind.MESSENGER, Scope.PRIVATE): 70,
    (AddressKind.MESSENGER, Scope.BUSINESS): 50,
    (AddressKind.LANDLINE, Scope.PRIVATE): 65,
    (AddressKind.LANDLINE, Scope.BUSINESS): 45,  # the firm's switchboard
    (AddressKind.POSTAL, Scope.PRIVATE): 50,
    (AddressKind.POSTAL, Scope.BUSINESS): 40,
    (AddressKind.SOCIAL, Scope.PRIVATE): 45,
    (AddressKind.SOCIAL, Scope.BUSINESS): 40,
    (AddressKind.FAX, Scope.PRIVATE): 20,
    (AddressKind.FAX, Scope.BUSINESS): 30,
}
DIRECT_DIAL = 25  # business extension (Durchwahl), replaces the landline base
UNKNOWN_KIND = 30  # a kind this version does not know (newer database)
EMAIL_PRIVATE = 80  # private scope, or any freemail domain
EMAIL_NAME = 75  # business, local part from the person's full name
EMAIL_FIRST_NAME = 65  # business, first name only
EMAIL_BUSINESS = 50  # business, neither name nor generic
EMAIL_GENERIC = 30  # info@, office@, kontakt@ ...

SERVICEABLE_BONUS = 10  # postal, ladungsfähig
PREFERRED_BONUS = 5

# Fresh evidence closes this share of the gap between the (decayed) score and 100.
SUCCESS_SHARE = 0.6  # reached the person on it
CONFIRM_SHARE = 0.4  # confirmed "still valid" (or checked serviceable)
EVIDENCE_FADE_DAYS = 365  # the bonus fades linearly to 0 over this time

FAILURE_PENALTY: dict[str, int] = {
    FailureKind.WRONG_NUMBER: 70,
    FailureKind.BOUNCED: 60,
    FailureKind.RETURNED_LETTER: 60,
    FailureKind.UNREACHABLE: 35,
}
UNKNOWN_FAILURE_PENALTY = 60
FAILURE_SUPERSEDED_FACTOR = 0.25  # a failure followed by newer positive evidence

DECAY_GRACE_DAYS = 180
# Share of (base + marks) lost per year without evidence, after the grace period.
DECAY_PER_YEAR: dict[str, float] = {
    AddressKind.POSTAL: 0.10,
    AddressKind.FAX: 0.08,
    AddressKind.LANDLINE: 0.06,
    AddressKind.SOCIAL: 0.06,
    AddressKind.EMAIL: 0.04,
    AddressKind.MESSENGER: 0.04,
    AddressKind.MOBILE: 0.03,
}
DIRECT_DIAL_DECAY_PER_YEAR = 0.10
UNKNOWN_DECAY_PER_YEAR = 0.06
DECAY_MAX = 0.50  # never more than half: an old address is cold, not worthless

_DAY_SECONDS = 86_400.0


class AddressLike(Protocol):
    """The fields of `models.Address` the score reads."""

    kind: str
    scope: str
    normalized: str | None
    valid: bool
    invalid_reason: str | None
    is_direct_dial: bool
    serviceable: bool
    serviceable_at: datetime | None
    confirmed_at: datetime | None
    last_success_at: datetime | None
    failed_at: datetime | None
    failure_kind: str | None
    is_preferred: bool
    created_at: datetime


class PersonLike(Protocol):
    first_name: str
    last_name: str


def _aware(value: datetime) -> datetime:
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value


def _days(since: datetime, now: datetime) -> float:
    return max(0.0, (_aware(now) - _aware(since)).total_seconds() / _DAY_SECONDS)


def _latest(*values: datetime | None) -> datetime | None:
    present = [_aware(v) for v in values if v is not None]
    return max(present) if present else None


def positive_evidence_at(address: AddressLike) -> datetime | None:
    """The latest time the address was confirmed, reached or checked serviceable."""
    checked = address.serviceable_at if address.serviceable else None
    return _latest(address.confirmed_at, address.last_success_at, checked)


def failure_is_active(address: AddressLike) -> bool:
    """A failure counts fully unless newer positive evidence followed it."""
    if address.failed_at is None:
        return False
    positive = positive_evidence_at(address)
    return positive is None or _aware(address.failed_at) >= positive


def failure_penalty(kind: str | None) -> int:
    return FAILURE_PENALTY.get(kind or "", UNKNOWN_FAILURE_PENALTY)


def merged_failure(address: AddressLike, kind: str, when: datetime) -> tuple[datetime, str]:
    """(failed_at, failure_kind) after recording a new failure of `kind` at `when`.

    Only one failure is stored, so a second one keeps the later date and, while
    the earlier one still counts, the more severe kind: recording a failure can
    never make an address look better.
    """
    if address.failed_at is None or not address.failure_kind:
        return when, kind
    failed_at = max(_aware(address.failed_at), _aware(when))
    positive = positive_evidence_at(address)
    if not failure_is_active(address) and positive is not None and _aware(when) >= positive:
        return failed_at, kind  # the old failure was superseded; the new one stands alone
    worse = max((address.failure_kind, kind), key=failure_penalty)
    return failed_at, worse


def _base(address: AddressLike, person: PersonLike | None) -> Reason:
    kind, scope = address.kind, address.scope
    if kind == AddressKind.EMAIL:
        return _email_base(address, person)
    if kind == AddressKind.LANDLINE and address.is_direct_dial:
        return Reason("stab.direct_dial", points=DIRECT_DIAL)
    points = BASE.get((kind, scope))
    if points is None:
        return Reason("stab.unknown_kind", {"kind": kind}, UNKNOWN_KIND)
    return Reason(f"stab.{kind}_{scope}", points=points)


def _email_base(address: AddressLike, person: PersonLike | None) -> Reason:
    local, _, domain = (address.normalized or "").rpartition("@")
    if is_freemail(domain):
        if address.scope == Scope.PRIVATE:
            return Reason("stab.email_private", points=EMAIL_PRIVATE)
        return Reason("stab.email_freemail", {"domain": domain}, EMAIL_PRIVATE)
    first = person.first_name if person else ""
    last = person.last_name if person else ""
    local_kind = classify_local_part(local, first, last)
    if local_kind is LocalPart.GENERIC:
        return Reason("stab.email_generic", {"local": local}, EMAIL_GENERIC)
    if address.scope == Scope.PRIVATE:
        return Reason("stab.email_private", points=EMAIL_PRIVATE)
    if local_kind is LocalPart.FULL_NAME:
        return Reason("stab.email_name", points=EMAIL_NAME)
    if local_kind is LocalPart.FIRST_NAME:
        return Reason("stab.email_first_name", points=EMAIL_FIRST_NAME)
    return Reason("stab.email_business", points=EMAIL_BUSINESS)


def _evidence(address: AddressLike, now: datetime, kept: float) -> list[tuple[Reason, float]]:
    """Positive evidence, each with the bonus it would give; the caller uses the best."""
    found: list[tuple[Reason, float]] = []
    checked = address.serviceable_at if address.serviceable else None
    for when, key, share in (
        (address.last_success_at, "stab.reached", SUCCESS_SHARE),
        (address.confirmed_at, "stab.confirmed", CONFIRM_SHARE),
        (checked, "stab.serviceable_checked", CONFIRM_SHARE),
    ):
        if when is None:
            continue
        days = _days(when, now)
        fade = max(0.0, 1 - days / EVIDENCE_FADE_DAYS)
        # Evidence closes a share of the gap to 100: it lifts a weak address more.
        found.append((Reason(key, {"date": when, "days": int(days)}), share * fade * (100 - kept)))
    return found


def _decay(address: AddressLike, now: datetime, kept: int) -> tuple[Reason, float] | None:
    """The points lost from `kept` (base and marks) for time without evidence."""
    reference = _latest(positive_evidence_at(address), address.created_at)
    if reference is None or kept <= 0:
        return None
    days = _days(reference, now)
    if days <= DECAY_GRACE_DAYS:
        return None
    if address.kind == AddressKind.LANDLINE and address.is_direct_dial:
        rate = DIRECT_DIAL_DECAY_PER_YEAR
    else:
        rate = DECAY_PER_YEAR.get(address.kind, UNKNOWN_DECAY_PER_YEAR)
    share = min(DECAY_MAX, rate * (days - DECAY_GRACE_DAYS) / 365.0)
    key = "stab.no_evidence" if reference == _aware(address.created_at) else "stab.no_new_evidence"
    return Reason(key, {"days": int(days)}), share * kept


def _failure(
    address: AddressLike, related: Sequence[AddressLike]
) -> tuple[Reason, float, bool] | None:
    """(reason, penalty, active) of the failure that counts, if any.

    A wrong number recorded on another address with the same number (the
    WhatsApp of a mobile) counts here too, unless this address has newer
    positive evidence of its own.
    """
    positive = positive_evidence_at(address)
    candidates: list[tuple[datetime, str, str]] = []
    if address.failed_at is not None:
        kind = address.failure_kind or ""
        key = f"stab.failed.{kind}" if kind in FAILURE_PENALTY else "stab.failed.other"
        candidates.append((_aware(address.failed_at), kind, key))
    for other in related:
        if other.failed_at is not None and other.failure_kind == FailureKind.WRONG_NUMBER:
            candidates.append(
                (_aware(other.failed_at), other.failure_kind, "stab.same_number_wrong")
            )
    active = [c for c in candidates if positive is None or c[0] >= positive]
    if active:
        when, kind, key = max(active, key=lambda c: (failure_penalty(c[1]), c[0]))
        return Reason(key, {"date": when}), float(failure_penalty(kind)), True
    if address.failed_at is None:
        return None
    when, kind, key = candidates[0]
    superseded = Reason("stab.failed_superseded", {"failure": Reason(key, {"date": when})})
    return superseded, failure_penalty(kind) * FAILURE_SUPERSEDED_FACTOR, False


def _round(value: float) -> int:
    # Half up, not to even: monotone and what people expect.
    return math.floor(value + 0.5)


def score_address(
    address: AddressLike,
    person: PersonLike | None,
    now: datetime,
    related: Sequence[AddressLike] = (),
) -> Stability:
    """The stability score (0..100) of `address` for `person` at time `now`, with reasons.

    `related`: the person's other addresses with the same normalized value
    (a mobile and its messenger), whose wrong-number mark applies here too.
    """
    if not address.valid:
        if address.invalid_reason:
            # The reason is a code with a catalog text (older, English reasons show as stored).
            detail = Reason(address.invalid_reason)
            return Stability(0, [Reason("stab.invalid", {"detail": detail}, 0)])
        return Stability(0, [Reason("stab.invalid_plain", points=0)])
    fixed = [_base(address, person)]
    if address.kind == AddressKind.POSTAL and address.serviceable:
        fixed.append(Reason("stab.serviceable", points=SERVICEABLE_BONUS))
    if address.is_preferred:
        fixed.append(Reason("stab.preferred", points=PREFERRED_BONUS))
    kept = sum(r.points or 0 for r in fixed)
    # Signed float contributions, rounded once at the end so the total stays monotone.
    parts: list[tuple[Reason, float]] = []
    failure = _failure(address, related)
    active = failure is not None and failure[2]
    if failure is not None:
        parts.append((failure[0], -failure[1]))
    decay = _decay(address, now, kept)
    remaining = kept - (decay[1] if decay else 0.0)
    evidence = _evidence(address, now, remaining)
    best = max(range(len(evidence)), key=lambda i: evidence[i][1], default=None)
    for i, (reason, bonus) in enumerate(evidence):
        parts.append((reason, bonus if i == best and not active else 0.0))
    if decay is not None:
        parts.append((decay[0], -decay[1]))
    total = _round(kept + sum(value for _, value in parts))
    points = [_round(value) for _, value in parts]
    if parts:
        # Let the shown points add up to the total: the rounding rest goes to the largest part.
        largest = max(range(len(parts)), key=lambda i: abs(parts[i][1]))
        points[largest] += total - kept - sum(points)
    reasons = fixed + [Reason(r.key, r.params, p) for (r, _), p in zip(parts, points, strict=True)]
    return Stability(max(0, min(100, total)), reasons)

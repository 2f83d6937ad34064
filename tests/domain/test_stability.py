"""Address stability: table-driven cases and the properties the model promises."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from advisor_tui.domain.mailboxes import LocalPart, classify_local_part, fold, is_freemail
from advisor_tui.domain.models import Address, Person
from advisor_tui.domain.normalize import normalize_address
from advisor_tui.domain.stability import merged_failure, score_address
from advisor_tui.domain.vocabulary import FAILURE_KINDS, AddressKind, FailureKind, Scope
from advisor_tui.i18n import set_language
from advisor_tui.services.persons.ranking import rank_addresses

NOW = datetime(2026, 6, 1, 12, 0, tzinfo=UTC)
ANNA = Person(id=1, first_name="Anna", last_name="Schmidt")


def make(kind: str, raw: str, scope: str = Scope.PRIVATE, **fields: object) -> Address:
    """An address as services.persons.editing.add_address would store it."""
    norm = normalize_address(kind, raw)
    values: dict[str, object] = {
        "person_id": 1,
        "kind": kind,
        "scope": scope,
        "raw": raw,
        "normalized": norm.normalized,
        "valid": norm.valid,
        "invalid_reason": norm.invalid_reason,
        "phone_type": norm.phone_type,
        "created_at": NOW - timedelta(days=30),
    }
    values.update(fields)
    return Address(**values)


# --- ranking tables ---------------------------------------------------------------------

ANNA_EXPECTED = [
    ("mobile", "0171 1234567", Scope.PRIVATE, {}),
    ("email", "anna.schmidt@firma.de", Scope.BUSINESS, {}),
    ("landline", "030 1234567", Scope.PRIVATE, {}),
    ("postal", "Hauptstr. 1, 10115 Berlin", Scope.PRIVATE, {}),
    ("email", "info@firma.de", Scope.BUSINESS, {}),
    ("landline", "030 9876543-21", Scope.BUSINESS, {"is_direct_dial": True}),
]


@pytest.mark.parametrize("age_days", [0, 30, 400, 1500, 2100, 4000, 9000])
def test_anna_schmidt_ranking_in_expected_order(age_days: int) -> None:
    """The order holds fresh and after years without any evidence."""
    addresses = [
        make(k, raw, scope, id=i, created_at=NOW - timedelta(days=age_days), **extra)
        for i, (k, raw, scope, extra) in enumerate(reversed(ANNA_EXPECTED), start=1)
    ]
    ranked = rank_addresses(addresses, ANNA, NOW)
    assert [r.address.raw for r in ranked] == [row[1] for row in ANNA_EXPECTED]
    assert [r.rank for r in ranked] == list(range(1, 7))
    assert ranked[0].is_hottest and not any(r.is_hottest for r in ranked[1:])
    scores = [r.score for r in ranked]
    assert scores == sorted(scores, reverse=True) and len(set(scores)) == 6


# (first, last, e-mail, scope, expected base reason key)
EMAIL_CASES = [
    ("Anna", "Schmidt", "anna.schmidt@firma.de", Scope.BUSINESS, "stab.email_name"),
    ("Anna", "Schmidt", "a.schmidt@firma.de", Scope.BUSINESS, "stab.email_name"),
    ("Anna", "Schmidt", "schmidt@firma.de", Scope.BUSINESS, "stab.email_name"),
    ("Anna", "Schmidt", "anna-schmidt@firma.de", Scope.BUSINESS, "stab.email_name"),
    ("Anna", "Schmidt", "anna_schmidt@firma.de", Scope.BUSINESS, "stab.email_name"),
    ("Anna", "Schmidt", "annaschmidt@firma.de", Scope.BUSINESS, "stab.email_name"),
    ("Anna", "Schmidt", "Anna.Schmidt@Firma.DE", Scope.BUSINESS, "stab.email_name"),
    ("Anna", "Schmidt", "schmidt.anna@firma.de", Scope.BUSINESS, "stab.email_name"),
    ("Anna", "Schmidt", "anna.schmidt+crm@firma.de", Scope.BUSINESS, "stab.email_name"),
    ("Anna", "Schmidt", "anna@firma.de", Scope.BUSINESS, "stab.email_first_name"),
    ("Anna", "Schmidt", "b.schmidt@firma.de", Scope.BUSINESS, "stab.email_business"),
    ("Anna", "Schmidt", "as@firma.de", Scope.BUSINESS, "stab.email_business"),
    ("Jürgen", "Müller", "mueller@firma.de", Scope.BUSINESS, "stab.email_name"),
    ("Jürgen", "Müller", "juergen.mueller@firma.de", Scope.BUSINESS, "stab.email_name"),
    ("Jürgen", "Müller", "j.muller@firma.de", Scope.BUSINESS, "stab.email_business"),
    ("Jürgen", "Müller", "müller@firma.de", Scope.BUSINESS, "stab.email_name"),
    ("Hans", "Weiß", "h.weiss@firma.de", Scope.BUSINESS, "stab.email_name"),
    ("René", "Lefèvre", "rene.lefevre@firma.de", Scope.BUSINESS, "stab.email_name"),
    ("Anna-Lena", "Groß", "anna-lena.gross@firma.de", Scope.BUSINESS, "stab.email_name"),
    ("Anna-Lena", "Groß", "lena.gross@firma.de", Scope.BUSINESS, "stab.email_name"),
    ("Karl", "von der Heide", "k.heide@firma.de", Scope.BUSINESS, "stab.email_name"),
    ("Karl", "von der Heide", "karl.vonderheide@firma.de", Scope.BUSINESS, "stab.email_name"),
    ("Anna", "Schmidt", "info@firma.de", Scope.BUSINESS, "stab.email_generic"),
    ("Anna", "Schmidt", "office@firma.de", Scope.BUSINESS, "stab.email_generic"),
    ("Anna", "Schmidt", "kontakt@firma.de", Scope.BUSINESS, "stab.email_generic"),
    ("Anna", "Schmidt", "buero@firma.de", Scope.BUSINESS, "stab.email_generic"),
    ("Anna", "Schmidt", "büro@firma.de", Scope.BUSINESS, "stab.email_generic"),
    ("Anna", "Schmidt", "info.berlin@firma.de", Scope.BUSINESS, "stab.email_generic"),
    ("Anna", "Schmidt", "noreply@firma.de", Scope.PRIVATE, "stab.email_generic"),
    ("Anna", "Schmidt", "anna.s@gmx.de", Scope.BUSINESS, "stab.email_freemail"),
    ("Anna", "Schmidt", "info@web.de", Scope.BUSINESS, "stab.email_freemail"),
    ("Anna", "Schmidt", "xy@yahoo.fr", Scope.BUSINESS, "stab.email_freemail"),
    ("Anna", "Schmidt", "anna1980@gmail.com", Scope.PRIVATE, "stab.email_private"),
    ("Anna", "Schmidt", "anna@schmidt-familie.de", Scope.PRIVATE, "stab.email_private"),
]


@pytest.mark.parametrize(("first", "last", "raw", "scope", "key"), EMAIL_CASES)
def test_email_base_reason(first: str, last: str, raw: str, scope: str, key: str) -> None:
    person = Person(first_name=first, last_name=last)
    stability = score_address(make("email", raw, scope), person, NOW)
    assert stability.reasons[0].key == key


def test_local_part_classes() -> None:
    assert classify_local_part("mueller", "Jürgen", "Müller") is LocalPart.FULL_NAME
    assert classify_local_part("anna", "Anna", "Schmidt") is LocalPart.FIRST_NAME
    assert classify_local_part("post", "Anna", "Post") is LocalPart.FULL_NAME  # own name wins
    assert classify_local_part("", "Anna", "Schmidt") is LocalPart.OTHER
    assert fold("Müßig Çelik") == "muessig celik"
    assert is_freemail("gmx.net") and is_freemail("hotmail.co.uk") and not is_freemail("firma.de")


def _pair(a: Address, b: Address) -> tuple[int, int]:
    return score_address(a, ANNA, NOW).score, score_address(b, ANNA, NOW).score


def test_invalid_scores_zero_with_reason() -> None:
    stability = score_address(make("mobile", "12"), ANNA, NOW)
    assert stability.score == 0
    assert [r.key for r in stability.reasons] == ["stab.invalid"]
    ranked = rank_addresses([make("mobile", "12", id=1)], ANNA, NOW)
    assert not ranked[0].is_hottest and ranked[0].is_cold


def test_serviceable_postal_beats_plain_postal() -> None:
    plain = make("postal", "Hauptstr. 1, 10115 Berlin")
    marked = make("postal", "Hauptstr. 1, 10115 Berlin", serviceable=True)
    assert _pair(marked, plain)[0] > _pair(marked, plain)[1]


def test_switchboard_beats_direct_dial_and_postal_decays_faster_than_mobile() -> None:
    board = make("landline", "030 9876543", Scope.BUSINESS)
    direct = make("landline", "030 9876543-21", Scope.BUSINESS, is_direct_dial=True)
    assert _pair(board, direct)[0] > _pair(board, direct)[1]
    old = NOW - timedelta(days=5 * 365)
    postal_loss = 50 - score_address(make("postal", "Weg 1, Köln", created_at=old), ANNA, NOW).score
    mobile_loss = (
        90 - score_address(make("mobile", "0171 1234567", created_at=old), ANNA, NOW).score
    )
    assert postal_loss > mobile_loss > 0


@pytest.mark.parametrize("kind", list(FailureKind))
def test_failure_drops_sharply_and_newer_confirmation_softens_it(kind: FailureKind) -> None:
    target = "mobile" if kind in (FailureKind.WRONG_NUMBER, FailureKind.UNREACHABLE) else "email"
    raw = "0171 1234567" if target == "mobile" else "anna@gmx.de"
    fresh = make(target, raw)
    failed = make(target, raw, failed_at=NOW - timedelta(days=10), failure_kind=kind)
    healed = make(
        target,
        raw,
        failed_at=NOW - timedelta(days=10),
        failure_kind=kind,
        confirmed_at=NOW - timedelta(days=2),
    )
    s_fresh, s_failed, s_healed = (
        score_address(a, ANNA, NOW).score for a in (fresh, failed, healed)
    )
    assert s_failed <= s_fresh - 35
    assert s_failed < s_healed < s_fresh + 12


def test_failure_reason_is_dated_and_rendered_in_both_languages() -> None:
    failed = make("email", "anna@gmx.de", failed_at=datetime(2026, 3, 1, 10, tzinfo=UTC),
                  failure_kind=FailureKind.BOUNCED)  # fmt: skip
    reasons = score_address(failed, ANNA, NOW).reasons
    set_language("en")
    assert "bounced 2026-03-01" in [r.text() for r in reasons]
    set_language("de")
    assert "unzustellbar am 01.03.2026" in [r.text() for r in reasons]


def test_evidence_reasons_read_naturally() -> None:
    confirmed = make("mobile", "0171 1234567", confirmed_at=NOW - timedelta(days=21))
    old = make("postal", "Weg 1, Köln", created_at=NOW - timedelta(days=4 * 365 + 3))
    set_language("en")
    assert "confirmed 3 weeks ago" in score_address(confirmed, ANNA, NOW).texts()
    assert "no evidence for 4 years" in score_address(old, ANNA, NOW).texts()
    set_language("de")
    assert "bestätigt vor 3 Wochen" in score_address(confirmed, ANNA, NOW).texts()
    assert "seit 4 Jahren ohne Nachweis" in score_address(old, ANNA, NOW).texts()


def test_ties_break_by_most_recent_success_then_id() -> None:
    a = make("mobile", "0171 1111111", id=1, last_success_at=NOW - timedelta(days=900))
    b = make("mobile", "0171 2222222", id=2, last_success_at=NOW - timedelta(days=800))
    c = make("mobile", "0171 3333333", id=3)
    d = make("mobile", "0171 4444444", id=4)
    ranked = rank_addresses([d, c, a, b], ANNA, NOW)
    assert len({r.score for r in ranked}) == 1  # the successes have faded out of the score
    assert [r.address.id for r in ranked] == [2, 1, 3, 4]


def test_wrong_number_on_mobile_also_cools_its_messenger() -> None:
    failed = NOW - timedelta(days=5)
    mobile = make("mobile", "0176 11122233", id=1, failed_at=failed, failure_kind="wrong_number")
    whatsapp = make("messenger", "+49 176 11122233", id=2, label="WhatsApp")
    landline = make("landline", "030 1234567", id=3)
    ranked = rank_addresses([mobile, whatsapp, landline], ANNA, NOW)
    assert ranked[0].address.id == 3
    [messenger] = [r for r in ranked if r.address.id == 2]
    assert messenger.is_cold and "stab.same_number_wrong" in [x.key for x in messenger.reasons]
    # Reached on WhatsApp after the mark: the number works there after all.
    whatsapp.last_success_at = NOW - timedelta(days=1)
    ranked = rank_addresses([mobile, whatsapp, landline], ANNA, NOW)
    assert ranked[0].address.id == 2 and ranked[-1].address.id == 1


def test_recent_success_lifts_a_weak_address_over_a_stale_strong_one() -> None:
    """Self-employed: info@ of his own firm answered last week beats a gmx unused for 10 years."""
    juergen = Person(first_name="Jürgen", last_name="Müller")
    info = make("email", "info@mueller-bau.de", Scope.BUSINESS, id=1,
                last_success_at=NOW - timedelta(days=10))  # fmt: skip
    stale = make("email", "juergen.mueller@gmx.de", id=2, created_at=NOW - timedelta(days=3650))
    assert [r.address.id for r in rank_addresses([stale, info], juergen, NOW)] == [1, 2]


@pytest.mark.parametrize("age", [0, 200, 500, 1000, 3000])
def test_reason_points_add_up_to_the_score(age: int) -> None:
    address = make(
        "postal",
        "Weg 1, Köln",
        serviceable=True,
        serviceable_at=NOW - timedelta(days=age + 40),
        confirmed_at=NOW - timedelta(days=age),
        failed_at=NOW - timedelta(days=age + 10),
        failure_kind="returned_letter",
        created_at=NOW - timedelta(days=age + 400),
    )
    stability = score_address(address, ANNA, NOW)
    assert sum(r.points or 0 for r in stability.reasons) == stability.score


# --- properties ------------------------------------------------------------------------

_times = st.datetimes(
    min_value=datetime(2015, 1, 1), max_value=datetime(2026, 6, 1), timezones=st.just(UTC)
)
_maybe_time = st.none() | _times
_RAW = {
    AddressKind.MOBILE: ["0171 1234567", "12"],
    AddressKind.LANDLINE: ["030 1234567", "030 1234567-89"],
    AddressKind.FAX: ["030 1234568"],
    AddressKind.EMAIL: ["anna.schmidt@firma.de", "info@firma.de", "a@gmx.de", "bad@", "x@y.de"],
    AddressKind.POSTAL: ["Hauptstr. 1, 10115 Berlin"],
    AddressKind.MESSENGER: ["+49 171 1234567", "@anna"],
    AddressKind.SOCIAL: ["linkedin.com/in/anna"],
}


@st.composite
def addresses(draw: st.DrawFn) -> Address:
    kind = draw(st.sampled_from(list(AddressKind)))
    failed_at = draw(_maybe_time)
    return make(
        kind,
        draw(st.sampled_from(_RAW[kind])),
        draw(st.sampled_from(list(Scope))),
        is_direct_dial=draw(st.booleans()),
        serviceable=draw(st.booleans()),
        serviceable_at=draw(_maybe_time),
        is_preferred=draw(st.booleans()),
        confirmed_at=draw(_maybe_time),
        last_success_at=draw(_maybe_time),
        failed_at=failed_at,
        failure_kind=None if failed_at is None else draw(st.sampled_from(list(FailureKind))),
        created_at=draw(_times),
    )


_now = st.datetimes(
    min_value=datetime(2015, 1, 1), max_value=datetime(2040, 1, 1), timezones=st.just(UTC)
)
FAST = settings(max_examples=150, deadline=None)


@FAST
@given(addresses(), _now)
def test_score_within_bounds(address: Address, now: datetime) -> None:
    stability = score_address(address, ANNA, now)
    assert 0 <= stability.score <= 100
    assert stability.reasons


@FAST
@given(addresses(), _now, _times, st.sampled_from(list(FailureKind)))
def test_failure_never_raises_score(
    address: Address, now: datetime, when: datetime, kind: FailureKind
) -> None:
    before = score_address(address, ANNA, now).score
    after = address.model_copy()
    after.failed_at, after.failure_kind = merged_failure(address, kind, when)
    assert score_address(after, ANNA, now).score <= before


@FAST
@given(addresses(), _now, _times)
def test_confirmation_never_lowers_score(address: Address, now: datetime, when: datetime) -> None:
    before = score_address(address, ANNA, now).score
    after = address.model_copy()
    after.confirmed_at = when if address.confirmed_at is None else max(address.confirmed_at, when)
    assert score_address(after, ANNA, now).score >= before


@FAST
@given(addresses(), _now, st.integers(min_value=0, max_value=20 * 365))
def test_score_never_rises_with_time(address: Address, now: datetime, days: int) -> None:
    earlier = score_address(address, ANNA, now).score
    later = score_address(address, ANNA, now + timedelta(days=days, seconds=7)).score
    assert later <= earlier


def test_failure_kinds_cover_every_address_kind() -> None:
    assert set(FAILURE_KINDS) == set(AddressKind)


def test_docs_weights_table_matches_the_code() -> None:
    """docs/stability.md (pasted into the README) lists every weight as the code has it."""
    import re
    from pathlib import Path

    from advisor_tui.domain import stability

    doc = (Path(__file__).parents[2] / "docs" / "stability.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| `([A-Z_]+)(?:\[(\w+)(?:, (\w+))?\])?` \| ([\d.]+) \|", doc, re.M)
    documented = {}
    for name, key1, key2, value in rows:
        table = getattr(stability, name)
        actual = table[(key1, key2)] if key2 else table[key1] if key1 else table
        documented[(name, key1, key2)] = actual
        assert float(value) == actual, name
    expected = sum(len(v) if isinstance(v, dict) else 1 for v in _weights(stability).values())
    assert len(documented) == expected


def _weights(module: object) -> dict[str, object]:
    values = {n: getattr(module, n) for n in dir(module) if n.isupper() and n[0] != "_"}
    return {
        n: v
        for n, v in values.items()
        if isinstance(v, int | float | dict) and n != "FAILURE_KINDS"
    }

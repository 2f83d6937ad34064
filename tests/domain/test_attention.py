"""Suggestion rules on constructed histories."""

from __future__ import annotations

import pytest

from advisor_tui.domain.attention import PersonFacts, Reason, SuggestionRules, suggest
from advisor_tui.domain.flags import FlagKey

SUPER = dict(orders=3, recommendations=1, calls=5, reached=4)


def _flags(facts: PersonFacts) -> list[str]:
    return [s.flag.value for s in suggest(facts)]


def test_a_buyer_who_recommends_and_is_easy_to_reach_is_suggested_super() -> None:
    [found] = suggest(PersonFacts(1, **SUPER))
    assert found.flag is FlagKey.SUPER
    assert found.reasons == (
        Reason("orders", 3),
        Reason("recommendations", 1),
        Reason("reached_share", 80),
    )


@pytest.mark.parametrize(
    "change",
    [
        {"orders": 1},  # bought once
        {"recommendations": 0},  # never recommended anyone
        {"reached": 2},  # 2 of 5 calls: hard to reach
        {"calls": 2, "reached": 2},  # too few calls to tell
    ],
)
def test_super_needs_every_part(change: dict[str, int]) -> None:
    assert _flags(PersonFacts(1, **{**SUPER, **change})) == []


def test_no_suggestion_for_a_flag_already_set() -> None:
    assert _flags(PersonFacts(1, flags=frozenset({"super"}), **SUPER)) == []
    assert _flags(PersonFacts(1, flags=frozenset({"dissatisfied"}), open_complaints=1)) == []


@pytest.mark.parametrize(
    ("facts", "reasons"),
    [
        (PersonFacts(1, open_complaints=1), [Reason("open_complaint", 1)]),
        (PersonFacts(1, recent_complaints=2), [Reason("repeated_complaints", 2)]),
        (PersonFacts(1, overdue_requests=1), [Reason("overdue_request", 1)]),
        (
            PersonFacts(1, open_complaints=2, recent_complaints=3),
            [Reason("open_complaint", 2), Reason("repeated_complaints", 3)],
        ),
    ],
)
def test_dissatisfied_by_complaints_or_overdue_requests(
    facts: PersonFacts, reasons: list[Reason]
) -> None:
    [found] = suggest(facts)
    assert found.flag is FlagKey.DISSATISFIED
    assert list(found.reasons) == reasons


def test_one_complaint_in_the_period_alone_is_not_repeated() -> None:
    assert _flags(PersonFacts(1, recent_complaints=1)) == []
    assert [s.flag for s in suggest(PersonFacts(1, recent_complaints=1), SuggestionRules(
        repeated_complaints=1))] == [FlagKey.DISSATISFIED]  # fmt: skip


def test_payment_trouble_is_never_suggested() -> None:
    worst = PersonFacts(1, orders=0, calls=20, reached=0, open_complaints=3, overdue_requests=4)
    assert "payment" not in _flags(worst)

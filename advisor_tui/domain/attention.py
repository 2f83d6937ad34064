"""Which flag a person's history suggests, and why: pure rules over counted facts.

Super customer: buys again (at least `min_orders` orders), recommends others (at
least one person came recommended by them) and is easy to reach (most outgoing
calls reached them). Dissatisfied: an open complaint, repeated complaints in a
period, or a request left past its deadline. Payment trouble is never suggested:
only the advisor knows it. A suggestion never sets anything by itself; it
carries its reasons as facts (kind + number) for the UI to word.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from advisor_tui.domain.flags import FlagKey


@dataclass(frozen=True)
class SuggestionRules:
    min_orders: int = 2
    min_recommendations: int = 1
    min_calls: int = 3  # fewer calls say nothing about reachability
    min_reached_share: float = 0.6
    repeated_complaints: int = 2  # complaints within the period that count as "repeated"
    complaint_period_days: int = 90


@dataclass(frozen=True)
class PersonFacts:
    """What the rules read about one person (counted by `services.attention`)."""

    person_id: int
    flags: frozenset[str] = frozenset()
    orders: int = 0
    recommendations: int = 0  # persons recommended by this one
    calls: int = 0  # outgoing calls in the period
    reached: int = 0  # of them, reached
    open_complaints: int = 0
    recent_complaints: int = 0  # received within the complaint period
    overdue_requests: int = 0  # open requests past their deadline


@dataclass(frozen=True)
class Reason:
    kind: str  # "orders", "recommendations", "reached_share", "open_complaint", ...
    count: int = 0


@dataclass(frozen=True)
class Suggestion:
    person_id: int
    flag: FlagKey
    reasons: tuple[Reason, ...] = field(default_factory=tuple)


RULES = SuggestionRules()


def reached_share(facts: PersonFacts) -> float | None:
    return facts.reached / facts.calls if facts.calls else None


def suggest(facts: PersonFacts, rules: SuggestionRules = RULES) -> list[Suggestion]:
    """The flags `facts` suggest that are not set yet, each with its reasons."""
    found: list[Suggestion] = []
    if FlagKey.SUPER not in facts.flags:
        share = reached_share(facts)
        easy = facts.calls >= rules.min_calls and share is not None
        if (
            facts.orders >= rules.min_orders
            and facts.recommendations >= rules.min_recommendations
            and easy
            and share is not None
            and share >= rules.min_reached_share
        ):
            found.append(
                Suggestion(
                    facts.person_id,
                    FlagKey.SUPER,
                    (
                        Reason("orders", facts.orders),
                        Reason("recommendations", facts.recommendations),
                        Reason("reached_share", round(share * 100)),
                    ),
                )
            )
    if FlagKey.DISSATISFIED not in facts.flags:
        reasons = []
        if facts.open_complaints:
            reasons.append(Reason("open_complaint", facts.open_complaints))
        if facts.recent_complaints >= rules.repeated_complaints:
            reasons.append(Reason("repeated_complaints", facts.recent_complaints))
        if facts.overdue_requests:
            reasons.append(Reason("overdue_request", facts.overdue_requests))
        if reasons:
            found.append(Suggestion(facts.person_id, FlagKey.DISSATISFIED, tuple(reasons)))
    return found

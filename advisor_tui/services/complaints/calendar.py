"""Public holidays of the advisor's Bundesland, for working-day deadlines."""

from __future__ import annotations

from functools import lru_cache

import holidays

from advisor_tui.services.errors import ServiceError


def states() -> tuple[str, ...]:
    """The Bundesland codes the holiday calendar knows (BB, BE, BW, BY, ...)."""
    return tuple(holidays.Germany.subdivisions)


@lru_cache(maxsize=16)
def public_holidays(state: str = "") -> holidays.HolidayBase:
    """German public holidays, with the Bundesland's own when `state` is given.

    The result is a lazy calendar: `day in calendar` works for any year.
    """
    code = state.strip().upper()
    if code and code not in holidays.Germany.subdivisions:
        raise ServiceError("complaints.err.state", state=state, states=", ".join(states()))
    return holidays.country_holidays("DE", subdiv=code or None)

"""The reasons behind a stability score, and how they read in German or English.

A `Reason` is structured (an i18n key, its parameters and the points it gave)
so the domain stays free of wording; `Reason.text()` renders it through
`advisor_tui.i18n` in the current language.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any


@dataclass(frozen=True)
class Reason:
    """One reason behind a score: an i18n key, its parameters and the points it gave.

    Parameters may hold dates (shown in the language's format), `days` (an age,
    shown as "3 weeks ago" / "for 4 years") and other Reasons.
    """

    key: str
    params: Mapping[str, Any] = field(default_factory=dict)
    points: int | None = None

    def text(self) -> str:
        """The reason in the current UI language."""
        from advisor_tui.i18n import t
        from advisor_tui.i18n.dates import format_date

        values: dict[str, Any] = {}
        for name, value in self.params.items():
            if isinstance(value, Reason):
                values[name] = value.text()
            elif isinstance(value, datetime | date):
                values[name] = format_date(value)
            else:
                values[name] = value
        if "days" in self.params:
            values["age"] = _age_phrase(int(self.params["days"]))
            values["ago"] = _ago_phrase(int(self.params["days"]))
        return t(self.key, **values)


@dataclass(frozen=True)
class Stability:
    score: int
    reasons: list[Reason]

    def texts(self) -> list[str]:
        """All reasons rendered in the current language."""
        return [r.text() for r in self.reasons]


def _age_phrase(days: int) -> str:
    from advisor_tui.i18n import t

    if days < 14:
        n, unit = days, "day"
    elif days < 63:
        n, unit = days // 7, "week"
    elif days < 730:
        n, unit = days // 30, "month"
    else:
        n, unit = days // 365, "year"
    return t(f"stab.unit.{unit}" if n == 1 else f"stab.unit.{unit}s", n=n)


def _ago_phrase(days: int) -> str:
    from advisor_tui.i18n import t

    if days <= 0:
        return t("stab.ago.today")
    if days == 1:
        return t("stab.ago.yesterday")
    return t("stab.ago", age=_age_phrase(days))

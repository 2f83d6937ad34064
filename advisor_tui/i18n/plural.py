"""Plural forms for catalog entries: "1 Feld", "2 Felder".

An entry's text for a language may be `plural(one, other, by="count")`;
`t()` picks the form by the number in parameter `by`. German and English
share one rule: exactly one takes the singular, everything else (0 too)
the plural.
"""

from __future__ import annotations

from typing import NamedTuple


class Plural(NamedTuple):
    one: str
    other: str
    by: str = "count"

    def form(self, params: dict[str, object]) -> str:
        count = params.get(self.by)
        return self.one if isinstance(count, int) and abs(count) == 1 else self.other

    @property
    def forms(self) -> tuple[str, str]:
        return (self.one, self.other)


def plural(one: str, other: str, *, by: str = "count") -> Plural:
    """Two forms of one text, chosen by the number in the parameter `by`."""
    return Plural(one, other, by)

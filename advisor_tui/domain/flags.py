"""The three person flags: which field, which symbol, which words (catalog key).

Lists, the card and the CLI show them the same way: ★ super customer,
! dissatisfied, € payment trouble.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Flag:
    field: str  # boolean field of Person
    symbol: str
    label_key: str  # catalog key of the words


FLAGS = (
    Flag("is_super_customer", "★", "card.flag.super"),
    Flag("is_dissatisfied", "!", "card.flag.dissatisfied"),
    Flag("has_payment_trouble", "€", "card.flag.payment"),
)
FLAG_FIELDS = tuple(flag.field for flag in FLAGS)


def flags_of(person: Any) -> list[Flag]:
    """The flags set on `person` (anything with the flag fields), in display order."""
    return [flag for flag in FLAGS if getattr(person, flag.field)]


def flag_symbols(person: Any) -> str:
    """The symbols of the flags set on `person`, e.g. `★€`."""
    return "".join(flag.symbol for flag in flags_of(person))

"""The three attention flags: which key, which symbol, which words (catalog key).

Lists, the card and the CLI show them the same way: ★ super customer,
! dissatisfied, € payment trouble. A flag is not a field of the person: it is
the latest of its `FlagEvent`s (`domain.models.attention`), so who set it,
when and why stays visible. Here only the keys and how they look.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum


class FlagKey(StrEnum):
    SUPER = "super"
    DISSATISFIED = "dissatisfied"
    PAYMENT = "payment"


class FlagAction(StrEnum):
    SET = "set"
    CLEAR = "clear"


@dataclass(frozen=True)
class Flag:
    key: FlagKey
    symbol: str
    label_key: str  # catalog key of the words


FLAGS = (
    Flag(FlagKey.SUPER, "★", "card.flag.super"),
    Flag(FlagKey.DISSATISFIED, "!", "card.flag.dissatisfied"),
    Flag(FlagKey.PAYMENT, "€", "card.flag.payment"),
)
FLAG_KEYS = tuple(flag.key for flag in FLAGS)
BY_KEY = {flag.key: flag for flag in FLAGS}


def flags_of(keys: Iterable[str]) -> list[Flag]:
    """The flags among `keys` (the set ones), in display order."""
    present = set(keys)
    return [flag for flag in FLAGS if flag.key in present]


def flag_symbols(keys: Iterable[str]) -> str:
    """The symbols of the flags among `keys`, e.g. `★€`."""
    return "".join(flag.symbol for flag in flags_of(keys))

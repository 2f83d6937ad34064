"""German phone-book order (DIN 5007-2): the customer list's sort key.

`von Berg` sorts under B (leading name particles are ignored), `Öztürk` as
`Oeztuerk`, `ß` as `ss`, without regard to case; then the first name. A person
without a last name sorts by company, then by first name.
"""

from __future__ import annotations

from advisor_tui.domain.folding import fold

# Words before a family name that the phone book skips: `von der Heide` under H.
NAME_PARTICLES = frozenset(
    {"von", "vom", "van", "zu", "zum", "zur", "de", "der", "den", "dem", "des", "ten", "ter",
     "da", "dos", "del", "della", "di", "du", "le", "la", "auf", "aus", "d'"}
)  # fmt: skip
# Between the parts: below every character of a folded name (also the space), so
# `Berg, Zoe` comes before `Berg Adam` and `Berg` before `Bergmann`.
SEPARATOR = "\x1f"
MAX_LENGTH = 300


def _folded(text: str) -> str:
    return " ".join(fold(text).split())


def strip_particles(last_name: str) -> str:
    """`last_name` without leading particles (`von der Heide` -> `Heide`); never empty."""
    words = last_name.split()
    while len(words) > 1 and words[0].casefold() in NAME_PARTICLES:
        words.pop(0)
    return " ".join(words)


def sort_key(first_name: str, last_name: str, company: str) -> str:
    """The key that puts persons in German phone-book order (compare as plain strings)."""
    primary = strip_particles(last_name) if last_name.strip() else company
    parts = [_folded(primary), _folded(first_name)]
    if last_name.strip():
        parts.append(_folded(company))
    return SEPARATOR.join(parts).rstrip(SEPARATOR)[:MAX_LENGTH]

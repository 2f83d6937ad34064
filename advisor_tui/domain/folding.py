"""One folding of text for search and sorting: `Müller` -> `mueller`, `Straße` -> `strasse`.

Casefold, ä->ae ö->oe ü->ue ß->ss (DIN 5007-2, the phone-book rule), other
accents stripped. Search indexes and queries use it (SQLite 3.40's trigram
cannot remove diacritics), and so does the customer list's sort key.
"""

from __future__ import annotations

import re
import unicodedata

_GERMAN = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})
# Combining marks left by NFKD (é -> e + U+0301): dropped to strip accents.
_COMBINING = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")


def strip_accents(text: str) -> str:
    """`text` without combining marks (`é` -> `e`, also `ü` -> `u`)."""
    if text.isascii():
        return text
    return _COMBINING.sub("", unicodedata.normalize("NFKD", text))


def fold(text: str) -> str:
    """Searchable form of a text or query: `Müller` -> `mueller`, `Straße` -> `strasse`."""
    folded = text.casefold().translate(_GERMAN)
    if folded.isascii():
        return folded
    # Casefolded again: NFKD can yield capitals (`𝓐` -> `A`).
    return strip_accents(folded).casefold()


def fold_variants(text: str) -> tuple[str, ...]:
    """`fold(text)` and, where it differs, the umlaut-stripped form (`Müller` -> `muller`)."""
    if text.isascii():
        return (text.lower(),)
    first = fold(text)
    second = strip_accents(text).casefold()
    return (first,) if second == first else (first, second)

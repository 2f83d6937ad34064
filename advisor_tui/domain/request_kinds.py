"""What a request is about, guessed from its text where it is obvious.

"bitte verkaufen" is an order, "Rückruf" a callback, "Beschwerde" or
"Reklamation" a complaint, "neue Adresse" a change of data. Only clear words
count; anything else stays `other` (the advisor edits the kind). Pure.
"""

from __future__ import annotations

import re

from advisor_tui.domain.folding import fold
from advisor_tui.domain.vocabulary import RequestKind

# Checked in this order on the folded text (ä -> ae, ß -> ss): a complaint that
# asks for a callback is a complaint first.
_RULES: tuple[tuple[RequestKind, re.Pattern[str]], ...] = (
    (
        RequestKind.COMPLAINT,
        re.compile(
            r"\b(beschwer\w*|reklamation\w*|reklamier\w*|unzufrieden\w*|veraergert|"
            r"unverschaemt\w*|frechheit|widerspruch|zumutung)"
        ),
    ),
    (
        RequestKind.ORDER,
        re.compile(
            r"\b(verkaufen|verkauft|kaufen|kaufe|verkaufe|ordern|order|auftrag|"
            r"umschichten|kuendigen|kuendige|kuendigung|zeichnen|aufstocken|"
            r"sparplan (?:aendern|erhoehen|anlegen|stoppen)|einzahlen|auszahlen|auszahlung)\b"
        ),
    ),
    (
        RequestKind.CHANGE_OF_DATA,
        re.compile(
            r"\b(neue (?:adresse|anschrift|nummer|handynummer|telefonnummer|e-?mail\w*|"
            r"bankverbindung|iban)|umgezogen|umzug|adressaenderung|namensaenderung|"
            r"geheiratet|neue iban)"
        ),
    ),
    (
        RequestKind.CALLBACK,
        re.compile(
            r"(rueckruf|zurueckrufen|"
            r"ruf\w* (?:sie |du )?(?:mich |uns )?(?:bitte )?(?:mal )?(?:kurz )?(?:zurueck|an)\b|"
            r"melden sie sich|meld dich|bitte um anruf|call me)"
        ),
    ),
    (
        RequestKind.QUESTION,
        re.compile(r"(\?|\bfrage\b|\bfragen\b|\bwissen\b|\binfo(?:s|rmation\w*)?\b)"),
    ),
)


def guess_kind(text: str) -> RequestKind:
    """The kind of a request by its subject and text; `other` when not obvious."""
    folded = fold(text)
    for kind, pattern in _RULES:
        if pattern.search(folded):
            return kind
    return RequestKind.OTHER

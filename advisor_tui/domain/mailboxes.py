"""What an e-mail address says about its owner: freemail, generic mailbox, own name.

Pure string work for the stability score (`domain.stability`). Names and local
parts are folded the same way the search index folds text: casefold, ä->ae,
ö->oe, ü->ue, ß->ss, other accents stripped, so `müller` matches `mueller@`
and `rené` matches `rene@`.
"""

from __future__ import annotations

import re
from enum import StrEnum
from functools import lru_cache

from advisor_tui.domain.folding import fold as fold  # re-exported: names fold as in search

# Domains where anyone can open a mailbox: an address there belongs to a person,
# not to their employer, so it counts as private whatever scope it was filed under.
FREEMAIL_DOMAINS = frozenset(
    {
        "gmx.de", "gmx.net", "gmx.at", "gmx.ch", "gmx.com", "web.de", "t-online.de",
        "gmail.com", "googlemail.com", "icloud.com", "me.com", "mac.com", "posteo.de",
        "posteo.net", "mailbox.org", "freenet.de", "arcor.de", "online.de", "email.de",
        "mail.de", "vodafonemail.de", "kabelmail.de", "ewetel.net", "proton.me",
        "protonmail.com", "protonmail.ch", "pm.me", "tutanota.com", "tutanota.de",
        "tuta.io", "bluewin.ch", "msn.com", "ymail.com", "yandex.com", "yandex.ru",
        "mail.ru", "zoho.com", "fastmail.com", "aon.at", "chello.at",
    }
)  # fmt: skip
# Providers with one domain per country (yahoo.de, outlook.com, hotmail.fr, aol.de ...).
FREEMAIL_PROVIDERS = frozenset({"yahoo", "outlook", "hotmail", "live", "aol", "gmx"})

# Local parts that name a function, not a person: whoever holds the job reads them.
GENERIC_LOCAL_PARTS = frozenset(
    {
        "info", "office", "kontakt", "contact", "service", "mail", "post", "postfach",
        "postmaster", "buero", "team", "hello", "hallo", "verwaltung", "zentrale",
        "empfang", "support", "vertrieb", "sales", "noreply", "donotreply", "admin",
        "webmaster", "anfrage", "anfragen", "bewerbung", "jobs", "karriere", "rechnung",
        "rechnungen", "buchhaltung", "invoice", "billing", "newsletter", "marketing",
        "presse", "press", "kanzlei", "praxis", "sekretariat", "hotline", "kundenservice",
        "kundendienst", "order", "orders", "bestellung", "shop", "einkauf", "personal",
        "hr", "it", "technik", "mailbox", "general", "enquiries", "inquiries", "reception",
        "willkommen", "welcome", "firma", "gf", "geschaeftsfuehrung", "management",
    }
)  # fmt: skip

# Name particles that are not the name people write in an address.
_PARTICLES = frozenset({"von", "van", "de", "der", "den", "zu", "zur", "vom", "la", "le", "di"})
_SEPARATORS = re.compile(r"[\s._\-']+")
_TRAILING_DIGITS = re.compile(r"\d+$")


class LocalPart(StrEnum):
    """How an e-mail local part relates to the person."""

    FULL_NAME = "full_name"  # anna.schmidt, a.schmidt, schmidt, schmidt.anna ...
    FIRST_NAME = "first_name"  # anna@
    GENERIC = "generic"  # info@, office@ ...
    OTHER = "other"  # anything else (as@, a.s@, hobby names)


def _words(name: str) -> list[str]:
    return [w for w in _SEPARATORS.split(fold(name)) if w]


def is_freemail(domain: str) -> bool:
    """True for mailbox providers anyone can use (gmx.de, web.de, gmail.com, yahoo.* ...)."""
    domain = domain.lower().rstrip(".")
    if domain in FREEMAIL_DOMAINS:
        return True
    first_label = domain.split(".", 1)[0]
    return first_label in FREEMAIL_PROVIDERS


def _compact_local(local: str) -> tuple[str, str]:
    """(compact form without separators and sub-address, first word) of a local part."""
    local = fold(local.split("+", 1)[0])
    words = [w for w in _SEPARATORS.split(local) if w]
    compact = _TRAILING_DIGITS.sub("", "".join(words))
    return compact, (words[0] if words else "")


@lru_cache(maxsize=4096)
def _name_forms(first_name: str, last_name: str) -> tuple[frozenset[str], frozenset[str]]:
    """(full-name forms, first-name forms) a local part may take, all compact."""
    first_words = _words(first_name)
    last_words = _words(last_name)
    firsts = {"".join(first_words), *first_words} - {""}
    core_last = [w for w in last_words if w not in _PARTICLES]
    lasts = {"".join(last_words), "".join(core_last), *(w for w in core_last if len(w) >= 3)}
    lasts.discard("")
    full: set[str] = set(lasts)
    for last in lasts:
        for first in firsts:
            full.update({first + last, first[0] + last, last + first, last + first[0]})
    return frozenset(full), frozenset(firsts)


def classify_local_part(local: str, first_name: str, last_name: str) -> LocalPart:
    """Whether the local part is built from the person's name, generic, or neither."""
    compact, first_word = _compact_local(local)
    if not compact:
        return LocalPart.OTHER
    full, firsts = _name_forms(first_name, last_name)
    if compact in full:
        return LocalPart.FULL_NAME
    # "info.berlin@" is generic too; short first words ("it.", "hr.") are too ambiguous.
    if compact in GENERIC_LOCAL_PARTS or (
        len(first_word) >= 4 and first_word in GENERIC_LOCAL_PARTS
    ):
        return LocalPart.GENERIC
    if compact in firsts:
        return LocalPart.FIRST_NAME
    return LocalPart.OTHER

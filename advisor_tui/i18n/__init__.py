"""The catalog of user-facing text: German by default, English available.

All strings live in the modules of this package (one dict per area, merged
into one catalog); code refers to them by key: `t("who.not_found", query=q)`.
A text that depends on a number is a `plural(one, other)`; `t()` picks the
form (`tn(key, count)` says so at the call site).
"""

from __future__ import annotations

import os

from advisor_tui.i18n import (
    addresses,
    agenda_texts,
    assignment_texts,
    attention_texts,
    birthdays,
    callerid_texts,
    calllist_texts,
    calls,
    campaign_texts,
    complaint_texts,
    consent_texts,
    contact_logging,
    core,
    data_rights,
    desk,
    error_texts,
    import_fidelity,
    imports,
    inbox_texts,
    invalid,
    message_import_texts,
    person_card,
    ring_texts,
    safety,
    search,
    shared_db,
    touch_texts,
)
from advisor_tui.i18n.plural import Plural

LANGUAGES = ("de", "en")

Catalog = dict[str, dict[str, "str | Plural"]]

CATALOG: Catalog = {}
for _part in (
    core,
    addresses,
    search,
    calls,
    imports,
    import_fidelity,
    data_rights,
    error_texts,
    invalid,
    person_card,
    desk,
    birthdays,
    agenda_texts,
    contact_logging,
    calllist_texts,
    touch_texts,
    ring_texts,
    callerid_texts,
    consent_texts,
    attention_texts,
    complaint_texts,
    campaign_texts,
    safety,
    message_import_texts,
    inbox_texts,
    shared_db,
    assignment_texts,
):
    _overlap = CATALOG.keys() & _part.TEXTS.keys()
    if _overlap:
        raise RuntimeError(f"i18n keys defined twice: {sorted(_overlap)}")
    CATALOG.update(_part.TEXTS)

_language = "de"


def guess_language() -> str:
    """German unless the environment asks for English."""
    env = os.environ.get("ADVISOR_LANG")
    if env in LANGUAGES:
        return env
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var, "")
        if value.startswith("en"):
            return "en"
        if value.startswith("de"):
            return "de"
    return "de"


def set_language(lang: str) -> None:
    global _language
    _language = lang if lang in LANGUAGES else "de"


def language() -> str:
    return _language


def t(key: str, /, **params: object) -> str:
    """The text for `key` in the current language, with `{params}` filled in.

    Unknown keys come back as they are, so that a stored text from before a
    key existed still shows.
    """
    entry = CATALOG.get(key)
    if entry is None:
        return key
    text = entry.get(_language) or entry["de"]
    if isinstance(text, Plural):
        text = text.form(params)
    return text.format(**params) if params else text


def tn(key: str, count: int, /, **params: object) -> str:
    """`t(key)` for a text about `count` things: the right plural form, `{count}` filled."""
    return t(key, count=count, **params)

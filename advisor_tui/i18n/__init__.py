"""The catalog of user-facing text: German by default, English available.

All strings live in the modules of this package (one dict per area, merged
into one catalog); code refers to them by key: `t("who.not_found", query=q)`.
"""

from __future__ import annotations

import os

from advisor_tui.i18n import (
    addresses,
    calls,
    core,
    data_rights,
    error_texts,
    imports,
    search,
)

LANGUAGES = ("de", "en")

Catalog = dict[str, dict[str, str]]

CATALOG: Catalog = {}
for _part in (core, addresses, search, calls, imports, data_rights, error_texts):
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


def t(key: str, **params: object) -> str:
    """The text for `key` in the current language, with `{params}` filled in."""
    entry = CATALOG.get(key)
    if entry is None:
        return key
    text = entry.get(_language) or entry["de"]
    return text.format(**params) if params else text

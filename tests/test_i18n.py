"""The text catalog: every key used in the code exists, in German and English."""

from __future__ import annotations

import re
from pathlib import Path

from advisor_tui.i18n import CATALOG
from advisor_tui.i18n.plural import Plural

PACKAGE = Path(__file__).resolve().parents[1] / "advisor_tui"
LITERAL_KEY = re.compile(r"""\bt\(\s*["']([a-z][a-z0-9_.]*)["']""")


def test_every_entry_has_german_and_english() -> None:
    missing = [key for key, texts in CATALOG.items() if not texts.get("de") or not texts.get("en")]
    assert missing == []


def test_every_literal_key_in_the_code_is_in_the_catalog() -> None:
    used = set()
    for path in PACKAGE.rglob("*.py"):
        used |= set(LITERAL_KEY.findall(path.read_text(encoding="utf-8")))
    assert used, "the pattern found no keys at all"
    prefixes = {key for key in used if key.endswith(".")}  # t("addr." + kind)
    assert sorted(used - prefixes - CATALOG.keys()) == []
    assert [p for p in prefixes if not any(k.startswith(p) for k in CATALOG)] == []


def _forms(text: str | Plural) -> tuple[str, ...]:
    return text.forms if isinstance(text, Plural) else (text,)


def test_placeholders_agree_between_languages() -> None:
    field = re.compile(r"{(\w+)")

    def fields(text: str | Plural) -> set[str]:
        found = {name for form in _forms(text) for name in field.findall(form)}
        return found | ({text.by} if isinstance(text, Plural) else set())

    differ = {
        key: texts for key, texts in CATALOG.items() if fields(texts["de"]) != fields(texts["en"])
    }
    assert differ == {}


def test_plural_entries_are_plural_in_both_languages() -> None:
    mixed = [
        key
        for key, texts in CATALOG.items()
        if isinstance(texts["de"], Plural) != isinstance(texts["en"], Plural)
    ]
    assert mixed == []


def test_no_bare_count_before_a_plural_noun() -> None:
    # "{count} Felder" must be a plural(...) entry, or it says "1 Felder".
    counted = re.compile(r"{(count|total|persons|n)} [A-ZÄÖÜa-z]")
    # stab.unit.*: the caller picks "day"/"days"; "weitere"/"more", "erledigt"/"done" do not
    # inflect ("3 von 12 erledigt").
    exempt = ("stab.unit.", "search.more_addresses", "campaign.done_of")
    bare = [
        key
        for key, texts in CATALOG.items()
        for lang in ("de", "en")
        if isinstance(texts[lang], str)
        and counted.search(texts[lang])
        and not key.startswith(exempt)
    ]
    assert bare == []


def test_every_vocabulary_word_has_a_text() -> None:
    from advisor_tui.domain import vocabulary as v

    needed = {
        "addr": v.AddressKind,
        "scope": v.Scope,
        "kind": v.PersonKind,
        "channel": v.Channel,
        "outcome": v.Outcome,
        "followup": v.FollowUpKind,
        "interaction": v.InteractionKind,
        "failure": v.FailureKind,
    }
    missing = [
        f"{prefix}.{word.value}"
        for prefix, enum in needed.items()
        for word in enum
        if f"{prefix}.{word.value}" not in CATALOG
    ]
    assert missing == []

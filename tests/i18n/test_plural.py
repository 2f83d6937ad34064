"""Plural forms: one thing is singular, any other count plural, in both languages."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from advisor_tui.i18n import language, set_language, t, tn


@pytest.fixture(autouse=True)
def _restore_language() -> Iterator[None]:
    before = language()
    yield
    set_language(before)


@pytest.mark.parametrize(
    ("lang", "count", "expected"),
    [
        ("de", 1, "1 von 1 Person"),
        ("de", 2, "2 von 2 Personen"),
        ("de", 0, "0 von 0 Personen"),
        ("en", 1, "1 of 1 person"),
        ("en", 3, "3 of 3 persons"),
    ],
)
def test_customers_count(lang: str, count: int, expected: str) -> None:
    set_language(lang)
    assert t("customers.count", shown=count, total=count) == expected


def test_tn_fills_count_and_picks_the_form() -> None:
    set_language("de")
    assert tn("export.done", 1, path="a.vcf") == "1 Person nach a.vcf exportiert."
    assert tn("export.done", 7, path="a.vcf") == "7 Personen nach a.vcf exportiert."
    set_language("en")
    assert tn("duplicates.count", 1) == "1 likely duplicate pair:"


def test_merge_head_field_count() -> None:
    set_language("de")
    params = {"stays": "A", "stays_id": 1, "goes": "B", "goes_id": 2}
    assert "1 Feld unterscheidet sich" in t("merge.head", count=1, **params)
    assert "2 Felder unterscheiden sich" in t("merge.head", count=2, **params)


def test_a_parameter_named_key_is_allowed() -> None:
    assert t("no.such.key", key="x") == "no.such.key"

"""The person flags: one field, symbol and text each."""

from __future__ import annotations

from advisor_tui.domain.flags import FLAG_FIELDS, FLAGS, flag_symbols, flags_of
from advisor_tui.domain.models import Person
from advisor_tui.i18n import CATALOG


def test_flags_are_person_fields_with_texts() -> None:
    assert set(FLAG_FIELDS) <= set(Person.model_fields)
    assert [f.symbol for f in FLAGS] == ["★", "!", "€"]
    for flag in FLAGS:
        assert CATALOG[flag.label_key]["de"] and CATALOG[flag.label_key]["en"]


def test_symbols_in_display_order() -> None:
    person = Person(has_payment_trouble=True, is_super_customer=True)
    assert flag_symbols(person) == "★€"
    assert [f.field for f in flags_of(person)] == ["is_super_customer", "has_payment_trouble"]
    assert flag_symbols(Person()) == ""

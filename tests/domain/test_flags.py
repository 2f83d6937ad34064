"""The attention flags: one key, symbol and text each."""

from __future__ import annotations

from advisor_tui.domain.flags import FLAG_KEYS, FLAGS, flag_symbols, flags_of
from advisor_tui.i18n import CATALOG


def test_flags_have_symbols_and_texts() -> None:
    assert FLAG_KEYS == ("super", "dissatisfied", "payment")
    assert [f.symbol for f in FLAGS] == ["★", "!", "€"]
    for flag in FLAGS:
        assert CATALOG[flag.label_key]["de"] and CATALOG[flag.label_key]["en"]


def test_symbols_in_display_order() -> None:
    assert flag_symbols({"payment", "super"}) == "★€"
    assert [f.key for f in flags_of(["payment", "super"])] == ["super", "payment"]
    assert flag_symbols(()) == ""

"""The search box of a list: takes every character but the two command keys."""

from __future__ import annotations

from textual.widgets import Input

# `/` (search) and `?` (help) are commands everywhere outside a form's fields.
COMMAND_CHARACTERS = frozenset("/?")


class SearchInput(Input):
    """An Input that leaves `/` and `?` to the app's bindings instead of typing them."""

    def check_consume_key(self, key: str, character: str | None) -> bool:
        if character in COMMAND_CHARACTERS:
            return False
        return super().check_consume_key(key, character)

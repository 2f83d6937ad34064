"""The one error storage raises for the user."""

from __future__ import annotations


class DatabaseError(Exception):
    """The database cannot be opened or used; str() is one sentence for the user."""

    def __init__(self, key: str, **params: object) -> None:
        from advisor_tui.i18n import t

        self.key = key
        self.params = params
        super().__init__(t(key, **params))

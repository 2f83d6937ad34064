"""Completion for a tags field: the last comma-separated tag is completed from the tags
already in use (most used first); → or End accepts, as with any Textual suggestion."""

from __future__ import annotations

from collections.abc import Sequence

from textual.suggester import Suggester

from advisor_tui.domain.tags import complete


class TagSuggester(Suggester):
    def __init__(self, known: Sequence[str]) -> None:
        super().__init__(use_cache=False, case_sensitive=True)
        self.known = list(known)

    async def get_suggestion(self, value: str) -> str | None:
        return complete(value, self.known)

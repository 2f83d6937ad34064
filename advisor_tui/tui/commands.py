"""The command palette: everything reachable by name (Ctrl+P)."""

from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

from advisor_tui.i18n import t


class AdvisorCommands(Provider):
    """Application commands and customers by name."""

    def _commands(self) -> list[tuple[str, str]]:
        return [
            (t("cmd.search"), "focus_search"),
            (t("cmd.customers"), "focus_search"),
            (t("dupes.cmd"), "duplicates"),
            (t("cmd.help"), "help"),
            (t("cmd.quit"), "quit"),
        ]

    async def discover(self) -> Hits:
        for name, action in self._commands():
            yield DiscoveryHit(name, partial(self.app.run_action, action))

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, action in self._commands():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), partial(self.app.run_action, action))
        if len(query.strip()) >= 3:
            for person_id, name in await self._people(query):
                label = t("cmd.open_person", name=name)
                yield Hit(0.5, label, partial(self.app.open_card, person_id))  # type: ignore[attr-defined]

    async def _people(self, query: str) -> list[tuple[int, str]]:
        from advisor_tui.services.persons.listing import search
        from advisor_tui.storage.db import new_session

        def lookup() -> list[tuple[int, str]]:
            with new_session(self.app.engine) as session:  # type: ignore[attr-defined]
                return [(row.id, row.name) for row in search(session, query, limit=8)]

        import asyncio

        return await asyncio.to_thread(lookup)

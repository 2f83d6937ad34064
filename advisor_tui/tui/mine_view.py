"""The agenda's and the inbox's "mine / all" choice, kept while the app runs.

Screens are built anew at each F3/F4, so the choice lives on the app
(`AdvisorApp.mine_views`). "Mine" is the rule of `advisor due --mine`:
assigned to me or to nobody.
"""

from __future__ import annotations

from typing import Any

from textual.app import App


def _views(app: App[Any]) -> set[str]:
    views: set[str] = app.mine_views  # type: ignore[attr-defined]
    return views


def shows_mine(app: App[Any], screen: str) -> bool:
    """Whether `screen` ("agenda", "inbox") shows only mine; all until switched."""
    return screen in _views(app)


def toggle_mine(app: App[Any], screen: str) -> bool:
    """Switch `screen` between mine and all; returns the new choice."""
    views = _views(app)
    views ^= {screen}
    return screen in views


def my_name(app: App[Any]) -> str:
    """Who "me" is: the app's `advisor_name`, else what the services record (login name)."""
    from advisor_tui.services.audit import current_actor

    settings = getattr(app, "settings", None)
    return getattr(settings, "advisor_name", None) or current_actor()

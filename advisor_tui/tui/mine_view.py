"""The agenda's and the inbox's "mine / all" choice, kept while the app runs.

Screens are built anew at each F3/F4, so the choice lives beside the app
(keyed weakly: a test's app leaves nothing behind for the next one).
"Mine" is the rule of `advisor due --mine`: assigned to me or to nobody.
"""

from __future__ import annotations

from typing import Any
from weakref import WeakKeyDictionary

from textual.app import App

_CHOSEN: WeakKeyDictionary[App[Any], dict[str, bool]] = WeakKeyDictionary()


def shows_mine(app: App[Any], screen: str) -> bool:
    """Whether `screen` ("agenda", "inbox") shows only mine; all until switched."""
    return _CHOSEN.get(app, {}).get(screen, False)


def toggle_mine(app: App[Any], screen: str) -> bool:
    """Switch `screen` between mine and all; returns the new choice."""
    chosen = _CHOSEN.setdefault(app, {})
    chosen[screen] = not chosen.get(screen, False)
    return chosen[screen]


def my_name(app: App[Any]) -> str:
    """Who "me" is: the app's `advisor_name`, else what the services record (login name)."""
    from advisor_tui.services.audit import current_actor

    settings = getattr(app, "settings", None)
    return getattr(settings, "advisor_name", None) or current_actor()

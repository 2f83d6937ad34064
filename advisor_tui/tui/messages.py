"""Messages the app sends to its screens."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual.message import Message

if TYPE_CHECKING:
    from textual.app import App


class DataChanged(Message):
    """Stored data changed outside the screen (a call recorded, a merge, an edit).

    `person_ids` names the persons whose data changed; None means "anything".
    The app posts it to every screen on the stack; a screen reloads what it
    shows if it is concerned.
    """

    def __init__(self, person_ids: frozenset[int] | None = None) -> None:
        super().__init__()
        self.person_ids = person_ids

    def concerns(self, person_id: int) -> bool:
        return self.person_ids is None or person_id in self.person_ids


class CallRecorded(Message):
    """A call monitor outcome was stored; `report` is the service's CallReport."""

    def __init__(self, report: object) -> None:
        super().__init__()
        self.report = report


class CallsWaiting(Message):
    """Call outcomes wait in memory because the database stayed busy."""

    def __init__(self, count: int) -> None:
        super().__init__()
        self.count = count


def broadcast(app: App[Any], person_ids: frozenset[int] | None = None) -> None:
    """Tell every screen on the stack that stored data changed (of these persons)."""
    for screen in list(app.screen_stack):
        screen.post_message(DataChanged(person_ids))

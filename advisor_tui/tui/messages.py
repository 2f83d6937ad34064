"""Messages the app sends to its screens."""

from __future__ import annotations

from textual.message import Message


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

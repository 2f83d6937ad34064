"""One incoming message as read from outside (a file, a script, the call monitor).

The shared shape between the readers in `io/messages/` and the inbox service
(`services/inbox/`): readers produce these, the service stores and matches them.
Plain data: no database, no UI.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime


@dataclass(frozen=True, slots=True)
class IncomingMessage:
    """A message as it arrived; `channel` is a `vocabulary.Channel` value."""

    channel: str
    sender: str  # raw: "+49 171 1234567", "Anna <anna@example.org>", "Guido"
    text: str
    at: datetime  # aware (UTC or with offset); readers convert local times
    sender_name: str = ""  # display name / contact name the export gave the sender
    recipient: str = ""  # which of the advisor's addresses it arrived on
    recipients: tuple[str, ...] = ()  # all of the advisor's addresses it was sent to
    subject: str = ""
    external_id: str | None = None  # Message-ID, SMS backup key, chat line hash: dedupe
    thread: str = ""  # conversation key (References root, chat name, SMS thread)
    raw: str = ""  # the payload as read, kept when something fails validation
    attachments: tuple[str, ...] = field(default_factory=tuple)  # names only

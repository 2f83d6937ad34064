"""What every message reader yields: a message found at a place, or a place skipped and why."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from advisor_tui.domain.incoming import IncomingMessage


@dataclass(frozen=True, slots=True)
class Found:
    """A message read from `source` (a file), starting at `line` (0: the file as a whole)."""

    message: IncomingMessage
    source: str
    line: int = 0


# What `advisor import-messages --channel` accepts: auto (by content) or one reader family.
CHANNELS = ("auto", "email", "sms", "whatsapp")

# Reasons that are no fault of the file: the advisor's own messages, system lines, mails
# sent by machines (newsletters, auto-replies, bounces).
NOT_INCOMING = frozenset(
    {"outgoing", "system", "deleted", "draft", "folder_skipped", "automatic", "empty"}
)


@dataclass(frozen=True, slots=True)
class Skipped:
    """A line, record or file that gives no incoming message.

    `reason` is a short key (`msgimport.reason.<reason>` in the catalog); `value`
    a short excerpt of what was read. Reasons in `NOT_INCOMING` are expected
    (the advisor's own messages, system lines); the others are problems.
    """

    source: str
    line: int
    reason: str
    value: str = ""

    @property
    def is_problem(self) -> bool:
        return self.reason not in NOT_INCOMING


Item = Found | Skipped


def stable_id(prefix: str, *parts: object) -> str:
    """A short id that is the same for the same parts on every run and machine."""
    digest = hashlib.sha256("\x1f".join(str(part) for part in parts).encode("utf-8"))
    return f"{prefix}:{digest.hexdigest()[:32]}"


def excerpt(text: str, limit: int = 60) -> str:
    """One line of at most `limit` characters, for reports."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def is_own(me: tuple[str, ...], *names: str) -> bool:
    """Whether any of `names` (an author, an address, a display name) is the advisor's own."""
    mine = {m.strip().casefold() for m in me if m.strip()}
    return any(name.strip().casefold() in mine for name in names if name.strip())

"""Importing saved messages into the inbox: the readers of `io.messages`, one intake each.

Every message a reader finds goes through `intake.record_incoming`, which is
idempotent by (channel, external id): running an import twice, or importing
an older and a newer export of the same chat, adds nothing twice. The caller
commits (or rolls back for a dry run).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, tzinfo
from typing import Any

from sqlmodel import Session

from advisor_tui.domain.phones import DEFAULT_REGION
from advisor_tui.io.messages.items import Found, Skipped
from advisor_tui.io.messages.sources import Plan, read_source
from advisor_tui.services.errors import ServiceError
from advisor_tui.services.inbox.intake import record_incoming

# Skip reasons that are neither the advisor's own messages nor problems.
_PASSED = frozenset({"system", "deleted", "draft", "empty", "folder_skipped", "automatic"})
# progress(done, total, messages): bytes of the planned files read, messages recorded so far;
# called after each file and every PROGRESS_EVERY messages (one big backup takes minutes).
Progress = Callable[[int, int, int], None]
PROGRESS_EVERY = 250


@dataclass
class MessageImport:
    """What an import did: counts, and every place that was a problem (file, line, reason)."""

    files: int = 0
    new: int = 0
    known: int = 0
    new_requests: int = 0
    outgoing: int = 0
    passed: int = 0  # system lines, deleted messages, machine mails, skipped folders
    other_files: int = 0
    problems: list[Skipped] = field(default_factory=list)
    new_by_channel: Counter[str] = field(default_factory=Counter)
    request_ids: list[int] = field(default_factory=list)  # new requests, in order

    @property
    def found(self) -> int:
        return self.new + self.known

    def counts(self) -> dict[str, int]:
        return {
            "count": self.files,
            "new": self.new,
            "requests": self.new_requests,
            "known": self.known,
            "outgoing": self.outgoing,
            "passed": self.passed,
            "problems": len(self.problems),
        }

    def as_dict(self) -> dict[str, Any]:
        return {
            "files": self.files,
            "new": self.new,
            "known": self.known,
            "new_requests": self.new_requests,
            "outgoing": self.outgoing,
            "passed_over": self.passed,
            "other_files": self.other_files,
            "new_by_channel": dict(sorted(self.new_by_channel.items())),
            "request_ids": self.request_ids,
            "problems": [
                {"file": p.source, "line": p.line, "reason": p.reason, "value": p.value}
                for p in self.problems
            ],
        }

    def _skip(self, item: Skipped) -> None:
        if item.reason == "outgoing":
            self.outgoing += 1
        elif item.reason in _PASSED:
            self.passed += 1
        else:
            self.problems.append(item)


def import_messages(
    session: Session,
    plan: Plan,
    *,
    me: tuple[str, ...] = (),
    tz: tzinfo | None = None,
    now: datetime | None = None,
    region: str = DEFAULT_REGION,
    progress: Progress | None = None,
) -> MessageImport:
    """Read every planned file and record each incoming message; flushes, the caller commits."""
    report = MessageImport(files=len(plan.sources), other_files=plan.other_files)
    for skipped in plan.skipped:
        report._skip(skipped)
    total, done = plan.total_bytes, 0
    for source in plan.sources:
        for item in read_source(source, me=me, tz=tz):
            if isinstance(item, Skipped):
                report._skip(item)
                continue
            assert isinstance(item, Found)
            try:
                result = record_incoming(session, item.message, now=now, region=region)
            except ServiceError as exc:
                report.problems.append(Skipped(item.source, item.line, "refused", exc.key))
                continue
            if not result.created:
                report.known += 1
                if progress is not None and report.known % PROGRESS_EVERY == 0:
                    progress(done, total, report.found)
                continue
            report.new += 1
            report.new_by_channel[result.channel] += 1
            if progress is not None and report.new % PROGRESS_EVERY == 0:
                progress(done, total, report.found)
            if not result.joined:
                report.new_requests += 1
                report.request_ids.append(result.request_id)
        done += source.size
        if progress is not None:
            progress(done, total, report.found)
    session.flush()
    return report

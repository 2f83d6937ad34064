"""One human line per call monitor report (the CLI prints it, the TUI notifies it).

The rows calls leave behind hold facts, not sentences: `services.call_texts`
renders those (re-exported here: `entry_text`, `duration_text`).
"""

from __future__ import annotations

from advisor_tui.i18n import t
from advisor_tui.i18n.dates import format_time
from advisor_tui.io.callmonitor_events import OutcomeKind
from advisor_tui.services.call_texts import duration_text, entry_text
from advisor_tui.services.calls.recording import CallerInfo, CallReport

__all__ = ["describe_report", "duration_text", "entry_text", "number_text", "who_text"]


def number_text(caller: CallerInfo) -> str:
    """The caller's number as people write it, or "number withheld"."""
    return t("calls.withheld") if caller.withheld else caller.display


def who_text(caller: CallerInfo) -> str:
    """The person(s) behind a number: a name, the shared names, a suggestion or "unknown"."""
    names = ", ".join(c.name for c in caller.candidates)
    if not caller.candidates:
        return t("calls.who.unknown")
    if caller.match == "suffix":
        return t("calls.who.suffix", names=names)
    if len(caller.candidates) > 1:
        return t("calls.who.shared", names=names)
    return names


def describe_report(report: CallReport) -> str:
    """`14:02:30  Verpasster Anruf von 0171 1234567 – Anna Müller – Rückruf-… angelegt`."""
    outcome, caller = report.outcome, report.caller
    params = {"number": number_text(caller), "who": who_text(caller)}
    kind = outcome.kind
    if kind is OutcomeKind.RING:
        text = t("calls.line.ring", **params)
    elif kind is OutcomeKind.OUTGOING:
        text = t("calls.line.outgoing", **params)
    elif kind is OutcomeKind.CONNECTED:
        key = "calls.line.connected_in" if outcome.direction == "in" else "calls.line.connected_out"
        text = t(key, **params)
    elif kind is OutcomeKind.MISSED:
        text = t("calls.line.missed", **params)
    elif kind is OutcomeKind.ANSWERED:
        text = t("calls.line.answered", duration=duration_text(outcome.duration_seconds), **params)
    elif kind is OutcomeKind.BLOCKED:
        text = t("calls.line.blocked", **params)
    elif outcome.connected:
        duration = duration_text(outcome.duration_seconds)
        text = t("calls.line.outgoing_ended", duration=duration, **params)
    else:
        text = t("calls.line.not_reached", **params)
    done = _what_was_done(report)
    if done:
        text += f" – {done}"
    return f"{format_time(outcome.at, seconds=True)}  {text}"


def _what_was_done(report: CallReport) -> str:
    if report.missed is not None:
        if not report.missed.created:
            return t("calls.done.already")
        if report.missed.followup_ids:
            return t("calls.done.followups")
        return t("calls.done.inbox")
    if report.logged is not None and report.logged.interaction_id is not None:
        return t("calls.done.logged") if report.logged.created else t("calls.done.already")
    return ""

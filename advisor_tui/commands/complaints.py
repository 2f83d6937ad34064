"""`advisor complaints list|export|add|update`: the complaint register (VersVermV §17).

`list` prints the open and recent entries with their next deadline; `export`
writes the whole register for the IHK as CSV or plain text (`-o FILE`, through
a temporary file, never over an existing file without --force); `add` enters
one (from an inbox request with `--request ID`); `update ID` records its steps
(acknowledged, forwarded, interim reply, answer), its kind, status or a goodwill
decision. Exit 0, 1 when a named record
does not exist, 2 for bad input.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any

from advisor_tui.commands.context import CliContext, UsageError, record_id
from advisor_tui.i18n import t, tn

if TYPE_CHECKING:
    from datetime import date

    from advisor_tui.services.complaints.register import ComplaintRow

NAME = "complaints"
HELP_KEY = "complaints.cmd.help"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "action", choices=("list", "export", "add", "update"), help=t("complaints.opt.action")
    )
    parser.add_argument("id", nargs="?", type=record_id, help=t("complaints.opt.id"))
    for name in ("acknowledged", "forwarded", "interim", "answered", "guarantee-end"):
        parser.add_argument(f"--{name}", metavar="DATE", help=t(f"complaints.opt.{name}"))
    parser.add_argument("--forwarded-to", help=t("complaints.col.forwarded_to"))
    parser.add_argument("--answer", help=t("complaints.col.answer"))
    parser.add_argument(
        "--kind", choices=("complaint", "information"), help=t("complaints.col.kind")
    )
    parser.add_argument(
        "--status", choices=("open", "answered", "withdrawn"), help=t("complaints.col.status")
    )
    parser.add_argument(
        "--tolerance", type=int, metavar="DAYS", help=t("complaints.col.tolerance_days")
    )
    parser.add_argument("--goodwill", help=t("complaints.col.goodwill_note"))
    parser.add_argument(
        "--format", choices=("csv", "text"), default="text", help=t("complaints.opt.format")
    )
    parser.add_argument("-o", "--output", metavar="FILE", help=t("complaints.opt.output"))
    parser.add_argument("--force", action="store_true", help=t("output.opt.force"))
    parser.add_argument("--all", action="store_true", help=t("complaints.opt.all"))
    parser.add_argument("--open", action="store_true", help=t("complaints.opt.open"))
    parser.add_argument("--person", type=record_id, metavar="ID", help=t("complaints.opt.person"))
    parser.add_argument("--request", type=record_id, metavar="ID", help=t("complaints.opt.request"))
    parser.add_argument("--reason", default="", help=t("complaints.opt.reason"))
    parser.add_argument("--channel", help=t("complaints.opt.channel"))
    parser.add_argument("--received", metavar="DATE", help=t("complaints.opt.received"))
    parser.add_argument("--information", action="store_true", help=t("complaints.opt.information"))


def run(args: argparse.Namespace, ctx: CliContext) -> int:
    from advisor_tui.domain.timestamps import local, utcnow
    from advisor_tui.services.complaints.register import Rules, register
    from advisor_tui.services.errors import NotFound, ServiceError

    rules = Rules.from_settings(ctx.settings)
    today = local(utcnow()).date()
    try:
        if args.action == "add":
            return _add(args, ctx)
        if args.action == "update":
            return _update(args, ctx)
        if args.action == "export":
            return _export(args, ctx, rules, today)
        with ctx.session() as session:
            rows = register(session, rules, include_information=args.all, open_only=args.open)
    except NotFound as exc:
        print(t(exc.key, **exc.params), file=sys.stderr)
        return 1
    except ServiceError as exc:
        raise UsageError(t(exc.key, **exc.params)) from None
    _print(rows, today)
    return 0


def _add(args: argparse.Namespace, ctx: CliContext) -> int:
    from datetime import time

    from advisor_tui.domain.complaints import ComplaintKind
    from advisor_tui.domain.timestamps import utcnow
    from advisor_tui.services.complaints.register import add_complaint
    from advisor_tui.services.followups.timing import MomentError, parse_moment

    received = None
    if args.received:
        try:
            received = parse_moment(args.received, utcnow(), default_time=time(9))
        except MomentError:
            raise UsageError(t("complaints.bad_date", text=args.received)) from None
    if args.person is None and args.request is None:
        raise UsageError(t("complaints.need_person"))
    with ctx.session() as session:
        complaint = add_complaint(
            session,
            reason=args.reason,
            person_id=args.person,
            request_id=args.request,
            received_at=received,
            channel=args.channel,
            kind=ComplaintKind.INFORMATION if args.information else ComplaintKind.COMPLAINT,
        )
        session.commit()
        print(t("complaints.added", id=complaint.id))
    return 0


def _update(args: argparse.Namespace, ctx: CliContext) -> int:
    from datetime import time

    from advisor_tui.domain.timestamps import local, utcnow
    from advisor_tui.services.complaints.register import update_complaint
    from advisor_tui.services.followups.timing import MomentError, parse_moment

    if args.id is None:
        raise UsageError(t("complaints.need_id"))
    now = utcnow()

    def moment(text: str) -> object:
        try:
            return parse_moment(text, now, default_time=time(9))
        except MomentError:
            raise UsageError(t("complaints.bad_date", text=text)) from None

    changes: dict[str, Any] = {}
    dates = (
        ("acknowledged", "acknowledged_at"),
        ("forwarded", "forwarded_at"),
        ("interim", "interim_reply_at"),
        ("answered", "answered_at"),
    )
    for option, field in dates:
        value = getattr(args, option)
        if value:
            changes[field] = moment(value)
    if args.guarantee_end:
        changes["guarantee_end"] = local(moment(args.guarantee_end)).date()  # type: ignore[arg-type]
    for option, field in (("forwarded_to", "forwarded_to"), ("answer", "answer"), ("kind", "kind"),
                          ("status", "status"), ("tolerance", "tolerance_days"),
                          ("goodwill", "goodwill_note")):  # fmt: skip
        value = getattr(args, option)
        if value is not None:
            changes[field] = value
    if not changes:
        raise UsageError(t("complaints.nothing_to_change"))
    with ctx.session() as session:
        update_complaint(session, args.id, **changes)
        session.commit()
    print(t("complaints.updated", id=args.id))
    return 0


def _export(args: argparse.Namespace, ctx: CliContext, rules: object, today: date) -> int:
    from pathlib import Path

    from advisor_tui.services.complaints.export import write_csv, write_text
    from advisor_tui.services.complaints.register import Rules, register
    from advisor_tui.storage.output_files import check_target, output_file

    assert isinstance(rules, Rules)
    path = Path(args.output).expanduser() if args.output is not None else None
    if path is not None:
        check_target(path, force=args.force)
    with ctx.session() as session:
        rows = register(session, rules, include_information=args.all, open_only=args.open)

    def write(out: object) -> None:
        if args.format == "csv":
            write_csv(rows, out)  # type: ignore[arg-type]
        else:
            write_text(rows, out, today=today)  # type: ignore[arg-type]

    if path is None:
        write(sys.stdout)
        return 0
    with output_file(path, force=args.force) as out:
        write(out)
    print(tn("complaints.export.done", len(rows), path=path), file=sys.stderr)
    return 0


def deadline_text(row: ComplaintRow, today: date) -> str:
    """The next deadline in words: "Antworten in 3 Tagen (04.12.2026)", or "erledigt"."""
    if not row.deadlines:  # a request for information has none
        return "–"
    due = row.next_deadline
    if due is None:
        return t("complaints.due.done")
    step = t(f"complaints.step.{due.step}")
    left = due.days_left(today)
    date_text = f"{due.due:%d.%m.%Y}"
    if left == 0:
        return t("complaints.due.today", step=step)
    if left > 0:
        return tn("complaints.due.left", left, step=step, date=date_text)
    return tn("complaints.due.overdue", -left, step=step, date=date_text)


def _print(rows: list[ComplaintRow], today: date) -> None:
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table

    from advisor_tui.services.complaints.export import values

    if not rows:
        print(t("complaints.none"))
        return
    table = Table(box=None, pad_edge=False, show_edge=False, header_style="bold")
    for key in ("id", "received", "complainant", "channel", "status", "next", "reason"):
        table.add_column(t(f"complaints.col.{key}"), no_wrap=key not in ("reason", "complainant"))
    for row in rows:
        shown = values(row)
        due = escape(deadline_text(row, today))
        nxt = row.next_deadline
        if nxt is not None and nxt.is_overdue(today):
            due = f"[b red]{due}[/]"
        kind = "" if row.complaint.kind == "complaint" else f" ({shown['kind']})"
        table.add_row(
            shown["id"],
            shown["received"],
            escape(shown["complainant"]),
            shown["channel"],
            shown["status"] + kind,
            due,
            escape(" ".join(shown["reason"].split())[:80]),
        )
    console = Console()
    if not console.is_terminal:
        console = Console(width=200)
    console.print(table)

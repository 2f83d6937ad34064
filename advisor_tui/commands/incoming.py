"""`advisor incoming --channel CH --from SENDER [--text T | stdin]`: one message into the inbox.

For scripts (a mail filter, an SMS gateway, a note typed after a visit): the
message is stored, its sender matched and its request opened (or found, when
`--id` names a message seen before). Every value is checked before anything
is written: a bad one is one sentence and exit status 2. `--json` prints
`{"id", "channel", "status", "kind", "match": {"how", "person", "candidates"}}`.
"""

from __future__ import annotations

import argparse
import sys
from datetime import datetime

from advisor_tui.commands.context import CliContext, UsageError
from advisor_tui.i18n import t, tn

NAME = "incoming"
HELP_KEY = "incoming.cmd.help"
# The channel names, as in domain.vocabulary.Channel (kept here: no domain import at start-up).
_CHANNEL_HELP = (
    "sms, mms, email, whatsapp, signal, telegram, facebook, x, linkedin, xing, phone, "
    "voicemail, letter, fax, in_person"
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--channel",
        required=True,
        metavar="CH",
        help=t("incoming.opt.channel", valid=_CHANNEL_HELP),
    )
    parser.add_argument("--from", dest="sender", required=True, metavar="SENDER",
                        help=t("incoming.opt.from"))  # fmt: skip
    parser.add_argument("--text", metavar="T", help=t("incoming.opt.text"))
    parser.add_argument("--subject", default="", metavar="S", help=t("incoming.opt.subject"))
    parser.add_argument("--at", metavar="TIME", help=t("incoming.opt.at"))
    parser.add_argument("--to", default="", metavar="ADDRESS", help=t("incoming.opt.to"))
    parser.add_argument("--id", dest="external_id", metavar="ID", help=t("incoming.opt.id"))
    parser.add_argument("--json", action="store_true", help=t("cli.opt.json"))


def _time(text: str | None) -> datetime:
    from advisor_tui.domain.timestamps import as_utc, utcnow

    if text is None:
        return utcnow()
    try:
        value = datetime.fromisoformat(text.strip())
    except ValueError:
        raise UsageError(t("incoming.bad_time", text=text)) from None
    if value.tzinfo is None:
        value = value.astimezone()  # the local time of this machine
    return as_utc(value)


def _who(result: object) -> str:
    from advisor_tui.services.inbox.intake import IntakeResult

    assert isinstance(result, IntakeResult)
    if result.person is not None and result.assigned:
        return t("incoming.who.assigned", name=result.person.name)
    if result.person is not None:
        return t("incoming.who.suggested", name=result.person.name, how=t(f"rmatch.{result.how}"))
    if result.candidates:
        names = ", ".join(c.name for c in result.candidates)
        return tn("incoming.who.candidates", len(result.candidates), names=names)
    return t("incoming.who.none")


def run(args: argparse.Namespace, ctx: CliContext) -> int:
    from advisor_tui.domain.incoming import IncomingMessage
    from advisor_tui.services.errors import ServiceError
    from advisor_tui.services.inbox.intake import check_channel, record_incoming

    try:
        channel = check_channel(args.channel)
    except ServiceError as exc:
        raise UsageError(t(exc.key, **exc.params)) from None
    sender = args.sender.strip()
    if not sender:
        raise UsageError(t("incoming.no_sender"))
    text = args.text if args.text is not None else ("" if sys.stdin.isatty() else sys.stdin.read())
    text = text.strip("\n")
    if not text.strip() and not args.subject.strip():
        raise UsageError(t("incoming.empty"))
    at = _time(args.at)
    message = IncomingMessage(
        channel=channel,
        sender=sender,
        text=text,
        at=at,
        subject=args.subject.strip(),
        recipient=args.to.strip(),
        external_id=args.external_id,
    )
    with ctx.session() as session:
        try:
            result = record_incoming(
                session,
                message,
                region=ctx.settings.region,
                complaint_days=ctx.settings.inbox.complaint_days,
            )
        except ServiceError as exc:
            session.rollback()
            raise UsageError(t(exc.key, **exc.params)) from None
        session.commit()
    if args.json:
        ctx.print_json(result.to_json())
        return 0
    key = "incoming.stored" if result.created else "incoming.duplicate"
    print(
        t(
            key,
            id=result.request_id,
            channel=t(f"channel.{result.channel}"),
            kind=t(f"rkind.{result.kind}"),
            who=_who(result),
        )
    )
    return 0

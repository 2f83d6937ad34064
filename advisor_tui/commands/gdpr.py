"""`advisor gdpr export|erase|purge`: the data subject's rights (GDPR Art. 15 and 17).

`erase` keeps what FinVermV §23 makes an advisor keep (records of advice and
of orders) locked and hidden until its date; `purge` deletes it then.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path
from typing import Any

from advisor_tui.commands.context import CliContext, common_options, record_id
from advisor_tui.i18n import t

NAME = "gdpr"
HELP_KEY = "cli.cmd.gdpr"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    common = common_options()
    actions = parser.add_subparsers(
        dest="gdpr_action", metavar="ACTION", required=True, parser_class=type(parser)
    )
    export = actions.add_parser(
        "export", help=t("gdpr.cmd.export"), description=t("gdpr.cmd.export"), parents=[common]
    )
    export.add_argument("person_id", type=record_id, metavar="PERSON_ID")
    export.add_argument("-o", "--output", metavar="DIR", default=".", help=t("gdpr.opt.output"))
    export.add_argument("--force", action="store_true", help=t("output.opt.force"))
    export.add_argument("--json", action="store_true", help=t("cli.opt.json"))
    erase = actions.add_parser(
        "erase", help=t("gdpr.cmd.erase"), description=t("gdpr.cmd.erase"), parents=[common]
    )
    erase.add_argument("person_id", type=record_id, metavar="PERSON_ID")
    erase.add_argument("--yes", "-y", action="store_true", help=t("confirm.opt.yes"))
    erase.add_argument("--json", action="store_true", help=t("cli.opt.json"))
    purge = actions.add_parser(
        "purge", help=t("gdpr.cmd.purge"), description=t("gdpr.cmd.purge"), parents=[common]
    )
    purge.add_argument("--yes", "-y", action="store_true", help=t("confirm.opt.yes"))
    purge.add_argument("--json", action="store_true", help=t("cli.opt.json"))


def _day(value: date | None) -> str:
    from advisor_tui.i18n.dates import format_date

    return format_date(value) if value else ""


def _export(args: argparse.Namespace, ctx: CliContext) -> int:
    from advisor_tui.services.gdpr.export import export_person

    with ctx.session() as session:
        files = export_person(
            session, args.person_id, Path(args.output).expanduser(), force=args.force
        )
        session.commit()
    if args.json:
        ctx.print_json(
            {"json": str(files.json_path), "text": str(files.text_path), "counts": files.counts}
        )
    else:
        print(t("gdpr.export.done", id=args.person_id, json=files.json_path, text=files.text_path))
    return 0


def _erase_summary(plan: Any) -> str:
    erased = plan.erased
    text = t(
        "gdpr.erase.summary",
        addresses=erased["addresses"],
        consents=erased["consents"],
        requests=erased["requests"],
        interactions=erased["interactions"],
        followups=erased["followups"],
    )
    if plan.restricted:
        text += " " + t(
            "gdpr.erase.retention",
            requests=plan.retained["requests"],
            interactions=plan.retained["interactions"],
            until=_day(plan.retain_until),
        )
    return text


def _erase(args: argparse.Namespace, ctx: CliContext) -> int:
    from advisor_tui.commands.confirm import confirm
    from advisor_tui.services.gdpr.erase import WIPE_RESULT, erase_person, plan_erasure

    with ctx.session() as session:
        plan = plan_erasure(session, args.person_id)
        question = t("gdpr.erase.confirm", id=plan.person_id, name=plan.display_name)
        if not args.json:
            print(_erase_summary(plan))
        if not confirm(question, assume_yes=args.yes):
            print(t("confirm.declined"))
            return 1
        plan = erase_person(session, args.person_id)
        session.commit()
        wiped = session.info.get(WIPE_RESULT)
    if wiped is None or not wiped.wal_emptied:
        print(t("gdpr.erase.wipe_busy"), file=sys.stderr)
    if args.json:
        ctx.print_json(
            {
                "person_id": plan.person_id,
                "erased": plan.erased,
                "retained": plan.retained,
                "retain_until": plan.retain_until.isoformat() if plan.retain_until else None,
            }
        )
    elif plan.restricted:
        print(
            t(
                "gdpr.erase.done_restricted",
                id=plan.person_id,
                requests=plan.retained["requests"],
                interactions=plan.retained["interactions"],
                until=_day(plan.retain_until),
            )
        )
    else:
        print(t("gdpr.erase.done", id=plan.person_id))
    return 0


def _purge(args: argparse.Namespace, ctx: CliContext) -> int:
    from advisor_tui.commands.confirm import confirm
    from advisor_tui.services.gdpr.erase import plan_purge, purge_expired

    with ctx.session() as session:
        plan = plan_purge(session)
        if plan.empty:
            if args.json:
                ctx.print_json({"persons": [], "requests": 0, "interactions": 0})
            else:
                print(t("gdpr.purge.nothing"))
            return 0
        question = t(
            "gdpr.purge.confirm",
            persons=len(plan.person_ids),
            requests=plan.requests,
            interactions=plan.interactions,
        )
        if not confirm(question, assume_yes=args.yes):
            print(t("confirm.declined"))
            return 1
        done = purge_expired(session)
        session.commit()
    if args.json:
        ctx.print_json(
            {
                "persons": done.person_ids,
                "requests": done.requests,
                "interactions": done.interactions,
            }
        )
    else:
        print(
            t(
                "gdpr.purge.done",
                persons=len(done.person_ids),
                requests=done.requests,
                interactions=done.interactions,
            )
        )
    return 0


def run(args: argparse.Namespace, ctx: CliContext) -> int:
    from advisor_tui.services.errors import NotFound

    handlers = {"export": _export, "erase": _erase, "purge": _purge}
    try:
        return handlers[args.gdpr_action](args, ctx)
    except NotFound as exc:  # an unknown person id: "not found" (1), not a usage error
        print(t("cli.error", message=t(exc.key, **exc.params)), file=sys.stderr)
        return 1

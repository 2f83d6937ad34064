"""`advisor campaign create|list|show`: phone campaigns (Telefonaktion) for scripts.

`create NAME` builds the call list from the filter options and prints how many
persons it holds; `list` shows every campaign with its progress; `show ID` the
call list in order with each entry's state (`--json` for machines). Exit 0,
1 for an unknown campaign, 2 for bad input.
"""

from __future__ import annotations

import argparse
import sys

from advisor_tui.commands.context import CliContext, UsageError, record_id
from advisor_tui.i18n import t, tn

NAME = "campaign"
HELP_KEY = "campaign.cmd.help"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("action", choices=("create", "list", "show"), help=t("campaign.opt.action"))
    parser.add_argument("target", nargs="?", default="", help=t("campaign.opt.target"))
    parser.add_argument("--kind", default="customer,prospect", help=t("campaign.opt.kind"))
    parser.add_argument("--weeks", type=int, metavar="N", help=t("campaign.opt.weeks"))
    parser.add_argument(
        "--flag", choices=("super", "dissatisfied", "payment"), help=t("campaign.opt.flag")
    )
    parser.add_argument("--tag", help=t("campaign.opt.tag"))
    parser.add_argument("--birthday-month", action="store_true", help=t("campaign.opt.birthday"))
    parser.add_argument("--consent", action="store_true", help=t("campaign.opt.consent"))
    parser.add_argument("--min-stability", type=int, metavar="N", help=t("campaign.opt.stability"))
    parser.add_argument("--json", action="store_true", help=t("cli.opt.json"))


def run(args: argparse.Namespace, ctx: CliContext) -> int:
    from advisor_tui.services.errors import NotFound, ServiceError

    try:
        if args.action == "create":
            return _create(args, ctx)
        if args.action == "list":
            return _list(args, ctx)
        return _show(args, ctx)
    except NotFound as exc:
        print(t(exc.key, **exc.params), file=sys.stderr)
        return 1
    except ServiceError as exc:
        raise UsageError(t(exc.key, **exc.params)) from None


def _create(args: argparse.Namespace, ctx: CliContext) -> int:
    from advisor_tui.services.campaigns.building import create_campaign
    from advisor_tui.services.campaigns.criteria import Criteria

    criteria = Criteria(
        kinds=tuple(k.strip() for k in args.kind.split(",") if k.strip()),
        not_contacted_weeks=args.weeks,
        flag=args.flag,
        tag=args.tag,
        birthday_this_month=args.birthday_month,
        phone_consent=args.consent,
        min_stability=args.min_stability,
    )
    with ctx.session() as session:
        campaign = create_campaign(session, args.target, criteria)
        session.commit()
        from advisor_tui.services.campaigns.stepping import summary

        total = summary(session, campaign.id or 0).total
        if args.json:
            ctx.print_json({"id": campaign.id, "name": campaign.name, "persons": total})
        else:
            print(t("campaign.created", id=campaign.id, name=campaign.name,
                    persons=tn("campaign.persons", total)))  # fmt: skip
    return 0


def _list(args: argparse.Namespace, ctx: CliContext) -> int:
    from advisor_tui.services.campaigns.stepping import campaigns

    with ctx.session() as session:
        found = campaigns(session)
    if args.json:
        ctx.print_json(
            [
                {
                    "id": s.campaign_id,
                    "name": s.name,
                    "status": s.status,
                    "total": s.total,
                    "finished": s.finished,
                    "states": s.states,
                }
                for s in found
            ]  # fmt: skip
        )
        return 0
    if not found:
        print(t("campaign.none"))
        return 0
    for s in found:
        print(f"#{s.campaign_id}  {s.name}  {t('campaign.status.' + s.status)}  "
              f"{t('campaign.done_of', done=s.finished, total=s.total)}")  # fmt: skip
    return 0


def _show(args: argparse.Namespace, ctx: CliContext) -> int:
    from advisor_tui.services.campaigns.stepping import entries, summary

    try:
        campaign_id = record_id(args.target)
    except argparse.ArgumentTypeError as exc:
        raise UsageError(str(exc)) from None
    with ctx.session() as session:
        s = summary(session, campaign_id)
        rows = entries(session, campaign_id)
    if args.json:
        ctx.print_json(
            {
                "id": s.campaign_id,
                "name": s.name,
                "status": s.status,
                "total": s.total,
                "finished": s.finished,
                "entries": [
                    {
                        "person_id": e.person_id,
                        "person": name,
                        "state": e.state,
                        "attempts": e.attempts,
                        "last_outcome": e.last_outcome,
                        "consent_ok": e.consent_ok,
                    }
                    for e, name in rows
                ],
            }  # fmt: skip
        )
        return 0
    print(f"#{s.campaign_id}  {s.name}  {t('campaign.status.' + s.status)}  "
          f"{t('campaign.done_of', done=s.finished, total=s.total)}")  # fmt: skip
    for number, (e, name) in enumerate(rows, start=1):
        outcome = t(f"campaign.outcome.{e.last_outcome}") if e.last_outcome else ""
        consent = "" if e.consent_ok else f"  ⚠ {t('campaign.no_consent_short')}"
        print(f"{number:>4}. {name:<30} {t('campaign.state.' + e.state):<14} {outcome}{consent}")
    return 0

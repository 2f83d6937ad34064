"""`advisor consent PERSON_ID [ACTION] --channel C [...] [--json]`: the consent ledger.

Without an action it shows the state per channel (derived from the ledger),
the uses and the date the §7a evidence may be discarded, and with `--json`
the events too. `grant`, `refuse`, `revoke` and `object` add one event
(GDPR Art. 21: an objection binds at once, on every channel); `consumer` and
`business` set the person's party (UWG §7: presumed consent may do for
business phone calls only). Bad input: one sentence, exit 2, nothing written.
"""

from __future__ import annotations

import argparse
from datetime import datetime
from typing import TYPE_CHECKING, Any

from advisor_tui.commands.context import CliContext, UsageError, record_id
from advisor_tui.i18n import t

if TYPE_CHECKING:
    from advisor_tui.services.consent.ledger import ConsentOverview

NAME = "consent"
HELP_KEY = "consent.cmd.help"

# Action word -> ledger event kind.
EVENT_ACTIONS = {
    "grant": "granted",
    "refuse": "refused",
    "revoke": "revoked",
    "object": "objection",
}
PARTY_ACTIONS = ("consumer", "business")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("person", type=record_id, metavar="PERSON_ID", help=t("consent.opt.person"))
    parser.add_argument(
        "action",
        nargs="?",
        choices=(*EVENT_ACTIONS, *PARTY_ACTIONS),
        help=t("consent.opt.action"),
    )
    parser.add_argument("--channel", help=t("consent.opt.channel"))
    parser.add_argument("--purpose", default="", help=t("consent.opt.purpose"))
    parser.add_argument("--method", default="conversation", help=t("consent.opt.method"))
    parser.add_argument("--wording", default="", help=t("consent.opt.wording"))
    parser.add_argument("--evidence", default="", help=t("consent.opt.evidence"))
    parser.add_argument("--at", metavar="YYYY-MM-DD", help=t("consent.opt.at"))
    parser.add_argument("--json", action="store_true", help=t("consent.opt.json"))


def _at(text: str | None) -> datetime | None:
    if text is None:
        return None
    from advisor_tui.domain.timestamps import as_utc

    try:
        day = datetime.strptime(text.strip(), "%Y-%m-%d")
    except ValueError:
        raise UsageError(t("consent.cli.bad_at", text=text)) from None
    # Noon local time: the day stays the day in every zone the advisor is in.
    return as_utc(day.replace(hour=12).astimezone())


def run(args: argparse.Namespace, ctx: CliContext) -> int:
    from advisor_tui.services import consent
    from advisor_tui.services.errors import ServiceError

    at = _at(args.at)
    if args.action in EVENT_ACTIONS and not args.channel:
        raise UsageError(t("consent.cli.channel_needed"))
    with ctx.session() as session:
        try:
            if args.action in EVENT_ACTIONS:
                consent.record_event(
                    session,
                    args.person,
                    kind=EVENT_ACTIONS[args.action],
                    channel=args.channel,
                    method=args.method,
                    purpose=args.purpose,
                    wording=args.wording,
                    evidence=args.evidence,
                    occurred_at=at,
                )
            elif args.action in PARTY_ACTIONS:
                consent.set_party(session, args.person, args.action)
            session.commit()
            data = consent.overview(session, args.person)
            name = consent.get_person(session, args.person, include_restricted=True).display_name
        except ServiceError as exc:
            session.rollback()
            raise UsageError(t(exc.key, **exc.params)) from None
    if args.json:
        ctx.print_json(_json(data, name))
        return 0
    if args.action in EVENT_ACTIONS:
        print(
            t(
                "consent.cli.recorded",
                channel=t(f"consent.channel.{args.channel}"),
                kind=t(f"consent.kind.{EVENT_ACTIONS[args.action]}"),
                name=name,
            )
        )
    _print(data, name)
    return 0


def _iso(value: Any) -> str | None:
    return value.isoformat() if value is not None else None


def _json(data: ConsentOverview, name: str) -> dict[str, Any]:
    return {
        "person_id": data.person_id,
        "name": name,
        "party": data.party,
        "channels": [
            {
                "channel": v.state.channel,
                "status": v.state.status.value,
                "since": _iso(v.state.since),
                "address": v.state.address,
                "granted_at": _iso(v.state.granted_at),
                "uses": v.uses,
                "last_use": _iso(v.last_use),
                "evidence_until": _iso(v.keep_until),
            }
            for v in data.channels
        ],
        "events": [
            {
                "id": e.id,
                "kind": e.kind,
                "channel": e.channel,
                "address": e.address,
                "purpose": e.purpose,
                "method": e.method,
                "wording": e.wording,
                "evidence": e.evidence,
                "recorded_by": e.recorded_by,
                "occurred_at": _iso(e.occurred_at),
            }
            for e in data.events
        ],
    }


def _print(data: ConsentOverview, name: str) -> None:
    from advisor_tui.i18n.dates import format_date

    print(t("consent.panel.title", name=name))
    print(t("consent.panel.party", party=t(f"consent.party.{data.party}")))
    for view in data.channels:
        state = view.state
        print(
            t(
                "consent.cli.line",
                channel=t(f"consent.channel.{state.channel}"),
                status=t(f"consent.status.{state.status.value}"),
                since=format_date(state.since) if state.since else "",
                uses=view.uses,
                keep=format_date(view.keep_until) if view.keep_until else "–",
            ).rstrip()
        )

"""`advisor log-call PERSON_ID|NUMBER --outcome O`: log a call from a softphone script.

PERSON_ID is a person's number as `advisor search --json` prints it (also as
`#12`); anything else is read as a phone number and must belong to exactly
one person (exit 1 nobody, exit 2 a shared number: give the person id).
Every value is checked before anything is written: a bad one is one
sentence and exit status 2.
"""

from __future__ import annotations

import argparse
import re
import sys
from typing import Any

from advisor_tui.commands.context import CliContext, UsageError
from advisor_tui.i18n import t

NAME = "log-call"
HELP_KEY = "logcall.cmd.help"

OUTCOMES = ("reached", "no_answer", "voicemail", "busy", "wrong_number")
RESULTS = ("appointment", "callback_wanted", "not_interested", "order", "complaint", "other")
DIRECTIONS = ("out", "in")
# A person id is short and has no leading zero; a phone number never is.
_PERSON_ID = re.compile(r"^#?([1-9]\d{0,6})$")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("who", metavar="PERSON_ID|NUMBER", help=t("logcall.opt.who"))
    parser.add_argument("--outcome", required=True, metavar="O", help=t("logcall.opt.outcome"))
    parser.add_argument("--duration", metavar="S", help=t("logcall.opt.duration"))
    parser.add_argument("--note", default="", metavar="T", help=t("logcall.opt.note"))
    parser.add_argument("--follow-up", metavar="WHEN", help=t("logcall.opt.follow_up"))
    parser.add_argument("--result", metavar="R", help=t("logcall.opt.result"))
    parser.add_argument("--direction", default="out", metavar="D", help=t("logcall.opt.direction"))
    parser.add_argument("--json", action="store_true", help=t("cli.opt.json"))


def _choice(option: str, value: str | None, choices: tuple[str, ...]) -> str | None:
    if value is None or value in choices:
        return value
    raise UsageError(t("logcall.bad_value", option=option, value=value, choices=", ".join(choices)))


def _duration(text: str | None) -> int | None:
    if text is None:
        return None
    if not text.strip().isascii() or not text.strip().isdecimal():
        raise UsageError(t("contact.err.duration_text", text=text))
    return int(text.strip())


def run(args: argparse.Namespace, ctx: CliContext) -> int:
    from advisor_tui.domain.timestamps import utcnow
    from advisor_tui.i18n.dates import format_datetime
    from advisor_tui.services.contacts.addresses import addresses_for, owner_of_number
    from advisor_tui.services.contacts.logging import log_contact
    from advisor_tui.services.contacts.when import parse_when
    from advisor_tui.services.errors import NotFound, ServiceError
    from advisor_tui.services.persons.editing import get_person

    outcome = _choice("--outcome", args.outcome, OUTCOMES)
    result = _choice("--result", args.result, RESULTS)
    direction = _choice("--direction", args.direction, DIRECTIONS) or "out"
    duration = _duration(args.duration)
    now = utcnow()
    try:
        due = parse_when(args.follow_up, now) if args.follow_up is not None else None
    except ServiceError as exc:
        raise UsageError(t(exc.key, **exc.params)) from None
    assert outcome is not None
    with ctx.session() as session:
        address_id: int | None = None
        number = ""
        if match := _PERSON_ID.match(args.who.strip()):
            person_id = int(match.group(1))
            try:
                person = get_person(session, person_id)
            except NotFound:
                print(t("logcall.not_found", query=args.who), file=sys.stderr)
                return 1
            phones = addresses_for(session, person_id, "phone", now)
            if phones:
                address_id = phones[0].address.id
        else:
            owner = owner_of_number(session, args.who, region=ctx.settings.region)
            if not owner.valid_input:
                raise UsageError(t("who.bad_input", query=args.who))
            if not owner.person_ids:
                print(t("logcall.not_found", query=args.who), file=sys.stderr)
                return 1
            if len(owner.person_ids) > 1:
                ids = ", ".join(str(i) for i in owner.person_ids)
                raise UsageError(t("logcall.shared", query=args.who, ids=ids))
            person_id, address_id, number = owner.person_ids[0], owner.address_ids[0], args.who
            person = get_person(session, person_id)
        logged = log_contact(
            session,
            person_id,
            channel="phone",
            direction=direction,
            address_id=address_id,
            number_text=number.strip(),
            started_at=now,
            duration_seconds=duration,
            outcome=outcome,
            result=result,
            note=args.note,
            follow_up_due=due,
            now=now,
        )
        session.commit()
        name = person.display_name
    if args.json:
        data: dict[str, Any] = {
            "interaction_id": logged.interaction_id,
            "person_id": person_id,
            "name": name,
            "outcome": outcome,
            "result": result,
            "followup": None,
        }
        if logged.followup_id is not None and due is not None:
            data["followup"] = {
                "id": logged.followup_id,
                "kind": logged.followup_kind,
                "due_at": due.isoformat(),
            }
        ctx.print_json(data)
        return 0
    print(t("logcall.done", name=name, outcome=t(f"outcome.{outcome}")))
    if due is not None and logged.followup_kind is not None:
        kind = t(f"followup.{logged.followup_kind}")
        print(t("logcall.done_followup", kind=kind, due=format_datetime(due)))
    return 0

"""`advisor who NUMBER|EMAIL`: who is calling or writing (for softphones and pop-ups).

Exit status 0 when someone matched, 1 when nobody, 2 when the input is no
number (at least 4 digits) and no e-mail address. Kept light: everything
heavy is imported inside run(), so the whole process stays well under 0.5 s.
"""

from __future__ import annotations

import argparse
import sys

from advisor_tui.commands.context import CliContext, UsageError
from advisor_tui.i18n import t

NAME = "who"
HELP_KEY = "who.cmd.help"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("sender", metavar="NUMBER|EMAIL", help=t("who.opt.sender"))
    parser.add_argument("--json", action="store_true", help=t("cli.opt.json"))


def run(args: argparse.Namespace, ctx: CliContext) -> int:
    from advisor_tui.commands.search import person_entries, print_entries
    from advisor_tui.services.errors import NotFound
    from advisor_tui.services.persons.editing import get_person
    from advisor_tui.services.persons.lookup import reverse_lookup

    region = ctx.settings.region
    with ctx.session() as session:
        result = reverse_lookup(session, args.sender, region=region)
        if not result.valid_input:
            raise UsageError(t("who.bad_input", query=result.query))
        found = []
        for hit in result.hits:
            try:
                person = get_person(session, hit.person_id)
            except NotFound:  # erased or restricted meanwhile
                continue
            found.append((person, hit.match, {"address_id": hit.address_id}))
        entries = person_entries(session, found)
    if args.json:
        ctx.print_json(entries)
    elif entries:
        print_entries(entries, region)
        matches = {entry["match"] for entry in entries}
        if "suffix" in matches:
            print(t("who.suffix_note"))
        elif "shared" in matches:
            print(t("who.shared_note"))
    else:
        print(t("who.not_found", query=result.query), file=sys.stderr)
    return 0 if entries else 1

"""`advisor who NUMBER|EMAIL`: who is calling or writing (for softphones and pop-ups).

Exit status 0 when someone matched, 1 when nobody, 2 when the input is no
number (at least 4 digits) and no e-mail address. `--name-only` prints one
line for a phone's caller display.

A softphone shows the answer between two rings, so on a SQLite file or a
PostgreSQL database at the newest migration the lookup runs through the
plain driver (`storage.lookup_fast`: sqlite3 or psycopg): the same statements
(`storage.lookup_sql`), the same lookup (`services.persons.lookup.lookup_with`)
and the same ranking as the ORM path, without importing SQLAlchemy. Anything
else (an older schema, a missing file, a server it cannot reach) takes the
ORM path, which also migrates or explains.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from advisor_tui.commands.context import CliContext, UsageError
from advisor_tui.i18n import t

if TYPE_CHECKING:
    from datetime import datetime

    from advisor_tui.services.persons.lookup import Execute, LookupResult

NAME = "who"
HELP_KEY = "who.cmd.help"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("sender", metavar="NUMBER|EMAIL", help=t("who.opt.sender"))
    output = parser.add_mutually_exclusive_group()
    output.add_argument("--json", action="store_true", help=t("cli.opt.json"))
    output.add_argument("--name-only", action="store_true", help=t("who.opt.name_only"))


@dataclass
class Answer:
    """What `who` found: the lookup, the JSON-ready entries, persons with an open callback."""

    result: LookupResult
    entries: list[dict[str, Any]]
    callbacks: set[int]


def _database_url(ctx: CliContext) -> str:
    from advisor_tui.storage.urls import resolve_url  # light: CliContext's pulls in the engine

    return resolve_url(ctx.db_path, ctx.settings.database_url)


def _fast_answer(url: str, sender: str, region: str, now: datetime | None) -> Answer | None:
    """The answer through a plain driver (sqlite3, psycopg), or None: the normal path runs."""
    from advisor_tui.storage import lookup_fast

    if lookup_fast.plain_sqlite_file(url) is None and not url.startswith("postgresql"):
        return None
    from datetime import UTC
    from datetime import datetime as dt

    from advisor_tui.commands.search import ranked_entries
    from advisor_tui.services.persons.lookup import lookup_with
    from advisor_tui.services.persons.ranking import rank_addresses

    with lookup_fast.open_fast(url) as connection:
        if connection is None:
            return None
        execute = lookup_fast.executor(connection)
        result = _checked(lookup_with(execute, sender, region=region))
        persons, addresses = lookup_fast.persons_with_addresses(
            connection, [hit.person_id for hit in result.hits]
        )
        when = now or dt.now(UTC)
        found = []
        ranked = {}
        for hit in result.hits:
            person = persons.get(hit.person_id)
            if person is None or person.restricted_until is not None:  # erased meanwhile
                continue
            found.append((person, hit.match, {"address_id": hit.address_id}))
            rows: Any = addresses.get(person.id, [])  # AddressRow reads like models.Address
            ranked[person.id] = rank_addresses(rows, person, when)
        entries = ranked_entries(found, ranked)
        return Answer(result, entries, _open_callbacks(execute, entries))


def _orm_answer(ctx: CliContext, sender: str, region: str, now: datetime | None) -> Answer:
    from advisor_tui.commands.search import person_entries
    from advisor_tui.services.errors import NotFound
    from advisor_tui.services.persons.editing import get_person
    from advisor_tui.services.persons.lookup import reverse_lookup, session_executor

    with ctx.session() as session:
        result = _checked(reverse_lookup(session, sender, region=region))
        found = []
        for hit in result.hits:
            try:
                person = get_person(session, hit.person_id)
            except NotFound:  # erased or restricted meanwhile
                continue
            found.append((person, hit.match, {"address_id": hit.address_id}))
        entries = person_entries(session, found, now)
        return Answer(result, entries, _open_callbacks(session_executor(session), entries))


def _checked(result: LookupResult) -> LookupResult:
    if not result.valid_input:
        raise UsageError(t("who.bad_input", query=result.query))
    return result


def _open_callbacks(execute: Execute, entries: Sequence[dict[str, Any]]) -> set[int]:
    from advisor_tui.storage import lookup_sql

    if not entries:
        return set()
    return {row[0] for row in execute(*lookup_sql.open_callbacks([e["id"] for e in entries]))}


def answer(
    ctx: CliContext, sender: str, *, fast: bool = True, now: datetime | None = None
) -> Answer:
    """Look `sender` up: without the ORM where possible (`fast`), else through it."""
    region = ctx.settings.region
    if fast:
        quick = _fast_answer(_database_url(ctx), sender, region, now)
        if quick is not None:
            return quick
    return _orm_answer(ctx, sender, region, now)


def name_line(entries: Sequence[dict[str, Any]], callbacks: set[int]) -> str:
    """One line for a caller display: "Thomas Müller · Müller GmbH (Kunde) – Rückruf offen"."""

    def person(entry: dict[str, Any]) -> str:
        name = entry["name"]
        if entry["company"] and entry["company"] != name:
            name = f"{name} · {entry['company']}"
        line = t("callerid.person", name=name, kind=t(f"kind.{entry['kind']}"))
        if entry["id"] in callbacks:
            line += " – " + t("callerid.callback_open")
        return line

    if len(entries) == 1 and entries[0]["match"] != "suffix":
        return person(entries[0])
    if entries[0]["match"] == "shared":
        return t("callerid.shared", names=" / ".join(e["name"] for e in entries))
    return t("callerid.maybe", name=person(entries[0]))


def print_answer(found: Answer, args: argparse.Namespace, region: str) -> int:
    """Print as `who` does (table, JSON or one line); the exit status."""
    entries = found.entries
    if args.json:
        CliContext.print_json(entries)
    elif entries and getattr(args, "name_only", False):
        print(name_line(entries, found.callbacks))
    elif entries:
        from advisor_tui.commands.search import print_entries

        print_entries(entries, region)
        matches = {entry["match"] for entry in entries}
        if "suffix" in matches:
            print(t("who.suffix_note"))
        elif "shared" in matches:
            print(t("who.shared_note"))
    else:
        print(t("who.not_found", query=found.result.query), file=sys.stderr)
    return 0 if entries else 1


def run(args: argparse.Namespace, ctx: CliContext) -> int:
    return print_answer(answer(ctx, args.sender), args, ctx.settings.region)

"""`advisor search TEXT`: persons by any fragment of name, company, number, e-mail, notes.

Also holds the output both `search` and `who` print: one JSON object per
person with its ranked addresses, or a compact table, hottest address first.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from advisor_tui.commands.context import CliContext, UsageError
from advisor_tui.i18n import t

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence
    from datetime import datetime

    from sqlmodel import Session

    from advisor_tui.commands.text_table import Line
    from advisor_tui.domain.models import Person
    from advisor_tui.services.persons.ranking import RankedAddress

NAME = "search"
HELP_KEY = "search.cmd.help"
MAX_LIMIT = 1000
_SHOWN_ADDRESSES = 3
_PHONE_KINDS = ("mobile", "landline", "fax", "messenger")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("text", nargs="+", metavar="TEXT", help=t("search.opt.text"))
    parser.add_argument("--limit", type=int, default=50, metavar="N", help=t("search.opt.limit"))
    parser.add_argument("--json", action="store_true", help=t("cli.opt.json"))


def person_entries(
    session: Session, found: list[tuple[Person, str, dict[str, Any]]], now: datetime | None = None
) -> list[dict[str, Any]]:
    """JSON-ready entries for (person, match, extra fields), addresses ranked hottest first."""
    from advisor_tui.services.persons.ranking import rank_for_persons

    ranked = rank_for_persons(session, [p.id for p, _, _ in found if p.id is not None], now)
    return ranked_entries(found, ranked)


def ranked_entries(
    found: Sequence[tuple[Any, str, dict[str, Any]]], ranked: Mapping[int, list[RankedAddress]]
) -> list[dict[str, Any]]:
    """The entries for persons whose addresses are ranked already (`advisor who` without ORM)."""
    from advisor_tui.services.persons.ranking import address_json

    return [
        {
            "id": person.id,
            "name": person.display_name,
            "first_name": person.first_name,
            "last_name": person.last_name,
            "company": person.company,
            "kind": person.kind,
            "match": match,
            **extra,
            "addresses": [address_json(r) for r in ranked.get(person.id or 0, [])],
        }
        for person, match, extra in found
    ]


def _address_line(address: dict[str, Any], region: str) -> Line:
    from advisor_tui.commands.text_table import Line

    value = address["value"]
    normalized = address["normalized"] or ""
    if address["valid"] and address["kind"] in _PHONE_KINDS and normalized.startswith("+"):
        from advisor_tui.domain.phones import format_for_display

        value = format_for_display(normalized, region)
    line = f"{t('addr.' + address['kind'])} {value}"
    if not address["valid"]:
        return Line(f"{line} ({t('addr.invalid')})", "red")
    if address["hottest"]:
        return Line(line, "bold")
    return Line(line, "dim" if address["cold"] else "")


def print_entries(entries: list[dict[str, Any]], region: str) -> None:
    """A compact table: one row per person, its best addresses first (no rich: speed)."""
    from advisor_tui.commands.text_table import Line, print_table

    rows = []
    for entry in entries:
        addresses = entry["addresses"]
        lines = [_address_line(a, region) for a in addresses[:_SHOWN_ADDRESSES]]
        if len(addresses) > _SHOWN_ADDRESSES:
            more = t("search.more_addresses", count=len(addresses) - _SHOWN_ADDRESSES)
            lines.append(Line(more, "dim"))
        name = [Line(entry["name"])]
        if entry["company"] and entry["company"] != entry["name"]:
            name.append(Line(entry["company"], "dim"))
        rows.append(
            [
                [Line(str(entry["id"]))],
                name,
                [Line(t(f"kind.{entry['kind']}"))],
                [Line(t(f"search.match.{entry['match']}"))],
                lines or [Line(t("search.no_address"), "dim")],
            ]
        )
    headers = [t(f"search.col.{key}") for key in ("id", "name", "kind", "match", "addresses")]
    print_table(headers, rows)


def run(args: argparse.Namespace, ctx: CliContext) -> int:
    import sys

    text = " ".join(args.text).strip()
    if not text:
        raise UsageError(t("search.empty_text"))
    if not 1 <= args.limit <= MAX_LIMIT:
        raise UsageError(t("search.bad_limit"))
    from advisor_tui.services.persons.search import search_persons

    with ctx.session() as session:
        hits = search_persons(session, text, limit=args.limit)
        entries = person_entries(session, [(hit.person, hit.match, {}) for hit in hits])
    if args.json:
        ctx.print_json(entries)
    elif entries:
        print_entries(entries, ctx.settings.region)
    else:
        print(t("search.not_found", query=text), file=sys.stderr)
    return 0 if entries else 1

"""`advisor advice-records verify|seal [--json]`: the hash chain of the advice records.

Records of investment advice by phone or electronic message (FinVermV §18a)
are sealed when saved (`services.advice_records`). This walks the chain and
names every record changed after saving, removed before its retention ended,
marked but never sealed, or a link that does not follow the one before. Exit
status 0 when the chain is intact, 1 when something was found. `seal` adds
records marked as advice but never sealed (kept from before the chain) to it.
"""

from __future__ import annotations

import argparse

from advisor_tui.commands.context import CliContext
from advisor_tui.i18n import t, tn

NAME = "advice-records"
HELP_KEY = "advice.cmd.help"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("action", choices=("verify", "seal"), help=t("advice.opt.action"))
    parser.add_argument("--json", action="store_true", help=t("cli.opt.json"))


def problem_text(kind: str, seq: int | None, interaction_id: int | None, until: object) -> str:
    from advisor_tui.i18n.dates import format_date

    day = format_date(until) if until is not None else ""  # type: ignore[arg-type]
    return t(f"advice.verify.problem.{kind}", seq=seq, id=interaction_id, until=day)


def run(args: argparse.Namespace, ctx: CliContext) -> int:
    from advisor_tui.services.advice_records import seal_unsealed, verify

    if args.action == "seal":
        from advisor_tui.services import audit

        with ctx.session() as session:
            count = seal_unsealed(session.connection())
            audit.record(session, "advice.seal_unsealed", "interaction", None, {"count": count})
            session.commit()
        if args.json:
            ctx.print_json({"sealed": count})
        else:
            print(tn("advice.sealed", count))
        return 0
    with ctx.session() as session:
        result = verify(session)
    if args.json:
        ctx.print_json(
            {
                "ok": result.ok,
                "checked": result.checked,
                "head": result.head,
                "problems": [
                    {
                        "kind": p.kind,
                        "seq": p.seq,
                        "interaction_id": p.interaction_id,
                        "until": p.until.isoformat() if p.until else None,
                    }
                    for p in result.problems
                ],
            }
        )
    elif result.ok:
        print(tn("advice.verify.ok", result.checked))
    else:
        for p in result.problems:
            print(problem_text(p.kind, p.seq, p.interaction_id, p.until))
    return 0 if result.ok else 1

"""`advisor callmonitor`: the FRITZ!Box call monitor, headless, until Ctrl+C.

Prints one line per event and records what happened (missed calls as
callback follow-ups or inbox entries, answered and outgoing calls as
interactions) through `services.calls.recording.handle_outcome`, the same function the
TUI uses.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from advisor_tui.commands.context import CliContext, UsageError
from advisor_tui.i18n import t, tn

if TYPE_CHECKING:
    from advisor_tui.io.callmonitor import CallOutcome, LinkStatus

NAME = "callmonitor"
HELP_KEY = "calls.cmd.help"
# While the database stays busy, stored calls are retried this often.
RETRY_SECONDS = 3.0


def add_arguments(parser: argparse.ArgumentParser) -> None:
    # Defaults come from the config in run(): the help must not read the config file.
    parser.add_argument("--host", metavar="H", help=t("calls.opt.host", host="fritz.box"))
    parser.add_argument("--port", type=int, metavar="P", help=t("calls.opt.port", port=1012))


def _say(text: str) -> None:
    print(text, flush=True)


def run(args: argparse.Namespace, ctx: CliContext) -> int:
    host = args.host or ctx.settings.callmonitor.host
    port = args.port if args.port is not None else ctx.settings.callmonitor.port
    if not 1 <= port <= 65535:
        raise UsageError(t("calls.bad_port"))
    import asyncio
    import contextlib
    import logging
    import signal

    from advisor_tui.commands.context import user_message
    from advisor_tui.io.callmonitor import CallMonitor, LinkState
    from advisor_tui.services.calls.pending import PendingCalls
    from advisor_tui.services.calls.recording import CallReport, handle_outcome
    from advisor_tui.services.calls.text import describe_report

    # Skipped junk lines are worth a short note on stderr, not a traceback.
    logging.basicConfig(level=logging.WARNING, format="%(message)s", stream=sys.stderr)
    ctx.engine()  # open (and migrate) the database before waiting for calls
    region = ctx.settings.region
    within = ctx.settings.calls.callback_within_hours

    def store(outcome: CallOutcome) -> CallReport:
        with ctx.session() as session:
            report = handle_outcome(session, outcome, region=region, callback_within_hours=within)
            session.commit()
        return report

    # Outcomes wait here while another program holds the database: none is lost.
    pending: PendingCalls[CallReport] = PendingCalls(store)
    retry_scheduled = False

    def flush() -> None:
        nonlocal retry_scheduled
        retry_scheduled = False
        drained = pending.drain()
        for report in drained.stored:
            _say(describe_report(report))
        for _outcome, exc in drained.failed:
            message = user_message(exc) or str(exc)
            print(t("calls.cli.record_failed", message=message), file=sys.stderr, flush=True)
        if drained.waiting and not retry_scheduled:
            print(tn("calls.waiting", drained.waiting), file=sys.stderr, flush=True)
            retry_scheduled = True
            asyncio.get_running_loop().call_later(RETRY_SECONDS, flush)

    def on_event(outcome: CallOutcome) -> None:
        pending.add(outcome)
        flush()

    def on_status(status: LinkStatus) -> None:
        params = {"host": status.host, "port": status.port}
        if status.state is LinkState.CONNECTED:
            _say(t("calls.cli.connected", **params))
        elif status.state is LinkState.LOST:
            seconds = f"{status.retry_in or 0:g}"
            why = status.error or t(f"calls.reason.{status.reason}")
            _say(t("calls.cli.lost", error=why, seconds=seconds, **params))

    async def main() -> None:
        monitor = CallMonitor(host, port, on_event, on_status=on_status, tz=None)
        loop = asyncio.get_running_loop()
        for signum in (signal.SIGINT, signal.SIGTERM):
            # Windows has no signal handlers in asyncio: KeyboardInterrupt below.
            with contextlib.suppress(NotImplementedError, RuntimeError):
                loop.add_signal_handler(signum, monitor.stop)
        await monitor.run()

    _say(t("calls.cli.connecting", host=host, port=port))
    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(main())
    _say(t("calls.cli.stopped"))
    return 0

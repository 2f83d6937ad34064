"""`advisor ring NUMBER`: a softphone's incoming call, for the running app and the phone.

Tells a running advisor app (through `io.ring_socket`) to pop up the caller,
as a call monitor RING would, then prints what `advisor who` prints (with
`--name-only` one line for the phone's caller display). With no app
running it only prints. Exit status as `who`: 0 found, 1 nobody, 2 no number.

`advisor ring --baresip [HOST:PORT]` does the same for every incoming call of
a running baresip softphone (its `ctrl_tcp` events, `io.baresip_events`),
one line per call, until baresip ends or Ctrl+C.
"""

from __future__ import annotations

import argparse
import re
import sys

from advisor_tui.commands.context import CliContext, UsageError
from advisor_tui.i18n import t

NAME = "ring"
HELP_KEY = "ring.cmd.help"
MIN_DIGITS = 4
_DIGITS = re.compile(r"[^0-9]")
BARESIP_DEFAULT = "127.0.0.1:4444"
CONNECT_TIMEOUT_S = 3.0


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("number", nargs="?", metavar="NUMBER", help=t("ring.opt.number"))
    parser.add_argument(
        "--baresip",
        nargs="?",
        const=BARESIP_DEFAULT,
        metavar="HOST:PORT",
        help=t("ring.opt.baresip"),
    )
    output = parser.add_mutually_exclusive_group()
    output.add_argument("--json", action="store_true", help=t("cli.opt.json"))
    output.add_argument("--name-only", action="store_true", help=t("who.opt.name_only"))


def run(args: argparse.Namespace, ctx: CliContext) -> int:
    if (args.number is None) == (args.baresip is None):
        raise UsageError(t("ring.number_or_baresip"))
    if args.baresip is not None:
        return _follow_baresip(args, ctx)
    return _ring(args.number, args, ctx)


def _ring(number: str, args: argparse.Namespace, ctx: CliContext) -> int:
    from advisor_tui.commands.who import answer, print_answer
    from advisor_tui.io.ring_socket import send_ring

    if len(_DIGITS.sub("", number)) >= MIN_DIGITS:  # what `who` could take for a number
        send_ring(number)  # first: the pop-up appears while this process looks up
    return print_answer(answer(ctx, number), args, ctx.settings.region)


def _address(text: str) -> tuple[str, int]:
    host, _, port = text.rpartition(":")
    if not host or not port.isdigit() or not 0 < int(port) < 65536:
        raise UsageError(t("ring.baresip.bad_address", address=text))
    return host.strip("[]"), int(port)


def _follow_baresip(args: argparse.Namespace, ctx: CliContext) -> int:
    """Each CALL_INCOMING of baresip's control socket, as `ring NUMBER` would report it."""
    import socket

    from advisor_tui.io.baresip_events import (
        NetstringReader,
        ProtocolError,
        event_of,
        incoming_caller,
    )

    host, port = _address(args.baresip)
    try:
        sock = socket.create_connection((host, port), timeout=CONNECT_TIMEOUT_S)
    except OSError as exc:
        print(t("ring.baresip.unreachable", address=args.baresip, reason=exc.strerror or exc),
              file=sys.stderr)  # fmt: skip
        return 2
    print(t("ring.baresip.listening", address=args.baresip), file=sys.stderr, flush=True)
    reader = NetstringReader()
    with sock:
        sock.settimeout(None)
        try:
            while data := sock.recv(4096):
                for payload in reader.feed(data):
                    event = event_of(payload)
                    if event is None:
                        continue
                    number = incoming_caller(event)
                    if number is not None:
                        try:
                            _ring(number, args, ctx)
                        except UsageError as exc:  # a number `who` cannot take
                            print(exc, file=sys.stderr)
                    elif event.get("type") == "CALL_INCOMING":
                        uri = event.get("peeruri", "")
                        print(t("ring.baresip.no_number", uri=uri), file=sys.stderr)
                    sys.stdout.flush()
        except ProtocolError:
            print(t("ring.baresip.garbled", address=args.baresip), file=sys.stderr)
            return 2
        except KeyboardInterrupt:
            return 0
    print(t("ring.baresip.ended"), file=sys.stderr)
    return 0

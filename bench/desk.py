"""Benchmark of the phone at the desk: RING to pop-up, Ctrl+O to the card (run by hand).

    uv run python bench/desk.py --db PATH [--calls 20]

PATH is a database built by `bench/run.py` (e.g. 100,000 persons); it is
copied first, so the benchmark never changes it. The app runs headless;
each call is a call monitor outcome handed to the app exactly as the
monitor does (`AdvisorApp.on_call`), for a number sampled from the database.

- RING to pop-up: from handing over the RING until the app knows the caller
  (the toast is shown in the same handler).
- Ctrl+O to card: from the key until the card shows the person's data.
- ring socket: from `advisor ring`'s message (`io.ring_socket.send_ring`) until
  the app knows the caller (the same RING path).

Each phase is reported as wall clock and as this process's CPU time: on a
shared machine the first grows with the others' load, the second hardly.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def sample_numbers(url: str, n: int, seed: int) -> list[str]:
    """National notations of valid private mobile numbers with exactly one owner."""
    from sqlalchemy import create_engine, text

    engine = create_engine(url)
    with engine.connect() as conn:
        rows = conn.execute(
            text(
                "SELECT normalized FROM address WHERE kind = 'mobile' AND valid = 1 "
                "AND normalized IN (SELECT normalized FROM address GROUP BY normalized "
                "HAVING COUNT(*) = 1) LIMIT 5000"
            )
        ).all()
    engine.dispose()
    rng = random.Random(seed)
    picked = rng.sample([r[0] for r in rows], min(n, len(rows)))
    return ["0" + number[3:] for number in picked]  # +49171… -> 0171…


class Phase:
    """Wall clock and this process's CPU time (all threads) of one phase.

    On a shared machine the wall clock grows with other jobs' load; the CPU
    time is what the phase needs of a core, close to a quiet machine's wall time.
    """

    def __init__(self) -> None:
        self.wall: list[float] = []
        self.cpu: list[float] = []

    def start(self) -> None:
        self._t0, self._c0 = time.perf_counter(), time.process_time()

    def stop(self) -> None:
        self.wall.append(time.perf_counter() - self._t0)
        self.cpu.append(time.process_time() - self._c0)


async def _settle(app: object) -> None:
    """Wait for the app's workers; one cancelled by a newer one (exclusive) is done too."""
    from textual.worker import WorkerCancelled

    for worker in list(app.workers):  # type: ignore[attr-defined]
        with contextlib.suppress(WorkerCancelled):
            await worker.wait()


async def measure(url: str, numbers: list[str]) -> tuple[Phase, Phase, Phase]:
    from advisor_tui.config import Settings
    from advisor_tui.io.callmonitor_events import CallOutcome, OutcomeKind
    from advisor_tui.io.ring_socket import send_ring
    from advisor_tui.storage.db import open_engine
    from advisor_tui.tui.app import AdvisorApp
    from advisor_tui.tui.screens.card import CardScreen
    from advisor_tui.tui.widgets.person_list import PersonList

    app = AdvisorApp(engine=open_engine(url), settings=Settings(lang="de"), database_label=url)
    ring_times = Phase()
    socket_times = Phase()
    card_times = Phase()
    async with app.run_test(size=(120, 40)) as pilot:
        while not (app.screen.query(PersonList) and app.screen.query_one(PersonList).total):
            await pilot.pause(0.01)
        for conn_id, number in enumerate(numbers):
            at = datetime.now(UTC)
            ring = CallOutcome(
                OutcomeKind.RING, conn_id=conn_id, direction="in", number=number,
                started_at=at, at=at,
            )  # fmt: skip
            app.last_caller = None
            ring_times.start()
            app.on_call(ring)
            while app.last_caller is None or app.last_caller.number != number:
                await asyncio.sleep(0.0005)
            ring_times.stop()
            caller_id = app.last_caller.candidates[0].person_id
            card_times.start()
            await pilot.press("ctrl+o")
            while not (
                isinstance(app.screen, CardScreen)
                and app.screen.data is not None
                and app.screen.data.person.id == caller_id
            ):
                await asyncio.sleep(0.0005)
            card_times.stop()
            await pilot.press("escape")
            while isinstance(app.screen, CardScreen):
                await asyncio.sleep(0.0005)
            hang_up = CallOutcome(
                OutcomeKind.ANSWERED, conn_id=conn_id, direction="in", number=number,
                started_at=at, at=at, duration_seconds=30,
            )  # fmt: skip
            app.on_call(hang_up)  # the call ends answered: nothing stays "active"
            await _settle(app)
            # The same number from a softphone: `advisor ring`'s socket message.
            app.last_caller = None
            socket_times.start()
            sent = await asyncio.to_thread(send_ring, number, app.ring_listener.path, 2.0)
            assert sent, "the app does not listen on its ring socket"
            while app.last_caller is None or app.last_caller.number != number:
                await asyncio.sleep(0.0005)
            socket_times.stop()
            await _settle(app)
    return ring_times, card_times, socket_times


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def report(name: str, phase: Phase) -> None:
    wall, cpu = phase.wall, phase.cpu
    print(
        f"{name:<16} wall p50 {statistics.median(wall) * 1000:6.1f} ms "
        f"p95 {_p95(wall) * 1000:6.1f} ms   CPU p50 {statistics.median(cpu) * 1000:6.1f} ms "
        f"p95 {_p95(cpu) * 1000:6.1f} ms"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--calls", type=int, default=20)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--profile", type=int, default=0, metavar="N", help="cProfile the run, print N functions"
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "desk.sqlite3"
        runtime = Path(tmp) / "run"  # the app's ring socket, apart from a real app's
        runtime.mkdir(mode=0o700)
        os.environ["XDG_RUNTIME_DIR"] = str(runtime)
        shutil.copy(args.db, copy)
        url = f"sqlite:///{copy}"
        from advisor_tui.storage.db import open_engine

        open_engine(url).dispose()  # migrate the copy before measuring
        numbers = sample_numbers(url, args.calls, args.seed)
        if args.profile:
            import cProfile
            import pstats

            profiler = cProfile.Profile()
            rings, cards, sockets = profiler.runcall(asyncio.run, measure(url, numbers))
            pstats.Stats(profiler).sort_stats("cumulative").print_stats(args.profile)
        else:
            rings, cards, sockets = asyncio.run(measure(url, numbers))
    load = os.getloadavg()[0]
    print(
        f"{len(numbers)} calls on {args.db.name}, load average {load:.1f} on {os.cpu_count()} cores"
    )
    report("RING to pop-up", rings)
    report("Ctrl+O to card", cards)
    print("  each (ms):", " ".join(f"{w * 1000:.0f}" for w in cards.wall))
    report("ring socket", sockets)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

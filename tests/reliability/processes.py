"""Process helpers of the kill rounds: start the real CLI, find its descendants, kill it."""

from __future__ import annotations

import contextlib
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from tests.conftest import cli_env

ROUNDS = int(os.environ.get("ADVISOR_RELIABILITY_ROUNDS", "1"))


def _parents() -> dict[int, int]:
    found: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
        except OSError:
            continue
        fields = stat[stat.rindex(")") + 2 :].split()
        if fields[0] != "Z":  # a zombie is dead, it only waits to be reaped
            found[int(entry)] = int(fields[1])
    return found


def descendants(pid: int) -> set[int]:
    parents = _parents()
    found: set[int] = set()
    frontier = {pid}
    while frontier:
        children = {child for child, parent in parents.items() if parent in frontier}
        children -= found
        found |= children
        frontier = children
    return found


def alive(pids: set[int]) -> set[int]:
    living = _parents()
    return {pid for pid in pids if pid in living}


def start_cli(*args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "advisor_tui", *args],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        env=cli_env(),
    )


def kill_during(
    process: subprocess.Popen[str],
    after: float,
    sig: int = signal.SIGKILL,
    *,
    once_children: bool = False,
    timeout: float = 60.0,
) -> tuple[set[int], bool]:
    """Kill `process` after `after` seconds; returns (descendants seen, whether it still ran).

    With `once_children`, the `after` seconds count from the moment its first
    child process (a worker) appears, so the kill meets the workers at work.
    """
    seen: set[int] = set()
    start = time.monotonic()
    if once_children:
        while not seen and process.poll() is None and time.monotonic() - start < timeout:
            seen |= descendants(process.pid)
            time.sleep(0.02)
    deadline = time.monotonic() + after
    while time.monotonic() < deadline and process.poll() is None:
        seen |= descendants(process.pid)
        time.sleep(0.03)
    was_running = process.poll() is None
    if was_running:
        seen |= descendants(process.pid)
        process.send_signal(sig)
    process.wait(30)
    return seen, was_running


def orphans_after(seen: set[int], wait: float = 5.0) -> set[int]:
    """The descendants still alive `wait` seconds after their parent died."""
    deadline = time.monotonic() + wait
    while time.monotonic() < deadline:
        left = alive(seen)
        if not left:
            return set()
        time.sleep(0.05)
    left = alive(seen)
    for pid in left:  # do not leave them for the next test
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
    return left


def moments(rounds: int, low: float, high: float, seed: int) -> list[float]:
    """Kill moments spread over [low, high], the same for every run (seeded)."""
    rng = random.Random(seed)
    return [rng.uniform(low, high) for _ in range(rounds)]

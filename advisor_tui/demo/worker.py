"""Build demo rows chunk by chunk, here or in a second process.

Building rows is pure Python and takes about as long as storing them, so for
large runs a worker process builds chunk k+1 while this one stores chunk k
(two cores instead of one). The worker is a plain subprocess speaking pickle
over its pipes: it reads `BuildParams` from stdin and writes ("rows", Rows)
per chunk, then ("end", None) or ("error", traceback text), to stdout. Both
paths run the same single-threaded builder, so the data is identical.
"""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
import traceback
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from advisor_tui.demo.activity import Rows, Stamps
from advisor_tui.demo.build import DemoBuilder
from advisor_tui.services.processes import PARENT_ENV, die_with_parent_from_env

_ENTRY = "from advisor_tui.demo.worker import main; main()"


@dataclass(frozen=True)
class BuildParams:
    persons: int
    seed: int
    now: datetime  # naive UTC
    today: tuple[datetime, datetime]  # the local calendar day, naive UTC
    first_address_id: int
    first_request_id: int
    chunk: int  # persons per chunk
    mode: str  # storage.bulk.Stamps mode of the values ("sqlite" or "plain")


def build_chunks(params: BuildParams, stamps: Stamps) -> Iterator[Rows]:
    """The chunks' rows, built in this process."""
    builder = DemoBuilder(
        persons=params.persons,
        seed=params.seed,
        now=params.now,
        today=params.today,
        stamps=stamps,
        first_address_id=params.first_address_id,
        first_request_id=params.first_request_id,
    )
    for start in range(0, params.persons, params.chunk):
        yield builder.chunk(start, min(start + params.chunk, params.persons))


def chunks_from_worker(params: BuildParams) -> Iterator[Rows]:
    """The chunks' rows, built by a worker process while the caller stores the previous.

    If the worker cannot start (no usable interpreter, package not importable
    there), the rows are built here instead: slower, same data.
    """
    # The child must import this very package, wherever it was loaded from.
    package_root = str(Path(__file__).resolve().parents[2])
    path = os.pathsep.join(p for p in (package_root, os.environ.get("PYTHONPATH")) if p)
    try:
        worker = subprocess.Popen(
            [sys.executable, "-c", _ENTRY],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            env={**os.environ, "PYTHONPATH": path, PARENT_ENV: str(os.getpid())},
        )
    except OSError:
        yield from _here(params)
        return
    assert worker.stdin is not None and worker.stdout is not None
    received = 0
    try:
        try:
            pickle.dump(params, worker.stdin)
            worker.stdin.close()
        except BrokenPipeError:
            pass  # it died at once; found out below
        while True:
            try:
                tag, value = pickle.load(worker.stdout)
            except (EOFError, pickle.UnpicklingError):
                if received:
                    raise RuntimeError("The demo worker process ended unexpectedly.") from None
                yield from _here(params)
                return
            if tag == "end":
                return
            if tag == "error":
                raise RuntimeError(f"The demo worker process failed:\n{value}")
            received += 1
            yield value
    finally:
        worker.stdout.close()
        if worker.poll() is None:  # the caller stopped early (an error while storing)
            worker.kill()
        worker.wait()


def _here(params: BuildParams) -> Iterator[Rows]:
    from advisor_tui.storage.bulk import Stamps as ValueStamps

    return build_chunks(params, ValueStamps(params.mode))


def main() -> None:
    """The worker process: parameters in on stdin, chunks out on stdout."""
    die_with_parent_from_env()  # a killed demo run leaves no worker behind
    params: BuildParams = pickle.load(sys.stdin.buffer)
    out = sys.stdout.buffer
    try:
        for rows in _here(params):
            pickle.dump(("rows", rows), out, protocol=pickle.HIGHEST_PROTOCOL)
        pickle.dump(("end", None), out)
    except BrokenPipeError:
        return  # the parent gave up; nobody is listening
    except Exception:
        pickle.dump(("error", traceback.format_exc()), out)
    out.flush()

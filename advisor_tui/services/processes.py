"""Helper processes that never outlive the process that started them.

An import parses in worker processes and the demo builds rows in one; when
the parent is killed (`kill -9`, SIGTERM, a closed terminal) they must go
too, or they keep running for minutes and keep files open. On Linux the
kernel sends them SIGKILL when their parent dies (`PR_SET_PDEATHSIG`); a
child that starts after its parent already died (the race the signal
cannot cover) sees another parent id and exits at once.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import signal
import sys

PARENT_ENV = "ADVISOR_PARENT_PID"
_PR_SET_PDEATHSIG = 1


def die_with_parent(parent_pid: int | None = None) -> None:
    """Call first thing in a child: be killed with the parent; exit if it is gone already."""
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    if parent_pid is not None and os.getppid() != parent_pid:
        os._exit(1)


def die_with_parent_from_env() -> None:
    """`die_with_parent` for a child started with PARENT_ENV set (subprocess workers)."""
    value = os.environ.get(PARENT_ENV, "")
    die_with_parent(int(value) if value.isdigit() else None)

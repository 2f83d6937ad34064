"""How fast could the first paint be? A lower bound for issue 14 item 4 (run by hand).

    uv run python bench/paint_floor.py --db bench-100000.sqlite3 [--runs 5]

Times, each in a fresh process (median of N after a warm-up, bytecode cached):

- `python`: the interpreter alone;
- `floor`: Textual plus the first 40 persons in phone-book order read with the
  stdlib `sqlite3` module (no SQLAlchemy, no models, no ranking), shown as a
  list, headless: what a start without the ORM could reach at best;
- `imports`: `import advisor_tui.tui.app` (what the real app loads before it
  can paint: SQLAlchemy, SQLModel, the models, Textual, the screens);
- `app`: the real app headless until the customer list holds rows (bench/run.py's
  first-paint measure).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from run import _PAINT_CHILD, child_env, run_child  # noqa: E402

_FLOOR_CHILD = """
import sqlite3, sys, time
path, t0 = sys.argv[1], float(sys.argv[2])
from textual.app import App
from textual.widgets import Static
rows = sqlite3.connect(path).execute(
    "SELECT last_name, first_name, company FROM person WHERE restricted_until IS NULL "
    "ORDER BY sort_key LIMIT 40").fetchall()
class Floor(App):
    def compose(self):
        yield Static("\\n".join(f"{a}, {b}  {c or ''}" for a, b, c in rows))
async def main():
    async with Floor().run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        print(time.time() - t0, flush=True)
import asyncio
asyncio.run(main())
"""
_IMPORTS_CHILD = """
import sys, time
t0 = float(sys.argv[2])
import advisor_tui.tui.app
print(time.time() - t0, flush=True)
"""
_PYTHON_CHILD = "import sys, time; print(time.time() - float(sys.argv[2]))"


def timed(code: str, arg: str, env: dict[str, str], runs: int) -> float:
    results = []
    for _ in range(runs + 1):
        start = time.time()
        run = run_child([sys.executable, "-c", code, arg, repr(start)], env)
        results.append(float(run.out.strip().splitlines()[-1]))
    return statistics.median(results[1:])  # the first run warms the caches


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    env = child_env(args.db.parent)
    url = f"sqlite:///{args.db}"
    print(f"{'start':<8} median of {args.runs} (s)")
    print(f"{'python':<8} {timed(_PYTHON_CHILD, '', env, args.runs):.3f}")
    print(f"{'floor':<8} {timed(_FLOOR_CHILD, str(args.db), env, args.runs):.3f}")
    print(f"{'imports':<8} {timed(_IMPORTS_CHILD, '', env, args.runs):.3f}")
    print(f"{'app':<8} {timed(_PAINT_CHILD, url, env, args.runs):.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

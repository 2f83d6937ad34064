"""PostgreSQL beside SQLite at office scale (run by hand, not in CI).

    uv run python bench/pg.py [--persons 100000] [--cards 10000] [--dir /tmp/advisor-bench-pg]
                              [--url postgresql+psycopg://user@host/db]

Without --url a throwaway server is started (tests/pg_server.py: initdb in a
temp dir, socket only, fsync off, as in the test suite). For each engine it
loads the demo (timed), then runs the in-process measurements of bench/run.py
(reverse lookup, search per keystroke, the TUI list's per-keystroke work),
`advisor who` as a whole process (median of 10), and an import of N vCards
(bench/import_vcards.py's cards) into an empty database. One table, both
engines side by side, with the load average at the start and end of each
half (the machine may be shared). Figures: bench/README.md.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import import_vcards  # noqa: E402  (bench/ is not a package)
import run as base  # noqa: E402


def load_demo(url: str, persons: int) -> tuple[object, float]:
    from advisor_tui.demo.generate import generate_demo
    from advisor_tui.storage.db import open_engine

    engine = open_engine(url)
    start = time.perf_counter()
    generate_demo(engine, persons=persons, seed=1)
    return engine, time.perf_counter() - start


def who_seconds(url: str, number: str, env: dict[str, str], n: int = 10) -> tuple[float, float]:
    """Median wall and median CPU seconds of `advisor who NUMBER` as a process."""
    env = {**env, "ADVISOR_DATABASE_URL": url}
    cmd = [sys.executable, "-c", base._CLI_CHILD, "who", number]
    base.run_child(cmd, env)
    runs = [base.run_child(cmd, env) for _ in range(n)]
    return statistics.median(r.seconds for r in runs), statistics.median(r.cpu for r in runs)


def import_seconds(url: str, vcf: Path, env: dict[str, str]) -> float:
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "advisor_tui", "import", str(vcf)],
        capture_output=True,
        text=True,
        env={**env, "ADVISOR_DATABASE_URL": url},
    )
    if done.returncode != 0:
        raise RuntimeError(done.stderr)
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--persons", type=int, default=100_000)
    parser.add_argument("--cards", type=int, default=10_000)
    parser.add_argument("--dir", type=Path, default=Path("/tmp/advisor-bench-pg"))
    parser.add_argument("--url", help="an existing PostgreSQL server (admin URL)")
    args = parser.parse_args()
    args.dir.mkdir(parents=True, exist_ok=True)
    if args.url:
        os.environ["ADVISOR_TEST_DATABASE_URL"] = args.url
    from tests.pg_server import PgServer

    server = PgServer()
    env = base.child_env(args.dir)
    rnd = random.Random(7)
    vcf = args.dir / f"cards-{args.cards}.vcf"
    vcf.write_text("\r\n".join(import_vcards.card(i, rnd) for i in range(args.cards)) + "\r\n")
    results: dict[str, dict[str, str]] = {}
    try:
        for name in ("SQLite", "PostgreSQL"):
            for old in args.dir.glob("*.sqlite3*"):
                old.unlink()
            demo_url = (
                f"sqlite:///{args.dir / 'demo.sqlite3'}"
                if name == "SQLite"
                else server.new_database(empty=True)
            )
            print(f"{name}: loading {args.persons:,} demo persons ...", file=sys.stderr)
            load_before = os.getloadavg()[0]
            engine, seconds = load_demo(demo_url, args.persons)
            column = results[name] = {"demo load": f"{seconds:.1f} s"}
            for label, p50, p95, _ in base.bench_inprocess(engine, random.Random(7)):
                column[label.split(" (")[0]] = f"{p50} / {p95}"
            number = base.sample_phones(engine, 1, random.Random(3))[0][1]
            wall, cpu = who_seconds(demo_url, "0" + number, env)
            column["advisor who (process)"] = f"{wall:.3f} s (cpu {cpu:.2f} s)"
            engine.dispose()  # type: ignore[attr-defined]
            import_url = (
                f"sqlite:///{args.dir / 'import.sqlite3'}"
                if name == "SQLite"
                else server.new_database(empty=True)
            )
            seconds = import_seconds(import_url, vcf, env)
            column[f"import {args.cards:,} vCards (process)"] = f"{seconds:.1f} s"
            # The machine's 1-minute load average when this engine's half began and ended.
            column["load average (start / end)"] = f"{load_before:.1f} / {os.getloadavg()[0]:.1f}"
    finally:
        server.stop()
    labels = list(results["SQLite"])
    width = max(len(label) for label in labels)
    print(f"| {'measure (p50 / p95 where two)':<{width}} | SQLite | PostgreSQL |")
    print(f"|{'-' * (width + 2)}|--------|------------|")
    for label in labels:
        print(f"| {label:<{width}} | {results['SQLite'][label]} | {results['PostgreSQL'][label]} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())

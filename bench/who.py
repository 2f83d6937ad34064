"""`advisor who` as a whole process, without and with the ORM, at 1k/10k/100k persons.

    uv run python bench/who.py [--dir /tmp/advisor-bench] [--sizes 1000,10000,100000]
                               [--khard PATH] [--runs 10]

Databases come from `bench/run.py`'s builder (demo data, seed 1, reused).
For each size: the median wall clock and child CPU of 10 runs (after one
warm-up) of `advisor --db FILE who NUMBER` (the stdlib path,
`storage/lookup_fast.py`) and of the same command through the ORM (forced
with a URL the fast path does not take: `sqlite:///FILE?`, the normal path).
With khard (`--khard` or on PATH): `khard phone --parsable` on the same
10,000 contacts as vCards, as `bench/run.py` does. Figures: bench/README.md.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from run import build_db, child_env, export_vdir, run_child, sample_phones  # noqa: E402

_CHILD = (
    "import runpy, sys; sys.argv = ['advisor', *sys.argv[1:]]; "
    "runpy.run_module('advisor_tui', run_name='__main__')"
)


def timed_who(args: list[str], env: dict[str, str], runs: int) -> tuple[float, float, float]:
    """Median wall, p95 wall and median CPU seconds of `advisor ARGS`."""
    cmd = [sys.executable, "-c", _CHILD, *args]
    first = run_child(cmd, env)
    assert first.out.strip(), f"no answer from {args}"
    results = [run_child(cmd, env) for _ in range(runs)]
    walls = sorted(r.seconds for r in results)
    p95 = walls[min(len(walls) - 1, round(0.95 * (len(walls) - 1)))]
    return statistics.median(walls), p95, statistics.median(r.cpu for r in results)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dir", type=Path, default=Path("/tmp/advisor-bench"))
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--khard", default=shutil.which("khard"))
    args = parser.parse_args()
    args.dir.mkdir(parents=True, exist_ok=True)
    env = child_env(args.dir)
    rng = random.Random(1)
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    print(f"{'persons':>8}  {'path':<5} {'p50 wall':>9} {'p95 wall':>9} {'p50 CPU':>8}")
    for size in (int(s) for s in args.sizes.split(",")):
        db = args.dir / f"bench-{size}.sqlite3"
        engine = build_db(db, size)
        e164, _ = sample_phones(engine, 1, rng)[0]
        engine.dispose()  # type: ignore[attr-defined]
        for label, db_args in (
            ("fast", ["--db", str(db)]),
            ("ORM", []),
        ):
            run_env = env if db_args else {**env, "ADVISOR_DATABASE_URL": f"sqlite:///{db}?"}
            wall, p95, cpu = timed_who([*db_args, "who", e164], run_env, args.runs)
            print(f"{size:>8}  {label:<5} {wall:8.3f}s {p95:8.3f}s {cpu:7.3f}s")
    if args.khard:
        db = args.dir / "bench-10000.sqlite3"
        engine = build_db(db, 10_000)
        vdir = args.dir / "vdir-10000"
        if not vdir.exists() or len(list(vdir.glob("*.vcf"))) < 9000:
            shutil.rmtree(vdir, ignore_errors=True)
            export_vdir(engine, vdir)
        conf = args.dir / "khard.conf"
        conf.write_text(f"[addressbooks]\n[[bench]]\npath = {vdir}\n")
        for _, digits in sample_phones(engine, 20, rng):
            fragment = digits[-7:]
            k_cmd = [args.khard, "-c", str(conf), "phone", "--parsable", fragment]
            if run_child(k_cmd, env).out.strip():
                break
        k_runs = [run_child(k_cmd, env) for _ in range(3)]
        k_wall = statistics.median(r.seconds for r in k_runs)
        k_cpu = statistics.median(r.cpu for r in k_runs)
        a_wall, _, a_cpu = timed_who(["--db", str(db), "who", fragment], env, args.runs)
        print(f"khard phone --parsable {fragment} (10,000 vCards, median of 3): "
              f"{k_wall:.2f} s wall, {k_cpu:.2f} s CPU")  # fmt: skip
        print(f"advisor who {fragment} (same contacts): {a_wall:.3f} s wall, {a_cpu:.3f} s CPU")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Benchmark of the lookup path at office scale (run by hand, not in CI).

    uv run python bench/run.py [--persons 100000] [--dir /tmp/advisor-bench]

Builds (or reuses) the demo database with N persons and prints one table:
reverse lookup and search per keystroke in-process (p50/p95), `advisor who`
as a whole process (median of 10), TUI time to first paint, peak RSS, and,
where `khard` is on PATH (or given with --khard), `khard phone --parsable`
against `advisor who` on the same 10,000 contacts. Figures: bench/README.md.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import NamedTuple

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

BUDGET_LOOKUP_MS = 1.0
BUDGET_SEARCH_MS = 20.0
BUDGET_WHO_S = 0.5
BUDGET_PAINT_S = 1.5

# Peak RSS is read inside the child: the rusage of a process forked from this (big)
# benchmark would count this process's memory too, until exec.
_HWM = """
def _bench_hwm():
    import os
    with open('/proc/self/status') as f:
        hwm = next(line.split()[1] for line in f if line.startswith('VmHWM'))
    with open(os.environ['BENCH_RSS_FILE'], 'w') as out:
        out.write(hwm)
"""
_CLI_CHILD = (
    _HWM
    + """
import atexit, runpy, sys
atexit.register(_bench_hwm)
sys.argv = ['advisor', *sys.argv[1:]]
runpy.run_module('advisor_tui', run_name='__main__')
"""
)
# Run in a child: open the TUI headless; the time is that of the first frame the
# compositor hands to the driver (App._display) while the customer list holds rows.
# (Waiting for the app to be idle instead would count start-up work that runs after
# the first page on purpose: the due-count notification, building the card screen.)
_PAINT_CHILD = (
    _HWM
    + """
import asyncio, sys, time
url, t0 = sys.argv[1], float(sys.argv[2])
async def main():
    from advisor_tui.config import load_settings
    from advisor_tui.storage.db import open_engine
    from advisor_tui.tui.app import AdvisorApp
    from advisor_tui.tui.widgets.person_list import PersonList
    app = AdvisorApp(engine=open_engine(url), settings=load_settings(), database_label=url)
    painted = []
    display = app._display
    def _display(screen, renderable):
        display(screen, renderable)
        lists = screen.query(PersonList)
        if not painted and renderable is not None and lists and lists.first().total > 0 \\
                and lists.first().row(0) is not None:
            painted.append(time.time() - t0)
    app._display = _display
    async with app.run_test(size=(120, 40)) as pilot:
        while not painted:
            await asyncio.sleep(0.002)
        print(painted[0], flush=True)
        await pilot.pause()
asyncio.run(main())
_bench_hwm()
"""
)


def pct(values: Sequence[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def timed(fn: Callable[[], object], repeats: int) -> list[float]:
    """Milliseconds per call, after one warm-up call."""
    fn()
    out = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        out.append((time.perf_counter() - start) * 1000)
    return out


def child_env(workdir: Path) -> dict[str, str]:
    """Child processes get bytecode caching (this machine disables it) outside the tree."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = str(workdir / "pycache")
    env["ADVISOR_LANG"] = "de"
    return env


class Run(NamedTuple):
    seconds: float  # wall clock
    rss_mb: int  # peak RSS, 0 when the child does not report it
    out: str
    cpu: float  # user + system seconds of the child: what an idle machine would need


def run_child(cmd: Sequence[str], env: dict[str, str]) -> Run:
    """Run one child process and measure it."""
    rss_file = Path(env["PYTHONPYCACHEPREFIX"]).parent / "child-rss"
    rss_file.unlink(missing_ok=True)
    start = time.perf_counter()
    proc = subprocess.Popen(
        cmd,
        env={**env, "BENCH_RSS_FILE": str(rss_file)},
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
    )
    assert proc.stdout is not None
    out = proc.stdout.read().decode()
    _, _, usage = os.wait4(proc.pid, 0)
    proc.returncode = 0  # reaped by wait4
    seconds = time.perf_counter() - start
    rss = int(rss_file.read_text()) // 1024 if rss_file.exists() else 0
    return Run(seconds, rss, out, usage.ru_utime + usage.ru_stime)


def build_db(path: Path, persons: int, seed: int = 1) -> object:
    """The demo database at `path`, generated once and reused."""
    from sqlalchemy import func, select

    from advisor_tui.domain.models import Person
    from advisor_tui.storage.db import open_engine
    from advisor_tui.storage.search import index_size, rebuild_index

    engine = open_engine(f"sqlite:///{path}")
    with engine.connect() as conn:
        count = conn.execute(select(func.count()).select_from(Person)).scalar_one()
    if count == 0:
        from advisor_tui.demo.generate import generate_demo

        print(f"generating {persons:,} persons into {path} ...", file=sys.stderr, flush=True)
        start = time.perf_counter()
        generate_demo(engine, persons=persons, seed=seed)
        print(f"  done in {time.perf_counter() - start:.0f} s", file=sys.stderr)
    with engine.begin() as conn:
        visible = conn.execute(
            select(func.count()).select_from(Person).where(Person.restricted_until.is_(None))
        ).scalar_one()
        if index_size(conn) != visible:  # a loader that forgot the index
            rebuild_index(conn)
    return engine


def sample_phones(engine: object, n: int, rng: random.Random) -> list[tuple[str, str]]:
    """(E.164, national digits) of n random valid numbers of visible persons."""
    from sqlalchemy import text

    with engine.connect() as conn:  # type: ignore[attr-defined]
        rows = conn.execute(
            text(
                "SELECT a.normalized, a.rev_digits FROM address a JOIN person p "
                "ON p.id = a.person_id WHERE a.rev_digits IS NOT NULL AND a.valid "
                "AND p.restricted_until IS NULL AND a.id % 97 = 3 LIMIT 5000"
            )
        ).all()
    return [(e164, rev[::-1]) for e164, rev in rng.sample(rows, min(n, len(rows)))]


def sample_email(engine: object) -> str:
    from sqlalchemy import text

    with engine.connect() as conn:  # type: ignore[attr-defined]
        return (
            conn.execute(
                text("SELECT normalized FROM address WHERE kind='email' AND valid AND id % 7 = 1")
            )
            .scalars()
            .first()
            or "anna.mueller@example.de"
        )


def keystrokes(word: str) -> list[str]:
    return [word[:i] for i in range(1, len(word) + 1)]


def bench_inprocess(engine: object, rng: random.Random) -> list[tuple[str, str, str, str]]:
    from advisor_tui.domain.phones import format_for_display
    from advisor_tui.services.persons.lookup import reverse_lookup
    from advisor_tui.services.persons.search import search_persons
    from advisor_tui.storage.db import new_session

    rows = []
    phones = sample_phones(engine, 200, rng)
    with new_session(engine) as session:  # type: ignore[arg-type]
        for label, make in [
            ("lookup exact, national notation", lambda e, d: format_for_display(e)),
            ("lookup exact, 0049 notation", lambda e, d: "0049" + e[3:]),
            ("lookup suffix, last 7 digits", lambda e, d: d[-7:]),
        ]:
            times = []
            for e164, digits in phones:
                sender = make(e164, digits)
                times += timed(lambda s=sender: reverse_lookup(session, s), 5)
            ok = "ok" if pct(times, 95) < BUDGET_LOOKUP_MS else "OVER"
            rows.append((label, f"{pct(times, 50):.3f} ms", f"{pct(times, 95):.3f} ms", ok))
        e164, digits = phones[0]
        email = sample_email(engine)
        sequences = {
            "search m…mueller": keystrokes("mueller"),
            "search Mü…Müller": keystrokes("Müller")[1:],
            "search 0171 2… (number)": keystrokes("0" + digits[:3] + " " + digits[3:7]),
            "search last digits": keystrokes(digits[-5:]),
            "search e-mail fragment": keystrokes(email.split("@")[0][:8] + "@"),
        }
        for label, strokes in sequences.items():
            times = []
            for stroke in strokes:
                times += timed(lambda s=stroke: search_persons(session, s), 20)
            worst = max(
                statistics.median(timed(lambda s=s: search_persons(session, s), 5)) for s in strokes
            )
            ok = "ok" if pct(times, 95) < BUDGET_SEARCH_MS else "OVER"
            rows.append(
                (
                    f"{label} ({strokes[-1]!r}, worst key {worst:.1f} ms)",
                    f"{pct(times, 50):.2f} ms",
                    f"{pct(times, 95):.2f} ms",
                    ok,
                )
            )
        # What the TUI's list runs per keystroke: the first screenful of matches,
        # ranked rows for it, and the count of all matches (for the status line);
        # later pages load as they scroll in.
        from advisor_tui.services.persons.listing import count_matches, rows_for_ids, search_ids
        from advisor_tui.tui.widgets.person_list import PAGE_SIZE

        def list_keystroke(text: str) -> None:
            count_matches(session, text)
            rows_for_ids(session, search_ids(session, text, PAGE_SIZE))

        times = []
        for stroke in keystrokes("mueller"):
            times += timed(lambda s=stroke: list_keystroke(s), 10)
        ok = "ok" if pct(times, 95) < BUDGET_SEARCH_MS else "OVER"
        rows.append(
            (
                f"TUI list m…mueller (count, first {PAGE_SIZE} matches ranked)",
                f"{pct(times, 50):.2f} ms",
                f"{pct(times, 95):.2f} ms",
                ok,
            )
        )
    return rows


def bench_who(
    db: Path, number: str, env: dict[str, str], n: int = 10
) -> tuple[float, float, float, int]:
    """Median wall, fastest wall and median CPU seconds of `advisor who`; peak RSS."""
    cmd = [sys.executable, "-c", _CLI_CHILD, "--db", str(db), "who", number]
    run_child(cmd, env)  # warm the bytecode cache and the OS file cache
    runs = [run_child(cmd, env) for _ in range(n)]
    times = [r.seconds for r in runs]
    cpu = statistics.median(r.cpu for r in runs)
    return statistics.median(times), min(times), cpu, max(r.rss_mb for r in runs)


def bench_paint(db: Path, env: dict[str, str], n: int = 3) -> tuple[float, int] | None:
    """Median seconds from process start to a customer list with rows; peak RSS."""
    if not (ROOT / "advisor_tui" / "tui" / "app.py").exists():
        return None
    url = f"sqlite:///{db}"
    results = []
    for _ in range(n + 1):
        start = time.time()
        run = run_child([sys.executable, "-c", _PAINT_CHILD, url, repr(start)], env)
        if not run.out.strip():
            return None
        results.append((float(run.out.strip().splitlines()[-1]), run.rss_mb))
    results = results[1:]  # the first run warms the caches
    return statistics.median(r[0] for r in results), max(r[1] for r in results)


def _vcard30(person: object, addresses: Sequence[object]) -> str:
    p, lines = person, ["BEGIN:VCARD", "VERSION:3.0"]
    lines.append(f"UID:advisor-{p.id}")  # type: ignore[attr-defined]
    lines.append(f"N:{p.last_name};{p.first_name};;;")  # type: ignore[attr-defined]
    lines.append(f"FN:{p.display_name}")  # type: ignore[attr-defined]
    for a in addresses:
        if a.kind in ("mobile", "landline", "fax"):  # type: ignore[attr-defined]
            kind = {"mobile": "CELL", "landline": "VOICE", "fax": "FAX"}[a.kind]  # type: ignore[attr-defined]
            lines.append(f"TEL;TYPE={kind}:{a.raw}")  # type: ignore[attr-defined]
        elif a.kind == "email":  # type: ignore[attr-defined]
            lines.append(f"EMAIL;TYPE=INTERNET:{a.raw}")  # type: ignore[attr-defined]
    return "\r\n".join([*lines, "END:VCARD", ""])


def export_vdir(engine: object, folder: Path) -> None:
    from sqlmodel import select

    from advisor_tui.domain.models import Address, Person
    from advisor_tui.storage.db import new_session

    try:
        from advisor_tui.io.vcard_export import person_to_vcard as to_vcard
    except ImportError:
        to_vcard = _vcard30
    folder.mkdir(parents=True, exist_ok=True)
    with new_session(engine) as session:  # type: ignore[arg-type]
        grouped: dict[int, list[Address]] = {}
        for a in session.exec(select(Address)):
            grouped.setdefault(a.person_id, []).append(a)
        for p in session.exec(select(Person).where(Person.restricted_until.is_(None))):
            card = to_vcard(p, grouped.get(p.id, []))
            if "\nUID:" not in card:  # khard skips cards without a UID
                card = card.replace("\nFN:", f"\nUID:advisor-{p.id}\r\nFN:", 1)
            (folder / f"{p.id}.vcf").write_text(card)


def bench_khard(khard: str, workdir: Path, env: dict[str, str], rng: random.Random) -> list[tuple]:
    db = workdir / "bench-10000.sqlite3"
    engine = build_db(db, 10_000)
    vdir = workdir / "vdir-10000"
    if not vdir.exists() or len(list(vdir.glob("*.vcf"))) < 9000:
        shutil.rmtree(vdir, ignore_errors=True)
        export_vdir(engine, vdir)
    conf = workdir / "khard.conf"
    conf.write_text(f"[addressbooks]\n[[bench]]\npath = {vdir}\n")
    # khard matches the number text as written; take a number whose last 7 digits
    # stand together in the card (advisor finds it in any notation anyway).
    for _, digits in sample_phones(engine, 20, rng):
        fragment = digits[-7:]
        k_cmd = [khard, "-c", str(conf), "phone", "--parsable", fragment]
        k_runs = [run_child(k_cmd, env)]
        if k_runs[0].out.strip():
            break
    assert k_runs[0].out.strip(), "khard found nothing; check the vdir"
    k_runs += [run_child(k_cmd, env) for _ in range(2)]
    k_time = statistics.median(r.seconds for r in k_runs)
    k_cpu = statistics.median(r.cpu for r in k_runs)
    a_time, _, a_cpu, _ = bench_who(db, fragment, env)
    return [
        (
            f"khard phone --parsable {fragment} (10,000 vCards, median of 3; CPU {k_cpu:.2f} s)",
            f"{k_time:.2f} s",
            "",
            "",
        ),
        (
            f"advisor who {fragment} (same 10,000 contacts; CPU {a_cpu:.3f} s)",
            f"{a_time:.3f} s",
            "",
            f"{k_time / a_time:.0f}x faster (CPU {k_cpu / a_cpu:.0f}x)",
        ),
    ]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--persons", type=int, default=100_000)
    parser.add_argument("--dir", type=Path, default=Path("/tmp/advisor-bench"))
    parser.add_argument("--khard", default=shutil.which("khard"), help="path of khard")
    parser.add_argument("--seed", type=int, default=7, help="seed of the sampled queries")
    args = parser.parse_args()
    args.dir.mkdir(parents=True, exist_ok=True)
    rng = random.Random(args.seed)
    env = child_env(args.dir)
    db = args.dir / f"bench-{args.persons}.sqlite3"
    engine = build_db(db, args.persons)

    from sqlalchemy import text

    with engine.connect() as conn:  # type: ignore[attr-defined]
        counts = [
            conn.execute(text(f"SELECT count(*) FROM {t}")).scalar_one()
            for t in ("person", "address", "interaction")
        ]
    rows = bench_inprocess(engine, rng)
    e164, _ = sample_phones(engine, 1, rng)[0]
    who_s, who_min, who_cpu, who_rss = bench_who(db, e164, env)
    rows.append(
        (
            f"advisor who NUMBER, whole process (median of 10; fastest {who_min:.3f} s, "
            f"CPU {who_cpu:.3f} s)",
            f"{who_s:.3f} s",
            "",
            "ok" if who_s < BUDGET_WHO_S else "OVER",
        )
    )
    paint = bench_paint(db, env)
    if paint:
        rows.append(
            (
                "TUI first paint, headless (median of 3)",
                f"{paint[0]:.3f} s",
                "",
                "ok" if paint[0] < BUDGET_PAINT_S else "OVER",
            )
        )
    rows.append(("peak RSS: advisor who", f"{who_rss} MB", "", ""))
    if paint:
        rows.append(("peak RSS: TUI", f"{paint[1]} MB", "", ""))
    if args.khard:
        rows += bench_khard(args.khard, args.dir, env, rng)
    else:
        rows.append(("khard", "not on PATH (pip install khard; --khard PATH)", "", ""))

    print(
        f"\n{counts[0]:,} persons, {counts[1]:,} addresses, {counts[2]:,} interactions; "
        f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores\n"
    )
    width = max(len(r[0]) for r in rows)
    print(f"{'measure':<{width}}  {'p50 / value':>12}  {'p95':>10}  budget")
    for label, p50, p95, ok in rows:
        print(f"{label:<{width}}  {p50:>12}  {p95:>10}  {ok}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Time `advisor import` of N Apple-style vCards (default 10,000) into an empty database.

    uv run python bench/import_vcards.py [--cards 10000] [--dir /tmp/advisor-bench]

Budget (DESIGN.md): 10,000 vCards under 10 s. Run by hand, not in CI.
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import time
from pathlib import Path

FIRST = ["Anna", "Jürgen", "Peter", "Maria", "Thomas", "Sabine", "Michael", "Ursula", "Klaus"]
LAST = ["Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Schäfer"]
MOBILE_PREFIXES = ["151", "160", "170", "171", "172", "173", "175", "176", "177", "178", "179"]


def card(i: int, rnd: random.Random) -> str:
    """One card as the iPhone writes it: item groups, repeated type=, pref, escaped comma."""
    first, last = rnd.choice(FIRST), f"{rnd.choice(LAST)}{i}"
    mobile = f"0{rnd.choice(MOBILE_PREFIXES)}{rnd.randrange(1_000_000, 9_999_999)}"
    return "\r\n".join(
        [
            "BEGIN:VCARD",
            "VERSION:3.0",
            "PRODID:-//Apple Inc.//iPhone OS 17.0//EN",
            f"N:{last};{first};;;",
            f"FN:{first} {last}",
            f"ORG:Firma {i % 300}",
            f"item1.TEL;type=CELL;type=VOICE;type=pref:{mobile}",
            f"TEL;type=HOME;type=VOICE:030 {rnd.randrange(1_000_000, 9_999_999)}",
            f"item2.EMAIL;type=INTERNET;type=HOME:{first.lower()}.{last.lower()}@example.de",
            f"item3.ADR;type=HOME;type=pref:;;Hauptstr. {i % 200};Berlin;;10{i % 1000:03d};",
            f"BDAY;value=date:19{rnd.randrange(40, 99)}-{rnd.randrange(1, 13):02d}-"
            f"{rnd.randrange(1, 29):02d}",
            f"NOTE:Kunde seit {2000 + i % 20}\\, Depot {i}",
            f"UID:{i:08d}-advisor-bench",
            "END:VCARD",
        ]
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--cards", type=int, default=10_000)
    parser.add_argument("--dir", type=Path, default=Path("/tmp/advisor-bench"))
    args = parser.parse_args()
    args.dir.mkdir(parents=True, exist_ok=True)
    rnd = random.Random(7)
    vcf = args.dir / f"apple-{args.cards}.vcf"
    vcf.write_text("\r\n".join(card(i, rnd) for i in range(args.cards)) + "\r\n")
    db = args.dir / f"import-{args.cards}.sqlite3"
    for stale in args.dir.glob(f"{db.name}*"):
        stale.unlink()
    env = {**os.environ, "PYTHONPYCACHEPREFIX": str(args.dir / "pycache")}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    cmd = [sys.executable, "-m", "advisor_tui", "import", str(vcf), "--db", str(db)]
    for label in ("into an empty database", "the same file again (no new persons)"):
        start = time.perf_counter()
        done = subprocess.run(cmd, capture_output=True, text=True, env=env)
        seconds = time.perf_counter() - start
        print(f"{args.cards:,} cards {label}: {seconds:.1f} s whole process")
        print("   ", done.stdout.strip().splitlines()[0] if done.stdout.strip() else done.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())

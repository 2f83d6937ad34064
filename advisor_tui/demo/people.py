"""Make demo names, numbers, e-mail addresses and firms; unique where they must be.

Everything comes from one seeded `random.Random`, so a seed (and "now") fixes
the data. Phone numbers are made from real German mobile prefixes and area
codes with lengths `phonenumbers` accepts, and their normalized form is
computed here directly (the bulk path must not parse 300,000 numbers); the
tests check it against `normalize_address` on every address of a sample.
Rare kinds (messenger, social, invalid values, fixed persons) go through
`normalize_address` itself.
"""

from __future__ import annotations

import unicodedata
from bisect import bisect
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from random import Random
from typing import Any

from advisor_tui.demo import data
from advisor_tui.demo.fixed import GUIDO_NATIONAL
from advisor_tui.domain.normalize import Normalized, normalize_address

# (prefix without 0, subscriber digits): lengths phonenumbers accepts as valid.
MOBILE_PREFIXES = (
    ("151", 8), ("152", 8), ("157", 8), ("159", 8), ("160", 7), ("162", 7), ("163", 7),
    ("170", 7), ("171", 7), ("172", 7), ("173", 7), ("174", 7), ("175", 7), ("176", 8),
    ("177", 7), ("178", 7), ("179", 7),
)  # fmt: skip
# Subscriber lengths by area code length (030 1234567, 0221 345678, 06131 12345).
SUBSCRIBER_DIGITS = {2: (7, 8), 3: (6, 7), 4: (5, 6)}
SUFFIX = 7  # the unknown Guido number shares no last-7-digit suffix with anyone

City = tuple[str, str, int, int, int]  # name, area code, first/last postcode, weight
THREEMA_CHARS = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
_FOLD = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue"})


def fold(text: str) -> str:
    """ASCII, lower case, no spaces: "Müller-Lüdenscheid" -> "mueller-luedenscheid"."""
    text = unicodedata.normalize("NFKD", text.translate(_FOLD))
    return text.encode("ascii", "ignore").decode().lower().replace(" ", "")


class DemoRandom(Random):
    """`random.Random` with cheap integer draws from `random()`.

    The stock `randrange` costs ~1 µs (rejection sampling); a million
    interactions draw several each. Float-based draws are plenty for demo data
    and just as deterministic.
    """

    def randrange(self, start: int, stop: int | None = None, step: int = 1) -> int:  # type: ignore[override]
        if stop is None:
            return int(self.random() * start)
        return start + int(self.random() * (stop - start))

    def randint(self, a: int, b: int) -> int:
        return a + int(self.random() * (b - a + 1))


class Picker:
    """Weighted choice by bisecting cumulative weights (fast for long lists)."""

    def __init__(self, items: Sequence[Any], weights: Sequence[float]) -> None:
        self.items = tuple(items)
        self.cum: list[float] = []
        total = 0.0
        for w in weights:
            total += w
            self.cum.append(total)
        self.total = total

    @classmethod
    def by_rank(cls, items: Sequence[Any], flatness: float = 12.0) -> Picker:
        """Earlier items more frequent, as names are (Zipf-like, flattened)."""
        return cls(items, [1.0 / (rank + flatness) for rank in range(len(items))])

    def __call__(self, rng: Random) -> Any:
        return self.items[bisect(self.cum, rng.random() * self.total)]


FEMALE = Picker.by_rank(data.FEMALE_FIRST)
MALE = Picker.by_rank(data.MALE_FIRST)
LAST = Picker.by_rank(data.LAST_NAMES, 8.0)
CITY = Picker(data.CITIES, [c[4] for c in data.CITIES])
FREEMAIL = Picker([d for d, _ in data.FREEMAIL], [w for _, w in data.FREEMAIL])


class Addr:
    """One address while its chunk is built (evidence is filled in by activity)."""

    __slots__ = (
        "id", "kind", "scope", "label", "raw", "norm", "direct", "street", "postcode",
        "city", "serviceable", "serviceable_at", "confirmed_at", "last_success_at",
        "failed_at", "failure_kind", "preferred", "shared",
    )  # fmt: skip

    def __init__(self, id: int, kind: str, scope: str, raw: str, norm: Normalized) -> None:
        self.id, self.kind, self.scope, self.raw, self.norm = id, kind, scope, raw, norm
        self.label = ""
        self.direct = self.serviceable = self.preferred = False
        self.shared = False  # also another person's (household, switchboard, info@)
        self.street = self.postcode = self.city = ""
        self.serviceable_at: datetime | None = None
        self.confirmed_at: datetime | None = None
        self.last_success_at: datetime | None = None
        self.failed_at: datetime | None = None
        self.failure_kind: str | None = None

    @property
    def usable(self) -> bool:
        return self.norm.valid and self.failed_at is None


@dataclass
class Firm:
    name: str
    domain: str
    area: str
    base: str  # switchboard digits after the area code, without extension
    pattern: str  # "first.last", "f.last" or "last"
    generic: str  # info, office, ...
    street: str
    postcode: str
    city: str
    next_ext: int


@dataclass
class Who:
    """A person while its chunk is built."""

    id: int
    kind: str
    first: str
    last: str
    created: datetime
    addrs: list[Addr] = field(default_factory=list)
    dissatisfied: bool = False
    female: bool = False
    birthday: date | None = None
    city: City | None = None
    firm: Firm | None = None


class People:
    """Makes names, numbers and e-mail addresses, each unique where it must be."""

    def __init__(self, rng: Random, now: datetime, first_address_id: int) -> None:
        self.rng = rng
        self.now = now  # naive UTC
        self.next_address_id = first_address_id
        self.phones: set[str] = {GUIDO_NATIONAL}  # national numbers in use
        self.suffixes: set[str] = {GUIDO_NATIONAL[-SUFFIX:]}  # reserved for the unknown
        self.emails: set[str] = set()
        self.domains: set[str] = set()
        self._folded: dict[str, str] = {}

    def folded(self, name: str) -> str:
        result = self._folded.get(name)
        if result is None:
            result = self._folded[name] = fold(name)
        return result

    # -- phone numbers ---------------------------------------------------------------
    def _claim(self, nsn: str) -> bool:
        if nsn in self.phones or nsn[-SUFFIX:] in self.suffixes:
            return False
        self.phones.add(nsn)
        return True

    def claim_fixed(self, norm: Normalized) -> None:
        """Keep random numbers off the fixed persons' numbers."""
        if norm.rev_digits:
            self.phones.add(norm.rev_digits[::-1])

    def mobile(self) -> tuple[str, str]:
        """(national number, raw text in one of the notations people write)."""
        rng = self.rng
        while True:
            prefix, digits = MOBILE_PREFIXES[rng.randrange(len(MOBILE_PREFIXES))]
            rest = str(rng.randrange(10 ** (digits - 1), 10**digits))
            if self._claim(prefix + rest):
                break
        r = rng.random()
        if r < 0.40:
            raw = f"0{prefix} {rest}"
        elif r < 0.55:
            raw = f"+49 {prefix} {rest}"
        elif r < 0.67:
            raw = f"0{prefix}{rest}"
        elif r < 0.77:
            raw = f"0{prefix}/{rest}"
        elif r < 0.85:
            raw = f"0{prefix}-{rest}"
        elif r < 0.93:
            raw = f"+49 (0){prefix} {rest}"
        else:
            raw = f"0049 {prefix} {rest}"
        return prefix + rest, raw

    def landline(self, area: str) -> tuple[str, str]:
        rng = self.rng
        low, high = SUBSCRIBER_DIGITS[len(area)]
        while True:
            digits = rng.randint(low, high)
            sub = str(rng.randrange(2 * 10 ** (digits - 1), 10**digits))
            if self._claim(area + sub):
                break
        r = rng.random()
        if r < 0.5:
            raw = f"0{area} {sub}"
        elif r < 0.7:
            raw = f"0{area}/{sub}"
        elif r < 0.82:
            raw = f"(0{area}) {sub}"
        elif r < 0.94:
            raw = f"+49 {area} {sub}"
        else:
            raw = f"0{area}-{sub}"
        return area + sub, raw

    def firm_base(self, area: str) -> str:
        """Switchboard digits; extensions are appended, so reserve the whole block."""
        rng = self.rng
        low, _ = SUBSCRIBER_DIGITS[len(area)]
        while True:
            base = str(rng.randrange(2 * 10 ** (low - 3), 10 ** (low - 2)))
            if self._claim(area + base + "0"):
                return base

    def direct_dial(self, firm: Firm) -> tuple[str, str]:
        while True:
            firm.next_ext += self.rng.randint(1, 9)
            ext = str(firm.next_ext)
            if self._claim(firm.area + firm.base + ext):
                break
        r = self.rng.random()
        if r < 0.6:
            raw = f"0{firm.area} {firm.base}-{ext}"
        elif r < 0.85:
            raw = f"+49 {firm.area} {firm.base}-{ext}"
        else:
            raw = f"0{firm.area}/{firm.base}{ext}"
        return firm.area + firm.base + ext, raw

    # -- e-mail ----------------------------------------------------------------------
    def freemail(self, first: str, last: str, birth_year: int | None) -> str:
        rng = self.rng
        f, la = self.folded(first), self.folded(last)
        yy = f"{birth_year % 100:02d}" if birth_year else str(rng.randint(1, 99))
        r = rng.random()
        if r < 0.35:
            local = f"{f}.{la}"
        elif r < 0.5:
            local = f"{f}{la}"
        elif r < 0.62:
            local = f"{f[0]}.{la}"
        elif r < 0.72:
            local = f"{la}.{f}"
        elif r < 0.85:
            local = f"{f}.{la}{yy}"
        elif r < 0.93:
            local = f"{f}{yy}"
        else:
            local = f"{f}_{la}"
        domain = FREEMAIL(rng)
        address = f"{local}@{domain}"
        while address in self.emails:
            address = f"{local}{rng.randint(1, 999)}@{domain}"
        self.emails.add(address)
        return address

    def business_mail(self, firm: Firm, first: str, last: str) -> str:
        f, la = self.folded(first), self.folded(last)
        local = {"first.last": f"{f}.{la}", "f.last": f"{f[0]}.{la}", "last": la}[firm.pattern]
        address = f"{local}@{firm.domain}"
        if address in self.emails:
            address = f"{f}.{la}@{firm.domain}"
        n = 1
        while address in self.emails:
            n += 1
            address = f"{f}.{la}{n}@{firm.domain}"
        self.emails.add(address)
        return address

    # -- firms -----------------------------------------------------------------------
    def firm(self) -> Firm:
        rng = self.rng
        branch = data.BRANCHES[rng.randrange(len(data.BRANCHES))]
        legal = data.LEGAL_FORMS[rng.randrange(len(data.LEGAL_FORMS))]
        owner = LAST(rng) if rng.random() < 0.65 else data.REGIONS[rng.randrange(16)]
        name = f"{owner} {branch} {legal}"
        city, area, low, high, _ = CITY(rng)
        domain = self._domain(self.folded(owner), self.folded(branch), self.folded(city.split()[0]))
        street = data.BUSINESS_STREETS[rng.randrange(len(data.BUSINESS_STREETS))]
        pattern = ("first.last", "first.last", "first.last", "f.last", "last")[rng.randrange(5)]
        generic = data.GENERIC_MAILBOXES[rng.randrange(len(data.GENERIC_MAILBOXES))]
        return Firm(
            name, domain, area, self.firm_base(area), pattern, generic,
            f"{street} {rng.randint(1, 120)}", f"{rng.randint(low, high):05d}", city, 10,
        )  # fmt: skip

    def _domain(self, owner: str, branch: str, city: str) -> str:
        """A free domain, tried the way firms pick them when the obvious one is taken."""
        stem = f"{owner}-{branch}"
        for domain in (
            f"{stem}.de", f"{stem}-{city}.de", f"{owner}{branch}.de", f"{branch}-{owner}.de",
            f"{stem}.com", f"{stem}-{city}.com", f"{branch}-{owner}-{city}.de", f"{stem}.eu",
        ):  # fmt: skip
            if domain not in self.domains:
                break
        n = 2
        while domain in self.domains:
            domain = f"{stem}-{city}{n}.de"
            n += 1
        self.domains.add(domain)
        return domain

    # -- addresses -------------------------------------------------------------------
    def address(self, kind: str, scope: str, raw: str, norm: Normalized) -> Addr:
        addr = Addr(self.next_address_id, kind, scope, raw, norm)
        self.next_address_id += 1
        return addr

    def postal(self, street: str, postcode: str, city: str, scope: str = "private") -> Addr:
        raw = f"{street}, {postcode} {city}"
        addr = self.address("postal", scope, raw, Normalized(raw, True))
        addr.street, addr.postcode, addr.city = street, postcode, city
        return addr

    def home(self, city: City) -> tuple[str, str, str]:
        rng = self.rng
        street = data.STREETS[rng.randrange(len(data.STREETS))]
        number = str(rng.randint(1, 180)) + ("a" if rng.random() < 0.05 else "")
        return f"{street} {number}", f"{rng.randint(city[2], city[3]):05d}", city[0]

    def threema(self) -> tuple[str, Normalized]:
        while True:
            raw = "".join(THREEMA_CHARS[self.rng.randrange(32)] for _ in range(8))
            norm = normalize_address("messenger", raw)
            if norm.phone_type is None:  # not read as a vanity phone number
                return raw, norm

    def random_date(self, start: datetime, end: datetime) -> datetime:
        span = int((end - start).total_seconds())
        return start + timedelta(seconds=self.rng.randrange(max(span, 1)))

    def birthday(self) -> date:
        today = self.now.date()
        oldest = today.replace(year=today.year - 85).toordinal()
        youngest = today.replace(year=today.year - 19).toordinal()
        return date.fromordinal(self.rng.randint(oldest, youngest))


def phone_norm(nsn: str, phone_type: str) -> Normalized:
    """What `normalize_address` gives for a valid German national number."""
    return Normalized("+49" + nsn, True, None, phone_type, nsn[::-1])


def email_norm(raw: str) -> Normalized:
    """What `normalize_address` gives for a valid ASCII address (domain and local folded)."""
    return Normalized(raw.lower(), True)

"""Assemble demo persons chunk by chunk: fixed people first, then random ones.

A chunk is a range of person indices; its rows (persons, addresses, requests,
interactions, follow-ups, consents) reference only ids of the same or earlier
chunks, so chunks can be inserted in order within one transaction.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from advisor_tui.demo import data
from advisor_tui.demo.activity import Activity, Rows, Stamps
from advisor_tui.demo.fixed import FIXED_PERSONS, FixedPerson
from advisor_tui.demo.people import (
    CITY,
    FEMALE,
    LAST,
    MALE,
    Addr,
    City,
    DemoRandom,
    Firm,
    People,
    Who,
    email_norm,
    phone_norm,
)
from advisor_tui.domain.collation import sort_key
from advisor_tui.domain.normalize import normalize_address

PERSON_COLUMNS = (
    "id", "kind", "salutation", "title", "first_name", "last_name", "company", "birthday",
    "notes", "tags", "extra", "restricted_until", "created_at", "updated_at", "version", "sort_key",
)  # fmt: skip
ADDRESS_COLUMNS = (
    "id", "person_id", "kind", "scope", "label", "raw", "normalized", "rev_digits",
    "phone_type", "valid", "invalid_reason", "is_direct_dial", "street", "postcode", "city",
    "country", "serviceable", "serviceable_at", "confirmed_at", "last_success_at", "failed_at",
    "failure_kind", "is_preferred", "created_at", "updated_at", "version",
)  # fmt: skip
# Flags are history (domain.models.attention): a demo flag is one "set" event.
FLAG_EVENT_COLUMNS = (
    "person_id", "flag", "action", "at", "reason", "actor", "source", "next_step", "created_at",
)  # fmt: skip

GUIDO_INDEX = next(i for i, p in enumerate(FIXED_PERSONS) if p.first_name == "Guido")
# Thomas and Sabine Müller share a landline: a voicemail from it has both as candidates.
MUELLER_INDICES = tuple(i for i, p in enumerate(FIXED_PERSONS) if p.last_name == "Müller")
SHARED_LANDLINE = "+49221345678"
SHARED_BODY = (
    "Nachricht auf der Mailbox: Hier Müller, wir haben eine Frage zur Hausratversicherung, "
    "rufen Sie uns bitte zurück?"
)
FIXED_NAMES = {(p.first_name, p.last_name) for p in FIXED_PERSONS}
DAY = timedelta(days=1)
THREE_YEARS = timedelta(days=3 * 365)
HOUSEHOLD_SHARE = 0.06  # chance that a person starts a two-person household
FAILURE_BY_KIND = {
    "mobile": "wrong_number",
    "landline": "wrong_number",
    "email": "bounced",
    "postal": "returned_letter",
    "messenger": "unreachable",
}
NOTES = (
    "Bevorzugt Termine am Vormittag.",
    "Lieber WhatsApp als Anrufe.",
    "Zwei Kinder (8 und 11), Ausbildungsversicherung angesprochen.",
    "Kam über Empfehlung von Familie Müller.",
    "Selbstständig seit 2019.",
    "Ruft oft aus dem Auto an, kurz halten.",
    "Plant Hauskauf in zwei Jahren.",
)


class DemoBuilder:
    """Deterministic demo rows for `persons` people from `seed` and `now`."""

    def __init__(
        self,
        *,
        persons: int,
        seed: int,
        now: datetime,
        today: tuple[datetime, datetime],
        stamps: Stamps,
        first_address_id: int = 1,
        first_request_id: int = 1,
    ) -> None:
        """`now` and `today` (local day start, end) are naive UTC."""
        self.rng = DemoRandom(seed)
        self.now, self.stamps = now, stamps
        self.people = People(self.rng, now, first_address_id)
        self.activity = Activity(self.rng, now, today, stamps, first_request_id, seed)
        # The fixed people's firms are theirs alone.
        self.people.domains.update(
            a.raw.rpartition("@")[2]
            for p in FIXED_PERSONS
            for a in p.addresses
            if a.kind == "email" and a.scope == "business"
        )
        self.firms: list[Firm] = [self.people.firm() for _ in range(max(3, persons // 5))]

    def chunk(self, start: int, stop: int) -> Rows:
        """Rows for the persons with indices start..stop-1 (ids start+1..stop)."""
        rows = self.activity.rows = Rows()
        i = start
        while i < stop:
            if i < len(FIXED_PERSONS):
                self._fixed(FIXED_PERSONS[i], i + 1, rows)
                if i == GUIDO_INDEX:
                    self._unknown_guido()
                if i == max(MUELLER_INDICES):
                    self._shared_landline()
                i += 1
                continue
            who = self._random(i + 1)
            group = [who]
            if i + 1 < stop and self.rng.random() < HOUSEHOLD_SHARE:
                group.append(self._partner(who, i + 2))
            for member in group:
                self._random_activity(member)
                self._emit(member, rows)
            i += len(group)
        return rows

    # -- fixed persons ---------------------------------------------------------------
    def _fixed(self, spec: FixedPerson, pid: int, rows: Rows) -> None:
        now, people = self.now, self.people
        created = now - timedelta(days=2000 + 37 * pid)
        who = Who(pid, spec.kind, spec.first_name, spec.last_name, created)
        who.dissatisfied = spec.dissatisfied
        for fa in spec.addresses:
            norm = normalize_address(fa.kind, fa.raw)
            people.claim_fixed(norm)
            if fa.kind == "email" and norm.normalized:
                people.emails.add(norm.normalized)
            addr = people.address(fa.kind, fa.scope, fa.raw, norm)
            addr.label, addr.direct, addr.preferred = fa.label, fa.is_direct_dial, fa.is_preferred
            addr.street, addr.postcode, addr.city = fa.street, fa.postcode, fa.city
            addr.serviceable = fa.serviceable

            def days(n: int | None) -> datetime | None:
                return None if n is None else now + timedelta(days=n, hours=-pid)

            addr.serviceable_at = days(-300) if fa.serviceable else None
            addr.confirmed_at, addr.last_success_at = days(fa.confirmed_day), days(fa.success_day)
            addr.failed_at, addr.failure_kind = days(fa.failed_day), fa.failure_kind
            who.addrs.append(addr)
        act = self.activity
        request_ids = []
        for fr in spec.requests:
            sender = who.addrs[fr.address]
            request_ids.append(
                act.request(
                    who, fr.channel, fr.kind, fr.status, fr.subject, fr.body, sender,
                    received=now - timedelta(hours=fr.hours_ago), recipients=fr.recipients,
                )
            )  # fmt: skip
        for kind, state, note in spec.followups:
            act.followup(who, kind, state, note, request_ids[0] if request_ids else None)
        for channel, granted in spec.consents:
            act.consent(who, channel, granted)
        act.interactions(who, 12 if spec.kind == "customer" else 4)
        birthday = date(*spec.birthday) if spec.birthday else None
        self._emit(
            who, rows, spec.salutation, spec.title, spec.company, birthday, spec.notes,
            spec.tags, (spec.super_customer, spec.dissatisfied, spec.payment_trouble),
        )  # fmt: skip

    def _unknown_guido(self) -> None:
        """The SMS from a number nobody has, signed with the only Guido's first name:
        a name hint (a suggestion to confirm with one key, never an assignment)."""
        guido = GUIDO_INDEX + 1
        self.activity.request(
            None, "sms", "order", "new", "", data.GUIDO_BODY, None,
            received=self.now - timedelta(minutes=35),
            match=("name_hint", guido, ((guido, "Gruß Guido"),)),
        )  # fmt: skip

    def _shared_landline(self) -> None:
        """A voicemail from the Müllers' shared landline: both are candidates, none picked."""
        ids = tuple((i + 1, SHARED_LANDLINE) for i in MUELLER_INDICES)
        self.activity.request(
            None, "voicemail", "callback", "new", "", SHARED_BODY, None,
            received=self.now - timedelta(hours=3), sender_raw=SHARED_LANDLINE,
            match=("shared", None, ids),
        )  # fmt: skip

    # -- random persons --------------------------------------------------------------
    def _random(self, pid: int) -> Who:
        rng, people, now = self.rng, self.people, self.now
        female = rng.random() < 0.5
        last = LAST(rng)
        first = (FEMALE if female else MALE)(rng)
        while (first, last) in FIXED_NAMES:
            first = (FEMALE if female else MALE)(rng)
        r = rng.random()
        kind = "customer" if r < 0.70 else ("prospect" if r < 0.95 else "former")
        if kind == "prospect":
            created = now - timedelta(seconds=rng.randrange(7 * 86400, 730 * 86400))
        else:
            created = now - timedelta(seconds=rng.randrange(400 * 86400, 15 * 365 * 86400))
        birthday = people.birthday() if rng.random() < 0.8 else None
        city = CITY(rng)
        firm = self.firms[rng.randrange(len(self.firms))] if rng.random() < 0.4 else None
        who = Who(pid, kind, first, last, created, [], False, female, birthday, city, firm)
        who.dissatisfied = kind != "prospect" and rng.random() < 0.006
        add = who.addrs.append
        if rng.random() < 0.85:
            nsn, raw = people.mobile()
            add(people.address("mobile", "private", raw, phone_norm(nsn, "mobile")))
        if rng.random() < 0.65:
            mail = people.freemail(first, last, birthday.year if birthday else None)
            add(people.address("email", "private", mail, email_norm(mail)))
        if rng.random() < 0.6:
            add(people.postal(*people.home(city)))
        if rng.random() < 0.18:
            self._landline(who, city)
        if firm is not None:
            self._business(who, firm)
        if rng.random() < 0.08:
            self._messenger(who)
        if rng.random() < 0.03:
            label = "LinkedIn" if rng.random() < 0.6 else "Xing"
            f, la = people.folded(first), people.folded(last)
            n = rng.randint(1, 9999)
            raw = (f"linkedin.com/in/{f}-{la}-{n}" if label == "LinkedIn"
                   else f"xing.com/profile/{first}_{last}{n}")  # fmt: skip
            scope = "business" if firm else "private"
            add(self._normalized("social", scope, raw, label))
        if rng.random() < 0.006:
            self._invalid(who)
        self._evidence(who)
        return who

    def _landline(self, who: Who, city: City) -> Addr:
        nsn, raw = self.people.landline(city[1])
        addr = self.people.address("landline", "private", raw, phone_norm(nsn, "fixed_line"))
        addr.label = "Festnetz"
        who.addrs.append(addr)
        return addr

    def _business(self, who: Who, firm: Firm) -> None:
        rng, people, add = self.rng, self.people, who.addrs.append
        if rng.random() < 0.9:
            mail = people.business_mail(firm, who.first, who.last)
            raw = mail if rng.random() < 0.85 else mail.split("@")[0].title() + "@" + firm.domain
            add(people.address("email", "business", raw, email_norm(mail)))
        if rng.random() < 0.3:
            mail = f"{firm.generic}@{firm.domain}"
            addr = people.address("email", "business", mail, email_norm(mail))
            addr.shared = True
            add(addr)
        if rng.random() < 0.6:
            nsn, raw = people.direct_dial(firm)
            addr = people.address("landline", "business", raw, phone_norm(nsn, "fixed_line"))
            addr.direct, addr.label = True, "Durchwahl"
            add(addr)
        if rng.random() < 0.1:
            nsn = firm.area + firm.base + "0"
            raw = f"0{firm.area} {firm.base}-0"
            addr = people.address("landline", "business", raw, phone_norm(nsn, "fixed_line"))
            addr.label, addr.shared = "Zentrale", True
            add(addr)
        if rng.random() < 0.15:
            add(people.postal(firm.street, firm.postcode, firm.city, "business"))

    def _messenger(self, who: Who) -> None:
        rng = self.rng
        mobile = next((a for a in who.addrs if a.kind == "mobile"), None)
        if mobile is not None and rng.random() < 0.85:
            label = "WhatsApp" if rng.random() < 0.7 else "Signal"
            nsn = mobile.norm.rev_digits[::-1]  # type: ignore[index]
            raw = f"+49 {nsn[:3]} {nsn[3:]}"
            addr = self.people.address("messenger", "private", raw, mobile.norm)
            addr.label = label
            who.addrs.append(addr)
        else:
            raw, norm = self.people.threema()
            addr = self.people.address("messenger", "private", raw, norm)
            addr.label = "Threema"
            who.addrs.append(addr)

    def _normalized(self, kind: str, scope: str, raw: str, label: str = "") -> Addr:
        addr = self.people.address(kind, scope, raw, normalize_address(kind, raw))
        addr.label = label
        return addr

    def _invalid(self, who: Who) -> None:
        """Typos as they arrive from old address books: kept raw, flagged invalid."""
        rng, f, la = self.rng, self.people.folded(who.first), self.people.folded(who.last)
        options = (
            ("landline", "12345"), ("mobile", "0171 12"), ("landline", "+49 123"),
            ("email", f"{f}@@web"), ("email", f"{f}.{la}@"), ("email", f"{la}(at)gmx.de"),
            ("email", f"{f}.{la}@gmx"),
        )  # fmt: skip
        kind, raw = options[rng.randrange(len(options))]
        who.addrs.append(self._normalized(kind, "private", raw))

    def _evidence(self, who: Who) -> None:
        rng, now = self.rng, self.now
        for addr in who.addrs:
            if not addr.norm.valid:
                continue
            if rng.random() < 0.3:
                addr.confirmed_at = self.people.random_date(
                    max(who.created, now - THREE_YEARS), now
                )
            if rng.random() < 0.04:
                addr.failed_at = now - timedelta(seconds=rng.randrange(86400, 400 * 86400))
                addr.failure_kind = FAILURE_BY_KIND.get(addr.kind)
            if addr.kind == "postal" and addr.scope == "private" and rng.random() < 0.3:
                addr.serviceable = True
                addr.serviceable_at = addr.confirmed_at or self.people.random_date(who.created, now)
            if addr.kind == "mobile" and rng.random() < 0.15:
                addr.preferred = True

    def _partner(self, who: Who, pid: int) -> Who:
        """A second person in `who`'s household: same name, home and landline."""
        rng, people = self.rng, self.people
        female = not who.female if rng.random() < 0.9 else who.female
        first = (FEMALE if female else MALE)(rng)
        while first == who.first or (first, who.last) in FIXED_NAMES:
            first = (FEMALE if female else MALE)(rng)
        created = min(who.created + timedelta(days=rng.randint(0, 90)), self.now - DAY)
        birthday = people.birthday() if rng.random() < 0.8 else None
        partner = Who(pid, who.kind, first, who.last, created, [], False, female, birthday)
        private = [a for a in who.addrs if a.scope == "private"]
        landline = next((a for a in private if a.kind == "landline"), None)
        if landline is None:
            assert who.city is not None
            landline = self._landline(who, who.city)
        shared = people.address("landline", "private", landline.raw, landline.norm)
        shared.label = "Festnetz"
        shared.shared = landline.shared = True
        partner.addrs.append(shared)
        home = next((a for a in private if a.kind == "postal"), None)
        if home is not None:
            partner.addrs.append(people.postal(home.street, home.postcode, home.city))
        add = partner.addrs.append
        if rng.random() < 0.8:
            nsn, raw = people.mobile()
            add(people.address("mobile", "private", raw, phone_norm(nsn, "mobile")))
        if rng.random() < 0.6:
            mail = people.freemail(first, who.last, birthday.year if birthday else None)
            add(people.address("email", "private", mail, email_norm(mail)))
        self._evidence(partner)
        return partner

    def _random_activity(self, who: Who) -> None:
        rng, act = self.rng, self.activity
        if who.kind == "customer":
            count = rng.randint(4, 21)
        elif who.kind == "prospect":
            count = rng.randint(0, 8)
        else:
            count = rng.randint(1, 6)
        if who.dissatisfied:
            act.random_request(who, "complaint")
        elif who.kind != "former" and rng.random() < 0.03:
            act.random_request(who)
        act.random_followups(who)
        act.random_consents(who)
        act.interactions(who, count)

    # -- rows ------------------------------------------------------------------------
    def _emit(
        self,
        who: Who,
        rows: Rows,
        salutation: str | None = None,
        title: str | None = None,
        company: str | None = None,
        birthday: date | None = None,
        notes: str | None = None,
        tags: str | None = None,
        flags: tuple[bool, bool, bool] | None = None,
    ) -> None:
        rng, day, stamp = self.rng, self.stamps.day, self.stamps.stamp
        if salutation is None:  # a random person: the rest is drawn here
            salutation = "Frau" if who.female else "Herr"
            r = rng.random()
            title = "Dr." if r < 0.04 else ("Prof. Dr." if r < 0.045 else "")
            company = who.firm.name if who.firm else ""
            birthday = who.birthday
            notes = NOTES[rng.randrange(len(NOTES))] if rng.random() < 0.1 else ""
            picked = {data.TAGS[rng.randrange(len(data.TAGS))] for _ in range(rng.randint(0, 3))}
            tags = ",".join(sorted(picked))
            customer = who.kind == "customer"
            flags = (
                customer and rng.random() < 0.03,
                who.dissatisfied,
                customer and rng.random() < 0.015,
            )
        # The fixed people pass every field; random ones got them drawn above.
        assert flags is not None and company is not None
        created = stamp(who.created)
        rows.persons.append(
            (
                who.id, who.kind, salutation, title, who.first, who.last, company,
                day(birthday), notes, tags, "", None, created, None, 1,
                sort_key(who.first, who.last, company),
            )
        )  # fmt: skip
        for key, is_set in zip(("super", "dissatisfied", "payment"), flags, strict=True):
            if is_set:
                rows.flag_events.append(
                    (who.id, key, "set", created, "", "demo", "manual", "", created)
                )
        for a in who.addrs:
            n = a.norm
            rows.addresses.append(
                (
                    a.id, who.id, a.kind, a.scope, a.label, a.raw, n.normalized, n.rev_digits,
                    n.phone_type, n.valid, n.invalid_reason, a.direct, a.street, a.postcode,
                    a.city, "", a.serviceable,
                    None if a.serviceable_at is None else stamp(a.serviceable_at),
                    None if a.confirmed_at is None else stamp(a.confirmed_at),
                    None if a.last_success_at is None else stamp(a.last_success_at),
                    None if a.failed_at is None else stamp(a.failed_at),
                    a.failure_kind, a.preferred, created, None, 1,
                )
            )  # fmt: skip

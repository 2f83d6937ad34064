"""The import engine: records in, persons out, in chunks, never doubled.

Each chunk of records (read and normalized by `services.importing.prepare`)
is matched against the stored persons with one query per chunk
(`services.duplicates.pairs` decides what matches and what conflicts), and
written with one multi-row INSERT per table (persons with RETURNING for
their ids, then addresses and audit entries). Building
10,000 ORM objects alone would take longer than the whole 10 s budget, so new
rows go through SQLAlchemy Core; stored persons that gain data are loaded and
changed through the ORM as usual. The search index is brought up to date for
every person written (`storage.search.reindex_persons`).

A record that shares a number or e-mail, or name and birthday, with a
person is merged into it (new addresses added, empty fields filled, nothing
overwritten); one whose name or birthday contradicts every such person is
stored as a new person and listed for review.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from pydantic_core import PydanticUndefined
from sqlalchemy import insert, update
from sqlmodel import Session, SQLModel, col, select

from advisor_tui.domain.collation import sort_key
from advisor_tui.domain.models import Address, AuditEntry, Person
from advisor_tui.domain.timestamps import utcnow
from advisor_tui.i18n import t
from advisor_tui.io.contact_files import Unit
from advisor_tui.io.contact_record import (
    ContactRecord,
    extra_from_json,
    extra_to_json,
)
from advisor_tui.io.vcard import kept_key
from advisor_tui.services import audit
from advisor_tui.services.duplicates.pairs import (
    MATCH_KINDS,
    AddrKey,
    address_key,
    conflicts,
    is_match_key,
    name_key,
)
from advisor_tui.services.importing.prepare import Prepared, prepared_chunks
from advisor_tui.services.importing.report import ImportReport, Rejected, ReviewItem
from advisor_tui.storage.search import reindex_persons

CHUNK = 500
REVIEW_TAG = "import.tag.name_review"  # catalog key of the tag on persons named after an address
_FILLABLE = ("salutation", "title", "first_name", "last_name", "company", "birthday")
_LIMITS = {"salutation": 40, "title": 40, "first_name": 100, "last_name": 100, "company": 200,
           "tags": 500}  # fmt: skip


def _defaults(model: type[SQLModel]) -> dict[str, Any]:
    """Column values a new row gets when we say nothing (the model's own defaults)."""
    values = {
        name: info.get_default(call_default_factory=True)
        for name, info in model.model_fields.items()
        if name != "id"
    }
    # NULL columns are left out: fewer parameters per row is most of the insert's cost.
    return {k: v for k, v in values.items() if v is not PydanticUndefined and v is not None}


@dataclass
class _NewPerson:
    """The fields of a person this import creates, before it has an id."""

    kind: str
    salutation: str
    title: str
    first_name: str
    last_name: str
    company: str
    birthday: date | None
    notes: str
    tags: str
    extra: str
    id: int | None = None


@dataclass(eq=False)
class _Target:
    """A person this import may write to: stored before, or created by this import."""

    person: Any  # Person (stored) or _NewPerson
    keys: set[AddrKey]
    is_new: bool
    new_addresses: list[dict[str, Any]] = field(default_factory=list)
    changed: set[str] = field(default_factory=set)


def _company_key(company: str) -> str:
    return " ".join(company.casefold().split())


class ImportEngine:
    def __init__(
        self, session: Session, report: ImportReport, *, region: str, default_kind: str
    ) -> None:
        self.session = session
        self.report = report
        self.region = region
        self.default_kind = default_kind
        self.targets: dict[int, _Target] = {}  # stored persons loaded so far, by id
        self.by_key: dict[AddrKey, list[_Target]] = defaultdict(list)
        self.checked_keys: set[AddrKey] = set()
        self.by_name_birthday: dict[tuple[str, str, date], list[int | _Target]] = defaultdict(list)
        self.by_name_company: dict[tuple[str, str, str], list[int | _Target]] = defaultdict(list)
        self.new: list[_Target] = []
        self.touched: list[_Target] = []
        self.pending_review: list[tuple[ReviewItem, _Target, list[_Target]]] = []
        self._index_names()

    def _index_names(self) -> None:
        # sqlmodel's select() is typed for at most four columns.
        rows = self.session.exec(
            select(  # type: ignore[call-overload]
                col(Person.id),
                col(Person.first_name),
                col(Person.last_name),
                col(Person.company),
                col(Person.birthday),
            )
            .where(col(Person.restricted_until).is_(None))
        ).all()  # fmt: skip
        for person_id, first, last, company, birthday in rows:
            if person_id is not None:
                self._index_name(person_id, first, last, company, birthday)

    def _index_name(
        self, ref: int | _Target, first: str, last: str, company: str, birthday: date | None
    ) -> None:
        names = name_key(first, last)
        if birthday and any(names):
            self.by_name_birthday[(*names, birthday)].append(ref)
        self.by_name_company[(*names, _company_key(company))].append(ref)

    # -- loading what a chunk may match ---------------------------------------------------

    def _load(self, person_ids: set[int]) -> None:
        missing = sorted(person_ids - self.targets.keys())
        for start in range(0, len(missing), CHUNK):
            ids = missing[start : start + CHUNK]
            visible = col(Person.restricted_until).is_(None)  # GDPR-locked persons stay apart
            for person in self.session.exec(select(Person).where(col(Person.id).in_(ids), visible)):
                assert person.id is not None
                self.targets[person.id] = _Target(person, set(), is_new=False)
            rows = self.session.exec(
                select(Address.person_id, Address.kind, Address.normalized, Address.raw).where(
                    col(Address.person_id).in_(ids)
                )
            )
            for person_id, kind, normalized, raw in rows:
                if person_id in self.targets:
                    self.targets[person_id].keys.add(address_key(kind, normalized, raw))

    def _lookup(self, chunk: list[Prepared]) -> None:
        """Load the stored persons the records of this chunk may match (few queries)."""
        keys = {k for p in chunk for k in p.match_keys} - self.checked_keys
        values = sorted({value for _, value in keys})
        owners: dict[AddrKey, set[int]] = defaultdict(set)
        for start in range(0, len(values), CHUNK):
            # No join here: SQLite would then walk all persons instead of the normalized index.
            rows = self.session.exec(
                select(Address.kind, Address.normalized, Address.person_id).where(
                    col(Address.normalized).in_(values[start : start + CHUNK]),
                    col(Address.kind).in_(MATCH_KINDS),
                )
            ).all()
            for kind, normalized, person_id in rows:
                owners[address_key(kind, normalized, "")].add(person_id)
        wanted = {i for ids in owners.values() for i in ids}
        for prepared in chunk:
            rec = prepared.record
            names = name_key(rec.first_name, rec.last_name)
            refs = self.by_name_birthday.get((*names, rec.birthday), []) if rec.birthday else []
            refs = refs + self.by_name_company.get((*names, _company_key(rec.company)), [])
            wanted.update(r for r in refs if isinstance(r, int))
        self._load(wanted)
        for key in keys:
            for person_id in sorted(owners.get(key, ())):
                target = self.targets.get(person_id)
                if target is not None and target not in self.by_key[key]:
                    self.by_key[key].append(target)
        self.checked_keys |= keys

    def _resolve(self, refs: Iterable[int | _Target]) -> list[_Target]:
        return [self.targets[r] if isinstance(r, int) else r for r in refs]

    # -- deciding -------------------------------------------------------------------------

    def _candidates(self, prepared: Prepared) -> dict[_Target, int]:
        """Persons the record may be, with how much evidence says so."""
        rec = prepared.record
        score: dict[_Target, int] = defaultdict(int)
        for key in prepared.match_keys:
            for target in self.by_key.get(key, ()):
                score[target] += 1
        names = name_key(rec.first_name, rec.last_name)
        if rec.birthday and any(names):
            for target in self._resolve(self.by_name_birthday.get((*names, rec.birthday), ())):
                score[target] += 2
        if not score:
            # Nothing identifying: the same name and firm already holding all it holds is this card.
            own = {key for _, key in prepared.addresses}
            company = _company_key(rec.company)
            for target in self._resolve(self.by_name_company.get((*names, company), ())):
                if own <= target.keys and not (rec.birthday and target.person.birthday):
                    score[target] += 1
        return score

    def _note(self, rec: ContactRecord) -> None:
        """Report the lines left out of a record that was read."""
        self.report.skipped.extend(
            Rejected(rec.source, s.line, s.key, s.params) for s in rec.skipped
        )

    def add(self, prepared: Prepared) -> None:
        """Merge the record into the person it is, or create one (and list it if in doubt)."""
        rec = prepared.record
        score = self._candidates(prepared)
        if rec.name_from_address and score:  # a made-up name contradicts nobody
            self._merge(max(score, key=lambda x: (score[x], -(x.person.id or 0))), prepared)
            return
        fitting = [t for t in score if not conflicts(rec, t.person)]
        if fitting:
            best = max(fitting, key=lambda t: (score[t], -(t.person.id or 0)))
            self._merge(best, prepared)
            return
        # Another name on a shared landline or info@ mailbox is a household or an office;
        # on someone's own mobile or e-mail it needs a human look.
        doubtful = [t for k in prepared.personal_keys for t in self.by_key.get(k, ()) if t in score]
        target = self._create(prepared)
        if doubtful:
            found = sorted({c for t in doubtful for c in conflicts(rec, t.person)})
            review = ReviewItem(rec.source, rec.line, None, [], found)
            self.report.review.append(review)
            self.pending_review.append((review, target, list(dict.fromkeys(doubtful))))

    def _take_addresses(
        self, target: _Target, addresses: list[tuple[dict[str, Any], AddrKey]]
    ) -> int:
        added = 0
        # One card may hold one value twice with other types (fax and voice, home and
        # work): both are kept. A value the person had before is not added again.
        taken: dict[AddrKey, set[tuple[str, str]]] = defaultdict(set)
        for values, key in addresses:
            slot = (values["kind"], values["scope"])
            if key in target.keys and (key not in taken or slot in taken[key]):
                continue
            taken[key].add(slot)
            added += 1
            target.keys.add(key)
            target.new_addresses.append(values)
            if is_match_key(key) and target not in self.by_key[key]:
                self.by_key[key].append(target)
        return added

    def _create(self, prepared: Prepared) -> _Target:
        rec = prepared.record
        values = {name: getattr(rec, name) for name in (*_FILLABLE, "notes", "tags")}
        values = {k: v[: _LIMITS[k]] if k in _LIMITS else v for k, v in values.items()}
        if rec.name_from_address:  # marked for review where the list and the card show it
            tag = t(REVIEW_TAG)
            values["tags"] = ", ".join(x for x in (values["tags"], tag) if x)
            name = " ".join(p for p in (rec.first_name, rec.last_name) if p)
            self.report.notices.append(
                Rejected(rec.source, rec.line, "import.note.name_from_address",
                         {"name": name, "tag": tag})
            )  # fmt: skip
        person = _NewPerson(
            kind=rec.kind or self.default_kind, extra=extra_to_json(rec.extra), **values
        )
        target = _Target(person, set(), is_new=True)
        self._take_addresses(target, prepared.addresses)
        self._index_name(target, rec.first_name, rec.last_name, rec.company, rec.birthday)
        self.new.append(target)
        self.report.created += 1
        return target

    def _merge(self, target: _Target, prepared: Prepared) -> None:
        rec, person = prepared.record, target.person
        added = self._take_addresses(target, prepared.addresses)
        changed: set[str] = set()
        for name in ("birthday",) if rec.name_from_address else _FILLABLE:
            if not getattr(person, name) and getattr(rec, name):
                value = getattr(rec, name)
                setattr(person, name, value[: _LIMITS[name]] if name in _LIMITS else value)
                changed.add(name)
        if rec.notes and rec.notes not in person.notes:
            person.notes = f"{person.notes}\n\n{rec.notes}" if person.notes else rec.notes
            changed.add("notes")
        tags = [t.strip() for t in person.tags.split(",") if t.strip()]
        new_tags = [t for t in (x.strip() for x in rec.tags.split(",")) if t and t not in tags]
        if new_tags:
            person.tags = ", ".join(tags + new_tags)[: _LIMITS["tags"]]
            changed.add("tags")
        kept = extra_from_json(person.extra)
        seen = {kept_key(p) for p in kept}
        more = [p for p in rec.extra if kept_key(p) not in seen]
        if more:
            person.extra = extra_to_json(kept + more)
            changed.add("extra")
        if not (changed or added):
            self.report.unchanged += 1
            return
        self.report.merged += 1
        if not target.is_new:
            target.changed |= changed
            if target not in self.touched:
                self.touched.append(target)

    # -- writing --------------------------------------------------------------------------

    def flush(self) -> None:
        """Write the chunk: new persons (for their ids), then addresses and audit entries."""
        session = self.session
        connection = session.connection()
        now = utcnow()
        if self.new:
            template = {**_defaults(Person), "created_at": now}
            rows = [{**template, **vars(t.person)} for t in self.new]
            for row in rows:
                del row["id"]
                row["sort_key"] = sort_key(row["first_name"], row["last_name"], row["company"])
            table = Person.__table__  # type: ignore[attr-defined]
            statement = insert(table).returning(table.c.id, sort_by_parameter_order=True)
            ids = connection.execute(statement, rows).scalars().all()
            for target, person_id in zip(self.new, ids, strict=True):
                target.person.id = person_id
        for review, target, others in self.pending_review:
            review.person_id = target.person.id
            review.existing_ids = sorted(o.person.id for o in others if o.person.id is not None)
        actor = audit.current_actor()
        entries = [
            {"at": now, "actor": actor, "action": "person.create", "entity": "person",
             "entity_id": t.person.id, "details": '{"via": "import"}'}
            for t in self.new
        ]  # fmt: skip
        for target in self.touched:
            person = target.person
            if isinstance(person, _NewPerson):  # created by an earlier chunk of this import
                table = Person.__table__  # type: ignore[attr-defined]
                values = {k: v for k, v in vars(person).items() if k != "id"}
                values["sort_key"] = sort_key(person.first_name, person.last_name, person.company)
                connection.execute(
                    update(table).where(table.c.id == person.id).values(**values, updated_at=now)
                )
            else:
                person.updated_at = now
                person.version += 1
                session.add(person)
            details = {"via": "import", "fields": sorted(target.changed),
                       "addresses": len(target.new_addresses)}  # fmt: skip
            entries.append({"at": now, "actor": actor, "action": "person.import_merge",
                            "entity": "person", "entity_id": person.id,
                            "details": json.dumps(details, sort_keys=True)})  # fmt: skip
        session.flush()
        template = {**_defaults(Address), "created_at": now}
        addresses: list[dict[str, Any]] = []
        written = [*self.new, *self.touched]
        for target in written:
            addresses.extend(
                {**template, **a, "person_id": target.person.id} for a in target.new_addresses
            )
            target.new_addresses = []
            target.changed = set()
            target.is_new = False  # from now on a stored person like any other
            self.targets[target.person.id] = target
        if addresses:
            connection.execute(insert(Address.__table__), addresses)  # type: ignore[attr-defined]
        if entries:
            connection.execute(insert(AuditEntry.__table__), entries)  # type: ignore[attr-defined]
        self.report.addresses_added += len(addresses)
        ids = [t.person.id for t in written]
        self.report.person_ids.extend(ids)
        reindex_persons(connection, ids)
        self.new, self.touched, self.pending_review = [], [], []

    def run(
        self,
        units: Sequence[Unit],
        progress: Callable[[int, int], None] | None,
        workers: int | None = None,
    ) -> None:
        """Import all units, chunk by chunk, reporting progress after each chunk."""
        total = len(units)
        chunks = [list(units[start : start + CHUNK]) for start in range(0, total, CHUNK)]
        done = 0
        for items in prepared_chunks(chunks, self.region, workers):
            chunk = []
            for item in items:
                if isinstance(item, Rejected):
                    self.report.rejected.append(item)
                else:
                    self._note(item.record)
                    chunk.append(item)
            with self.session.no_autoflush:
                self._lookup(chunk)
                for prepared in chunk:
                    self.add(prepared)
            self.flush()
            done += CHUNK
            if progress:
                progress(min(done, total), total)

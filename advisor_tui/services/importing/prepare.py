"""Preparing imported records: read each card or row and normalize its addresses.

Pure CPU work without the database, about half of an import's time: for
large imports it runs ahead of the writing in worker processes
(`prepared_chunks`), while `services.importing.engine` matches and writes.
"""

from __future__ import annotations

import multiprocessing
import os
import re
import sys
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from functools import partial
from typing import Any

from advisor_tui.domain.emails import split_email
from advisor_tui.domain.mailboxes import is_freemail
from advisor_tui.domain.normalize import normalize_address
from advisor_tui.domain.phones import split_phone_text
from advisor_tui.domain.vocabulary import PersonKind
from advisor_tui.io.contact_files import Unit
from advisor_tui.io.contact_record import AddressRecord, ContactRecord, RecordError
from advisor_tui.io.vcard_mapping import PHONE_BY_NUMBER
from advisor_tui.services.duplicates.pairs import AddrKey, address_key, is_match_key, is_personal
from advisor_tui.services.importing.report import Rejected
from advisor_tui.services.processes import die_with_parent


@dataclass
class Prepared:
    """A record with its addresses as column values and identity keys."""

    record: ContactRecord
    addresses: list[tuple[dict[str, Any], AddrKey]]

    @property
    def match_keys(self) -> set[AddrKey]:
        return {key for _, key in self.addresses if is_match_key(key)}

    @property
    def personal_keys(self) -> set[AddrKey]:
        """Keys of the record's own mobile numbers and e-mails (not shared lines or info@)."""
        return {k for v, k in self.addresses if is_personal(v["kind"], v["normalized"])}


def _scope(kind: str, scope: str, normalized: str | None, company: str) -> str:
    """The scope an export left open: a firm's e-mail domain is business, freemail private."""
    if scope:
        return scope
    if kind == "email" and normalized and company:
        return "private" if is_freemail(split_email(normalized)[1]) else "business"
    return "private"


_MOBILE_WORDS = frozenset({"mobil", "mobile", "handy", "cell"})
_BUSINESS_WORDS = frozenset({"büro", "buero", "geschäftlich", "dienstlich", "firma", "arbeit",
                             "zentrale", "work", "office"})  # fmt: skip
_PRIVATE_WORDS = frozenset({"privat", "private", "home", "zuhause"})


def _phone_text(record: AddressRecord, kind: str) -> tuple[str, str, str, bool]:
    """(kind, scope, label, direct dial) with what is written beside a number (`(mobil)`)."""
    parts = split_phone_text(record.raw)
    words = {w.casefold().strip(".:") for w in parts.annotation.split()}
    scope = record.scope
    if kind == PHONE_BY_NUMBER and words & _MOBILE_WORDS:
        kind = "mobile"
    if not scope and words & _BUSINESS_WORDS:
        scope = "business"
    elif not scope and words & _PRIVATE_WORDS:
        scope = "private"
    return kind, scope, record.label or parts.annotation, bool(parts.extension)


def build_address(
    record: AddressRecord, region: str, company: str = ""
) -> tuple[dict[str, Any], AddrKey] | None:
    """The column values of an imported address (normalized) and its identity key."""
    raw = record.raw.strip()
    if not raw:
        return None
    kind, scope, label, direct = record.kind, record.scope, record.label, False
    if kind in (PHONE_BY_NUMBER, "mobile", "landline", "fax"):
        kind, scope, label, direct = _phone_text(record, kind)
    result = normalize_address("landline" if kind == PHONE_BY_NUMBER else kind, raw, region)
    if kind == PHONE_BY_NUMBER:
        kind = "mobile" if result.phone_type == "mobile" else "landline"
    scope = _scope(kind, scope, result.normalized, company)
    values = {
        "kind": kind, "scope": scope, "label": label[:100], "raw": raw[:1000],
        "normalized": result.normalized, "rev_digits": result.rev_digits,
        "phone_type": result.phone_type, "valid": result.valid,
        "invalid_reason": result.invalid_reason, "street": record.street[:200],
        "postcode": record.postcode[:20], "city": record.city[:100],
        "country": record.country[:60], "is_preferred": record.is_preferred,
        "is_direct_dial": direct and kind == "landline",
    }  # fmt: skip
    return values, address_key(kind, result.normalized, raw)


def name_after_address(record: ContactRecord) -> None:
    """Give a record without any name one from its first e-mail or number (marked by the import).

    `max.mustermann@…` -> Max Mustermann, `k.neumann@…` -> K. Neumann; any other
    address is the last name as written, so the advisor sees what it is.
    """
    emails = [a.raw.strip() for a in record.addresses if a.kind == "email" and a.raw.strip()]
    others = [a.raw.strip() for a in record.addresses if a.raw.strip()]
    source = emails[0] if emails else others[0] if others else ""
    if not source:
        return
    local = source.split("@", 1)[0] if emails else ""
    words = [w for w in re.split(r"[._-]+", local) if w]
    if len(words) >= 2 and all(w.isalpha() for w in words):
        given = [w.upper() + "." if len(w) == 1 else w.capitalize() for w in words[:-1]]
        record.first_name, record.last_name = " ".join(given), words[-1].capitalize()
    else:
        record.last_name = source
    record.name_from_address = True


def _read(unit: Unit) -> ContactRecord | Rejected:
    """The unit's record, or why it was rejected."""
    try:
        record = unit.read()
    except RecordError as exc:
        return Rejected(unit.source, exc.line or unit.line, exc.key, exc.params)
    except Exception as exc:  # a card no rule foresaw must not stop the others
        detail = f"{type(exc).__name__}: {exc}"
        return Rejected(unit.source, unit.line, "import.err.unexpected", {"detail": detail})
    if record.kind and record.kind not in set(PersonKind):
        return Rejected(unit.source, unit.line, "import.err.person_kind", {"kind": record.kind})
    return record


def prepare(units: Sequence[Unit], region: str) -> list[Prepared | Rejected]:
    """Interpret and normalize a chunk of units (pure CPU work, may run in a worker process)."""
    out: list[Prepared | Rejected] = []
    for unit in units:
        record = _read(unit)
        if isinstance(record, Rejected):
            out.append(record)
            continue
        if not record.has_name:
            name_after_address(record)
        built = (build_address(a, region, record.company) for a in record.addresses)
        out.append(Prepared(record, [b for b in built if b is not None]))
    return out


def prepared_chunks(
    chunks: list[list[Unit]], region: str, workers: int | None
) -> Iterator[list[Prepared | Rejected]]:
    """The prepared chunks in order; large imports prepare ahead in worker processes.

    Parsing and normalizing is about half of an import's time and needs no
    database, so on a machine with a spare core it runs ahead of the writing.
    Only with the "fork" start method (Linux): spawn would re-run the CLI's
    `__main__` in each worker.
    """
    if workers is None:
        workers = min(2, (os.cpu_count() or 1) - 1) if len(chunks) > 2 else 0
    if (
        workers <= 0
        or "fork" not in multiprocessing.get_all_start_methods()
        or sys.platform != "linux"
    ):
        yield from (prepare(chunk, region) for chunk in chunks)
        return
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(
        max_workers=workers,
        mp_context=context,
        initializer=die_with_parent,  # a killed import leaves no workers behind
        initargs=(os.getpid(),),
    ) as pool:
        yield from pool.map(partial(prepare, region=region), chunks)

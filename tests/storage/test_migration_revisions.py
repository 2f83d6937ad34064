"""What single revisions do to data, and that they stand on their own."""

from __future__ import annotations

import ast
from pathlib import Path

from sqlalchemy import Engine, create_engine

from advisor_tui.storage import migrate

MIGRATIONS = Path(migrate.__file__).parent / "migrations"


def test_migrations_import_no_application_code() -> None:
    offenders = []
    for path in sorted(MIGRATIONS.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                names = [node.module or ""]
            offenders += [f"{path.name}: {n}" for n in names if n.split(".")[0] == "advisor_tui"]
    assert offenders == []


def _at(path: Path, revision: str) -> Engine:
    engine = create_engine(f"sqlite:///{path}")
    migrate.upgrade(engine, revision)
    return engine


_PERSON = (
    "INSERT INTO person (id, kind, salutation, title, first_name, last_name, company, notes, "
    "tags, is_super_customer, is_dissatisfied, has_payment_trouble, extra, created_at, version) "
    "VALUES (?, 'customer', '', ?, ?, ?, ?, ?, '', 0, 0, 0, '', '2024-01-01 00:00:00', 1)"
)
_ADDRESS = (
    "INSERT INTO address (person_id, kind, scope, label, raw, normalized, rev_digits, valid, "
    "is_direct_dial, street, postcode, city, country, serviceable, is_preferred, created_at, "
    "version) VALUES (?, ?, 'private', '', ?, ?, ?, ?, 0, '', '', '', '', 0, 0, "
    "'2024-01-01 00:00:00', 1)"
)


def test_search_index_of_0002_is_the_one_the_application_builds(tmp_path: Path) -> None:
    engine = _at(tmp_path / "a.sqlite3", "0001")
    with engine.begin() as conn:
        for row in [
            (1, "Dr.", "Jürgen", "Müller", "Bäckerei Groß", "Mag Kaffee"),
            (2, "", "Zoë", "Ångström", "", ""),
            (3, "", "", "", "Firma ohne Namen", ""),
        ]:
            conn.exec_driver_sql(_PERSON, row)
        for row in [
            (1, "mobile", "0171 1234567", "+491711234567", "7654321171", 1),
            (1, "email", "J.Mueller@Example.de", "j.mueller@example.de", None, 1),
            (2, "landline", "+43 1 234567", "+431234567", "7654321", 1),
            (2, "mobile", "0171 12", None, None, 0),
            (3, "messenger", "+49 160 7654321", "+491607654321", "1234567061", 1),
        ]:
            conn.exec_driver_sql(_ADDRESS, row)
    migrate.upgrade(engine, "0002")

    # What storage/search.py built at revision 0002 (checked against its rebuild_index
    # when the copy was made); frozen here, since the migration must not change.
    with engine.connect() as conn:
        docs = conn.exec_driver_sql("SELECT * FROM person_search_doc ORDER BY 1").all()
        keys = conn.exec_driver_sql("SELECT count(*) FROM person_name_key").scalar()
        hits = conn.exec_driver_sql("SELECT rowid FROM person_fts WHERE person_fts MATCH 'mueller'")
        assert [h[0] for h in hits] == [1]
    assert [tuple(d) for d in docs] == [
        (
            1,
            "dr. juergen mueller | dr. jurgen muller",
            "baeckerei gross | backerei gross",
            "j.mueller@example.de",
            "01711234567",
            "mag kaffee",
        ),
        (2, "zoe angstroem | zoe angstrom", "", "", "01234567 | 00431234567 | 017112", ""),
        (3, "", "firma ohne namen", "", "01607654321", ""),
    ]
    assert keys == 11
    engine.dispose()


def test_0005_keeps_messages_stored_twice_and_their_first_key(tmp_path: Path) -> None:
    engine = _at(tmp_path / "a.sqlite3", "0004")
    insert = (
        "INSERT INTO request (id, match, channel, sender, sender_name, recipient, message_id, "
        "subject, body, kind, status, received_at, created_at, version) VALUES "
        "(?, 'unknown', ?, '', '', '', ?, '', '', 'other', 'new', '2024-01-01 00:00:00', "
        "'2024-01-01 00:00:00', 1)"
    )
    with engine.begin() as conn:
        rows = [(1, "email", "<a@x>"), (2, "email", "<a@x>"), (3, "sms", "<a@x>")]
        rows += [(4, "email", None), (5, "email", None)]
        for row in rows:
            conn.exec_driver_sql(insert, row)
    migrate.upgrade(engine, "0005")
    with engine.connect() as conn:
        rows = conn.exec_driver_sql("SELECT id, message_id FROM request ORDER BY id").all()
    assert [tuple(r) for r in rows] == [(1, "<a@x>"), (2, None), (3, "<a@x>"), (4, None), (5, None)]
    engine.dispose()

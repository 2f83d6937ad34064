"""The customer list: German phone-book order in a real SQLite database."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine, text
from sqlmodel import Session

from advisor_tui.domain.collation import sort_key
from advisor_tui.domain.flags import FLAGS
from advisor_tui.domain.timestamps import utcnow
from advisor_tui.services.flags import set_flag
from advisor_tui.services.importing.run import import_paths
from advisor_tui.services.persons import listing
from advisor_tui.services.persons.editing import PersonData, add_person, update_person

NAMES = ["Zimmermann", "Öztürk", "von Berg", "Bauer", "Ostermann", "Müller", "Mueller"]


def _names(session: Session) -> list[str]:
    return [row.name for row in listing.page(session, 0, 100)]


def test_list_is_in_phone_book_order(session: Session) -> None:
    for last in NAMES:
        add_person(session, PersonData("Anna", last))
    add_person(session, PersonData("", "", company="Straßenbau AG"))
    add_person(session, PersonData("Bernd", "Müller"))
    session.commit()
    assert _names(session) == [
        "Bauer, Anna",
        "von Berg, Anna",
        "Müller, Anna",  # Müller and Mueller are one name: first names decide, then age
        "Mueller, Anna",
        "Müller, Bernd",
        "Öztürk, Anna",  # as Oeztuerk: before Ostermann, not after Zimmermann
        "Ostermann, Anna",
        "Straßenbau AG",
        "Zimmermann, Anna",
    ]


def test_sort_key_follows_every_write(session: Session, engine: Engine) -> None:
    person = add_person(session, PersonData("Anna", "Zimmermann"))
    add_person(session, PersonData("Anna", "Bauer"))
    session.commit()
    update_person(session, person.id, last_name="von Ahlen")
    session.commit()
    assert _names(session)[0] == "von Ahlen, Anna"
    with engine.connect() as conn:
        stored = conn.execute(text("SELECT sort_key FROM person WHERE id = :i"), {"i": person.id})
        assert stored.scalar_one() == sort_key("Anna", "von Ahlen", "")


def test_imported_persons_get_a_sort_key(session: Session, tmp_path: Path) -> None:
    cards = "".join(
        f"BEGIN:VCARD\nVERSION:3.0\nN:{last};Eva;;;\nFN:Eva {last}\nEND:VCARD\n"
        for last in ("Zander", "Öztürk", "van der Berg")
    )
    path = tmp_path / "cards.vcf"
    path.write_text(cards, encoding="utf-8")
    import_paths(session, [path], workers=0)
    session.commit()
    assert _names(session) == ["van der Berg, Eva", "Öztürk, Eva", "Zander, Eva"]


def test_rows_show_the_flag_symbols(session: Session) -> None:
    person = add_person(session, PersonData("Anna", "Bauer"))
    for flag in FLAGS:
        set_flag(session, person.id, flag.key, "test", next_step="call", follow_up_at=utcnow())
    session.commit()
    assert listing.page(session, 0, 1)[0].flags == "★!€"


def test_demo_persons_get_a_sort_key(engine: Engine) -> None:
    from advisor_tui.demo.generate import generate_demo

    generate_demo(engine, persons=60, seed=2)
    with engine.connect() as conn:
        rows = conn.execute(text("SELECT first_name, last_name, company, sort_key FROM person"))
        for first, last, company, key in rows:
            assert key == sort_key(first, last, company)

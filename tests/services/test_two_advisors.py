"""Two advisors on one database: who did what, and nobody's save is lost silently.

Runs on SQLite and on the real PostgreSQL server (tests/pg_server.py): each
advisor has an engine of their own, as two computers in an office would.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import Engine, select
from sqlmodel import col

from advisor_tui.domain.models import AuditEntry
from advisor_tui.i18n import t
from advisor_tui.services.errors import StaleWrite
from advisor_tui.services.persons.editing import (
    PersonData,
    add_address,
    add_person,
    get_person,
    update_address,
    update_person,
)
from advisor_tui.storage.db import new_session, open_engine


def test_the_second_save_names_the_colleague_and_keeps_the_first(
    engine: Engine, database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ADVISOR_NAME", "Bernd")
    with new_session(engine) as setup:
        person_id = add_person(setup, PersonData("Guido", "Meier")).id
        address_id = add_address(setup, person_id, "mobile", "0171 1234567").id
        setup.commit()
    anna_engine = open_engine(database_url)  # Anna's computer
    bernd = new_session(engine)
    try:
        seen = get_person(bernd, person_id).version  # Bernd opens the card
        monkeypatch.setenv("ADVISOR_NAME", "Anna")
        with new_session(anna_engine) as anna:
            update_person(anna, person_id, notes="ruft zurück")
            update_address(anna, address_id, label="privat")
            anna.commit()
        monkeypatch.setenv("ADVISOR_NAME", "Bernd")
        with pytest.raises(StaleWrite) as refused:
            update_person(bernd, person_id, expected_version=seen, notes="Bernds Notiz")
        text = t(refused.value.key, **refused.value.params)
        assert text.startswith("Geändert von Anna um ")
        assert "neu laden" in text
        bernd.rollback()
        with pytest.raises(StaleWrite) as refused:  # the address Bernd saw at version 1
            update_address(bernd, address_id, expected_version=1, label="Büro")
        assert refused.value.params["actor"] == "Anna"
    finally:
        bernd.close()
        anna_engine.dispose()
    with new_session(engine) as fresh:
        person = get_person(fresh, person_id)
        assert person.notes == "ruft zurück"
        actors = fresh.execute(
            select(AuditEntry.actor, AuditEntry.action).order_by(col(AuditEntry.id))
        ).all()
        assert [tuple(a) for a in actors] == [
            ("Bernd", "person.create"),
            ("Bernd", "address.create"),
            ("Anna", "person.update"),
            ("Anna", "address.update"),
        ]


def test_the_name_comes_from_the_config_file_then_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import getpass

    from advisor_tui.services.audit import current_actor

    assert current_actor() == getpass.getuser()
    config = tmp_path / "config.toml"
    config.write_text('advisor_name = "Anna Schmidt"\n', encoding="utf-8")
    monkeypatch.setenv("ADVISOR_CONFIG", str(config))
    assert current_actor() == "Anna Schmidt"
    monkeypatch.setenv("ADVISOR_NAME", "Bernd")
    assert current_actor() == "Bernd"

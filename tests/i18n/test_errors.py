"""describe_error: one sentence in the current language for any error."""

from __future__ import annotations

import errno
import sqlite3
from collections.abc import Iterator

import pytest
from sqlalchemy.exc import OperationalError

from advisor_tui.i18n import language, set_language, t
from advisor_tui.i18n.errors import describe_error
from advisor_tui.services.errors import NotFound, ServiceError
from advisor_tui.storage.db import DatabaseError


@pytest.fixture(autouse=True)
def _restore_language() -> Iterator[None]:
    before = language()
    yield
    set_language(before)


def _operational(message: str) -> OperationalError:
    return OperationalError("UPDATE person SET ...", {}, sqlite3.OperationalError(message))


@pytest.mark.parametrize(
    ("exc", "key"),
    [
        (_operational("database is locked"), "error.db_locked"),
        (_operational("attempt to write a readonly database"), "error.db_readonly"),
        (_operational("database or disk is full"), "error.disk_full"),
        (_operational("disk I/O error"), "error.disk_io"),
        (sqlite3.OperationalError("database is locked"), "error.db_locked"),
        (_operational("no such table: person"), "error.db_other"),
        (OSError(errno.ENOSPC, "No space left on device"), "error.disk_full"),
        (RuntimeError("boom"), "error.unexpected"),
    ],
)
def test_conditions_map_to_catalog_sentences(exc: BaseException, key: str) -> None:
    for lang in ("de", "en"):
        set_language(lang)
        text = describe_error(exc)
        assert text == t(key, kind=type(exc).__name__)
        assert "UPDATE" not in text


def test_keyed_errors_render_in_the_language_of_the_moment() -> None:
    set_language("de")
    exc = DatabaseError("db.no_folder", path="/nowhere")  # message made in German
    set_language("en")
    assert describe_error(exc) == "The folder /nowhere does not exist."
    set_language("de")
    assert (
        describe_error(ServiceError("db.no_folder", path="/x")) == "Der Ordner /x existiert nicht."
    )
    assert describe_error(NotFound("db.no_folder", path="/y")).startswith("Der Ordner /y")


def test_os_error_with_a_file_names_it() -> None:
    set_language("en")
    exc = PermissionError(errno.EACCES, "Permission denied", "/srv/advisor.db")
    assert describe_error(exc) == "No permission for /srv/advisor.db."


def test_config_error_is_a_sentence() -> None:
    from advisor_tui.config import ConfigError

    set_language("en")
    assert describe_error(ConfigError("x.toml: bad")).startswith("The settings file")

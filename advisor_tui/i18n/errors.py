"""One sentence in the current language for any error that reaches the user.

The TUI's worker error handler and the CLI both call `describe_error`; it
never raises and never shows a traceback or a library's English message
where a catalog sentence exists.
"""

from __future__ import annotations

import errno

from advisor_tui.i18n import CATALOG, t

# Fragments of SQLite's (and the driver's) messages, checked in order; the
# message is the only place sqlite3 says which condition it hit.
_SQLITE_CONDITIONS = (
    (("database is locked", "database table is locked", "database is busy"), "error.db_locked"),
    (("readonly", "read-only", "attempt to write a readonly"), "error.db_readonly"),
    (("database or disk is full", "disk is full"), "error.disk_full"),
    (("disk i/o error", "i/o error"), "error.disk_io"),
    (("malformed", "not a database", "file is encrypted"), "error.db_corrupt"),
    (("unable to open database",), "error.db_cannot_open"),
)

_OS_ERRNOS = {
    errno.ENOSPC: "error.disk_full",
    errno.EACCES: "error.no_permission",
    errno.EPERM: "error.no_permission",
    errno.EROFS: "error.db_readonly",
    errno.ENOENT: "error.not_found",
    errno.EIO: "error.disk_io",
}


def describe_error(exc: BaseException) -> str:
    """One sentence, in the current language, saying what went wrong."""
    try:
        return _describe(exc)
    except Exception:  # noqa: BLE001 - describing must never fail in turn
        return t("error.unexpected", kind=type(exc).__name__)


def _describe(exc: BaseException) -> str:
    # ServiceError and DatabaseError carry a catalog key and its parameters
    # (duck-typed: i18n sits below services and storage); rendering here, not
    # at raise time, gives the current language.
    key = getattr(exc, "key", None)
    params = getattr(exc, "params", None)
    if isinstance(key, str) and isinstance(params, dict) and key in CATALOG:
        return t(key, **params)
    if isinstance(exc, OverflowError) or isinstance(getattr(exc, "orig", None), OverflowError):
        return t("error.number_too_large")
    if isinstance(exc, UnicodeError):
        return t("error.bad_text")
    if _is_config_error(exc):
        return t("error.config", reason=str(exc))
    sql_key = _sql_condition(exc)
    if sql_key is not None:
        return t(sql_key)
    if isinstance(exc, OSError):
        os_key = _OS_ERRNOS.get(exc.errno or 0)
        where = exc.filename or ""
        if os_key is not None:
            return t(os_key + "_at", path=where) if where else t(os_key)
        reason = exc.strerror or str(exc)
        return t("error.os", reason=reason)
    if _is_sqlalchemy(exc):
        return t("error.db_other")
    return t("error.unexpected", kind=type(exc).__name__)


def _is_config_error(exc: BaseException) -> bool:
    # By name: config imports i18n, so importing config here would be a cycle.
    return any(
        cls.__module__ == "advisor_tui.config" and cls.__name__ == "ConfigError"
        for cls in type(exc).__mro__
    )


def _is_sqlalchemy(exc: BaseException) -> bool:
    try:
        from sqlalchemy.exc import SQLAlchemyError
    except ImportError:  # pragma: no cover - sqlalchemy is a dependency
        return False
    return isinstance(exc, SQLAlchemyError)


def _sql_condition(exc: BaseException) -> str | None:
    """The catalog key for a SQLite/driver condition behind `exc`, if any."""
    import sqlite3

    candidates: list[BaseException] = [exc]
    orig = getattr(exc, "orig", None)  # sqlalchemy.exc.DBAPIError wraps the driver's
    if isinstance(orig, BaseException):
        candidates.append(orig)
    for candidate in candidates:
        if not (isinstance(candidate, sqlite3.Error) or _is_sqlalchemy(candidate)):
            continue
        message = str(candidate).lower()
        for fragments, key in _SQLITE_CONDITIONS:
            if any(fragment in message for fragment in fragments):
                return key
    return None

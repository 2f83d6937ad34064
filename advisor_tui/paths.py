"""Every file location of the application, from platformdirs, in one place."""

from __future__ import annotations

from pathlib import Path

from platformdirs import user_config_path, user_data_path

APP_NAME = "advisor"


def data_dir() -> Path:
    """Where the database and its backups live (created 0700 on first use)."""
    return user_data_path(APP_NAME, appauthor=False)


def config_dir() -> Path:
    return user_config_path(APP_NAME, appauthor=False)


def config_file() -> Path:
    return config_dir() / "config.toml"


def default_database() -> Path:
    return data_dir() / "advisor.sqlite3"


def backup_dir(database: Path) -> Path:
    """Daily and manual backups sit beside the database they copy."""
    return database.parent / "backups"


def ring_socket() -> Path:
    """Where a running app listens for `advisor ring` (the user's runtime folder)."""
    import warnings

    from platformdirs import user_runtime_path

    with warnings.catch_warnings():  # no XDG_RUNTIME_DIR: platformdirs warns, then falls back
        warnings.simplefilter("ignore")
        return user_runtime_path(APP_NAME, appauthor=False) / "ring.sock"

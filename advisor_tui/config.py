"""Settings: TOML in the platformdirs config dir, overridden by the environment.

Example `config.toml`:

    lang = "de"              # or "en"
    region = "DE"            # default region for phone numbers without +CC
    advisor_name = "Anna"    # who you are in a shared office (default: the OS user)

    [callmonitor]
    enabled = false
    host = "fritz.box"
    port = 1012

    [calls]
    callback_within_hours = 2   # a missed call's callback is due within these working hours

    [complaints]
    state = "BY"                   # Bundesland for public holidays (BW, BY, BE, ... NW, ...)
    acknowledge_working_days = 2   # confirm a complaint's receipt within
    answer_working_days = 10       # answer it (or send an interim reply) within

Environment: ADVISOR_DATABASE_URL (a SQLAlchemy URL), ADVISOR_LANG,
ADVISOR_REGION, ADVISOR_CONFIG (path of another config file).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from advisor_tui import paths
from advisor_tui.i18n import guess_language, t


class ConfigError(Exception):
    """The config file cannot be read; the message is one sentence."""


@dataclass
class CallMonitorSettings:
    enabled: bool = False
    host: str = "fritz.box"
    port: int = 1012


@dataclass
class CallSettings:
    # Working hours (Mon–Fri 8–18) until a missed call's callback is due.
    callback_within_hours: float = 2.0


@dataclass
class ComplaintSettings:
    state: str = ""  # Bundesland (ISO 3166-2 suffix, e.g. "BY"); "" = national holidays only
    acknowledge_working_days: int = 2
    answer_working_days: int = 10


@dataclass
class InboxSettings:
    # Days until a complaint from the inbox must be answered (its deadline follow-up).
    complaint_days: int = 14


@dataclass
class Settings:
    lang: str = "de"
    region: str = "DE"
    database_url: str | None = None
    advisor_name: str | None = None  # who writes audit entries (default: the OS user)
    callmonitor: CallMonitorSettings = field(default_factory=CallMonitorSettings)
    inbox: InboxSettings = field(default_factory=InboxSettings)
    calls: CallSettings = field(default_factory=CallSettings)
    complaints: ComplaintSettings = field(default_factory=ComplaintSettings)
    keymap: dict[str, str] = field(default_factory=dict)  # binding id -> keys


def _config_path() -> Path:
    override = os.environ.get("ADVISOR_CONFIG")
    return Path(override) if override else paths.config_file()


def _section(data: dict[str, Any], name: str, path: Path) -> dict[str, Any]:
    value = data.get(name, {})
    if not isinstance(value, dict):
        raise _bad(path, name, "", value, "table")
    return value


def _bad(path: Path, section: str, key: str, value: object, expected: str) -> ConfigError:
    return ConfigError(
        t(
            "config.bad_value",
            path=path,
            section=section,
            key=key,
            value=repr(value),
            expected=t(f"config.expected.{expected}"),
        )
    )


def _typed(table: dict[str, Any], key: str, default: Any, path: Path, section: str) -> Any:
    """`table[key]` as the type of `default`, or ConfigError naming the bad value."""
    value = table.get(key, default)
    if isinstance(default, bool):
        if not isinstance(value, bool):
            raise _bad(path, section, key, value, "bool")
    elif isinstance(default, int):
        if isinstance(value, bool) or not isinstance(value, int):
            raise _bad(path, section, key, value, "int")
    elif not isinstance(value, str):
        raise _bad(path, section, key, value, "str")
    return value


def load_settings() -> Settings:
    """Read the config file (if any), then apply environment overrides."""
    settings = Settings()
    file_lang = ""
    path = _config_path()
    if path.is_file():
        import tomllib  # only with a config file: `advisor who` starts without it

        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
            raise ConfigError(f"{path}: {exc}") from exc
        file_lang = str(data.get("lang", ""))
        settings.region = str(data.get("region", settings.region)).upper()
        settings.database_url = _typed(data, "database_url", "", path, "") or None
        settings.advisor_name = _typed(data, "advisor_name", "", path, "").strip() or None
        monitor = _section(data, "callmonitor", path)
        settings.callmonitor = CallMonitorSettings(
            enabled=_typed(monitor, "enabled", False, path, "callmonitor"),
            host=_typed(monitor, "host", "fritz.box", path, "callmonitor"),
            port=_typed(monitor, "port", 1012, path, "callmonitor"),
        )
        if not 0 < settings.callmonitor.port < 65536:
            raise _bad(path, "callmonitor", "port", settings.callmonitor.port, "int")
        calls = _section(data, "calls", path)
        try:
            within = float(calls.get("callback_within_hours", 2.0))
        except (TypeError, ValueError) as exc:
            raise ConfigError(f"{path}: [calls] callback_within_hours: {exc}") from exc
        if not 0 <= within <= 24 * 7:
            raise ConfigError(f"{path}: [calls] callback_within_hours must be 0 to 168")
        settings.calls = CallSettings(callback_within_hours=within)
        settings.keymap = {str(k): str(v) for k, v in _section(data, "keymap", path).items()}
        inbox = _section(data, "inbox", path)
        days = _typed(inbox, "complaint_days", 14, path, "inbox")
        if not 1 <= days <= 365:
            raise ConfigError(f"{path}: [inbox] complaint_days must be 1 to 365")
        settings.inbox = InboxSettings(complaint_days=days)
        complaints = _section(data, "complaints", path)
        settings.complaints = ComplaintSettings(
            state=_typed(complaints, "state", "", path, "complaints").upper(),
            acknowledge_working_days=_typed(
                complaints, "acknowledge_working_days", 2, path, "complaints"
            ),
            answer_working_days=_typed(complaints, "answer_working_days", 10, path, "complaints"),
        )
    settings.lang = os.environ.get("ADVISOR_LANG") or file_lang or guess_language()
    settings.region = os.environ.get("ADVISOR_REGION", settings.region).upper()
    settings.advisor_name = os.environ.get("ADVISOR_NAME") or settings.advisor_name
    settings.database_url = os.environ.get("ADVISOR_DATABASE_URL") or settings.database_url
    if settings.lang not in ("de", "en"):
        settings.lang = "de"
    return settings

"""Settings: [calls] callback_within_hours (working hours until a callback is due)."""

from __future__ import annotations

from pathlib import Path

import pytest

from advisor_tui.config import ConfigError, load_settings


def _config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    monkeypatch.setenv("ADVISOR_CONFIG", str(path))


def test_default_is_two_working_hours() -> None:
    assert load_settings().calls.callback_within_hours == 2


def test_configured(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _config(tmp_path, monkeypatch, "[calls]\ncallback_within_hours = 4\n")
    assert load_settings().calls.callback_within_hours == 4


@pytest.mark.parametrize("value", ['"soon"', "-1", "1000"])
def test_bad_values_are_one_sentence(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, value: str
) -> None:
    _config(tmp_path, monkeypatch, f"[calls]\ncallback_within_hours = {value}\n")
    with pytest.raises(ConfigError, match="callback_within_hours"):
        load_settings()

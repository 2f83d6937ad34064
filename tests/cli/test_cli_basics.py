"""The CLI front: version, help, bad paths, no traceback.

In-process through `cli.main`; one real process checks that `python -m
advisor_tui` is wired to it (exit status and stdout end to end).
"""

from __future__ import annotations

from pathlib import Path

from advisor_tui import __version__
from tests.conftest import Advisor, run_cli


def test_version_as_a_real_process() -> None:
    result = run_cli("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"advisor {__version__}"


def test_help_is_german_by_default_and_english_on_request(advisor: Advisor) -> None:
    german = advisor("--help")
    assert german.returncode == 0
    assert "Oberfläche" in german.stdout
    english = advisor("--lang", "en", "--help")
    assert "user interface" in english.stdout


def test_every_subcommand_has_help(advisor: Advisor) -> None:
    from advisor_tui.cli import COMMAND_MODULES

    for name in COMMAND_MODULES:
        module = __import__(f"advisor_tui.commands.{name}", fromlist=["NAME"])
        result = advisor(module.NAME, "--help")
        assert result.returncode == 0, (name, result.stderr)
        assert "--db" in result.stdout


def test_bad_db_path_is_one_sentence_and_exit_2(advisor: Advisor, tmp_path: Path) -> None:
    missing = tmp_path / "no" / "such" / "folder" / "x.sqlite3"
    result = advisor("demo", "--persons", "5", "--db", str(missing))
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1
    assert "existiert nicht" in lines[0]
    assert not missing.parent.exists()


def test_db_that_is_a_directory(advisor: Advisor, tmp_path: Path) -> None:
    result = advisor("--db", str(tmp_path), "demo", "--persons", "5")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert str(tmp_path) in result.stderr


def test_unknown_option_is_a_usage_error(advisor: Advisor) -> None:
    result = advisor("--bogus")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr


def test_default_database_is_created_private(advisor: Advisor, tmp_path: Path) -> None:
    data = tmp_path / "xdg-data"
    result = advisor("demo", "--persons", "5", env={"XDG_DATA_HOME": str(data)})
    assert result.returncode == 0, result.stderr
    db = data / "advisor" / "advisor.sqlite3"
    assert db.exists()
    assert oct(db.stat().st_mode & 0o777) == "0o600"
    assert oct(db.parent.stat().st_mode & 0o777) == "0o700"


def test_database_url_from_environment(advisor: Advisor, tmp_path: Path) -> None:
    db = tmp_path / "env.sqlite3"
    result = advisor("demo", "--persons", "5", env={"ADVISOR_DATABASE_URL": f"sqlite:///{db}"})
    assert result.returncode == 0, result.stderr
    assert db.exists()

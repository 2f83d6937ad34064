"""`advisor import`, `advisor export` and `advisor duplicates`: exit status, stdout, --json.

In process through `cli.main` (the same code as the `advisor` script, without a
Python start per call).
"""

from __future__ import annotations

import json
import sqlite3
import stat
from pathlib import Path

from tests.conftest import Advisor
from tests.io import contact_samples as samples


def _file(tmp_path: Path, name: str, text: str) -> str:
    path = tmp_path / name
    path.write_bytes(samples.crlf(text).encode("utf-8"))
    return str(path)


def _persons(db: Path) -> int:
    if not db.exists():
        return 0
    with sqlite3.connect(db) as connection:
        return connection.execute("SELECT count(*) FROM person").fetchone()[0]


def test_import_reports_rejected_by_file_and_line_exit_1(
    advisor: Advisor, tmp_path: Path, db_path: Path
) -> None:
    path = _file(tmp_path, "all.vcf", samples.ALL)
    result = advisor("import", path, "--db", str(db_path))
    assert result.returncode == 1, result.stderr
    line = samples.broken_begin_line(samples.ALL)
    assert f"{path}:{line}: vCard ohne END:VCARD" in result.stdout, result.stdout
    assert "5 angelegt, 0 zusammengeführt" in result.stdout
    assert _persons(db_path) == 5
    again = advisor("--lang", "en", "import", path, "--db", str(db_path), "--json")
    assert again.returncode == 1
    report = json.loads(again.stdout)
    assert (report["created"], report["unchanged"], report["rejected"]) == (0, 5, 1)
    assert report["rejected_records"][0]["line"] == line
    assert report["rejected_records"][0]["reason"].startswith("vCard without END:VCARD")
    assert _persons(db_path) == 5


def test_import_all_good_exit_0_and_nothing_readable_exit_2(
    advisor: Advisor, tmp_path: Path, db_path: Path
) -> None:
    good = _file(tmp_path, "good.vcf", samples.APPLE + samples.GOOGLE)
    assert advisor("import", good, "--db", str(db_path)).returncode == 0
    junk = _file(tmp_path, "junk.csv", "foo;bar\n1;2\n")
    result = advisor("import", junk, str(tmp_path / "missing.vcf"), "--db", str(db_path))
    assert result.returncode == 2
    assert "Spaltenüberschriften nicht erkannt" in result.stdout
    assert "Datei nicht gefunden" in result.stdout
    assert "Traceback" not in result.stderr


def test_dry_run_shows_the_same_and_writes_nothing(
    advisor: Advisor, tmp_path: Path, db_path: Path
) -> None:
    path = _file(tmp_path, "all.vcf", samples.ALL)
    result = advisor("import", path, "--dry-run", "--json", "--db", str(db_path))
    assert result.returncode == 1
    report = json.loads(result.stdout)
    assert (report["created"], report["rejected"], report["dry_run"]) == (5, 1, True)
    assert _persons(db_path) == 0


def test_export_formats_and_file_mode(advisor: Advisor, tmp_path: Path, db_path: Path) -> None:
    advisor("import", _file(tmp_path, "a.vcf", samples.APPLE + samples.OUTLOOK), "--db",
            str(db_path))  # fmt: skip
    out = tmp_path / "out.vcf"
    result = advisor("export", "--format", "vcf", "-o", str(out), "--db", str(db_path))
    assert result.returncode == 0, result.stderr
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    text = out.read_bytes().decode()
    assert text.count("BEGIN:VCARD\r\nVERSION:4.0\r\n") == 2
    as_json = advisor("export", "--format", "json", "--person", "1", "--db", str(db_path))
    assert as_json.returncode == 0
    (person,) = json.loads(as_json.stdout)["persons"]
    assert person["last_name"] == "Müller" and len(person["addresses"]) >= 8
    as_csv = advisor("export", "--format", "csv", "--db", str(db_path))
    assert as_csv.stdout.lstrip("\ufeff").startswith("id;kind;salutation;title;first_name")
    missing = advisor("export", "--person", "999", "--db", str(db_path))
    assert missing.returncode == 1 and missing.stdout == ""
    back = tmp_path / "back.sqlite3"
    assert advisor("import", str(out), "--db", str(back)).returncode == 0
    assert _persons(back) == 2


def test_duplicates_lists_review_pairs(advisor: Advisor, tmp_path: Path, db_path: Path) -> None:
    assert advisor("duplicates", "--db", str(db_path)).returncode == 1  # none yet
    twin = samples.OUTLOOK.replace("Gr=F6=DFer;J=FCrgen", "Meier;Hans").replace(
        "BDAY:19650722", "BDAY:19700101"
    )
    advisor("import", _file(tmp_path, "two.vcf", samples.OUTLOOK + twin), "--db", str(db_path))
    result = advisor("duplicates", "--json", "--db", str(db_path))
    assert result.returncode == 0
    (pair,) = json.loads(result.stdout)["pairs"]
    assert pair["person_ids"] == [1, 2]
    assert sorted(pair["conflicts"]) == ["birthday", "name"]
    assert {"kind": "phone", "value": "+4915122334455"} in pair["reasons"]
    table = advisor("duplicates", "--db", str(db_path))
    assert "Hans Meier" in table.stdout and "+4915122334455" in table.stdout

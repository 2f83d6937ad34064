"""Input files are read safely: regular files only, size and line caps, never a hang."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest

from advisor_tui.io.contact_files import collect_units
from advisor_tui.io.input_files import InputFileError, read_input_bytes

CARD = b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Zed Quux\r\nEND:VCARD\r\n"


def test_a_regular_file_is_read(tmp_path: Path) -> None:
    path = tmp_path / "a.vcf"
    path.write_bytes(CARD)
    assert read_input_bytes(path) == CARD


def test_a_fifo_is_refused_at_once(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.vcf"
    os.mkfifo(fifo)
    caught: list[BaseException] = []

    def read() -> None:
        try:
            read_input_bytes(fifo)  # a plain open() blocks forever here (no writer)
        except BaseException as exc:
            caught.append(exc)

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    reader.join(5)
    if reader.is_alive():  # free the reader so the test run can end
        os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
        pytest.fail("reading a FIFO hangs")
    assert isinstance(caught[0], InputFileError)
    assert caught[0].key == "input.not_regular"
    assert str(fifo) in str(caught[0])


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom", "/dev/null"])
def test_devices_are_refused(device: str) -> None:
    with pytest.raises(InputFileError, match="not a regular file|keine normale Datei"):
        read_input_bytes(Path(device))


def test_a_folder_with_a_fifo_imports_the_rest(tmp_path: Path) -> None:
    folder = tmp_path / "vdir"
    folder.mkdir()
    os.mkfifo(folder / "a.vcf")
    (folder / "b.vcf").write_bytes(CARD)
    units, problems = collect_units([folder])
    assert len(units) == 1
    assert [p.source for p in problems] == [str(folder / "a.vcf")]
    assert "(" in str(problems[0].params["detail"])  # the sentence names the kind


def test_size_cap(tmp_path: Path) -> None:
    path = tmp_path / "big.vcf"
    path.write_bytes(CARD * 100)
    with pytest.raises(InputFileError) as caught:
        read_input_bytes(path, max_bytes=len(CARD) * 10)
    assert caught.value.key == "input.too_large"


def test_a_giant_line_is_refused_with_its_number(tmp_path: Path) -> None:
    path = tmp_path / "long.vcf"
    path.write_bytes(b"BEGIN:VCARD\nFN:A\nNOTE:" + b"x" * 5000 + b"\nEND:VCARD\n")
    with pytest.raises(InputFileError) as caught:
        read_input_bytes(path, max_line=1000)
    assert caught.value.key == "input.line_too_long"
    assert caught.value.params["line"] == 3


def test_odd_length_utf16_loses_only_the_half_character(tmp_path: Path) -> None:
    path = tmp_path / "odd.vcf"
    path.write_bytes(CARD.decode().encode("utf-16") + b"\x00")
    data = read_input_bytes(path)
    assert len(data) % 2 == 0
    assert "Zed Quux" in data.decode("utf-16")

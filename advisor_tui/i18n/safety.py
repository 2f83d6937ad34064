"""Texts of data safety: input and output files, backups' checks, doctor, erasure ledger."""

TEXTS = {
    # Input files (io/input_files.py)
    "input.not_regular": {
        "de": "{path} ist keine normale Datei ({kind}) und wird nicht gelesen.",
        "en": "{path} is not a regular file ({kind}) and is not read.",
    },
    "input.kind.fifo": {"de": "eine Pipe", "en": "a pipe"},
    "input.kind.socket": {"de": "ein Socket", "en": "a socket"},
    "input.kind.device": {"de": "ein Gerät", "en": "a device"},
    "input.kind.folder": {"de": "ein Ordner", "en": "a folder"},
    "input.kind.other": {"de": "keine Datei", "en": "not a file"},
    "input.too_large": {
        "de": "{path} ist größer als {limit} MB und wird nicht gelesen.",
        "en": "{path} is larger than {limit} MB and is not read.",
    },
    "input.line_too_long": {
        "de": "{path}: Zeile {line} ist länger als {limit} MB; die Datei wird nicht gelesen.",
        "en": "{path}: line {line} is longer than {limit} MB; the file is not read.",
    },
}

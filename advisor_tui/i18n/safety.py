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
    # Output files (storage/output_files.py)
    "output.exists": {
        "de": "{path} gibt es schon; mit --force wird die Datei ersetzt.",
        "en": "{path} already exists; use --force to replace it.",
    },
    "output.is_folder": {
        "de": "{path} ist ein Ordner, keine Datei.",
        "en": "{path} is a folder, not a file.",
    },
    "output.not_regular": {
        "de": "{path} ist keine normale Datei und wird nicht ersetzt.",
        "en": "{path} is not a regular file and is not replaced.",
    },
    "output.no_folder": {
        "de": "Den Ordner {folder} gibt es nicht.",
        "en": "The folder {folder} does not exist.",
    },
    "output.cannot_write": {
        "de": "{path} kann nicht geschrieben werden: {reason}.",
        "en": "{path} cannot be written: {reason}.",
    },
    "output.disk_full": {
        "de": "Der Datenträger ist voll; {path} wurde nicht geschrieben "
        "(eine vorhandene Datei bleibt unverändert).",
        "en": "The disk is full; {path} was not written (an existing file is left unchanged).",
    },
    "output.opt.force": {
        "de": "eine vorhandene Datei ersetzen",
        "en": "replace an existing file",
    },
    # Arguments and settings (commands/context.py, config.py, i18n/errors.py)
    "cli.bad_id": {
        "de": "{value} ist keine gültige Nummer (eine ganze Zahl ab 1).",
        "en": "{value} is not a valid id (a whole number from 1).",
    },
    "cli.db_empty": {
        "de": "--db braucht einen Dateinamen; ohne --db gilt die eingestellte Datenbank.",
        "en": "--db needs a file name; without --db the configured database is used.",
    },
    "cli.bad_text": {
        "de": "„{value}“ enthält Zeichen, die kein gültiger Text sind (Bytes außerhalb von UTF-8).",
        "en": "“{value}” holds characters that are not valid text (bytes outside UTF-8).",
    },
    "error.number_too_large": {
        "de": "Eine Zahl ist zu groß für die Datenbank.",
        "en": "A number is too large for the database.",
    },
    "error.bad_text": {
        "de": "Ein Text enthält Zeichen, die kein gültiges UTF-8 sind.",
        "en": "A text holds characters that are not valid UTF-8.",
    },
    "config.bad_value": {
        "de": "{path}: [{section}] {key} = {value} ist kein gültiger Wert ({expected}).",
        "en": "{path}: [{section}] {key} = {value} is not a valid value ({expected}).",
    },
    "config.expected.int": {"de": "eine ganze Zahl", "en": "a whole number"},
    "config.expected.bool": {"de": "true oder false", "en": "true or false"},
    "config.expected.str": {"de": "ein Text", "en": "a text"},
    "config.expected.table": {"de": "ein Abschnitt", "en": "a section"},
    # Backups (services/backups)
    "backup.corrupt_source": {
        "de": "ACHTUNG: Die Datenbank {path} ist beschädigt (Integritätsprüfung fehlgeschlagen); "
        "es wurde keine Sicherung geschrieben und keine ältere gelöscht. "
        "Bitte mit „advisor restore“ eine gute Sicherung zurückholen.",
        "en": "WARNING: the database {path} is damaged (integrity check failed); no backup "
        "was written and no older one deleted. Please bring back a good backup with "
        "'advisor restore'.",
    },
    # Erasure ledger and wipe (services/gdpr)
    "restore.erased_again": {
        "de": "{count} seit dieser Sicherung gelöschte Person(en) wurden in der "
        "zurückgeholten Datenbank erneut gelöscht (DSGVO Art. 17).",
        "en": "{count} person(s) erased since this backup were erased again in the "
        "restored database (GDPR Art. 17).",
    },
    "restore.ledger_unreadable": {
        "de": "Das Löschprotokoll der Datenbank {path} ist nicht lesbar; ohne es könnten "
        "gelöschte Personen zurückkehren. Nichts wurde zurückgeholt.",
        "en": "The erasure ledger of the database {path} cannot be read; without it erased "
        "persons could come back. Nothing was restored.",
    },
    "gdpr.erase.wipe_busy": {
        "de": "Hinweis: Ein anderes Programm hat die Datenbank geöffnet; die gelöschten Daten "
        "verschwinden ganz aus den Dateien, sobald es geschlossen ist (prüfen: advisor doctor).",
        "en": "Note: another program has the database open; the erased data leaves the files "
        "completely once it is closed (check: advisor doctor).",
    },
    "import.waiting": {
        "de": "Ein anderer Import in diese Datenbank läuft; dieser wartet, bis er fertig ist …",
        "en": "Another import into this database is running; this one waits until it is done …",
    },
}

"""Texts of data safety: input and output files, backups' checks, doctor, erasure ledger."""

from advisor_tui.i18n.plural import plural

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
        "de": plural(
            "{count} seit dieser Sicherung gelöschte Person wurde in der zurückgeholten "
            "Datenbank erneut gelöscht (DSGVO Art. 17).",
            "{count} seit dieser Sicherung gelöschte Personen wurden in der zurückgeholten "
            "Datenbank erneut gelöscht (DSGVO Art. 17).",
        ),
        "en": plural(
            "{count} person erased since this backup was erased again in the restored "
            "database (GDPR Art. 17).",
            "{count} persons erased since this backup were erased again in the restored "
            "database (GDPR Art. 17).",
        ),
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
    # advisor doctor (services/doctor.py)
    "doctor.cmd": {
        "de": "Datenbank und Sicherungen prüfen: Dateirechte, Schema, Integrität, Sicherungen",
        "en": "check the database and its backups: file modes, schema, integrity, backups",
    },
    "doctor.not_sqlite": {
        "de": "Datenbank {url}: kein SQLite (Dateiprüfungen entfallen).",
        "en": "Database {url}: not SQLite (file checks skipped).",
    },
    "doctor.no_database": {"de": "Keine Datenbank unter {path}.", "en": "No database at {path}."},
    "doctor.fix.no_database": {
        "de": "Mit --db den richtigen Pfad angeben, oder mit „advisor import“ beginnen.",
        "en": "Give the right path with --db, or start with 'advisor import'.",
    },
    "doctor.database": {"de": "Datenbank: {path}", "en": "Database: {path}"},
    "doctor.modes_ok": {
        "de": "Dateirechte: nur für Sie lesbar (0600/0700).",
        "en": "File modes: readable by you only (0600/0700).",
    },
    "doctor.mode_file": {
        "de": "{path} ist für andere lesbar (Modus {mode}).",
        "en": "{path} is readable by others (mode {mode}).",
    },
    "doctor.fix.mode_file": {"de": "chmod 600 {path}", "en": "chmod 600 {path}"},
    "doctor.mode_folder": {
        "de": "Der Ordner {path} ist für andere offen (Modus {mode}).",
        "en": "The folder {path} is open to others (mode {mode}).",
    },
    "doctor.fix.mode_folder": {"de": "chmod 700 {path}", "en": "chmod 700 {path}"},
    "doctor.schema_ok": {
        "de": "Schema: aktuell ({revision}).",
        "en": "Schema: current ({revision}).",
    },
    "doctor.schema_old": {
        "de": "Schema: Stand {revision}, wird beim nächsten Öffnen auf {head} gebracht "
        "(mit Sicherung vorher).",
        "en": "Schema: at {revision}, brought to {head} on the next open (backed up first).",
    },
    "doctor.schema_newer": {
        "de": "Schema {revision} ist neuer als dieses Programm.",
        "en": "Schema {revision} is newer than this program.",
    },
    "doctor.fix.update": {
        "de": "advisor auf die neueste Version bringen.",
        "en": "Update advisor to its newest version.",
    },
    "doctor.schema_unreadable": {
        "de": "Das Schema ist nicht lesbar: keine advisor-Datenbank oder beschädigt.",
        "en": "The schema cannot be read: not an advisor database, or damaged.",
    },
    "doctor.integrity_ok": {"de": "Integrität: in Ordnung.", "en": "Integrity: ok."},
    "doctor.integrity_bad": {
        "de": "Integrität: die Datenbank ist beschädigt ({detail}).",
        "en": "Integrity: the database is damaged ({detail}).",
    },
    "doctor.fix.restore": {
        "de": "Eine gute Sicherung zurückholen: advisor restore DATEI (die beschädigte "
        "Datenbank wird vorher gesichert).",
        "en": "Bring back a good backup: advisor restore FILE (the damaged database is "
        "saved first).",
    },
    "doctor.no_backup": {"de": "Es gibt keine Sicherung.", "en": "There is no backup."},
    "doctor.no_good_backup": {
        "de": "Es gibt keine unbeschädigte Sicherung.",
        "en": "There is no undamaged backup.",
    },
    "doctor.fix.backup": {
        "de": "Jetzt sichern: advisor backup (und die App täglich starten: sie sichert "
        "beim ersten Start des Tages).",
        "en": "Back up now: advisor backup (and start the app daily: it backs up on the "
        "day's first start).",
    },
    "doctor.backup_damaged": {
        "de": "Die Sicherung {path} ist beschädigt.",
        "en": "The backup {path} is damaged.",
    },
    "doctor.fix.backup_damaged": {
        "de": "Diese Datei löschen; sie kann nicht zurückgeholt werden.",
        "en": "Delete this file; it cannot be restored.",
    },
    "doctor.backup_old": {
        "de": "Die neueste gute Sicherung ist {days} Tage alt ({path}).",
        "en": "The newest good backup is {days} days old ({path}).",
    },
    "doctor.backup_ok": {
        "de": plural(
            "Sicherungen: {count} unbeschädigte, die neueste {days} Tage alt ({path}).",
            "Sicherungen: {count} unbeschädigte, die neueste {days} Tage alt ({path}).",
        ),
        "en": plural(
            "Backups: {count} undamaged copy, the newest {days} days old ({path}).",
            "Backups: {count} undamaged copies, the newest {days} days old ({path}).",
        ),
    },
    "doctor.secure_delete_on": {
        "de": "Gelöschte Daten werden überschrieben (secure_delete).",
        "en": "Deleted data is overwritten (secure_delete).",
    },
    "doctor.secure_delete_off": {
        "de": "Gelöschte Daten bleiben in der Datei lesbar (secure_delete aus).",
        "en": "Deleted data stays readable in the file (secure_delete off).",
    },
    "doctor.summary_ok": {"de": "Alles in Ordnung.", "en": "All is well."},
    "doctor.summary_bad": {
        "de": plural(
            "{count} Punkt braucht Ihre Aufmerksamkeit.",
            "{count} Punkte brauchen Ihre Aufmerksamkeit.",
        ),
        "en": plural("{count} item needs your attention.", "{count} items need your attention."),
    },
}

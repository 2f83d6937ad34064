"""Texts for errors described to the user (advisor_tui.i18n.errors)."""

TEXTS = {
    "error.db_locked": {
        "de": "Die Datenbank ist gerade von einem anderen Programm gesperrt; "
        "bitte gleich noch einmal versuchen.",
        "en": "The database is locked by another program; please try again in a moment.",
    },
    "error.db_readonly": {
        "de": "Die Datenbank kann nur gelesen werden; Änderungen werden nicht gespeichert.",
        "en": "The database is read-only; changes cannot be saved.",
    },
    "error.disk_full": {
        "de": "Der Datenträger ist voll; bitte Platz schaffen und erneut versuchen.",
        "en": "The disk is full; please free some space and try again.",
    },
    "error.disk_full_at": {
        "de": "Der Datenträger ist voll ({path}); bitte Platz schaffen und erneut versuchen.",
        "en": "The disk is full ({path}); please free some space and try again.",
    },
    "error.disk_io": {
        "de": "Lese- oder Schreibfehler des Datenträgers; die Datenbank ist nicht erreichbar.",
        "en": "The disk could not be read or written; the database is not reachable.",
    },
    "error.disk_io_at": {
        "de": "Lese- oder Schreibfehler bei {path}.",
        "en": "The disk could not read or write {path}.",
    },
    "error.db_corrupt": {
        "de": "Die Datenbankdatei ist beschädigt oder keine advisor-Datenbank.",
        "en": "The database file is damaged or not an advisor database.",
    },
    "error.db_cannot_open": {
        "de": "Die Datenbank kann nicht geöffnet werden.",
        "en": "The database cannot be opened.",
    },
    "error.db_other": {
        "de": "Die Datenbank hat die Änderung abgelehnt.",
        "en": "The database refused the change.",
    },
    "error.no_permission": {
        "de": "Keine Berechtigung für diese Datei.",
        "en": "No permission for this file.",
    },
    "error.no_permission_at": {
        "de": "Keine Berechtigung für {path}.",
        "en": "No permission for {path}.",
    },
    "error.db_readonly_at": {
        "de": "{path} liegt auf einem schreibgeschützten Datenträger.",
        "en": "{path} is on a read-only file system.",
    },
    "error.not_found": {
        "de": "Die Datei gibt es nicht.",
        "en": "The file does not exist.",
    },
    "error.not_found_at": {
        "de": "{path} gibt es nicht.",
        "en": "{path} does not exist.",
    },
    "error.os": {
        "de": "Das Betriebssystem meldet einen Fehler: {reason}",
        "en": "The operating system reported an error: {reason}",
    },
    "error.unexpected": {
        "de": "Unerwarteter Fehler ({kind}); bitte melden.",
        "en": "Unexpected error ({kind}); please report it.",
    },
    "error.config": {
        "de": "Die Einstellungsdatei kann nicht gelesen werden: {reason}",
        "en": "The settings file cannot be read: {reason}",
    },
}

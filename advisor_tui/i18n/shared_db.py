"""Texts of a shared database: `advisor db`, schema versions on a server, pg_dump backups."""

from advisor_tui.i18n.plural import Plural

TEXTS: dict[str, dict[str, str | Plural]] = {
    "cli.cmd.db": {
        "de": "Datenbank: Schema-Stand zeigen (status) oder aktualisieren (upgrade)",
        "en": "database: show the schema version (status) or upgrade it (upgrade)",
    },
    "db.cmd.status": {
        "de": "Schema-Stand der Datenbank und dieser advisor-Version zeigen",
        "en": "show the schema version of the database and of this advisor",
    },
    "db.cmd.upgrade": {
        "de": "Schema der Datenbank auf den Stand dieser advisor-Version bringen",
        "en": "bring the database schema up to this advisor's version",
    },
    "db.upgrade_needed": {
        "de": "Die Datenbank {where} hat ein älteres Schema ({revision}): erst alle advisor "
        "im Büro aktualisieren, dann einmal „advisor db upgrade“ ausführen.",
        "en": "The database {where} has an older schema ({revision}): update advisor for "
        "everyone in the office, then run 'advisor db upgrade' once.",
    },
    "db.upgrade_running": {
        "de": "Auf {where} aktualisiert gerade jemand anders das Schema; bitte gleich noch "
        "einmal versuchen.",
        "en": "Someone else is upgrading the schema on {where} right now; please try again "
        "in a moment.",
    },
    "db.status": {
        "de": "Datenbank {where}: Schema {current}; diese advisor-Version: {head}.",
        "en": "Database {where}: schema {current}; this advisor: {head}.",
    },
    "db.status_none": {"de": "leer", "en": "empty"},
    "db.upgraded": {
        "de": "Schema von {before} auf {head} aktualisiert.",
        "en": "Schema upgraded from {before} to {head}.",
    },
    "db.up_to_date": {
        "de": "Das Schema ist schon auf dem Stand dieser Version ({head}).",
        "en": "The schema is already at this version ({head}).",
    },
    "db.backup_before": {
        "de": "Sicherung vorher: {path}",
        "en": "Backup first: {path}",
    },
    "assign.no_followup": {
        "de": "Eine Wiedervorlage Nr. {id} gibt es nicht.",
        "en": "There is no follow-up no. {id}.",
    },
    "assign.no_request": {
        "de": "Einen Eingang Nr. {id} gibt es nicht.",
        "en": "There is no request no. {id}.",
    },
    "due.opt.mine": {
        "de": "nur meine: mir oder niemandem zugewiesen (advisor_name)",
        "en": "only mine: assigned to me or to nobody (advisor_name)",
    },
    "backup.no_pg_dump": {
        "de": "pg_dump ist nicht installiert; eine PostgreSQL-Datenbank sichert „advisor "
        "export“ (alle Personen als vCard/CSV) oder pg_dump auf dem Server.",
        "en": "pg_dump is not installed; back up a PostgreSQL database with 'advisor export' "
        "(all persons as vCard/CSV) or pg_dump on the server.",
    },
    "backup.pg_dump_failed": {
        "de": "pg_dump ist fehlgeschlagen: {reason}",
        "en": "pg_dump failed: {reason}",
    },
}

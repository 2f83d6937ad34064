"""Texts of backups, restore and the GDPR commands (export, erase, purge)."""

from advisor_tui.i18n.plural import Plural, plural

TEXTS: dict[str, dict[str, str | Plural]] = {
    # commands and options
    "cli.cmd.backup": {
        "de": "Sicherung der Datenbank anlegen (auch während advisor läuft)",
        "en": "back up the database (also while advisor is running)",
    },
    "cli.cmd.restore": {
        "de": "Datenbank aus einer Sicherung wiederherstellen (die jetzige wird vorher gesichert)",
        "en": "restore the database from a backup (the current one is backed up first)",
    },
    "cli.cmd.gdpr": {
        "de": "DSGVO: Auskunft (export), Löschung (erase), abgelaufene Sperren löschen (purge)",
        "en": "GDPR: access (export), erasure (erase), delete expired locks (purge)",
    },
    "backup.opt.dest": {
        "de": "Zieldatei oder -ordner (Standard: Ordner „backups“ neben der Datenbank)",
        "en": "target file or folder (default: the 'backups' folder beside the database)",
    },
    "restore.opt.file": {"de": "die Sicherungsdatei", "en": "the backup file"},
    "confirm.opt.yes": {"de": "ohne Rückfrage ausführen", "en": "do not ask for confirmation"},
    "gdpr.cmd.export": {
        "de": "alle gespeicherten Daten einer Person als JSON und Text ausgeben (Art. 15)",
        "en": "write all stored data about a person as JSON and text (Art. 15)",
    },
    "gdpr.cmd.erase": {
        "de": "eine Person löschen (Art. 17); Aufbewahrungspflichtiges wird gesperrt",
        "en": "erase a person (Art. 17); records under a retention duty are locked",
    },
    "gdpr.cmd.purge": {
        "de": "gesperrte Unterlagen löschen, deren Aufbewahrungsfrist abgelaufen ist",
        "en": "delete locked records whose retention period has ended",
    },
    "gdpr.opt.output": {
        "de": "Ordner für die Dateien (Standard: aktueller Ordner)",
        "en": "folder for the files (default: the current folder)",
    },
    # confirmation
    "confirm.choices": {"de": "[j/N]", "en": "[y/N]"},
    "confirm.declined": {
        "de": "Abgebrochen, nichts geändert.",
        "en": "Cancelled, nothing changed.",
    },
    "confirm.no_tty": {
        "de": "Keine Rückfrage möglich (keine Eingabe am Terminal); mit --yes bestätigen.",
        "en": "Cannot ask for confirmation (no terminal input); confirm with --yes.",
    },
    # backup and restore
    "backup.done": {"de": "Gesichert: {path} ({size})", "en": "Backed up: {path} ({size})"},
    "backup.sqlite_only": {
        "de": "Sicherung und Wiederherstellung gibt es hier nur für SQLite; "
        "eine PostgreSQL-Datenbank sichern Sie mit pg_dump.",
        "en": "Backup and restore here cover SQLite only; back up a PostgreSQL database "
        "with pg_dump.",
    },
    "backup.no_database": {
        "de": "Es gibt noch keine Datenbank unter {path}.",
        "en": "There is no database at {path} yet.",
    },
    "backup.same_file": {
        "de": "{path} ist die Datenbank selbst.",
        "en": "{path} is the database itself.",
    },
    "backup.no_folder": {
        "de": "Der Ordner {path} existiert nicht.",
        "en": "The folder {path} does not exist.",
    },
    "backup.failed": {
        "de": "Sicherung fehlgeschlagen ({path}): {reason}.",
        "en": "Backup failed ({path}): {reason}.",
    },
    "restore.confirm": {
        "de": plural(
            "{db} durch {file} ({persons} Person, {size}) ersetzen? "
            "Die jetzige Datenbank wird vorher gesichert.",
            "{db} durch {file} ({persons} Personen, {size}) ersetzen? "
            "Die jetzige Datenbank wird vorher gesichert.",
            by="persons",
        ),
        "en": plural(
            "Replace {db} with {file} ({persons} person, {size})? "
            "The current database is backed up first.",
            "Replace {db} with {file} ({persons} persons, {size})? "
            "The current database is backed up first.",
            by="persons",
        ),
    },
    "restore.saved_previous": {
        "de": "Bisherige Datenbank gesichert: {path}",
        "en": "Previous database saved: {path}",
    },
    "restore.done": {
        "de": plural(
            "Wiederhergestellt aus {file}: {persons} Person in {db}.",
            "Wiederhergestellt aus {file}: {persons} Personen in {db}.",
            by="persons",
        ),
        "en": plural(
            "Restored from {file}: {persons} person in {db}.",
            "Restored from {file}: {persons} persons in {db}.",
            by="persons",
        ),
    },
    "restore.no_file": {"de": "Die Datei {path} gibt es nicht.", "en": "There is no file {path}."},
    "restore.not_database": {
        "de": "{path} ist keine lesbare, unbeschädigte SQLite-Datenbank.",
        "en": "{path} is not a readable, intact SQLite database.",
    },
    "restore.not_advisor": {
        "de": "{path} ist keine advisor-Datenbank.",
        "en": "{path} is not an advisor database.",
    },
    "restore.too_new": {
        "de": "{path} stammt von einer neueren advisor-Version (Schema {revision}); "
        "bitte advisor zuerst aktualisieren.",
        "en": "{path} comes from a newer advisor version (schema {revision}); "
        "please update advisor first.",
    },
    "restore.failed": {
        "de": "Wiederherstellung fehlgeschlagen ({path}): {reason}.",
        "en": "Restore failed ({path}): {reason}.",
    },
    # GDPR export
    "gdpr.export.done": {
        "de": "Auskunft zu Person {id} geschrieben: {json} und {text}",
        "en": "Data of person {id} written: {json} and {text}",
    },
    "gdpr.text.title": {
        "de": "Auskunft über gespeicherte personenbezogene Daten (Art. 15 DSGVO)",
        "en": "Information on stored personal data (GDPR Art. 15)",
    },
    "gdpr.text.intro": {
        "de": "Person Nr. {id}, Stand {at}.",
        "en": "Person no. {id}, as of {at}.",
    },
    "gdpr.text.none": {"de": "keine", "en": "none"},
    "gdpr.yes": {"de": "ja", "en": "yes"},
    "gdpr.no": {"de": "nein", "en": "no"},
    "gdpr.section.person": {"de": "Person", "en": "Person"},
    "gdpr.section.addresses": {"de": "Adressen", "en": "Addresses"},
    "gdpr.section.consents": {"de": "Einwilligungen", "en": "Consents"},
    "gdpr.section.requests": {"de": "Eingänge", "en": "Requests"},
    "gdpr.section.suggested_requests": {
        "de": "Eingänge, die dieser Person vermutlich zuzuordnen sind",
        "en": "Requests probably from this person",
    },
    "gdpr.section.interactions": {"de": "Kontakte", "en": "Interactions"},
    "gdpr.section.followups": {"de": "Wiedervorlagen", "en": "Follow-ups"},
    "gdpr.section.audit_entries": {"de": "Protokolleinträge", "en": "Audit entries"},
    # GDPR erase and purge
    "gdpr.erase.summary": {
        "de": "Gelöscht werden: Adressen {addresses}, Einwilligungen {consents}, "
        "Eingänge {requests}, Kontakte {interactions}, Wiedervorlagen {followups}.",
        "en": "To be erased: addresses {addresses}, consents {consents}, "
        "requests {requests}, interactions {interactions}, follow-ups {followups}.",
    },
    "gdpr.erase.retention": {
        "de": "Aufbewahrungspflichtig nach FinVermV §23 (Beratungs- und Auftragsunterlagen) "
        "bleiben Eingänge {requests} und Kontakte {interactions} gesperrt und verborgen "
        "bis {until}; so lange bleibt nur der Name der Person gesperrt erhalten.",
        "en": "Under the FinVermV §23 retention duty (records of advice and orders) "
        "requests {requests} and interactions {interactions} stay locked and hidden "
        "until {until}; until then only the person's name is kept, locked.",
    },
    "gdpr.erase.confirm": {
        "de": "Person {id} ({name}) jetzt löschen?",
        "en": "Erase person {id} ({name}) now?",
    },
    "gdpr.erase.done": {
        "de": "Person {id} und alle ihre Daten sind gelöscht.",
        "en": "Person {id} and all their data are erased.",
    },
    "gdpr.erase.done_restricted": {
        "de": "Person {id} ist gelöscht bis auf aufbewahrungspflichtige Unterlagen "
        "(Eingänge {requests}, Kontakte {interactions}): gesperrt und verborgen, "
        "löschbar ab {until} mit „advisor gdpr purge“.",
        "en": "Person {id} is erased except records under a retention duty "
        "(requests {requests}, interactions {interactions}): locked and hidden, "
        "deletable from {until} with 'advisor gdpr purge'.",
    },
    "gdpr.purge.nothing": {
        "de": "Keine gesperrten Unterlagen mit abgelaufener Frist.",
        "en": "No locked records whose retention period has ended.",
    },
    "gdpr.purge.confirm": {
        "de": "Abgelaufene Sperren endgültig löschen: Personen {persons}, Eingänge {requests}, "
        "Kontakte {interactions}?",
        "en": "Delete expired locked records for good: persons {persons}, requests {requests}, "
        "interactions {interactions}?",
    },
    "gdpr.purge.done": {
        "de": "Gelöscht: Personen {persons}, Eingänge {requests}, Kontakte {interactions}.",
        "en": "Deleted: persons {persons}, requests {requests}, interactions {interactions}.",
    },
    # field labels of the readable export
    **{
        f"gdpr.field.{name}": {"de": de, "en": en}
        for name, de, en in (
            ("id", "Nr.", "No."),
            ("kind", "Art", "Kind"),
            ("salutation", "Anrede", "Salutation"),
            ("title", "Titel", "Title"),
            ("first_name", "Vorname", "First name"),
            ("last_name", "Nachname", "Last name"),
            ("company", "Firma", "Company"),
            ("birthday", "Geburtstag", "Birthday"),
            ("notes", "Notizen", "Notes"),
            ("tags", "Schlagworte", "Tags"),
            ("is_super_customer", "Superkunde", "Super customer"),
            ("is_dissatisfied", "Unzufrieden", "Dissatisfied"),
            ("has_payment_trouble", "Zahlungsschwierigkeiten", "Payment trouble"),
            ("extra", "Weitere importierte Angaben", "Further imported data"),
            ("restricted_until", "Gesperrt bis", "Restricted until"),
            ("retain_until", "Aufzubewahren bis", "Retained until"),
            ("created_at", "Angelegt", "Created"),
            ("updated_at", "Geändert", "Changed"),
            ("version", "Version", "Version"),
            ("person_id", "Person", "Person"),
            ("scope", "Bereich", "Scope"),
            ("label", "Bezeichnung", "Label"),
            ("raw", "Wie erfasst", "As entered"),
            ("normalized", "Normalisiert", "Normalized"),
            ("phone_type", "Rufnummernart", "Number type"),
            ("is_direct_dial", "Durchwahl", "Direct dial"),
            ("serviceable_at", "Ladungsfähig seit", "Serviceable since"),
            ("address_id", "Adresse", "Address"),
            ("request_id", "Eingang", "Request"),
            ("suggested_person_id", "Vorgeschlagene Person", "Suggested person"),
            ("sender_normalized", "Absender normalisiert", "Sender normalized"),
            ("message_id", "Nachrichten-ID", "Message id"),
            ("valid", "Gültig", "Valid"),
            ("invalid_reason", "Ungültig weil", "Invalid because"),
            ("street", "Straße", "Street"),
            ("postcode", "PLZ", "Postcode"),
            ("city", "Ort", "City"),
            ("country", "Land", "Country"),
            ("serviceable", "Ladungsfähig", "Serviceable"),
            ("confirmed_at", "Bestätigt", "Confirmed"),
            ("last_success_at", "Zuletzt erreicht", "Last reached"),
            ("failed_at", "Fehlgeschlagen", "Failed"),
            ("failure_kind", "Fehlerart", "Kind of failure"),
            ("is_preferred", "Bevorzugt", "Preferred"),
            ("channel", "Kanal", "Channel"),
            ("granted", "Erteilt", "Granted"),
            ("given_at", "Erteilt am", "Given"),
            ("revoked_at", "Widerrufen am", "Revoked"),
            ("how", "Wie", "How"),
            ("sender", "Absender", "Sender"),
            ("sender_name", "Absendername", "Sender name"),
            ("recipient", "Empfänger", "Recipient"),
            ("subject", "Betreff", "Subject"),
            ("body", "Text", "Text"),
            ("status", "Status", "Status"),
            ("match", "Zuordnung", "Match"),
            ("received_at", "Eingegangen", "Received"),
            ("direction", "Richtung", "Direction"),
            ("occurred_at", "Zeitpunkt", "When"),
            ("duration_seconds", "Dauer (s)", "Duration (s)"),
            ("outcome", "Ergebnis", "Outcome"),
            ("summary", "Inhalt", "Summary"),
            ("is_advice_record", "Beratungsdokumentation", "Record of advice"),
            ("due_at", "Fällig", "Due"),
            ("done_at", "Erledigt", "Done"),
            ("snoozed_until", "Zurückgestellt bis", "Snoozed until"),
            ("note", "Notiz", "Note"),
            ("at", "Zeitpunkt", "When"),
            ("actor", "Benutzer", "User"),
            ("action", "Aktion", "Action"),
            ("entity", "Tabelle", "Table"),
            ("entity_id", "Datensatz", "Record"),
            ("details", "Einzelheiten", "Details"),
        )
    },
}

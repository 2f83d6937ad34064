"""Texts of the application shell, the CLI front and the customers screen."""

from advisor_tui.i18n.plural import plural

TEXTS = {
    # CLI front
    "cli.description": {
        "de": "advisor – Kundenkontakte für Finanzberater im Terminal. "
        "Ohne Unterbefehl startet die Oberfläche.",
        "en": "advisor – customer contacts for financial advisors in the terminal. "
        "Without a subcommand the user interface starts.",
    },
    "cli.opt.db": {
        "de": "Pfad der SQLite-Datenbank (statt der Standarddatei)",
        "en": "path of the SQLite database (instead of the default file)",
    },
    "cli.opt.lang": {"de": "Sprache der Oberfläche: de oder en", "en": "language: de or en"},
    "cli.opt.demo": {
        "de": "Oberfläche mit einer frischen Demo-Datenbank starten (Ihre Daten bleiben unberührt)",
        "en": "start the user interface on a fresh demo database (your data stays untouched)",
    },
    "cli.opt.json": {"de": "Ausgabe als JSON", "en": "output as JSON"},
    "cli.opt.version": {"de": "Version anzeigen", "en": "show the version"},
    "cli.error": {"de": "Fehler: {message}", "en": "Error: {message}"},
    "cli.interrupted": {"de": "Abgebrochen.", "en": "Interrupted."},
    "cli.usage_error": {"de": "Aufruf fehlerhaft: {message}", "en": "Usage error: {message}"},
    "cli.cmd.demo": {
        "de": "Datenbank mit realistischen Demo-Daten füllen",
        "en": "fill the database with realistic demo data",
    },
    "cli.opt.persons": {
        "de": "Anzahl Personen (Standard 500)",
        "en": "number of persons (default 500)",
    },
    "cli.opt.seed": {"de": "Startwert des Zufallsgenerators", "en": "random seed"},
    "demo.progress": {"de": "Demo-Daten werden erzeugt", "en": "Generating demo data"},
    "demo.done": {
        "de": "Angelegt in {seconds:.1f} s: Personen {persons}, Adressen {addresses}, "
        "Kontakte {interactions}, Wiedervorlagen {followups}, Eingänge {requests}.",
        "en": "Created in {seconds:.1f} s: persons {persons}, addresses {addresses}, "
        "interactions {interactions}, follow-ups {followups}, requests {requests}.",
    },
    "demo.not_empty": {
        "de": "Die Datenbank enthält schon Personen; Demo-Daten nur in eine leere Datenbank "
        "(z. B. --db /tmp/demo.sqlite3).",
        "en": "The database already holds persons; demo data only goes into an empty database "
        "(e.g. --db /tmp/demo.sqlite3).",
    },
    # errors from services
    "name_required": {
        "de": "Bitte einen Namen oder eine Firma angeben.",
        "en": "Please give a name or a company.",
    },
    "invalid_person_kind": {
        "de": "Unbekannte Personenart „{kind}“ (customer, prospect, former).",
        "en": "Unknown person kind '{kind}' (customer, prospect, former).",
    },
    "invalid_address_kind": {
        "de": "Unbekannte Adressart „{kind}“.",
        "en": "Unknown address kind '{kind}'.",
    },
    "invalid_scope": {
        "de": "Unbekannter Bereich „{scope}“ (private, business).",
        "en": "Unknown scope '{scope}' (private, business).",
    },
    "address_empty": {"de": "Die Adresse ist leer.", "en": "The address is empty."},
    "unknown_field": {"de": "Unbekanntes Feld: {field}.", "en": "Unknown field: {field}."},
    "person_not_found": {
        "de": "Keine Person mit der Nummer {id}.",
        "en": "No person with id {id}.",
    },
    "address_not_found": {
        "de": "Keine Adresse mit der Nummer {id}.",
        "en": "No address with id {id}.",
    },
    # vocabulary shown to users
    "kind.customer": {"de": "Kunde", "en": "customer"},
    "kind.prospect": {"de": "Interessent", "en": "prospect"},
    "kind.former": {"de": "ehem. Kunde", "en": "former customer"},
    "addr.mobile": {"de": "Mobil", "en": "mobile"},
    "addr.landline": {"de": "Festnetz", "en": "landline"},
    "addr.fax": {"de": "Fax", "en": "fax"},
    "addr.email": {"de": "E-Mail", "en": "e-mail"},
    "addr.postal": {"de": "Post", "en": "postal"},
    "addr.messenger": {"de": "Messenger", "en": "messenger"},
    "addr.social": {"de": "Social", "en": "social"},
    "scope.private": {"de": "privat", "en": "private"},
    "scope.business": {"de": "geschäftl.", "en": "business"},
    "addr.invalid": {"de": "ungültig", "en": "invalid"},
    # TUI shell
    "app.title": {"de": "advisor", "en": "advisor"},
    "app.subtitle": {"de": "Kunden", "en": "Customers"},
    "app.demo_subtitle": {"de": "Demo-Datenbank", "en": "demo database"},
    "key.quit": {"de": "Beenden", "en": "Quit"},
    "key.help": {"de": "Hilfe", "en": "Help"},
    "key.search": {"de": "Suchen", "en": "Search"},
    "key.open": {"de": "Öffnen", "en": "Open"},
    "key.back": {"de": "Zurück", "en": "Back"},
    "key.clear": {"de": "Leeren", "en": "Clear"},
    "key.palette": {"de": "Befehle", "en": "Commands"},
    "customers.search_placeholder": {
        "de": "Suchen: Name, Firma, Telefon, E-Mail …  ( / )",
        "en": "Search: name, company, phone, e-mail …  ( / )",
    },
    "customers.col.name": {"de": "Name", "en": "Name"},
    "customers.col.kind": {"de": "Art", "en": "Kind"},
    "customers.col.company": {"de": "Firma", "en": "Company"},
    "customers.col.hottest": {"de": "Beste Erreichbarkeit", "en": "Best way to reach"},
    "customers.count": {
        "de": plural("{shown} von {total} Person", "{shown} von {total} Personen", by="total"),
        "en": plural("{shown} of {total} person", "{shown} of {total} persons", by="total"),
    },
    "customers.no_match": {
        "de": "Niemand passt zu „{query}“. Esc leert die Suche.",
        "en": "Nobody matches '{query}'. Esc clears the search.",
    },
    "customers.empty": {
        "de": "Noch keine Kunden.\n\n"
        "Kontakte übernehmen:  advisor import kontakte.vcf  (vCard, Outlook-/Google-CSV)\n"
        "Ausprobieren:         advisor --demo\n\n"
        "Drücken Sie ? für die Hilfe.",
        "en": "No customers yet.\n\n"
        "Bring your contacts:  advisor import contacts.vcf  (vCard, Outlook/Google CSV)\n"
        "Try it out:           advisor --demo\n\n"
        "Press ? for help.",
    },
    "card.title": {"de": "Kundenkarte", "en": "Customer card"},
    "card.addresses": {"de": "Adressen", "en": "Addresses"},
    "card.no_addresses": {"de": "Keine Adressen hinterlegt.", "en": "No addresses stored."},
    "card.birthday": {"de": "Geburtstag", "en": "Birthday"},
    "card.company": {"de": "Firma", "en": "Company"},
    "card.notes": {"de": "Notizen", "en": "Notes"},
    "card.tags": {"de": "Schlagworte", "en": "Tags"},
    "help.title": {"de": "Hilfe", "en": "Help"},
    "help.body": {
        "de": "advisor – wer ruft an, wie erreiche ich ihn, was wollte er?\n\n"
        "Die Regel: In der Liste sucht jeder getippte Buchstabe. Befehle liegen auf\n"
        "Strg- und F-Tasten, / und ?; sie gelten überall außer in Formularfeldern.\n"
        "Auf der Kundenkarte wirken Buchstaben auf die gewählte Adresse.\n"
        "Ein Anruf ändert nie, was die nächste Taste tut.\n\n"
        "tippen   suchen (Name, Firma, Nummer in jeder Schreibweise, E-Mail)\n"
        "/        zur Suche (von überall)     Esc   Suche leeren / zurück\n"
        "↑ ↓      in der Liste bewegen        Enter Kundenkarte öffnen\n"
        "Strg+O   nach einem Anruf: Anrufer öffnen oder anlegen\n"
        "F2       Anruf/Kontakt erfassen (Person der Liste, Karte oder letzter Anrufer)\n"
        "Strg+N   neue Person                 F6    Dubletten prüfen\n"
        "F3       Wiedervorlagen: d erledigt  z verschieben  Enter Karte\n"
        "F4       Eingang: Enter öffnet; c Vorschlag bestätigen  w Kandidat  n neuer Kunde\n"
        "Karte:   c bestätigen  x Fehlschlag  s ladungsfähig  m Dubletten\n"
        "         a/e/d Adresse neu/ändern/löschen\n"
        "         p Person bearbeiten  D oder Entf Person löschen\n"
        "Strg+P   Befehlspalette              ? F1  diese Hilfe\n"
        "Strg+Q   beenden (fragt bei laufendem Anruf oder offener Eingabe)\n\n"
        "Import, Export, Sicherung, DSGVO: advisor --help\n"
        "Daten: {database}",
        "en": "advisor – who is calling, how do I reach them, what did they want?\n\n"
        "The rule: on the list every letter you type searches. Commands are on\n"
        "Ctrl and F keys, / and ?; they work everywhere except in form fields.\n"
        "On a customer card, letters act on the selected address.\n"
        "A call never changes what the next key does.\n\n"
        "type     search (name, company, number in any notation, e-mail)\n"
        "/        to the search (from anywhere)  Esc  clear the search / back\n"
        "↑ ↓      move in the list               Enter open the customer card\n"
        "Ctrl+O   after a call: open or create the caller\n"
        "F2       log a call or contact (person on the list, card or last caller)\n"
        "Ctrl+N   new person                     F6   review duplicates\n"
        "F3       follow-ups: d done  z snooze  Enter card\n"
        "F4       inbox: Enter opens; c confirm suggestion  w candidate  n new customer\n"
        "Card:    c confirm  x failed  s serviceable  m duplicates\n"
        "         a/e/d add/edit/delete address\n"
        "         p edit person  D or Del delete person\n"
        "Ctrl+P   command palette                ? F1 this help\n"
        "Ctrl+Q   quit (asks during a call or with unsaved input)\n\n"
        "Import, export, backup, GDPR: advisor --help\n"
        "Data: {database}",
    },
    "help.close": {"de": "Esc oder ? schließt die Hilfe.", "en": "Esc or ? closes the help."},
    "help.keys_here": {"de": "Tasten auf dieser Seite:", "en": "Keys on this screen:"},
    "cmd.search": {"de": "Suchen", "en": "Search"},
    "cmd.help": {"de": "Hilfe anzeigen", "en": "Show help"},
    "cmd.quit": {"de": "advisor beenden", "en": "Quit advisor"},
    "cmd.customers": {"de": "Kundenliste", "en": "Customer list"},
    "cmd.help.about": {
        "de": "Tasten und Bedienung auf einen Blick",
        "en": "Keys and how to use advisor at a glance",
    },
    "cmd.quit.about": {"de": "Das Programm schließen", "en": "Close the program"},
    "cmd.theme": {"de": "Farbschema wechseln", "en": "Change theme"},
    "cmd.theme.about": {
        "de": "Ein anderes Farbschema für die Oberfläche wählen",
        "en": "Pick another colour theme for the interface",
    },
    "cmd.maximize": {"de": "Vergrößern", "en": "Maximize"},
    "cmd.maximize.about": {
        "de": "Das gewählte Element bildschirmfüllend zeigen",
        "en": "Show the focused element full screen",
    },
    "cmd.minimize": {"de": "Verkleinern", "en": "Minimize"},
    "cmd.minimize.about": {
        "de": "Zur normalen Ansicht zurückkehren",
        "en": "Return to the normal view",
    },
    "palette.search": {"de": "Befehl oder Name suchen …", "en": "Search commands or names…"},
    "palette.themes": {"de": "Farbschema suchen …", "en": "Search themes…"},
    "card.requests": {"de": "Offene Eingänge", "en": "Open requests"},
    "card.followups": {"de": "Wiedervorlagen", "en": "Follow-ups"},
    "card.interactions": {"de": "Letzte Kontakte", "en": "Recent contacts"},
    "card.none": {"de": "–", "en": "–"},
    "card.overdue": {"de": "überfällig", "en": "overdue"},
    "card.why": {"de": "Warum:", "en": "Why:"},
    "card.col.score": {"de": "Stabilität", "en": "Stability"},
    "card.col.kind": {"de": "Art", "en": "Kind"},
    "card.col.scope": {"de": "Bereich", "en": "Scope"},
    "card.col.value": {"de": "Adresse", "en": "Address"},
    "card.flag.super": {"de": "Superkunde", "en": "super customer"},
    "card.flag.dissatisfied": {"de": "unzufrieden", "en": "dissatisfied"},
    "card.flag.payment": {"de": "Zahlungsprobleme", "en": "payment trouble"},
    "cmd.open_person": {"de": "Kundenkarte: {name}", "en": "Customer card: {name}"},
    "channel.sms": {"de": "SMS", "en": "SMS"},
    "channel.mms": {"de": "MMS", "en": "MMS"},
    "channel.email": {"de": "E-Mail", "en": "e-mail"},
    "channel.whatsapp": {"de": "WhatsApp", "en": "WhatsApp"},
    "channel.signal": {"de": "Signal", "en": "Signal"},
    "channel.facebook": {"de": "Facebook", "en": "Facebook"},
    "channel.x": {"de": "X", "en": "X"},
    "channel.linkedin": {"de": "LinkedIn", "en": "LinkedIn"},
    "channel.xing": {"de": "Xing", "en": "Xing"},
    "channel.phone": {"de": "Telefon", "en": "phone"},
    "channel.voicemail": {"de": "Mailbox", "en": "voicemail"},
    "channel.letter": {"de": "Brief", "en": "letter"},
    "channel.fax": {"de": "Fax", "en": "fax"},
    "followup.callback": {"de": "Rückruf", "en": "callback"},
    "followup.follow_up": {"de": "Wiedervorlage", "en": "follow-up"},
    "followup.complaint_deadline": {"de": "Beschwerdefrist", "en": "complaint deadline"},
    "followup.campaign_call": {"de": "Telefonaktion", "en": "campaign call"},
    "outcome.reached": {"de": "erreicht", "en": "reached"},
    "outcome.no_answer": {"de": "nicht erreicht", "en": "no answer"},
    "outcome.voicemail": {"de": "Mailbox", "en": "voicemail"},
    "outcome.wrong_number": {"de": "falsche Nummer", "en": "wrong number"},
    "outcome.busy": {"de": "besetzt", "en": "busy"},
    "outcome.sent": {"de": "gesendet", "en": "sent"},
    "outcome.bounced": {"de": "unzustellbar", "en": "bounced"},
    "outcome.returned": {"de": "zurückgekommen", "en": "returned"},
    "interaction.call": {"de": "Anruf", "en": "call"},
    "interaction.message": {"de": "Nachricht", "en": "message"},
    "interaction.email": {"de": "E-Mail", "en": "e-mail"},
    "interaction.meeting": {"de": "Termin", "en": "meeting"},
    "interaction.letter": {"de": "Brief", "en": "letter"},
    "db.bad_url": {"de": "Ungültige Datenbank-URL: {url}", "en": "Invalid database URL: {url}"},
    "db.is_directory": {
        "de": "{path} ist ein Ordner, keine Datenbankdatei.",
        "en": "{path} is a directory, not a database file.",
    },
    "db.no_permission": {
        "de": "Keine Berechtigung, {path} zu lesen und zu schreiben.",
        "en": "No permission to read and write {path}.",
    },
    "db.no_folder": {
        "de": "Der Ordner {path} existiert nicht.",
        "en": "The folder {path} does not exist.",
    },
    "db.not_folder": {"de": "{path} ist kein Ordner.", "en": "{path} is not a folder."},
    "db.cannot_create": {
        "de": "{path} kann nicht angelegt werden: {reason}.",
        "en": "Cannot create {path}: {reason}.",
    },
    "db.no_driver": {
        "de": "Der Datenbanktreiber {name} ist nicht installiert (uv sync --extra postgres).",
        "en": "The database driver {name} is not installed (uv sync --extra postgres).",
    },
    "db.unreadable": {
        "de": "{path} ist keine lesbare Datenbank.",
        "en": "{path} is not a readable database.",
    },
    "db.foreign": {
        "de": "{path} enthält Tabellen, die nicht von advisor stammen .",
        "en": "{path} holds tables that are not advisor's.",
    },
    "key.confirm": {"de": "Bestätigen", "en": "Confirm"},
    "key.fail": {"de": "Fehlschlag", "en": "Failed"},
    "key.serviceable": {"de": "Ladungsfähig", "en": "Serviceable"},
    "key.add": {"de": "Neu", "en": "Add"},
    "key.edit": {"de": "Ändern", "en": "Edit"},
    "key.delete": {"de": "Löschen", "en": "Delete"},
    "card.confirmed": {"de": "Adresse als gültig bestätigt.", "en": "Address confirmed."},
    "card.failed": {"de": "Fehlschlag vermerkt.", "en": "Failure recorded."},
    "card.serviceable_on": {
        "de": "Als ladungsfähig markiert.",
        "en": "Marked serviceable.",
    },
    "card.serviceable_off": {
        "de": "Nicht mehr als ladungsfähig markiert.",
        "en": "No longer marked serviceable.",
    },
    "card.serviceable_postal_only": {
        "de": "Ladungsfähig kann nur eine Postanschrift sein.",
        "en": "Only a postal address can be serviceable.",
    },
    "card.added": {"de": "Adresse hinzugefügt.", "en": "Address added."},
    "card.saved": {"de": "Adresse gespeichert.", "en": "Address saved."},
    "card.deleted": {"de": "Adresse gelöscht.", "en": "Address deleted."},
    "card.delete_question": {
        "de": "Adresse „{address}“ wirklich löschen?",
        "en": "Really delete the address '{address}'?",
    },
    "confirm.yes": {"de": "Ja", "en": "Yes"},
    "confirm.no": {"de": "Nein", "en": "No"},
    "confirm.yes_button": {"de": "Ja (j)", "en": "Yes (y)"},
    "confirm.no_button": {"de": "Nein (n)", "en": "No (n)"},
    "failure.question": {
        "de": "Was ist mit „{address}“ passiert?",
        "en": "What happened with '{address}'?",
    },
    "failure.bounced": {"de": "E-Mail unzustellbar (Bounce)", "en": "e-mail bounced"},
    "failure.wrong_number": {"de": "Falsche Nummer", "en": "wrong number"},
    "failure.returned_letter": {"de": "Brief kam zurück", "en": "letter returned"},
    "failure.unreachable": {"de": "Nicht erreichbar / abgemeldet", "en": "unreachable"},
    "form.add_address": {"de": "Neue Adresse", "en": "New address"},
    "form.edit_address": {"de": "Adresse ändern", "en": "Edit address"},
    "form.kind": {"de": "Art", "en": "Kind"},
    "form.scope": {"de": "Bereich", "en": "Scope"},
    "form.value": {
        "de": "Nummer / E-Mail / Anschrift / Kennung",
        "en": "Number / e-mail / address / handle",
    },
    "form.value_hint": {"de": "z. B. 0171 1234567", "en": "e.g. 0171 1234567"},
    "form.label": {"de": "Bezeichnung (optional)", "en": "Label (optional)"},
    "form.label_hint": {"de": "z. B. WhatsApp, Büro", "en": "e.g. WhatsApp, office"},
    "form.direct_dial": {"de": "Durchwahl im Betrieb", "en": "business direct dial"},
    "form.save": {"de": "Speichern", "en": "Save"},
    "form.cancel": {"de": "Abbrechen", "en": "Cancel"},
    "form.new_person": {"de": "Neue Person", "en": "New person"},
    "form.person_kind": {"de": "Art", "en": "Kind"},
    "form.salutation": {"de": "Anrede", "en": "Salutation"},
    "form.title": {"de": "Titel", "en": "Title"},
    "form.first_name": {"de": "Vorname", "en": "First name"},
    "form.last_name": {"de": "Nachname", "en": "Last name"},
    "form.company": {"de": "Firma", "en": "Company"},
    "form.birthday": {"de": "Geburtstag (optional)", "en": "Birthday (optional)"},
    "form.first_address": {"de": "Erste Adresse (optional)", "en": "First address (optional)"},
    "key.new_person": {"de": "Neue Person", "en": "New person"},
    "key.open_caller": {"de": "Anrufer öffnen", "en": "Open caller"},
    "person.created": {"de": "{name} angelegt.", "en": "{name} created."},
    "ring.title": {"de": "Anruf", "en": "Incoming call"},
    "ring.withheld": {"de": "Anruf mit unterdrückter Nummer", "en": "Call with withheld number"},
    "ring.missed": {
        "de": "Verpasster Anruf von {number}: {done}.",
        "en": "Missed call from {number}: {done}.",
    },
    "monitor.connected": {"de": "Anrufmonitor verbunden", "en": "call monitor connected"},
    "monitor.lost": {
        "de": "Anrufmonitor getrennt, neuer Versuch in {seconds} s",
        "en": "call monitor lost, retrying in {seconds} s",
    },
    "db.newer": {
        "de": "{path} stammt von einer neueren advisor-Version (Schema {revision}); "
        "bitte advisor aktualisieren.",
        "en": "{path} was written by a newer advisor (schema {revision}); please update advisor.",
    },
    "record_changed": {
        "de": "Jemand hat diesen Eintrag inzwischen geändert; bitte neu laden und noch einmal.",
        "en": "Someone changed this record meanwhile; please reload and try again.",
    },
    # -- optimistic locking and storage (services.stale, storage) --
    "stale_write": {
        "de": "Geändert von {actor} um {time} – bitte neu laden.",
        "en": "Changed by {actor} at {time} – please reload.",
    },
    "stale_write.someone": {"de": "jemand anderem", "en": "someone else"},
}

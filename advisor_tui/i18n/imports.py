"""Texts of the imports area: import, export, duplicates and merging."""

from advisor_tui.i18n.plural import Plural, plural

TEXTS: dict[str, dict[str, str | Plural]] = {
    # commands and options
    "cli.cmd.import": {
        "de": "Kontakte aus vCard- (.vcf, vdir-Ordner) oder CSV-Dateien importieren",
        "en": "import contacts from vCard (.vcf, vdir folder) or CSV files",
    },
    "cli.cmd.export": {
        "de": "Kontakte als vCard 4.0, CSV oder JSON exportieren",
        "en": "export contacts as vCard 4.0, CSV or JSON",
    },
    "cli.cmd.duplicates": {
        "de": "wahrscheinliche Dubletten auflisten (gleiche Nummer, E-Mail oder Name+Geburtstag)",
        "en": "list likely duplicates (same number, e-mail or name+birthday)",
    },
    "import.opt.files": {
        "de": "vCard-Datei, vdir-Ordner oder CSV-Datei (Outlook, Google, generisch)",
        "en": "vCard file, vdir folder or CSV file (Outlook, Google, generic)",
    },
    "import.opt.dry_run": {
        "de": "nur zeigen, was geschähe; nichts speichern",
        "en": "only show what would happen; store nothing",
    },
    "import.opt.kind": {
        "de": "Art neuer Personen: customer, prospect oder former (Standard customer)",
        "en": "kind of new persons: customer, prospect or former (default customer)",
    },
    "export.opt.format": {"de": "Format: vcf, csv oder json", "en": "format: vcf, csv or json"},
    "export.opt.output": {
        "de": "Zieldatei (Standard: Standardausgabe)",
        "en": "output file (default: standard output)",
    },
    "export.opt.person": {
        "de": "nur diese Person (ID)",
        "en": "only this person (ID)",
    },
    # import report
    "import.progress": {"de": "Kontakte werden importiert", "en": "Importing contacts"},
    "import.summary": {
        "de": "{created} angelegt, {merged} zusammengeführt, {unchanged} unverändert, "
        "{review} zu prüfen, {rejected} abgelehnt "
        "(neue Adressen: {addresses_added}, {seconds:.1f} s).",
        "en": "{created} created, {merged} merged, {unchanged} unchanged, {review} to review, "
        "{rejected} rejected (new addresses: {addresses_added}, {seconds:.1f} s).",
    },
    "import.dry_run": {
        "de": "Probelauf: nichts wurde gespeichert.",
        "en": "Dry run: nothing was stored.",
    },
    "import.rejected_line": {"de": "{file}:{line}: {reason}", "en": "{file}:{line}: {reason}"},
    "import.rejected_file": {"de": "{file}: {reason}", "en": "{file}: {reason}"},
    "import.review_line": {
        "de": "{file}:{line}: neu angelegt als #{person_id}, bitte prüfen gegen {existing} "
        "({conflicts})",
        "en": "{file}:{line}: created as #{person_id}, please check against {existing} "
        "({conflicts})",
    },
    "import.review_hint": {
        "de": "Zu prüfende Paare zeigt auch „advisor duplicates“.",
        "en": "Pairs to review are also listed by “advisor duplicates”.",
    },
    "import.conflict.name": {"de": "Name weicht ab", "en": "name differs"},
    "import.conflict.birthday": {"de": "Geburtstag weicht ab", "en": "birthday differs"},
    # why a record was rejected
    "import.err.no_end": {
        "de": "vCard ohne END:VCARD (abgebrochene Karte)",
        "en": "vCard without END:VCARD (truncated card)",
    },
    "import.err.outside_card": {
        "de": "Text außerhalb einer vCard",
        "en": "text outside of a vCard",
    },
    "import.err.bad_line": {
        "de": "Zeile nicht lesbar: {detail}",
        "en": "unreadable line: {detail}",
    },
    "import.err.no_name": {
        "de": "weder Name noch Firma angegeben",
        "en": "neither a name nor a company given",
    },
    "import.err.unknown_columns": {
        "de": "Spaltenüberschriften nicht erkannt ({columns}); siehe docs/import-mapping.md",
        "en": "column headers not recognised ({columns}); see docs/import-mapping.md",
    },
    "import.err.csv_broken": {"de": "CSV fehlerhaft: {detail}", "en": "broken CSV: {detail}"},
    "import.err.csv_columns": {
        "de": "{found} Spalten statt {expected} (Trennzeichen oder Anführungszeichen falsch?)",
        "en": "{found} columns instead of {expected} (wrong separator or quotes?)",
    },
    "import.err.empty_folder": {
        "de": "Ordner enthält keine .vcf-Dateien",
        "en": "folder holds no .vcf files",
    },
    "import.err.not_found": {"de": "Datei nicht gefunden", "en": "file not found"},
    "import.err.unreadable": {
        "de": "Datei nicht lesbar: {detail}",
        "en": "file not readable: {detail}",
    },
    "import.err.no_records": {
        "de": "keine Kontakte in der Datei",
        "en": "no contacts in the file",
    },
    "import.err.unexpected": {
        "de": "unerwarteter Fehler beim Lesen: {detail}",
        "en": "unexpected error while reading: {detail}",
    },
    "import.err.person_kind": {
        "de": "unbekannte Personenart „{kind}“ (customer, prospect, former)",
        "en": "unknown person kind “{kind}” (customer, prospect, former)",
    },
    # export
    "export.done": {
        "de": plural(
            "1 Person nach {path} exportiert.", "{count} Personen nach {path} exportiert."
        ),
        "en": plural("Exported 1 person to {path}.", "Exported {count} persons to {path}."),
    },
    "export.bad_format": {
        "de": "Unbekanntes Exportformat {format} (vcf, csv, json).",
        "en": "Unknown export format {format} (vcf, csv, json).",
    },
    "export.cannot_write": {
        "de": "{path} kann nicht geschrieben werden: {detail}.",
        "en": "Cannot write {path}: {detail}.",
    },
    # duplicates and merging
    "duplicates.none": {
        "de": "Keine wahrscheinlichen Dubletten gefunden.",
        "en": "No likely duplicates found.",
    },
    "duplicates.count": {
        "de": plural(
            "1 wahrscheinliches Dubletten-Paar:", "{count} wahrscheinliche Dubletten-Paare:"
        ),
        "en": plural("1 likely duplicate pair:", "{count} likely duplicate pairs:"),
    },
    "duplicates.reason.phone": {"de": "gleiche Nummer {value}", "en": "same number {value}"},
    "duplicates.reason.email": {"de": "gleiche E-Mail {value}", "en": "same e-mail {value}"},
    "duplicates.reason.name_birthday": {
        "de": "gleicher Name und Geburtstag",
        "en": "same name and birthday",
    },
    "duplicates.col.pair": {"de": "Personen", "en": "Persons"},
    "duplicates.col.reasons": {"de": "Gründe", "en": "Reasons"},
    "duplicates.col.conflicts": {"de": "Widersprüche", "en": "Conflicts"},
    "merge.same_person": {
        "de": "Eine Person kann nicht mit sich selbst zusammengeführt werden.",
        "en": "A person cannot be merged with itself.",
    },
    "merge.bad_choice": {
        "de": "Für {field} bitte „keep“ oder „other“ wählen.",
        "en": "Please choose “keep” or “other” for {field}.",
    },
    "merge.changed": {
        "de": "Eine der Personen wurde inzwischen geändert; bitte neu laden.",
        "en": "One of the persons was changed meanwhile; please reload.",
    },
    # duplicates and merge screens (TUI)
    "dupes.title": {
        "de": "Wahrscheinliche Dubletten (Paare: {count})",
        "en": "Likely duplicates (pairs: {count})",
    },
    "dupes.title_person": {
        "de": "Wahrscheinliche Dubletten dieser Person (Paare: {count})",
        "en": "Likely duplicates of this person (pairs: {count})",
    },
    "dupes.loading": {"de": "Dubletten werden gesucht …", "en": "Looking for duplicates …"},
    "dupes.empty": {
        "de": "Keine wahrscheinlichen Dubletten: keine zwei Personen teilen eine Mobilnummer, "
        "eine E-Mail-Adresse oder Name und Geburtstag.",
        "en": "No likely duplicates: no two persons share a mobile number, an e-mail address "
        "or name and birthday.",
    },
    "dupes.hint": {
        "de": "Enter öffnet das Paar zum Zusammenführen · Esc zurück",
        "en": "Enter opens the pair for merging · Esc goes back",
    },
    "dupes.none_for_person": {
        "de": "Für diese Person sind keine Dubletten bekannt.",
        "en": "No duplicates of this person are known.",
    },
    "dupes.col.first": {"de": "Person 1", "en": "Person 1"},
    "dupes.col.second": {"de": "Person 2", "en": "Person 2"},
    "dupes.key.merge": {"de": "Zusammenführen", "en": "Merge"},
    "dupes.key.reload": {"de": "Neu laden", "en": "Reload"},
    "dupes.key.open": {"de": "Dubletten", "en": "Duplicates"},
    "dupes.cmd": {"de": "Dubletten prüfen", "en": "Review duplicates"},
    "merge.key.card": {"de": "Dubletten", "en": "Duplicates"},
    "merge.key.left": {"de": "Links wählen", "en": "Pick left"},
    "merge.key.right": {"de": "Rechts wählen", "en": "Pick right"},
    "merge.key.cancel": {"de": "Abbrechen", "en": "Cancel"},
    "merge.key.merge": {"de": "Zusammenführen", "en": "Merge"},
    "merge.key.swap": {"de": "Tauschen", "en": "Swap"},
    "merge.loading": {"de": "Personen werden geladen …", "en": "Loading the persons …"},
    "merge.head": {
        "de": plural(
            "[b]{stays}[/b] (#{stays_id}) bleibt, [b]{goes}[/b] (#{goes_id}) wird entfernt "
            "(t tauscht). {count} Feld unterscheidet sich (≠): ↑↓ wählt das Feld, ←→ oder 1/2 "
            "den Wert; bei Notizen und Schlagworten steht in der Mitte „beide“.",
            "[b]{stays}[/b] (#{stays_id}) bleibt, [b]{goes}[/b] (#{goes_id}) wird entfernt "
            "(t tauscht). {count} Felder unterscheiden sich (≠): ↑↓ wählt das Feld, ←→ oder 1/2 "
            "den Wert; bei Notizen und Schlagworten steht in der Mitte „beide“.",
        ),
        "en": plural(
            "[b]{stays}[/b] (#{stays_id}) stays, [b]{goes}[/b] (#{goes_id}) is removed "
            "(t swaps). {count} field differs (≠): ↑↓ picks the field, ←→ or 1/2 the value; "
            "for notes and tags the middle position is “both”.",
            "[b]{stays}[/b] (#{stays_id}) stays, [b]{goes}[/b] (#{goes_id}) is removed "
            "(t swaps). {count} fields differ (≠): ↑↓ picks the field, ←→ or 1/2 the value; "
            "for notes and tags the middle position is “both”.",
        ),
    },
    "merge.col.field": {"de": "Feld", "en": "Field"},
    "merge.stays": {"de": "bleibt", "en": "stays"},
    "merge.goes": {"de": "wird entfernt", "en": "is removed"},
    "merge.yes": {"de": "ja", "en": "yes"},
    "merge.no": {"de": "nein", "en": "no"},
    "merge.field.salutation": {"de": "Anrede", "en": "Salutation"},
    "merge.field.title": {"de": "Titel", "en": "Title"},
    "merge.field.first_name": {"de": "Vorname", "en": "First name"},
    "merge.field.last_name": {"de": "Nachname", "en": "Last name"},
    "merge.field.company": {"de": "Firma", "en": "Company"},
    "merge.field.birthday": {"de": "Geburtstag", "en": "Birthday"},
    "merge.field.kind": {"de": "Art", "en": "Kind"},
    "merge.field.notes": {"de": "Notizen", "en": "Notes"},
    "merge.field.tags": {"de": "Schlagworte", "en": "Tags"},
    "merge.field.is_super_customer": {"de": "Superkunde", "en": "Super customer"},
    "merge.field.is_dissatisfied": {"de": "Unzufrieden", "en": "Dissatisfied"},
    "merge.field.has_payment_trouble": {"de": "Zahlungsprobleme", "en": "Payment trouble"},
    "merge.addresses_kept": {
        "de": "Adressen: alle Adressen beider Personen bleiben erhalten "
        "(doppelte werden zu einer zusammengelegt).",
        "en": "Addresses: all addresses of both persons are kept (duplicates become one).",
    },
    "merge.addresses_of": {"de": "{name} (#{id})", "en": "{name} (#{id})"},
    "merge.no_addresses": {"de": "keine Adressen", "en": "no addresses"},
    "merge.button": {"de": "Zusammenführen (Strg+S)", "en": "Merge (Ctrl+S)"},
    "merge.cancel_button": {"de": "Abbrechen (Esc)", "en": "Cancel (Esc)"},
    "merge.question": {
        "de": "{goes} (#{goes_id}) wird entfernt; Adressen, Kontakte und Wiedervorlagen gehen "
        "an {stays} (#{stays_id}) über. Zusammenführen?",
        "en": "{goes} (#{goes_id}) will be removed; addresses, interactions and follow-ups "
        "go to {stays} (#{stays_id}). Merge?",
    },
    "merge.done": {"de": "Zusammengeführt: {name}.", "en": "Merged: {name}."},
}

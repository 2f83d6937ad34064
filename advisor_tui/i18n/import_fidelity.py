"""Texts of import fidelity: lines skipped inside a card, nameless cards, CSV damage."""

from advisor_tui.i18n.plural import Plural

TEXTS: dict[str, dict[str, str | Plural]] = {
    # a line left out of a card that was imported
    "import.skip.comment": {
        "de": "Kommentarzeile übersprungen (Karte importiert)",
        "en": "comment line skipped (card imported)",
    },
    "import.skip.bad_line": {
        "de": "Zeile nicht lesbar, übersprungen (Karte importiert): {text}",
        "en": "unreadable line skipped (card imported): {text}",
    },
    # a card or row without any name
    "import.note.name_from_address": {
        "de": "ohne Namen: angelegt als „{name}“, markiert mit „{tag}“",
        "en": "no name: created as “{name}”, tagged “{tag}”",
    },
    "import.tag.name_review": {"de": "Name prüfen", "en": "check name"},
    # CSV
    "import.err.no_name_column": {
        "de": "keine Namensspalte (Vorname, Nachname, Firma oder Name); erkannt: {columns}",
        "en": "no name column (First Name, Last Name, Company or Name); recognised: {columns}",
    },
    "import.err.csv_quote": {
        "de": "ein Anführungszeichen in dieser Zeile wird nie geschlossen; die Zeile ist nicht "
        "importiert, die folgenden Zeilen schon",
        "en": "a quote in this row is never closed; the row is not imported, the rows after it are",
    },
}

"""Texts of the search area: `advisor who`, `advisor search` and match labels."""

TEXTS: dict[str, dict[str, str]] = {
    "who.cmd.help": {
        "de": "Wer ist das? Person zu einer Telefonnummer oder E-Mail-Adresse finden",
        "en": "who is this? find the person behind a phone number or e-mail address",
    },
    "who.opt.sender": {
        "de": "Telefonnummer in beliebiger Schreibweise, Endziffern (mind. 4) oder E-Mail",
        "en": "phone number in any notation, its last digits (at least 4) or an e-mail",
    },
    "who.bad_input": {
        "de": "„{query}“ ist weder eine Telefonnummer (mindestens 4 Ziffern) noch eine "
        "E-Mail-Adresse.",
        "en": "'{query}' is neither a phone number (at least 4 digits) nor an e-mail address.",
    },
    "who.not_found": {
        "de": "Zu {query} ist niemand bekannt.",
        "en": "Nobody is known for {query}.",
    },
    "who.suffix_note": {
        "de": "Nur die Endziffern stimmen überein: das sind Vorschläge, keine Gewissheit.",
        "en": "Only the last digits match: these are suggestions, not certainties.",
    },
    "who.shared_note": {
        "de": "Mehrere Personen teilen sich diese Adresse.",
        "en": "Several persons share this address.",
    },
    "search.cmd.help": {
        "de": "Personen suchen: Name, Firma, Telefon, E-Mail oder Notiz (auch Bruchstücke)",
        "en": "search persons: name, company, phone, e-mail or notes (fragments too)",
    },
    "search.opt.text": {"de": "Suchtext", "en": "text to search for"},
    "search.opt.limit": {
        "de": "höchstens N Treffer (Standard 50)",
        "en": "at most N hits (default 50)",
    },
    "search.bad_limit": {
        "de": "--limit muss zwischen 1 und 1000 liegen.",
        "en": "--limit must be between 1 and 1000.",
    },
    "search.empty_text": {
        "de": "Bitte einen Suchtext angeben.",
        "en": "Please give a text to search for.",
    },
    "search.not_found": {
        "de": "Keine Treffer für „{query}“.",
        "en": "No hits for '{query}'.",
    },
    "search.col.id": {"de": "Nr.", "en": "No."},
    "search.col.name": {"de": "Name", "en": "Name"},
    "search.col.kind": {"de": "Art", "en": "Kind"},
    "search.col.match": {"de": "Treffer", "en": "Match"},
    "search.col.addresses": {
        "de": "Erreichbar (beste zuerst)",
        "en": "Reach (best first)",
    },
    "search.more_addresses": {"de": "+ {count} weitere", "en": "+ {count} more"},
    "search.no_address": {"de": "keine Adresse", "en": "no address"},
    # how a person was found
    "search.match.exact": {"de": "genau", "en": "exact"},
    "search.match.suffix": {"de": "Endziffern?", "en": "last digits?"},
    "search.match.shared": {"de": "geteilt", "en": "shared"},
    "search.match.name": {"de": "Name", "en": "name"},
    "search.match.company": {"de": "Firma", "en": "company"},
    "search.match.email": {"de": "E-Mail", "en": "e-mail"},
    "search.match.phone": {"de": "Telefon", "en": "phone"},
    "search.match.notes": {"de": "Notiz", "en": "notes"},
}

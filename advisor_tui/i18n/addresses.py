"""Texts of the addresses area: stability reasons ("stab.") and address evidence ("evidence.")."""

TEXTS: dict[str, dict[str, str]] = {
    # --- reasons behind a stability score (domain.stability) ---------------------------
    "stab.invalid": {"de": "ungültig ({detail})", "en": "invalid ({detail})"},
    "stab.invalid_plain": {"de": "ungültig", "en": "invalid"},
    "stab.unknown_kind": {"de": "unbekannte Adressart {kind}", "en": "unknown address kind {kind}"},
    "stab.mobile_private": {"de": "private Mobilnummer", "en": "private mobile"},
    "stab.mobile_business": {"de": "geschäftliche Mobilnummer", "en": "business mobile"},
    "stab.messenger_private": {"de": "privater Messenger", "en": "private messenger"},
    "stab.messenger_business": {"de": "geschäftlicher Messenger", "en": "business messenger"},
    "stab.landline_private": {"de": "privates Festnetz", "en": "private landline"},
    "stab.landline_business": {
        "de": "Firmenzentrale (Festnetz)",
        "en": "business switchboard",
    },
    "stab.direct_dial": {
        "de": "Durchwahl im Büro – wechselt mit Stelle und Schreibtisch",
        "en": "business direct dial – changes with desk and job",
    },
    "stab.postal_private": {"de": "Privatanschrift", "en": "home address"},
    "stab.postal_business": {"de": "Geschäftsanschrift", "en": "business address"},
    "stab.social_private": {"de": "privates soziales Netzwerk", "en": "private social handle"},
    "stab.social_business": {
        "de": "berufliches Netzwerk (LinkedIn, Xing …)",
        "en": "business network (LinkedIn, Xing …)",
    },
    "stab.fax_private": {"de": "privates Fax", "en": "private fax"},
    "stab.fax_business": {"de": "Firmenfax", "en": "business fax"},
    "stab.email_private": {"de": "private E-Mail", "en": "private e-mail"},
    "stab.email_freemail": {
        "de": "Freemail-Adresse ({domain}) – zählt als privat",
        "en": "freemail address ({domain}) – counts as private",
    },
    "stab.email_name": {
        "de": "geschäftliche E-Mail mit eigenem Namen",
        "en": "name-based business e-mail",
    },
    "stab.email_first_name": {
        "de": "geschäftliche E-Mail mit Vornamen",
        "en": "business e-mail with first name",
    },
    "stab.email_business": {
        "de": "geschäftliche E-Mail, nicht namensbasiert",
        "en": "business e-mail, not name-based",
    },
    "stab.email_generic": {
        "de": "Sammelpostfach {local}@",
        "en": "generic mailbox {local}@",
    },
    "stab.serviceable": {"de": "ladungsfähig", "en": "serviceable (ladungsfähig)"},
    "stab.preferred": {"de": "bevorzugt", "en": "preferred"},
    "stab.reached": {"de": "zuletzt erreicht {ago}", "en": "reached {ago}"},
    "stab.confirmed": {"de": "bestätigt {ago}", "en": "confirmed {ago}"},
    "stab.serviceable_checked": {
        "de": "Ladungsfähigkeit geprüft {ago}",
        "en": "checked serviceable {ago}",
    },
    "stab.no_evidence": {"de": "seit {age} ohne Nachweis", "en": "no evidence for {age}"},
    "stab.no_new_evidence": {
        "de": "seit {age} kein neuer Nachweis",
        "en": "no new evidence for {age}",
    },
    "stab.failed.bounced": {"de": "unzustellbar am {date}", "en": "bounced {date}"},
    "stab.failed.wrong_number": {"de": "falsche Nummer am {date}", "en": "wrong number {date}"},
    "stab.failed.returned_letter": {
        "de": "Brief zurück am {date}",
        "en": "letter returned {date}",
    },
    "stab.failed.unreachable": {
        "de": "nicht erreichbar am {date}",
        "en": "unreachable {date}",
    },
    "stab.failed.other": {"de": "Fehlschlag am {date}", "en": "failed {date}"},
    "stab.same_number_wrong": {
        "de": "dieselbe Nummer am {date} als falsch markiert",
        "en": "same number marked wrong {date}",
    },
    "stab.failed_superseded": {
        "de": "{failure}, seitdem wieder bestätigt",
        "en": "{failure}, confirmed since",
    },
    "stab.ago": {"de": "vor {age}", "en": "{age} ago"},
    "stab.ago.today": {"de": "heute", "en": "today"},
    "stab.ago.yesterday": {"de": "gestern", "en": "yesterday"},
    # Durations in the dative ("vor 3 Wochen", "seit 4 Jahren").
    "stab.unit.day": {"de": "{n} Tag", "en": "{n} day"},
    "stab.unit.days": {"de": "{n} Tagen", "en": "{n} days"},
    "stab.unit.week": {"de": "{n} Woche", "en": "{n} week"},
    "stab.unit.weeks": {"de": "{n} Wochen", "en": "{n} weeks"},
    "stab.unit.month": {"de": "{n} Monat", "en": "{n} month"},
    "stab.unit.months": {"de": "{n} Monaten", "en": "{n} months"},
    "stab.unit.year": {"de": "{n} Jahr", "en": "{n} year"},
    "stab.unit.years": {"de": "{n} Jahren", "en": "{n} years"},
    # Labels for showing a ranking (card, CLI).
    "stab.score": {"de": "Stabilität", "en": "Stability"},
    "stab.hottest": {"de": "am besten erreichbar", "en": "hottest"},
    "stab.cold": {"de": "kalt", "en": "cold"},
    "stab.reasons": {"de": "Gründe", "en": "Reasons"},
    # --- evidence on an address (services.persons.evidence) -----------------------------------
    "evidence.kind.bounced": {"de": "unzustellbar (Bounce)", "en": "bounced"},
    "evidence.kind.wrong_number": {"de": "falsche Nummer", "en": "wrong number"},
    "evidence.kind.returned_letter": {"de": "Brief zurück", "en": "returned letter"},
    "evidence.kind.unreachable": {"de": "nicht erreichbar", "en": "unreachable"},
    "evidence.confirmed": {
        "de": "Adresse als gültig bestätigt.",
        "en": "Address confirmed as still valid.",
    },
    "evidence.failed": {
        "de": "Adresse als fehlgeschlagen markiert: {kind}.",
        "en": "Address marked failed: {kind}.",
    },
    "evidence.serviceable": {
        "de": "Anschrift als ladungsfähig markiert.",
        "en": "Address marked serviceable (ladungsfähig).",
    },
    "evidence.not_serviceable": {
        "de": "Markierung „ladungsfähig“ entfernt.",
        "en": "Serviceable mark removed.",
    },
    "evidence.success": {
        "de": "Erreicht – als Nachweis gespeichert.",
        "en": "Reached – recorded as evidence.",
    },
    "evidence.deleted": {"de": "Adresse gelöscht.", "en": "Address deleted."},
    "evidence.delete_confirm": {
        "de": "Adresse „{value}“ wirklich löschen?",
        "en": "Really delete the address '{value}'?",
    },
    "evidence.invalid_failure_kind": {
        "de": "Unbekannte Fehlerart „{kind}“ (bounced, wrong_number, returned_letter, "
        "unreachable).",
        "en": "Unknown failure kind '{kind}' (bounced, wrong_number, returned_letter, "
        "unreachable).",
    },
    "evidence.unfit_failure_kind": {
        "de": "Diese Fehlerart passt nicht zu dieser Adresse.",
        "en": "That kind of failure cannot happen to this address.",
    },
    "evidence.not_postal": {
        "de": "Nur eine Postanschrift kann ladungsfähig sein.",
        "en": "Only a postal address can be serviceable.",
    },
    "evidence.invalid_outcome": {
        "de": "Unbekanntes Ergebnis „{outcome}“.",
        "en": "Unknown outcome '{outcome}'.",
    },
    "evidence.stale": {
        "de": "Die Adresse wurde inzwischen anderswo geändert; bitte neu laden.",
        "en": "The address was changed elsewhere in the meantime; please reload.",
    },
}

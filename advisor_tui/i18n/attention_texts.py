"""Texts of attention flags: setting and clearing them, suggestions, the attention view."""

from advisor_tui.i18n.plural import Plural, plural

TEXTS: dict[str, dict[str, str | Plural]] = {
    "attention.err.unknown_flag": {
        "de": "Unbekannte Markierung „{flag}“ (super, dissatisfied, payment).",
        "en": "Unknown flag '{flag}' (super, dissatisfied, payment).",
    },
    "attention.err.reason_required": {
        "de": "Bitte einen Grund angeben.",
        "en": "Please give a reason.",
    },
    "attention.err.already_set": {
        "de": "Diese Markierung ist schon gesetzt.",
        "en": "This flag is already set.",
    },
    "attention.err.not_set": {
        "de": "Diese Markierung ist nicht gesetzt.",
        "en": "This flag is not set.",
    },
    "attention.err.plan_required": {
        "de": "Zahlungsschwierigkeiten brauchen einen Betreuungsplan: nächster Schritt und "
        "Wiedervorlage-Datum.",
        "en": "Payment trouble needs a coaching plan: next step and follow-up date.",
    },
    "attention.err.self_recommendation": {
        "de": "Eine Person kann sich nicht selbst empfehlen.",
        "en": "A person cannot recommend themselves.",
    },
    "attention.title": {"de": "Braucht Aufmerksamkeit", "en": "Needs attention"},
    "attention.title.long": {
        "de": "Braucht Aufmerksamkeit: Unzufriedene (Überfälliges zuerst), Zahlungsprobleme, "
        "Superkunden ohne Kontakt seit {weeks} Wochen, Vorschläge",
        "en": "Needs attention: dissatisfied (overdue first), payment trouble, super "
        "customers not contacted for {weeks} weeks, suggestions",
    },
    "attention.empty": {
        "de": "Niemand braucht gerade besondere Aufmerksamkeit.",
        "en": "Nobody needs special attention right now.",
    },
    "attention.cmd": {"de": "Braucht Aufmerksamkeit", "en": "Needs attention"},
    "attention.key": {"de": "Aufmerksamkeit", "en": "Attention"},
    "attention.key.open": {"de": "Karte", "en": "Card"},
    "attention.key.accept": {"de": "Vorschlag annehmen", "en": "Accept suggestion"},
    "attention.key.set": {"de": "Markieren", "en": "Set flag"},
    "attention.key.clear": {"de": "Markierung weg", "en": "Clear flag"},
    "attention.col.person": {"de": "Person", "en": "Person"},
    "attention.col.number": {"de": "Nummer", "en": "Number"},
    "attention.col.why": {"de": "Warum", "en": "Why"},
    "attention.col.when": {"de": "Wann", "en": "When"},
    "attention.section.dissatisfied": {"de": "Unzufrieden", "en": "Dissatisfied"},
    "attention.section.payment": {"de": "Zahlungsprobleme", "en": "Payment trouble"},
    "attention.section.super": {"de": "Stille Superkunden", "en": "Quiet super customers"},
    "attention.section.suggested": {"de": "Vorschläge", "en": "Suggestions"},
    "attention.suggest": {"de": "{flag}?", "en": "{flag}?"},
    "attention.reason.orders": {
        "de": plural("{count} Auftrag", "{count} Aufträge"),
        "en": plural("{count} order", "{count} orders"),
    },
    "attention.reason.recommendations": {
        "de": plural("{count} Empfehlung", "{count} Empfehlungen"),
        "en": plural("{count} recommendation", "{count} recommendations"),
    },
    "attention.reason.reached_share": {
        "de": plural("{count} % der Anrufe erreicht", "{count} % der Anrufe erreicht"),
        "en": plural("{count}% of calls reached", "{count}% of calls reached"),
    },
    "attention.reason.open_complaint": {
        "de": plural("{count} offene Beschwerde", "{count} offene Beschwerden"),
        "en": plural("{count} open complaint", "{count} open complaints"),
    },
    "attention.reason.repeated_complaints": {
        "de": plural("{count} Beschwerde in 90 Tagen", "{count} Beschwerden in 90 Tagen"),
        "en": plural("{count} complaint in 90 days", "{count} complaints in 90 days"),
    },
    "attention.reason.overdue_request": {
        "de": plural("{count} Eingang überfällig", "{count} Eingänge überfällig"),
        "en": plural("{count} request overdue", "{count} requests overdue"),
    },
    "attention.set.title": {"de": "Markierung setzen: {name}", "en": "Set a flag: {name}"},
    "attention.clear.title": {
        "de": "Markierung entfernen: {name}",
        "en": "Clear a flag: {name}",
    },
    "attention.form.flag": {"de": "Markierung", "en": "Flag"},
    "attention.form.reason": {"de": "Grund", "en": "Reason"},
    "attention.form.at": {"de": "Gilt ab (leer: jetzt)", "en": "Applies from (empty: now)"},
    "attention.form.next_step": {
        "de": "Betreuungsplan: nächster Schritt",
        "en": "Coaching plan: next step",
    },
    "attention.form.follow_up": {"de": "Wiedervorlage am", "en": "Follow-up on"},
    "attention.form.date_hint": {"de": "TT.MM.JJJJ", "en": "DD.MM.YYYY"},
    "attention.err.date": {
        "de": "„{text}“ ist kein Datum: bitte als TT.MM.JJJJ angeben.",
        "en": "'{text}' is no date: please give it as DD.MM.YYYY.",
    },
    "attention.no_suggestion": {
        "de": "Diese Zeile ist kein Vorschlag.",
        "en": "This row is no suggestion.",
    },
    "attention.saved": {"de": "{flag} gesetzt: {name}", "en": "{flag} set: {name}"},
    "attention.cleared": {"de": "{flag} entfernt: {name}", "en": "{flag} cleared: {name}"},
    "gdpr.section.flag_events": {"de": "Markierungen (Verlauf)", "en": "Flags (history)"},
    "attention.count": {
        "de": plural(
            "{count} Person braucht Aufmerksamkeit", "{count} Personen brauchen Aufmerksamkeit"
        ),
        "en": plural("{count} person needs attention", "{count} persons need attention"),
    },
}

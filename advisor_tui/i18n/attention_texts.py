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
    "gdpr.section.flag_events": {"de": "Markierungen (Verlauf)", "en": "Flags (history)"},
    "attention.count": {
        "de": plural(
            "{count} Person braucht Aufmerksamkeit", "{count} Personen brauchen Aufmerksamkeit"
        ),
        "en": plural("{count} person needs attention", "{count} persons need attention"),
    },
}

"""Texts of the ring pop-up that knows the caller, and its chooser for shared numbers."""

from advisor_tui.i18n.plural import Plural, plural

TEXTS: dict[str, dict[str, str | Plural]] = {
    "ringctx.today": {"de": "heute {time}", "en": "today {time}"},
    "ringctx.callback": {
        "de": "Rückruf versprochen: {when} ({calls})",
        "en": "Callback promised: {when} ({calls})",
    },
    "ringctx.calls": {
        "de": plural("{count} Anruf", "{count} Anrufe"),
        "en": plural("{count} call", "{count} calls"),
    },
    "ringctx.open_requests": {
        "de": plural("{count} offener Eingang", "{count} offene Eingänge"),
        "en": plural("{count} open request", "{count} open requests"),
    },
    "ringctx.last_contact": {
        "de": "Letzter Kontakt {date} ({kind})",
        "en": "Last contact {date} ({kind})",
    },
    "ringctx.opens_card": {
        "de": "{shortcut} öffnet die Kundenkarte",
        "en": "{shortcut} opens the card",
    },
    "ringctx.shared": {
        "de": "{number} gehört mehreren: {names}",
        "en": "{number} belongs to several: {names}",
    },
    "ringctx.choose": {"de": "{shortcut}: wählen", "en": "{shortcut}: choose"},
    "ringctx.unknown": {"de": "Unbekannter Anrufer {number}", "en": "Unknown caller {number}"},
    "ringctx.maybe": {
        "de": "Unbekannte Nummer {number} – vielleicht {name}?",
        "en": "Unknown number {number} – maybe {name}?",
    },
    "ringctx.wrote": {
        "de": "schrieb am {date} per {channel}: „{text}“",
        "en": "wrote on {date} by {channel}: “{text}”",
    },
    "ringctx.called": {"de": "rief am {date} an", "en": "called on {date}"},
    "ringctx.contacted": {
        "de": "meldete sich am {date} per {channel}",
        "en": "got in touch on {date} by {channel}",
    },
    "ringctx.creates": {
        "de": "{shortcut} legt einen Kunden an",
        "en": "{shortcut} creates a customer",
    },
    "ringctx.attached": {
        "de": plural("{count} früherer Eingang zugeordnet", "{count} frühere Eingänge zugeordnet"),
        "en": plural("{count} earlier request assigned", "{count} earlier requests assigned"),
    },
    "chooser.title": {
        "de": "Wer ruft an? Enter öffnet die Karte, Esc bricht ab.",
        "en": "Who is calling? Enter opens the card, Esc cancels.",
    },
    "chooser.key.cancel": {"de": "Abbrechen", "en": "Cancel"},
}

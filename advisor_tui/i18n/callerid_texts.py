"""Texts of caller ID for phones: `advisor who --name-only` and `advisor ring`."""

from advisor_tui.i18n.plural import Plural

TEXTS: dict[str, dict[str, str | Plural]] = {
    "who.opt.name_only": {
        "de": "nur eine Zeile für die Anruferanzeige eines Telefons ausgeben",
        "en": "print one line for a phone's caller display",
    },
    # "Thomas Müller · Müller & Söhne (Kunde)"
    "callerid.person": {"de": "{name} ({kind})", "en": "{name} ({kind})"},
    "callerid.callback_open": {"de": "Rückruf offen", "en": "callback open"},
    "callerid.shared": {
        "de": "{names} (gemeinsame Nummer)",
        "en": "{names} (shared number)",
    },
    "callerid.maybe": {"de": "{name}? (Endziffern)", "en": "{name}? (last digits)"},
    "ring.cmd.help": {
        "de": "einen Anruf melden: die laufende App zeigt den Anrufer, hier die Antwort von who",
        "en": "report a call: the running app pops up the caller; prints the who answer",
    },
    "ring.opt.number": {
        "de": "Rufnummer des Anrufers, wie das Telefon sie liefert",
        "en": "the caller's number as the phone gives it",
    },
}

"""Texts about birthdays typed by the user: why one was not taken."""

from advisor_tui.i18n.plural import Plural, plural

TEXTS: dict[str, dict[str, str | Plural]] = {
    "birthday.section": {"de": "Geburtstage", "en": "Birthdays"},
    "birthday.kind": {"de": "Geburtstag", "en": "birthday"},
    "birthday.on": {"de": "{date} ({age})", "en": "{date} ({age})"},
    "birthday.today": {"de": "heute ({age})", "en": "today ({age})"},
    "birthday.last_real": {
        "de": "Letzter echter Kontakt {when} ({what})",
        "en": "last real contact {when} ({what})",
    },
    "birthday.no_real": {"de": "noch kein echter Kontakt", "en": "no real contact yet"},
    "birthday.open": {
        "de": plural("{count} offener Punkt", "{count} offene Punkte"),
        "en": plural("{count} open item", "{count} open items"),
    },
    "birthday.due_heading": {
        "de": "Geburtstage der nächsten {days} Tage:",
        "en": "Birthdays in the next {days} days:",
    },
    "birthday.err.format": {
        "de": "„{text}“ ist kein Datum: bitte als TT.MM.JJJJ angeben.",
        "en": "'{text}' is no date: please give it as DD.MM.YYYY.",
    },
    "birthday.err.no_such_day": {
        "de": "Den {text} gibt es nicht.",
        "en": "There is no {text}.",
    },
    "birthday.err.in_future": {
        "de": "Der {text} liegt in der Zukunft.",
        "en": "{text} is in the future.",
    },
    "birthday.err.too_old": {
        "de": "Der {text} liegt mehr als {years} Jahre zurück.",
        "en": "{text} is more than {years} years ago.",
    },
    "birthday.err.no_year": {
        "de": "Zum Geburtstag {text} fehlt das Jahr.",
        "en": "The birthday {text} has no year.",
    },
}

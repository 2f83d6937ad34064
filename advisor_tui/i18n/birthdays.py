"""Texts about birthdays typed by the user: why one was not taken."""

TEXTS: dict[str, dict[str, str]] = {
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

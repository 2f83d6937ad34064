"""Texts of "stay in touch": the last contact in the list and on the card, `advisor stale`."""

from advisor_tui.i18n.plural import Plural, plural

TEXTS: dict[str, dict[str, str | Plural]] = {
    "touch.col.last_contact": {"de": "Letzter Kontakt", "en": "Last contact"},
    "touch.never_short": {"de": "–", "en": "–"},
    "touch.never": {"de": "nie", "en": "never"},
    "touch.card.last_contact": {
        "de": "Letzter Kontakt: {when} ({what})",
        "en": "Last contact: {when} ({what})",
    },
    "touch.cmd": {
        "de": plural(
            "Nicht kontaktiert seit {count} Woche", "Nicht kontaktiert seit {count} Wochen"
        ),
        "en": plural("Not contacted for {count} week", "Not contacted for {count} weeks"),
    },
    "touch.status": {
        "de": "{title}: {shown} von {total}",
        "en": "{title}: {shown} of {total}",
    },
    "stale.cmd.help": {
        "de": "Personen ohne Kontakt seit N Wochen, der älteste Kontakt zuerst",
        "en": "persons not contacted for N weeks, oldest contact first",
    },
    "stale.opt.weeks": {"de": "Anzahl Wochen", "en": "number of weeks"},
    "stale.opt.limit": {"de": "höchstens so viele Personen", "en": "at most this many persons"},
    "stale.bad_weeks": {
        "de": "Wochen: eine ganze Zahl ab 0 bitte, nicht {text!r}",
        "en": "weeks: a whole number from 0 please, not {text!r}",
    },
    "stale.none": {
        "de": plural(
            "Alle hatten in der letzten Woche Kontakt.",
            "Alle hatten in den letzten {count} Wochen Kontakt.",
        ),
        "en": plural(
            "Everyone was in touch within the last week.",
            "Everyone was in touch within the last {count} weeks.",
        ),
    },
    "stale.title": {
        "de": plural(
            "Nicht kontaktiert seit {count} Woche", "Nicht kontaktiert seit {count} Wochen"
        ),
        "en": plural("Not contacted for {count} week", "Not contacted for {count} weeks"),
    },
}

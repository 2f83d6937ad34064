"""Texts of the agenda (Wiedervorlagen): the screen, `advisor due`, start-up counts."""

from advisor_tui.i18n.plural import Plural, plural

TEXTS: dict[str, dict[str, str | Plural]] = {
    "key.agenda": {"de": "Wiedervorlagen", "en": "Follow-ups"},
    "agenda.title": {"de": "Wiedervorlagen", "en": "Follow-ups"},
    "agenda.section.overdue": {"de": "Überfällig", "en": "Overdue"},
    "agenda.section.today": {"de": "Heute", "en": "Today"},
    "agenda.section.upcoming": {"de": "Demnächst", "en": "Upcoming"},
    "agenda.col.due": {"de": "Fällig", "en": "Due"},
    "agenda.col.kind": {"de": "Art", "en": "Kind"},
    "agenda.col.person": {"de": "Person", "en": "Person"},
    "agenda.col.number": {"de": "Nummer", "en": "Number"},
    "agenda.col.reason": {"de": "Anlass", "en": "Reason"},
    "agenda.col.attempts": {"de": "Anrufe", "en": "Calls"},
    "agenda.snoozed_until": {"de": "verschoben bis {when}", "en": "snoozed until {when}"},
    "agenda.attempts": {
        "de": plural("{count} Anruf", "{count} Anrufe"),
        "en": plural("{count} call", "{count} calls"),
    },
    "agenda.empty": {
        "de": "Keine offenen Wiedervorlagen. Verpasste Anrufe bekannter Nummern erscheinen hier.",
        "en": "No open follow-ups. Missed calls from known numbers show up here.",
    },
    "agenda.none_in_section": {"de": "–", "en": "–"},
    "agenda.key.done": {"de": "erledigt", "en": "done"},
    "agenda.key.snooze": {"de": "verschieben", "en": "snooze"},
    "agenda.key.open": {"de": "Karte", "en": "card"},
    "agenda.done.question": {
        "de": "Erledigt: {what}\nNotiz (optional), Enter speichert, Esc bricht ab:",
        "en": "Done: {what}\nNote (optional), Enter saves, Esc cancels:",
    },
    "agenda.done.placeholder": {
        "de": "z. B. zurückgerufen, Termin vereinbart",
        "en": "e.g. called back, appointment made",
    },
    "agenda.done.saved": {"de": "Erledigt: {name}", "en": "Done: {name}"},
    "agenda.snooze.question": {"de": "Verschieben bis …", "en": "Snooze until …"},
    "agenda.snooze.hour": {"de": "1 Stunde ({when})", "en": "1 hour ({when})"},
    "agenda.snooze.tomorrow": {"de": "morgen ({when})", "en": "tomorrow ({when})"},
    "agenda.snooze.next_week": {"de": "nächste Woche ({when})", "en": "next week ({when})"},
    "agenda.snooze.date": {"de": "Datum …", "en": "a date …"},
    "agenda.snooze.date_question": {
        "de": "Datum (TT.MM.JJJJ, optional mit Uhrzeit HH:MM), Enter speichert:",
        "en": "Date (DD.MM.YYYY, optionally with a time HH:MM), Enter saves:",
    },
    "agenda.snooze.saved": {
        "de": "Verschoben bis {when}: {name}",
        "en": "Snoozed until {when}: {name}",
    },
    "agenda.err.bad_date": {
        "de": "„{text}“ ist kein Datum (z. B. 15.03.2027 oder 15.03.2027 14:30).",
        "en": "“{text}” is no date (e.g. 15.03.2027 or 2027-03-15 14:30).",
    },
    "agenda.err.done": {
        "de": "Diese Wiedervorlage ist schon erledigt.",
        "en": "This follow-up is done already.",
    },
    "agenda.err.snooze_past": {
        "de": "Verschieben geht nur in die Zukunft.",
        "en": "A follow-up can only be snoozed into the future.",
    },
    "agenda.err.not_found": {
        "de": "Diese Wiedervorlage gibt es nicht mehr.",
        "en": "This follow-up no longer exists.",
    },
    # Start-up: how many are waiting.
    "agenda.startup.overdue": {
        "de": plural("{count} Wiedervorlage überfällig", "{count} Wiedervorlagen überfällig"),
        "en": plural("{count} follow-up overdue", "{count} follow-ups overdue"),
    },
    "agenda.startup.today": {
        "de": plural("{count} heute fällig", "{count} heute fällig"),
        "en": plural("{count} due today", "{count} due today"),
    },
    "agenda.startup.today_only": {
        "de": plural("{count} Wiedervorlage heute fällig", "{count} Wiedervorlagen heute fällig"),
        "en": plural("{count} follow-up due today", "{count} follow-ups due today"),
    },
    "agenda.startup.hint": {"de": "{key}: Wiedervorlagen", "en": "{key}: follow-ups"},
    # The card: a snoozed follow-up, a callback for several calls.
    "card.followup.snoozed": {"de": "verschoben bis {when}", "en": "snoozed until {when}"},
    # advisor due
    "due.cmd.help": {
        "de": "offene Wiedervorlagen bis zu einem Datum (Überfällige immer)",
        "en": "open follow-ups up to a date (overdue ones always)",
    },
    "due.opt.until": {
        "de": "bis zu diesem Tag einschließlich (TT.MM.JJJJ oder JJJJ-MM-TT; Standard: heute)",
        "en": "up to and including this day (DD.MM.YYYY or YYYY-MM-DD; default: today)",
    },
    "due.bad_until": {
        "de": "--until: „{text}“ ist kein Datum (z. B. 15.03.2027 oder 2027-03-15).",
        "en": "--until: “{text}” is no date (e.g. 15.03.2027 or 2027-03-15).",
    },
    "due.none": {
        "de": "Keine offenen Wiedervorlagen bis {date}.",
        "en": "No open follow-ups until {date}.",
    },
    "due.overdue_mark": {"de": "überfällig", "en": "overdue"},
    "due.no_number": {"de": "keine Nummer", "en": "no number"},
}

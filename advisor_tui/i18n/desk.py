"""Texts of the keyboard model, quitting, worker errors and calls waiting for the database."""

from advisor_tui.i18n.plural import plural

TEXTS = {
    "error.title": {"de": "Fehler", "en": "Error"},
    "keyname.ctrl": {"de": "Strg", "en": "Ctrl"},
    "keyname.shift": {"de": "Umschalt", "en": "Shift"},
    "quit.call_active": {
        "de": "Gerade läuft ein Anruf. Trotzdem beenden?",
        "en": "A call is in progress. Quit anyway?",
    },
    "quit.unsaved": {
        "de": "Ein Formular enthält ungespeicherte Eingaben. Trotzdem beenden?",
        "en": "A form holds unsaved input. Quit anyway?",
    },
    "quit.pending_calls": {
        "de": "Noch nicht gespeicherte Anrufe (Datenbank belegt): {count}. "
        "Beim Beenden gehen sie verloren. Trotzdem beenden?",
        "en": "Calls not yet stored (database busy): {count}. Quitting loses them. Quit anyway?",
    },
    "quit.how": {"de": "Beenden mit {shortcut}.", "en": "Quit with {shortcut}."},
    "calls.waiting": {
        "de": plural(
            "Die Datenbank ist belegt; ein Anruf wartet aufs Speichern. Es wird weiter versucht.",
            "Die Datenbank ist belegt; {count} Anrufe warten aufs Speichern. "
            "Es wird weiter versucht.",
        ),
        "en": plural(
            "The database is busy; one call waits to be stored. Retrying.",
            "The database is busy; {count} calls wait to be stored. Retrying.",
        ),
    },
    "calls.waiting_done": {
        "de": "Alle wartenden Anrufe sind gespeichert.",
        "en": "All waiting calls are stored.",
    },
    "result.appointment": {"de": "Termin", "en": "appointment"},
    "result.callback_wanted": {"de": "Rückruf gewünscht", "en": "callback wanted"},
    "result.not_interested": {"de": "kein Interesse", "en": "not interested"},
    "result.order": {"de": "Auftrag", "en": "order"},
    "result.complaint": {"de": "Beschwerde", "en": "complaint"},
    "result.other": {"de": "Sonstiges", "en": "other"},
    "resolution.done": {"de": "erledigt", "en": "done"},
    "resolution.called_in": {"de": "hat angerufen", "en": "called in"},
    "resolution.reached": {"de": "erreicht", "en": "reached"},
    "resolution.wrote_in": {"de": "hat geschrieben", "en": "wrote in"},
    "resolution.closed_with_contact": {
        "de": "mit einem Kontakt erledigt",
        "en": "closed with a contact",
    },
}

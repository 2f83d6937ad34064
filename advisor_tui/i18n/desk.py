"""Texts of the keyboard model, quitting, worker errors and calls waiting for the database."""

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
        "de": "Die Datenbank ist belegt; Anrufe warten auf das Speichern: {count}. "
        "Es wird weiter versucht.",
        "en": "The database is busy; calls waiting to be stored: {count}. Retrying.",
    },
    "calls.waiting_done": {
        "de": "Alle wartenden Anrufe sind gespeichert.",
        "en": "All waiting calls are stored.",
    },
}

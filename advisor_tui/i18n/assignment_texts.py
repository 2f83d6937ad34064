"""Texts of handing follow-ups and requests to a colleague, and of "mine / all"."""

from advisor_tui.i18n.plural import Plural

TEXTS: dict[str, dict[str, str | Plural]] = {
    "assign.key": {"de": "zuweisen", "en": "assign"},
    "assign.key.mine": {"de": "meine/alle", "en": "mine/all"},
    "assign.question": {
        "de": "{what}\nWer bearbeitet das? Enter wählt, Esc bricht ab.",
        "en": "{what}\nWho handles it? Enter chooses, Esc cancels.",
    },
    "assign.now": {"de": "Jetzt: {name}", "en": "Now: {name}"},
    "assign.now_nobody": {"de": "Jetzt: niemand zugewiesen", "en": "Now: assigned to nobody"},
    "assign.me": {"de": "{name} (ich)", "en": "{name} (me)"},
    "assign.nobody": {"de": "– nicht zugewiesen –", "en": "– not assigned –"},
    "assign.other": {"de": "andere Person …", "en": "someone else …"},
    "assign.other_question": {
        "de": "Name des Kollegen (wie in seinem advisor_name), Enter speichert:",
        "en": "The colleague's name (as in their advisor_name), Enter saves:",
    },
    "assign.err.too_long": {
        "de": "Ein Name hat höchstens {max} Zeichen.",
        "en": "A name has at most {max} characters.",
    },
    "assign.saved": {"de": "Zugewiesen an {name} – {what}", "en": "Assigned to {name} – {what}"},
    "assign.saved_nobody": {
        "de": "Niemandem mehr zugewiesen – {what}",
        "en": "No longer assigned – {what}",
    },
    "assign.col": {"de": "Bearbeiter", "en": "Assignee"},
    "assign.marker": {"de": "→ {name}", "en": "→ {name}"},
    "assign.view.all": {"de": "alle", "en": "all"},
    "assign.view.mine": {
        "de": "meine ({name} und nicht zugewiesen)",
        "en": "mine ({name} and unassigned)",
    },
    "assign.view.title": {"de": "{title} – {view}", "en": "{title} – {view}"},
    "assign.request_line": {"de": "Bearbeiter: {name}", "en": "Assignee: {name}"},
    "assign.request_nobody": {
        "de": "Bearbeiter: niemand (Taste {key} weist zu)",
        "en": "Assignee: nobody ({key} assigns)",
    },
    "assign.request_what": {"de": "Eingang Nr. {id}: {who}", "en": "Request no. {id}: {who}"},
}

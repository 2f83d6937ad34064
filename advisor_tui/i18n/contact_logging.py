"""Texts of logging a contact by hand: the log modal (F2) and `advisor log-call`."""

from advisor_tui.i18n.plural import Plural, plural

TEXTS: dict[str, dict[str, str | Plural]] = {
    # Errors of services.contacts (ServiceError keys).
    "contact.err.channel": {
        "de": "Unbekannter Kanal: {channel}.",
        "en": "Unknown channel: {channel}.",
    },
    "contact.err.direction": {
        "de": "Unbekannte Richtung: {direction} (in oder out).",
        "en": "Unknown direction: {direction} (in or out).",
    },
    "contact.err.outcome": {
        "de": "Dieses Ergebnis passt nicht zu diesem Kontakt: {outcome}.",
        "en": "This outcome does not fit this contact: {outcome}.",
    },
    "contact.err.result": {
        "de": "Unbekanntes Geschäftsergebnis: {result}.",
        "en": "Unknown business result: {result}.",
    },
    "contact.err.duration": {
        "de": "Die Dauer muss zwischen 0 Sekunden und 24 Stunden liegen, nicht {seconds}.",
        "en": "The duration must be between 0 seconds and 24 hours, not {seconds}.",
    },
    "contact.err.duration_text": {
        "de": "Dauer als mm:ss oder Sekunden angeben, nicht „{text}“.",
        "en": "Give the duration as mm:ss or seconds, not “{text}”.",
    },
    "contact.err.address": {
        "de": "Die Adresse #{id} gehört nicht zu dieser Person.",
        "en": "Address #{id} does not belong to this person.",
    },
    "contact.err.followup": {
        "de": "Die Wiedervorlage #{id} ist nicht offen oder gehört nicht zu dieser Person.",
        "en": "Follow-up #{id} is not open or does not belong to this person.",
    },
    "contact.err.not_found": {
        "de": "Den Kontakt #{id} gibt es nicht.",
        "en": "There is no contact #{id}.",
    },
    "contact.err.when": {
        "de": "„{text}“ ist kein Zeitpunkt: 2h, morgen, 3d, 1w, 1m oder TT.MM.JJJJ [HH:MM].",
        "en": "“{text}” is no point in time: 2h, tomorrow, 3d, 1w, 1m or DD.MM.YYYY [HH:MM].",
    },
    "contact.err.when_past": {
        "de": "„{text}“ liegt in der Vergangenheit.",
        "en": "“{text}” is in the past.",
    },
    # The quick follow-up choices (services.contacts.when.CHOICE_KEYS).
    "contact.when.none": {"de": "keine", "en": "none"},
    "contact.when.in_2h": {"de": "in 2 Stunden", "en": "in 2 hours"},
    "contact.when.tomorrow": {"de": "morgen 9:00", "en": "tomorrow 9:00"},
    "contact.when.in_3d": {"de": "in 3 Tagen", "en": "in 3 days"},
    "contact.when.next_week": {"de": "nächste Woche", "en": "next week"},
    "contact.when.in_month": {"de": "in einem Monat", "en": "in a month"},
    # A meeting; other channels: `channel.*` (core); outcomes `outcome.*`; results `result.*`.
    "channel.in_person": {"de": "persönlich (Treffen)", "en": "in person (meeting)"},
    "contact.direction.out": {"de": "ausgehend", "en": "outgoing"},
    "contact.direction.in": {"de": "eingehend", "en": "incoming"},
    "contact.result.none": {"de": "kein Ergebnis", "en": "no result"},
    # The log modal.
    "key.log_contact": {"de": "Kontakt erfassen", "en": "Log contact"},
    "contact.title": {"de": "Kontakt mit {name}", "en": "Contact with {name}"},
    "contact.label.channel": {"de": "Kanal", "en": "Channel"},
    "contact.label.address": {"de": "Nummer/Adresse", "en": "Number/address"},
    "contact.label.direction": {"de": "Richtung", "en": "Direction"},
    "contact.label.duration": {"de": "Dauer (mm:ss)", "en": "Duration (mm:ss)"},
    "contact.label.outcome": {"de": "Ergebnis", "en": "Outcome"},
    "contact.label.result": {"de": "Geschäftsergebnis", "en": "Business result"},
    "contact.label.note": {"de": "Notiz", "en": "Note"},
    "contact.label.when": {"de": "Wiedervorlage", "en": "Follow-up"},
    "contact.label.when_custom": {"de": "oder Zeitpunkt", "en": "or when"},
    "contact.when.placeholder": {
        "de": "morgen, 3d, TT.MM.JJJJ HH:MM",
        "en": "tomorrow, 3d, DD.MM.YYYY HH:MM",
    },
    "contact.no_address": {"de": "(ohne Nummer/Adresse)", "en": "(no number/address)"},
    "contact.label.close": {"de": "Offene Wiedervorlagen schließen", "en": "Close open follow-ups"},
    "contact.close_item": {"de": "{kind}, fällig {due}", "en": "{kind}, due {due}"},
    "contact.pick_person": {
        "de": "Erst eine Person auswählen (Liste oder Karte), dann F2.",
        "en": "Select a person first (list or card), then F2.",
    },
    "contact.saved": {"de": "Kontakt mit {name} gespeichert.", "en": "Contact with {name} saved."},
    "contact.saved_followup": {
        "de": "Kontakt gespeichert, Wiedervorlage {due}.",
        "en": "Contact saved, follow-up {due}.",
    },
    "contact.closed": {
        "de": plural("{count} Wiedervorlage geschlossen.", "{count} Wiedervorlagen geschlossen."),
        "en": plural("{count} follow-up closed.", "{count} follow-ups closed."),
    },
    # advisor log-call
    "logcall.cmd.help": {
        "de": "einen Anruf erfassen (für Softphone-Skripte)",
        "en": "log a call (for softphone scripts)",
    },
    "logcall.opt.who": {
        "de": "Personennummer oder Rufnummer",
        "en": "person id or phone number",
    },
    "logcall.opt.outcome": {
        "de": "reached, no_answer, voicemail, busy oder wrong_number",
        "en": "reached, no_answer, voicemail, busy or wrong_number",
    },
    "logcall.opt.duration": {"de": "Dauer in Sekunden", "en": "duration in seconds"},
    "logcall.opt.note": {"de": "Notiz", "en": "note"},
    "logcall.opt.follow_up": {
        "de": "Wiedervorlage: 2h, morgen, 3d, 1w, 1m oder TT.MM.JJJJ [HH:MM]",
        "en": "follow-up: 2h, tomorrow, 3d, 1w, 1m or DD.MM.YYYY [HH:MM]",
    },
    "logcall.opt.result": {
        "de": "Geschäftsergebnis: appointment, callback_wanted, not_interested, order, "
        "complaint, other",
        "en": "business result: appointment, callback_wanted, not_interested, order, "
        "complaint, other",
    },
    "logcall.opt.direction": {"de": "Richtung: out oder in", "en": "direction: out or in"},
    "logcall.not_found": {
        "de": "Niemand gefunden zu „{query}“.",
        "en": "Nobody found for “{query}”.",
    },
    "logcall.shared": {
        "de": "Die Nummer {query} gehört mehreren Personen ({ids}): Personennummer angeben.",
        "en": "The number {query} belongs to several persons ({ids}): give the person id.",
    },
    "logcall.bad_value": {
        "de": "Ungültiger Wert für {option}: „{value}“ (möglich: {choices}).",
        "en": "Invalid value for {option}: “{value}” (choose from {choices}).",
    },
    "logcall.done": {
        "de": "Anruf mit {name} erfasst ({outcome}).",
        "en": "Call with {name} logged ({outcome}).",
    },
    "logcall.done_followup": {
        "de": "Wiedervorlage ({kind}) am {due}.",
        "en": "Follow-up ({kind}) on {due}.",
    },
    "followup.after_contact": {
        "de": "Nach {what} am {when}",
        "en": "After {what} on {when}",
    },
    # Correcting a logged contact's note (card key n); the audit keeps the old text.
    "note.key": {"de": "Notiz korr.", "en": "Fix note"},
    "note.none": {
        "de": "Noch kein Kontakt mit Notiz zum Korrigieren.",
        "en": "No logged contact whose note could be corrected yet.",
    },
    "note.choose.title": {
        "de": "Notiz welchen Kontakts korrigieren?",
        "en": "Correct the note of which contact?",
    },
    "note.edit.title": {"de": "Notiz zu {what}:", "en": "Note on {what}:"},
    "note.edit.placeholder": {"de": "Notiz", "en": "Note"},
    "note.edit.hint": {
        "de": "Enter speichert · Esc verwirft · der alte Text bleibt im Protokoll",
        "en": "Enter saves · Esc drops · the old text stays in the audit log",
    },
    "note.edit.drop": {"de": "Geänderte Notiz verwerfen?", "en": "Drop the changed note?"},
    "note.saved": {
        "de": "Notiz korrigiert (alter Text im Protokoll).",
        "en": "Note corrected (old text kept in the audit log).",
    },
    "contact.err.not_recorded": {
        "de": "Kontakt {id} ist kein aufgezeichneter Anruf dieser Person.",
        "en": "Contact {id} is not a recorded call with this person.",
    },
    "contact.recorded_call": {
        "de": (
            "Ergänzt den Anruf von {time} ({direction}, {duration}), "
            "den der Anrufmonitor aufgezeichnet hat."
        ),
        "en": "Completes the call at {time} ({direction}, {duration}) the call monitor recorded.",
    },
}

"""Texts of the calls area: the call monitor, missed calls, call logging."""

TEXTS: dict[str, dict[str, str]] = {
    # Generated rows (missed calls, logged calls) store facts, no sentences; these
    # render them in the reader's language (services.call_texts.entry_text).
    "calls.withheld": {"de": "Nummer unterdrückt", "en": "number withheld"},
    "calls.text.missed": {
        "de": "Verpasster Anruf von {number} um {time}",
        "en": "Missed call from {number} at {time}",
    },
    "calls.text.missed_withheld": {
        "de": "Verpasster Anruf mit unterdrückter Nummer um {time}",
        "en": "Missed call with the number withheld at {time}",
    },
    "calls.text.in": {
        "de": "Anruf von {number} um {time} ({duration})",
        "en": "Call from {number} at {time} ({duration})",
    },
    "calls.text.out": {
        "de": "Anruf an {number} um {time} ({duration})",
        "en": "Call to {number} at {time} ({duration})",
    },
    "calls.text.out_not_reached": {
        "de": "Anruf an {number} um {time}, nicht angenommen",
        "en": "Call to {number} at {time}, not answered",
    },
    "calls.text.label": {"de": "Beschreibung", "en": "Description"},
    # One human line per event (advisor callmonitor, notifications).
    "calls.who.unknown": {"de": "unbekannt", "en": "unknown"},
    "calls.who.shared": {
        "de": "gemeinsame Nummer: {names}",
        "en": "shared number: {names}",
    },
    "calls.who.suffix": {
        "de": "Vorschlag: {names} (Endziffern)",
        "en": "maybe {names} (last digits)",
    },
    "calls.line.ring": {"de": "Anruf von {number} – {who}", "en": "Call from {number} – {who}"},
    "calls.line.connected_in": {
        "de": "Angenommen: {number} – {who}",
        "en": "Answered: {number} – {who}",
    },
    "calls.line.connected_out": {
        "de": "Verbunden: {number} – {who}",
        "en": "Connected: {number} – {who}",
    },
    "calls.line.outgoing": {
        "de": "Ausgehender Anruf an {number} – {who}",
        "en": "Outgoing call to {number} – {who}",
    },
    "calls.line.missed": {
        "de": "Verpasster Anruf von {number} – {who}",
        "en": "Missed call from {number} – {who}",
    },
    "calls.line.answered": {
        "de": "Gespräch mit {number} beendet ({duration}) – {who}",
        "en": "Call with {number} ended ({duration}) – {who}",
    },
    "calls.line.outgoing_ended": {
        "de": "Anruf an {number} beendet ({duration}) – {who}",
        "en": "Call to {number} ended ({duration}) – {who}",
    },
    "calls.line.not_reached": {
        "de": "Anruf an {number} nicht angenommen – {who}",
        "en": "Call to {number} not answered – {who}",
    },
    "calls.done.followups": {
        "de": "Rückruf-Wiedervorlage angelegt",
        "en": "callback follow-up created",
    },
    "calls.done.inbox": {"de": "in den Eingang gelegt", "en": "put into the inbox"},
    "calls.done.already": {"de": "bereits erfasst", "en": "already recorded"},
    "calls.done.logged": {"de": "protokolliert", "en": "logged"},
    # advisor callmonitor
    "calls.cmd.help": {
        "de": "FRITZ!Box-Anrufmonitor: Anrufe anzeigen, verpasste als Rückruf erfassen",
        "en": "FRITZ!Box call monitor: show calls, record missed ones as callbacks",
    },
    "calls.opt.host": {
        "de": "Name oder Adresse der FRITZ!Box (Standard aus der Konfiguration: {host})",
        "en": "name or address of the FRITZ!Box (default from the config: {host})",
    },
    "calls.opt.port": {
        "de": "Port des Anrufmonitors (Standard {port}; an der Box mit #96*5* einschalten)",
        "en": "call monitor port (default {port}; enable it on the box by dialling #96*5*)",
    },
    "calls.bad_port": {
        "de": "Der Port muss zwischen 1 und 65535 liegen.",
        "en": "The port must be between 1 and 65535.",
    },
    "calls.cli.connecting": {
        "de": "Verbinde mit dem Anrufmonitor {host}:{port} …",
        "en": "Connecting to the call monitor at {host}:{port} …",
    },
    "calls.cli.connected": {
        "de": "Verbunden mit {host}:{port}. Warte auf Anrufe (Strg+C beendet).",
        "en": "Connected to {host}:{port}. Waiting for calls (Ctrl+C stops).",
    },
    "calls.cli.lost": {
        "de": "Keine Verbindung zu {host}:{port} ({error}); neuer Versuch in {seconds} s.",
        "en": "No connection to {host}:{port} ({error}); trying again in {seconds} s.",
    },
    "calls.reason.closed": {"de": "von der Box getrennt", "en": "closed by the box"},
    "calls.reason.refused": {
        "de": "abgelehnt – ist der Anrufmonitor mit #96*5* eingeschaltet?",
        "en": "refused – is the call monitor enabled by dialling #96*5*?",
    },
    "calls.reason.timeout": {"de": "keine Antwort", "en": "no answer"},
    "calls.reason.error": {"de": "Netzwerkfehler", "en": "network error"},
    "calls.cli.stopped": {"de": "Anrufmonitor beendet.", "en": "Call monitor stopped."},
    "calls.cli.record_failed": {
        "de": "Anruf konnte nicht gespeichert werden: {message}",
        "en": "Could not save the call: {message}",
    },
}

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
    "ring.opt.baresip": {
        "de": "statt einer Nummer: jeden eingehenden Anruf eines laufenden baresip melden "
        "(dessen ctrl_tcp-Adresse, Vorgabe 127.0.0.1:4444)",
        "en": "instead of a number: report every incoming call of a running baresip "
        "(its ctrl_tcp address, default 127.0.0.1:4444)",
    },
    "ring.number_or_baresip": {
        "de": "Bitte eine Rufnummer oder --baresip angeben (nicht beides).",
        "en": "Please give a number or --baresip (not both).",
    },
    "ring.baresip.bad_address": {
        "de": "„{address}“ ist keine Adresse der Form HOST:PORT.",
        "en": "“{address}” is not an address of the form HOST:PORT.",
    },
    "ring.baresip.unreachable": {
        "de": "baresip antwortet nicht unter {address} ({reason}). Läuft baresip mit "
        "„module_app ctrl_tcp.so“ und „ctrl_tcp_listen {address}“?",
        "en": "baresip does not answer at {address} ({reason}). Is baresip running with "
        "“module_app ctrl_tcp.so” and “ctrl_tcp_listen {address}”?",
    },
    "ring.baresip.listening": {
        "de": "Warte auf Anrufe von baresip ({address}); beenden mit Strg+C.",
        "en": "Waiting for calls from baresip ({address}); stop with Ctrl+C.",
    },
    "ring.baresip.garbled": {
        "de": "baresip unter {address} sendet Unverständliches; Verbindung beendet.",
        "en": "baresip at {address} sends something unreadable; connection closed.",
    },
    "ring.baresip.ended": {
        "de": "baresip hat die Verbindung beendet.",
        "en": "baresip closed the connection.",
    },
    "ring.baresip.no_number": {
        "de": "Anruf ohne Rufnummer ({uri}).",
        "en": "A call without a number ({uri}).",
    },
}

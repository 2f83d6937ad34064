"""Texts of `advisor import-calls`: the FRITZ!Box call list import."""

from advisor_tui.i18n.plural import Plural, plural

TEXTS: dict[str, dict[str, str | Plural]] = {
    "calllist.cmd.help": {
        "de": "FRITZ!Box-Anrufliste (CSV-Export) einlesen: verpasste Anrufe als Rückruf "
        "oder Eingang, geführte Gespräche protokollieren",
        "en": "read a FRITZ!Box call list (CSV export): missed calls become callbacks or "
        "inbox entries, answered and outgoing calls are logged",
    },
    "calllist.opt.file": {
        "de": "die exportierte Anrufliste (.csv)",
        "en": "the exported call list (.csv)",
    },
    "calllist.opt.dry_run": {
        "de": "nur zeigen, was eingelesen würde; nichts speichern",
        "en": "only show what would be imported; store nothing",
    },
    "calllist.missing_columns": {
        "de": plural(
            "{file} ist keine FRITZ!Box-Anrufliste: die Spalte {columns} fehlt.",
            "{file} ist keine FRITZ!Box-Anrufliste: die Spalten {columns} fehlen.",
        ),
        "en": plural(
            "{file} is no FRITZ!Box call list: the column {columns} is missing.",
            "{file} is no FRITZ!Box call list: the columns {columns} are missing.",
        ),
    },
    "calllist.error_line": {
        "de": "{file}:{line}: übersprungen, {reason}",
        "en": "{file}:{line}: skipped, {reason}",
    },
    "calllist.reason.fields": {
        "de": "keine Zeile der Anrufliste (zu wenige Felder)",
        "en": "not a call list line (too few fields)",
    },
    "calllist.reason.type": {
        "de": "unbekannter Anruftyp „{value}“",
        "en": "unknown call type “{value}”",
    },
    "calllist.reason.date": {
        "de": "ungültiges Datum „{value}“",
        "en": "invalid date “{value}”",
    },
    "calllist.reason.duration": {
        "de": "ungültige Dauer „{value}“",
        "en": "invalid duration “{value}”",
    },
    "calllist.summary": {
        "de": plural(
            "{count} Anruf in der Liste: {imported} neu erfasst, {known} bereits bekannt, "
            "{ignored} ohne Eintrag, {errors} fehlerhafte Zeilen.",
            "{count} Anrufe in der Liste: {imported} neu erfasst, {known} bereits bekannt, "
            "{ignored} ohne Eintrag, {errors} fehlerhafte Zeilen.",
        ),
        "en": plural(
            "{count} call in the list: {imported} recorded, {known} already known, "
            "{ignored} without an entry, {errors} broken lines.",
            "{count} calls in the list: {imported} recorded, {known} already known, "
            "{ignored} without an entry, {errors} broken lines.",
        ),
    },
    "calllist.ignored_note": {
        "de": "Ohne Eintrag: gesperrte Anrufe und Gespräche mit Nummern, die nicht genau "
        "einer Person gehören.",
        "en": "Without an entry: blocked calls, and calls with numbers that do not belong "
        "to exactly one person.",
    },
    # The call monitor's line for a blocked call (services.calls.text.describe_report).
    "calls.line.blocked": {
        "de": "Gesperrter Anruf von {number} – {who}",
        "en": "Blocked call from {number} – {who}",
    },
    "calllist.dry_run": {
        "de": "Probelauf: nichts wurde gespeichert.",
        "en": "Dry run: nothing was stored.",
    },
}

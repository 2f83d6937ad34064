"""Texts of `advisor import-messages`: e-mail, SMS backups and WhatsApp exports into the inbox."""

from advisor_tui.i18n.plural import Plural, plural

TEXTS: dict[str, dict[str, str | Plural]] = {
    "msgimport.cmd.help": {
        "de": "gespeicherte Nachrichten in den Eingang einlesen: E-Mails (.eml, Maildir, mbox), "
        "SMS-Sicherungen (SMS Backup & Restore, XML) und WhatsApp-Chat-Exporte",
        "en": "read saved messages into the inbox: e-mail (.eml, Maildir, mbox), SMS backups "
        "(SMS Backup & Restore, XML) and WhatsApp chat exports",
    },
    "msgimport.opt.paths": {
        "de": "Dateien oder Ordner (ein Ordner wird durchsucht, ein Maildir erkannt)",
        "en": "files or folders (a folder is searched, a Maildir recognised)",
    },
    "msgimport.opt.channel": {
        "de": "nur dieses Format lesen (auto: am Inhalt erkennen)",
        "en": "read only this format (auto: recognise by content)",
    },
    "msgimport.opt.me": {
        "de": "der eigene Name oder die eigene Adresse im Export (mehrfach möglich): "
        "eigene Nachrichten sind ausgehend und kommen nicht in den Eingang",
        "en": "your own name or address in the export (may repeat): your own messages are "
        "outgoing and not put into the inbox",
    },
    "msgimport.opt.dry_run": {
        "de": "nur zeigen, was eingelesen würde; nichts speichern",
        "en": "only show what would be imported; store nothing",
    },
    "msgimport.progress": {
        "de": "Nachrichten einlesen (bisher: {count})",
        "en": "Reading messages (so far: {count})",
    },
    "msgimport.err.not_found": {
        "de": "{path} gibt es nicht; es wurde nichts eingelesen.",
        "en": "{path} does not exist; nothing was imported.",
    },
    "msgimport.err.empty_folder": {
        "de": "Im Ordner {path} ist keine E-Mail, SMS-Sicherung oder WhatsApp-Chat; "
        "es wurde nichts eingelesen.",
        "en": "The folder {path} holds no e-mail, SMS backup or WhatsApp chat; "
        "nothing was imported.",
    },
    "msgimport.err.file": {
        "de": "{message} Es wurde nichts eingelesen.",
        "en": "{message} Nothing was imported.",
    },
    "msgimport.err.unreadable": {
        "de": "{path} kann nicht gelesen werden ({reason}); es wurde nichts eingelesen.",
        "en": "{path} cannot be read ({reason}); nothing was imported.",
    },
    "msgimport.err.unknown_format": {
        "de": "{path} ist weder E-Mail noch SMS-Sicherung noch WhatsApp-Chat; "
        "es wurde nichts eingelesen.",
        "en": "{path} is no e-mail, SMS backup or WhatsApp chat; nothing was imported.",
    },
    "msgimport.err.wrong_channel": {
        "de": "{path} ist ein Export für {found}, nicht für {channel}; es wurde nichts eingelesen.",
        "en": "{path} is an export for {found}, not for {channel}; nothing was imported.",
    },
    "msgimport.err.too_large": {
        "de": "{path} ist mit {size} MB größer als die Grenze von {limit} MB; "
        "es wurde nichts eingelesen.",
        "en": "{path} is {size} MB, over the limit of {limit} MB; nothing was imported.",
    },
    "msgimport.err.nothing_read": {
        "de": "Aus den angegebenen Dateien ließ sich keine Nachricht lesen; "
        "es wurde nichts gespeichert.",
        "en": "No message could be read from the given files; nothing was stored.",
    },
    "msgimport.problem_line": {
        "de": "{file}:{line}: übersprungen, {reason}",
        "en": "{file}:{line}: skipped, {reason}",
    },
    "msgimport.problem_file": {
        "de": "{file}: übersprungen, {reason}",
        "en": "{file}: skipped, {reason}",
    },
    "msgimport.more_problems": {
        "de": plural("… und {count} weitere Stelle.", "… und {count} weitere Stellen."),
        "en": plural("… and {count} more place.", "… and {count} more places."),
    },
    "msgimport.summary": {
        "de": plural(
            "{count} Datei gelesen. Nachrichten: {new} neu (davon {requests} als neue Anfrage), "
            "{known} schon bekannt, {outgoing} eigene, {passed} übergangen "
            "(System, automatisch, gelöscht); "
            "Fehler: {problems}.",
            "{count} Dateien gelesen. Nachrichten: {new} neu (davon {requests} als neue "
            "Anfrage), {known} schon bekannt, {outgoing} eigene, {passed} übergangen "
            "(System, automatisch, gelöscht); "
            "Fehler: {problems}.",
        ),
        "en": plural(
            "{count} file read. Messages: {new} new ({requests} of them as a new request), "
            "{known} already known, {outgoing} own, {passed} passed over "
            "(system, automatic, deleted); "
            "problems: {problems}.",
            "{count} files read. Messages: {new} new ({requests} of them as a new request), "
            "{known} already known, {outgoing} own, {passed} passed over "
            "(system, automatic, deleted); "
            "problems: {problems}.",
        ),
    },
    "msgimport.other_files": {
        "de": plural(
            "{count} Datei anderer Art in den Ordnern wurde übergangen.",
            "{count} Dateien anderer Art in den Ordnern wurden übergangen.",
        ),
        "en": plural(
            "{count} file of another kind in the folders was passed over.",
            "{count} files of other kinds in the folders were passed over.",
        ),
    },
    "msgimport.dry_run": {
        "de": "Probelauf: nichts wurde gespeichert.",
        "en": "Dry run: nothing was stored.",
    },
    # Why a place gives no incoming message (io.messages.items.Skipped.reason).
    "msgimport.reason.outgoing": {
        "de": "eigene (ausgehende) Nachricht „{value}“",
        "en": "own (outgoing) message “{value}”",
    },
    "msgimport.reason.system": {"de": "Systemzeile „{value}“", "en": "system line “{value}”"},
    "msgimport.reason.automatic": {
        "de": "automatische E-Mail (Newsletter, Abwesenheitsnotiz, Unzustellbarkeit) „{value}“",
        "en": "automatic e-mail (newsletter, auto-reply, bounce) “{value}”",
    },
    "msgimport.reason.deleted": {"de": "gelöschte Nachricht", "en": "deleted message"},
    "msgimport.reason.draft": {"de": "Entwurf", "en": "draft"},
    "msgimport.reason.folder_skipped": {
        "de": "Ordner {value} (Gesendet, Entwürfe, Papierkorb oder Spam)",
        "en": "folder {value} (sent, drafts, trash or spam)",
    },
    "msgimport.reason.no_timestamp": {
        "de": "Zeile ohne Zeitstempel vor der ersten Nachricht „{value}“",
        "en": "line without a timestamp before the first message “{value}”",
    },
    "msgimport.reason.empty": {"de": "leere Nachricht", "en": "empty message"},
    "msgimport.reason.bad_date": {
        "de": "kein lesbares Datum „{value}“",
        "en": "no readable date “{value}”",
    },
    "msgimport.reason.no_sender": {"de": "kein Absender", "en": "no sender"},
    "msgimport.reason.xml": {
        "de": "die Datei ist hier kaputt ({value}); der Rest wurde nicht gelesen",
        "en": "the file is broken here ({value}); the rest was not read",
    },
    "msgimport.reason.doctype": {
        "de": "DOCTYPE-Angabe (in SMS-Sicherungen nicht vorgesehen, aus Sicherheitsgründen "
        "nicht gelesen)",
        "en": "DOCTYPE declaration (no SMS backup has one; refused for safety)",
    },
    "msgimport.reason.not_sms_backup": {
        "de": "keine SMS-Sicherung (Wurzelelement <{value}>)",
        "en": "no SMS backup (root element <{value}>)",
    },
    "msgimport.reason.mail": {
        "de": "E-Mail nicht lesbar ({value})",
        "en": "unreadable e-mail ({value})",
    },
    "msgimport.reason.unreadable": {
        "de": "nicht lesbar ({value})",
        "en": "unreadable ({value})",
    },
    "msgimport.reason.not_regular": {
        "de": "keine normale Datei ({value})",
        "en": "not a regular file ({value})",
    },
    "msgimport.reason.too_large": {"de": "zu groß", "en": "too large"},
    "msgimport.reason.refused": {
        "de": "nicht gespeichert: {value}",
        "en": "not stored: {value}",
    },
}

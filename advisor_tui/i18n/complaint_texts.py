"""Texts of the complaint register (VersVermV §17) and `advisor complaints`."""

from advisor_tui.i18n.plural import Plural, plural

TEXTS: dict[str, dict[str, str | Plural]] = {
    "complaints.cmd.help": {
        "de": "Beschwerderegister (VersVermV §17): auflisten, für die IHK ausgeben",
        "en": "complaint register (VersVermV §17): list it, export it for the IHK",
    },
    "complaints.opt.action": {
        "de": "list, export, add oder update",
        "en": "list, export, add or update",
    },
    "complaints.opt.format": {
        "de": "Ausgabeformat (csv oder text)",
        "en": "output format (csv or text)",
    },
    "complaints.opt.output": {"de": "in diese Datei schreiben", "en": "write to this file"},
    "complaints.opt.all": {
        "de": "auch bloße Auskunftsersuchen (keine Beschwerden)",
        "en": "requests for information too (not complaints)",
    },
    "complaints.opt.open": {"de": "nur offene", "en": "open ones only"},
    "complaints.export.title": {
        "de": "Beschwerderegister nach § 17 VersVermV, Stand {date}",
        "en": "Complaint register (VersVermV §17) as of {date}",
    },
    "complaints.export.done": {
        "de": plural(
            "{count} Eintrag nach {path} geschrieben.", "{count} Einträge nach {path} geschrieben."
        ),
        "en": plural("{count} entry written to {path}.", "{count} entries written to {path}."),
    },
    "complaints.none": {"de": "Keine Beschwerden.", "en": "No complaints."},
    "complaints.kind.complaint": {"de": "Beschwerde", "en": "complaint"},
    "complaints.kind.information": {"de": "Auskunftsersuchen", "en": "request for information"},
    "complaints.status.open": {"de": "offen", "en": "open"},
    "complaints.status.answered": {"de": "beantwortet", "en": "answered"},
    "complaints.status.withdrawn": {"de": "zurückgezogen", "en": "withdrawn"},
    "complaints.step.acknowledge": {"de": "Eingang bestätigen", "en": "acknowledge"},
    "complaints.step.answer": {"de": "Antworten", "en": "answer"},
    "complaints.due.left": {
        "de": plural("{step} in {count} Tag ({date})", "{step} in {count} Tagen ({date})"),
        "en": plural("{step} in {count} day ({date})", "{step} in {count} days ({date})"),
    },
    "complaints.due.today": {"de": "{step} heute", "en": "{step} today"},
    "complaints.due.overdue": {
        "de": plural(
            "{step} seit {count} Tag überfällig ({date})",
            "{step} seit {count} Tagen überfällig ({date})",
        ),
        "en": plural("{step} {count} day overdue ({date})", "{step} {count} days overdue ({date})"),
    },
    "complaints.due.done": {"de": "erledigt", "en": "done"},
    "complaints.col.id": {"de": "Nr.", "en": "No."},
    "complaints.col.kind": {"de": "Art", "en": "Kind"},
    "complaints.col.received": {"de": "Eingang", "en": "Received"},
    "complaints.col.channel": {"de": "Weg", "en": "Channel"},
    "complaints.col.complainant": {"de": "Beschwerdeführer", "en": "Complainant"},
    "complaints.col.reason": {"de": "Grund", "en": "Reason"},
    "complaints.col.acknowledged": {"de": "Eingangsbestätigung", "en": "Acknowledged"},
    "complaints.col.forwarded": {"de": "Weitergeleitet", "en": "Forwarded"},
    "complaints.col.forwarded_to": {"de": "Weitergeleitet an", "en": "Forwarded to"},
    "complaints.col.interim_reply": {"de": "Zwischenbescheid", "en": "Interim reply"},
    "complaints.col.answered": {"de": "Beantwortet", "en": "Answered"},
    "complaints.col.answer": {"de": "Antwort", "en": "Answer"},
    "complaints.col.status": {"de": "Status", "en": "Status"},
    "complaints.col.acknowledge_by": {"de": "Bestätigen bis", "en": "Acknowledge by"},
    "complaints.col.answer_by": {"de": "Antworten bis", "en": "Answer by"},
    "complaints.col.guarantee_end": {"de": "Garantie bis", "en": "Guarantee until"},
    "complaints.col.tolerance_days": {"de": "Kulanz (Tage)", "en": "Goodwill (days)"},
    "complaints.col.goodwill_note": {"de": "Kulanz-Notiz", "en": "Goodwill note"},
    "complaints.col.next": {"de": "Nächste Frist", "en": "Next deadline"},
    "complaints.err.state": {
        "de": "Unbekanntes Bundesland „{state}“ (möglich: {states}).",
        "en": "Unknown Bundesland '{state}' (known: {states}).",
    },
    "complaints.err.request": {
        "de": "Eingang #{id} gibt es nicht.",
        "en": "There is no request #{id}.",
    },
    "complaints.err.not_found": {
        "de": "Beschwerde #{id} gibt es nicht.",
        "en": "There is no complaint #{id}.",
    },
    "complaints.err.reason": {
        "de": "Bitte den Grund der Beschwerde angeben.",
        "en": "Please give the reason of the complaint.",
    },
    "complaints.err.complainant": {
        "de": "Bitte angeben, wer sich beschwert.",
        "en": "Please say who complains.",
    },
    "complaints.err.channel": {
        "de": "Unbekannter Eingangsweg „{channel}“.",
        "en": "Unknown channel '{channel}'.",
    },
    "complaints.err.kind": {
        "de": "Unbekannte Art „{kind}“ (complaint oder information).",
        "en": "Unknown kind '{kind}' (complaint or information).",
    },
    "complaints.err.status": {
        "de": "Unbekannter Status „{status}“ (open, answered, withdrawn).",
        "en": "Unknown status '{status}' (open, answered, withdrawn).",
    },
    "complaints.err.tolerance": {
        "de": "Kulanztage können nicht negativ sein.",
        "en": "Goodwill days cannot be negative.",
    },
    "complaints.opt.person": {"de": "Person (Nr.)", "en": "person (id)"},
    "complaints.opt.request": {"de": "aus diesem Eingang (Nr.)", "en": "from this request (id)"},
    "complaints.opt.reason": {"de": "Grund der Beschwerde", "en": "reason of the complaint"},
    "complaints.opt.channel": {
        "de": "Eingangsweg (phone, email, letter, ...)",
        "en": "channel (phone, email, letter, ...)",
    },
    "complaints.opt.received": {
        "de": "Eingangsdatum (TT.MM.JJJJ)",
        "en": "date received (DD.MM.YYYY)",
    },
    "complaints.opt.information": {
        "de": "ein bloßes Auskunftsersuchen, keine Beschwerde",
        "en": "a plain request for information, not a complaint",
    },
    "complaints.bad_date": {
        "de": "„{text}“ ist kein Datum: bitte als TT.MM.JJJJ angeben.",
        "en": "'{text}' is no date: please give it as DD.MM.YYYY.",
    },
    "complaints.need_person": {
        "de": "Bitte --person ID oder --request ID angeben.",
        "en": "Please give --person ID or --request ID.",
    },
    "complaints.added": {
        "de": "Beschwerde #{id} eingetragen.",
        "en": "Complaint #{id} registered.",
    },
    "complaints.opt.id": {"de": "Nr. der Beschwerde (update)", "en": "complaint id (update)"},
    "complaints.opt.acknowledged": {"de": "Eingang bestätigt am", "en": "acknowledged on"},
    "complaints.opt.forwarded": {"de": "weitergeleitet am", "en": "forwarded on"},
    "complaints.opt.interim": {"de": "Zwischenbescheid am", "en": "interim reply on"},
    "complaints.opt.answered": {"de": "beantwortet am", "en": "answered on"},
    "complaints.opt.guarantee-end": {"de": "Garantie endete am", "en": "guarantee ended on"},
    "complaints.need_id": {
        "de": "Bitte die Nr. der Beschwerde angeben.",
        "en": "Please give the complaint's id.",
    },
    "complaints.nothing_to_change": {
        "de": "Nichts zu ändern: bitte mindestens eine Angabe machen.",
        "en": "Nothing to change: please give at least one option.",
    },
    "complaints.updated": {
        "de": "Beschwerde #{id} aktualisiert.",
        "en": "Complaint #{id} updated.",
    },
}

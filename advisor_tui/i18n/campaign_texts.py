"""Texts of phone campaigns (Telefonaktion): the step screen, the list, `advisor campaign`."""

from advisor_tui.i18n.plural import Plural, plural

TEXTS: dict[str, dict[str, str | Plural]] = {
    "campaign.err.kind": {
        "de": "Unbekannte Art von Person (möglich: {kinds}).",
        "en": "Unknown kind of person (known: {kinds}).",
    },
    "campaign.err.weeks": {
        "de": "Wochen: eine ganze Zahl ab 0 bitte.",
        "en": "Weeks: a whole number from 0 please.",
    },
    "campaign.err.stability": {
        "de": "Stabilität: eine Zahl von 0 bis 100 bitte.",
        "en": "Stability: a number from 0 to 100 please.",
    },
    "campaign.err.name": {
        "de": "Bitte der Telefonaktion einen Namen geben.",
        "en": "Please give the campaign a name.",
    },
    "campaign.err.not_found": {
        "de": "Telefonaktion #{id} gibt es nicht.",
        "en": "There is no campaign #{id}.",
    },
    "campaign.err.entry": {
        "de": "Eintrag #{id} der Telefonaktion gibt es nicht.",
        "en": "There is no campaign entry #{id}.",
    },
    "campaign.err.closed": {
        "de": "Diese Person ist in der Telefonaktion schon erledigt.",
        "en": "This person is already done in the campaign.",
    },
    "campaign.err.status": {
        "de": "Unbekannter Status „{status}“ (active, paused).",
        "en": "Unknown status '{status}' (active, paused).",
    },
    "campaign.progress": {"de": "{place} von {total}", "en": "{place} of {total}"},
    "campaign.done_of": {"de": "{done} von {total} erledigt", "en": "{done} of {total} done"},
    "campaign.persons": {
        "de": plural("{count} Person", "{count} Personen"),
        "en": plural("{count} person", "{count} persons"),
    },
    "campaign.cmd.help": {
        "de": "Telefonaktionen: anlegen (Anrufliste aus einem Filter), auflisten, zeigen",
        "en": "phone campaigns: create (a call list from a filter), list, show",
    },
    "campaign.opt.action": {"de": "create, list oder show", "en": "create, list or show"},
    "campaign.opt.target": {
        "de": "Name (create) oder Nr. (show)",
        "en": "name (create) or id (show)",
    },
    "campaign.opt.kind": {
        "de": "Arten, mit Komma (customer, prospect, former)",
        "en": "kinds, comma-separated (customer, prospect, former)",
    },
    "campaign.opt.weeks": {
        "de": "nur ohne Kontakt seit N Wochen",
        "en": "only those not contacted for N weeks",
    },
    "campaign.opt.flag": {"de": "nur mit dieser Markierung", "en": "only with this flag"},
    "campaign.opt.tag": {"de": "nur mit diesem Schlagwort", "en": "only with this tag"},
    "campaign.opt.birthday": {
        "de": "nur mit Geburtstag in diesem Monat",
        "en": "only with a birthday this month",
    },
    "campaign.opt.consent": {
        "de": "nur mit Einwilligung in Telefonwerbung (UWG §7)",
        "en": "only with consent to phone advertising (UWG §7)",
    },
    "campaign.opt.stability": {
        "de": "nur wenn die beste Nummer mindestens so stabil ist (0-100)",
        "en": "only when the best number is at least this stable (0-100)",
    },
    "campaign.created": {
        "de": "Telefonaktion #{id} „{name}“ angelegt: {persons}.",
        "en": "Campaign #{id} '{name}' created: {persons}.",
    },
    "campaign.none": {"de": "Keine Telefonaktionen.", "en": "No campaigns."},
    "campaign.status.active": {"de": "läuft", "en": "active"},
    "campaign.status.paused": {"de": "pausiert", "en": "paused"},
    "campaign.status.done": {"de": "abgeschlossen", "en": "finished"},
    "campaign.state.open": {"de": "offen", "en": "open"},
    "campaign.state.done": {"de": "erledigt", "en": "done"},
    "campaign.state.unreached": {"de": "nicht erreicht", "en": "not reached"},
    "campaign.state.skipped": {"de": "übersprungen", "en": "skipped"},
    "campaign.state.dropped": {"de": "gestrichen", "en": "dropped"},
    "campaign.outcome.reached": {"de": "erreicht", "en": "reached"},
    "campaign.outcome.no_answer": {"de": "keine Antwort", "en": "no answer"},
    "campaign.outcome.voicemail": {"de": "Mailbox", "en": "voicemail"},
    "campaign.outcome.busy": {"de": "besetzt", "en": "busy"},
    "campaign.outcome.wrong_number": {"de": "falsche Nummer", "en": "wrong number"},
    "campaign.outcome.sent": {"de": "gesendet", "en": "sent"},
    "campaign.outcome.bounced": {"de": "unzustellbar", "en": "bounced"},
    "campaign.outcome.returned": {"de": "zurück", "en": "returned"},
    "campaign.outcome.skipped": {"de": "übersprungen", "en": "skipped"},
    "campaign.no_consent_short": {"de": "keine Einwilligung", "en": "no consent"},
    "campaign.cmd": {"de": "Telefonaktionen", "en": "Phone campaigns"},
    "campaign.key": {"de": "Telefonaktionen", "en": "Campaigns"},
    "campaign.key.pause": {"de": "Pause", "en": "Pause"},
    "campaign.key.call": {"de": "Anruf erfassen", "en": "Log call"},
    "campaign.key.skip": {"de": "Überspringen", "en": "Skip"},
    "campaign.key.service": {"de": "Serviceanruf", "en": "Service call"},
    "campaign.key.card": {"de": "Karte", "en": "Card"},
    "campaign.key.resume": {"de": "Fortsetzen", "en": "Resume"},
    "campaign.key.new": {"de": "Neue Aktion", "en": "New campaign"},
    "campaign.list.title": {"de": "Telefonaktionen", "en": "Phone campaigns"},
    "campaign.list.empty": {
        "de": "Noch keine Telefonaktion. n legt eine an.",
        "en": "No campaign yet. n creates one.",
    },
    "campaign.col.name": {"de": "Name", "en": "Name"},
    "campaign.col.status": {"de": "Status", "en": "Status"},
    "campaign.col.progress": {"de": "Fortschritt", "en": "Progress"},
    "campaign.new.title": {"de": "Neue Telefonaktion", "en": "New phone campaign"},
    "campaign.new.name": {"de": "Name", "en": "Name"},
    "campaign.new.kind": {"de": "Wen", "en": "Whom"},
    "campaign.kinds.both": {"de": "Kunden und Interessenten", "en": "customers and prospects"},
    "campaign.kinds.customer": {"de": "nur Kunden", "en": "customers only"},
    "campaign.kinds.prospect": {"de": "nur Interessenten", "en": "prospects only"},
    "campaign.new.weeks": {
        "de": "Ohne Kontakt seit Wochen",
        "en": "Not contacted for weeks",
    },
    "campaign.new.flag": {"de": "Markierung", "en": "Flag"},
    "campaign.new.any": {"de": "egal", "en": "any"},
    "campaign.new.tag": {"de": "Schlagwort", "en": "Tag"},
    "campaign.new.stability": {
        "de": "Beste Nummer mindestens so stabil (0-100, leer: egal)",
        "en": "Best number at least this stable (0-100, empty: any)",
    },
    "campaign.err.number": {
        "de": "„{text}“ ist keine ganze Zahl.",
        "en": "'{text}' is no whole number.",
    },
    "campaign.built": {
        "de": plural(
            "„{name}“: {count} Person auf der Liste", "„{name}“: {count} Personen auf der Liste"
        ),
        "en": plural(
            "'{name}': {count} person on the list", "'{name}': {count} persons on the list"
        ),
    },
    "campaign.score": {"de": "Stabilität {score}", "en": "stability {score}"},
    "campaign.no_number": {"de": "Keine gültige Telefonnummer", "en": "No valid phone number"},
    "campaign.consent_ok": {
        "de": "Einwilligung in Telefonwerbung liegt vor",
        "en": "Consent to phone advertising on record",
    },
    "campaign.consent_hint": {
        "de": "Nur Service oder Antwort auf ihr Anliegen: v für einen Serviceanruf.",
        "en": "Service or an answer to their request only: v for a service call.",
    },
    "campaign.attempt": {
        "de": "{number}. Versuch (zuletzt: {last})",
        "en": "attempt {number} (last: {last})",
    },
    "campaign.waiting": {
        "de": "War besetzt: erst ab {when} wieder dran",
        "en": "Was busy: due again from {when}",
    },
    "campaign.never_contacted": {"de": "Noch nie Kontakt", "en": "Never contacted"},
    "campaign.open_requests": {
        "de": plural("{count} offener Eingang", "{count} offene Eingänge"),
        "en": plural("{count} open request", "{count} open requests"),
    },
    "campaign.open_followups": {
        "de": plural("{count} Wiedervorlage", "{count} Wiedervorlagen"),
        "en": plural("{count} follow-up", "{count} follow-ups"),
    },
    "campaign.finished": {"de": "abgeschlossen", "en": "finished"},
    "campaign.summary": {
        "de": "Telefonaktion „{name}“: Ergebnis",
        "en": "Campaign '{name}': result",
    },
    "campaign.paused": {
        "de": "Telefonaktion pausiert: sie geht an dieser Stelle weiter.",
        "en": "Campaign paused: it resumes at this place.",
    },
}

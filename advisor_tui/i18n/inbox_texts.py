"""Texts of the inbox (Eingang): the screens, `advisor incoming`, the service's refusals."""

from advisor_tui.i18n.plural import Plural, plural

TEXTS: dict[str, dict[str, str | Plural]] = {
    "channel.telegram": {"de": "Telegram", "en": "Telegram"},
    # Kinds, statuses and how a sender was matched.
    "rkind.order": {"de": "Auftrag", "en": "order"},
    "rkind.question": {"de": "Frage", "en": "question"},
    "rkind.complaint": {"de": "Beschwerde", "en": "complaint"},
    "rkind.callback": {"de": "Rückruf", "en": "callback"},
    "rkind.change_of_data": {"de": "Datenänderung", "en": "change of data"},
    "rkind.other": {"de": "Sonstiges", "en": "other"},
    "rstatus.new": {"de": "neu", "en": "new"},
    "rstatus.open": {"de": "offen", "en": "open"},
    "rstatus.waiting": {"de": "wartet", "en": "waiting"},
    "rstatus.done": {"de": "erledigt", "en": "done"},
    "rmatch.exact": {"de": "Adresse bekannt", "en": "known address"},
    "rmatch.shared": {"de": "geteilte Adresse", "en": "shared address"},
    "rmatch.suffix": {"de": "Nummernende", "en": "end of number"},
    "rmatch.name_hint": {"de": "Name im Text", "en": "name in the text"},
    "rmatch.manual": {"de": "von Hand", "en": "by hand"},
    "rmatch.unknown": {"de": "unbekannt", "en": "unknown"},
    "rmatch.none": {"de": "unbekannt", "en": "unknown"},
    # Why a candidate: how + the fact it rests on.
    "inbox.reason.exact": {"de": "Adresse {reason} gehört zu ihr/ihm", "en": "{reason} is theirs"},
    "inbox.reason.shared": {
        "de": "teilt die Adresse {reason}",
        "en": "shares the address {reason}",
    },
    "inbox.reason.suffix": {
        "de": "Nummer endet wie {reason}",
        "en": "number ends like {reason}",
    },
    "inbox.reason.name_hint": {
        "de": "einziger passender Name: „{reason}“",
        "en": "the only matching name: “{reason}”",
    },
    "inbox.reason.name_hint_many": {
        "de": "Name passt: „{reason}“",
        "en": "the name fits: “{reason}”",
    },
    "inbox.reason.manual": {"de": "von Hand zugeordnet", "en": "assigned by hand"},
    # The inbox screen.
    "key.inbox": {"de": "Eingang", "en": "Inbox"},
    "inbox.cmd": {"de": "Eingang öffnen (F4)", "en": "Open the inbox (F4)"},
    "inbox.title": {"de": "Eingang", "en": "Inbox"},
    "inbox.title_count": {
        "de": plural("Eingang: {count} neu", "Eingang: {count} neu"),
        "en": plural("Inbox: {count} new", "Inbox: {count} new"),
    },
    "inbox.header_count": {
        "de": plural("{count} neuer Eingang", "{count} neue Eingänge"),
        "en": plural("{count} new request", "{count} new requests"),
    },
    "inbox.empty": {
        "de": "Der Eingang ist leer. Nachrichten kommen mit `advisor incoming`, "
        "`advisor import-messages` und verpassten Anrufen herein.",
        "en": "The inbox is empty. Messages arrive with `advisor incoming`, "
        "`advisor import-messages` and missed calls.",
    },
    "inbox.col.when": {"de": "Eingang", "en": "Received"},
    "inbox.col.channel": {"de": "Kanal", "en": "Channel"},
    "inbox.col.from": {"de": "Von", "en": "From"},
    "inbox.col.person": {"de": "Person", "en": "Person"},
    "inbox.col.kind": {"de": "Art", "en": "Kind"},
    "inbox.col.status": {"de": "Status", "en": "Status"},
    "inbox.col.text": {"de": "Text", "en": "Text"},
    "inbox.unassigned": {"de": "? nicht zugeordnet", "en": "? unassigned"},
    "inbox.suggested": {"de": "~ {name}?", "en": "~ {name}?"},
    "inbox.candidates": {
        "de": plural("? {count} Kandidat", "? {count} Kandidaten"),
        "en": plural("? {count} candidate", "? {count} candidates"),
    },
    "inbox.withheld": {"de": "unterdrückt", "en": "withheld"},
    "inbox.open": {"de": "Öffnen", "en": "Open"},
    # The request view.
    "request.title": {"de": "Eingang #{id}", "en": "Request #{id}"},
    "request.from": {"de": "Von: {sender}", "en": "From: {sender}"},
    "request.to": {"de": "An: {recipients}", "en": "To: {recipients}"},
    "request.subject": {"de": "Betreff: {subject}", "en": "Subject: {subject}"},
    "request.received": {"de": "Eingegangen: {when}", "en": "Received: {when}"},
    "request.head": {
        "de": "{channel} · {kind} · {status}",
        "en": "{channel} · {kind} · {status}",
    },
    "request.deadline": {"de": "Frist: {when}", "en": "Deadline: {when}"},
    "request.assigned": {"de": "Zugeordnet: {name} ({how})", "en": "Assigned: {name} ({how})"},
    "request.suggestion": {
        "de": "Vorschlag: {name} — {key} bestätigt",
        "en": "Suggestion: {name} — {key} confirms",
    },
    "request.open_requests": {
        "de": plural("{count} offener Eingang", "{count} offene Eingänge"),
        "en": plural("{count} open request", "{count} open requests"),
    },
    "request.followups": {
        "de": plural("{count} offene Wiedervorlage", "{count} offene Wiedervorlagen"),
        "en": plural("{count} open follow-up", "{count} open follow-ups"),
    },
    "request.no_person": {"de": "Keine Person zugeordnet.", "en": "No person assigned."},
    "request.candidates": {"de": "Kandidaten", "en": "Candidates"},
    "request.no_candidates": {
        "de": "Keine Kandidaten: n legt einen Interessenten an.",
        "en": "No candidates: n creates a prospect.",
    },
    "request.messages": {
        "de": plural("{count} Nachricht", "{count} Nachrichten"),
        "en": plural("{count} message", "{count} messages"),
    },
    "request.reply_hint": {
        "de": "antworten per {channel} an {address}",
        "en": "reply by {channel} to {address}",
    },
    "request.no_reply_address": {
        "de": "keine Antwortadresse (Absender unbekannt)",
        "en": "no address to reply to (sender unknown)",
    },
    "request.offer": {"de": "In der Signatur", "en": "In the signature"},
    "request.offer_line": {
        "de": "{address} — e übernimmt",
        "en": "{address} — e adds it",
    },
    "request.card": {"de": "Karte", "en": "Card"},
    "request.card_none": {
        "de": "Noch keiner Person zugeordnet.",
        "en": "Not assigned to anyone yet.",
    },
    # Keys of the request view.
    "key.request.confirm": {"de": "Vorschlag bestätigen", "en": "Confirm suggestion"},
    "key.request.pick": {"de": "Kandidat wählen", "en": "Pick candidate"},
    "key.request.new_customer": {"de": "Neuer Kunde", "en": "New customer"},
    "key.request.kind": {"de": "Art", "en": "Kind"},
    "key.request.status": {"de": "Status", "en": "Status"},
    "key.request.answer": {"de": "Antworten", "en": "Answer"},
    "key.request.answer_other": {
        "de": "Antworten auf anderem Kanal",
        "en": "Answer on another channel",
    },
    "key.request.log": {"de": "Kontakt erfassen", "en": "Log contact"},
    "key.request.offer": {"de": "Adresse übernehmen", "en": "Add address"},
    "key.request.card": {"de": "Karte öffnen", "en": "Open card"},
    "request.choose_kind": {"de": "Art des Eingangs", "en": "Kind of request"},
    "request.choose_status": {"de": "Status des Eingangs", "en": "Status of the request"},
    "request.choose_candidate": {"de": "Von wem ist es?", "en": "Who is it from?"},
    "request.confirm_other_channel": {
        "de": "Der Eingang kam per {came}. Trotzdem per {other} antworten?",
        "en": "The request came by {came}. Answer by {other} anyway?",
    },
    "request.done.assigned": {
        "de": "{name} zugeordnet; {address} gelernt",
        "en": "Assigned to {name}; learned {address}",
    },
    "request.done.assigned_known": {"de": "{name} zugeordnet", "en": "Assigned to {name}"},
    "request.done.new_customer": {
        "de": plural(
            "Interessent {name} angelegt; {count} Eingang zugeordnet",
            "Interessent {name} angelegt; {count} Eingänge zugeordnet",
        ),
        "en": plural(
            "Prospect {name} created; {count} request assigned",
            "Prospect {name} created; {count} requests assigned",
        ),
    },
    "request.done.answered": {
        "de": "Antwort per {channel} erfasst; Status: {status}",
        "en": "Answer by {channel} logged; status: {status}",
    },
    "request.done.kind": {"de": "Art: {kind}", "en": "Kind: {kind}"},
    "request.done.status": {"de": "Status: {status}", "en": "Status: {status}"},
    "request.done.address": {"de": "{address} übernommen", "en": "{address} added"},
    "request.new_customer_name": {
        "de": "Name des neuen Interessenten",
        "en": "Name of the new prospect",
    },
    # Refusals (services.inbox).
    "inbox.err.channel": {
        "de": "Unbekannter Kanal „{channel}“; möglich sind: {valid}.",
        "en": "Unknown channel “{channel}”; valid are: {valid}.",
    },
    "inbox.err.kind": {"de": "Unbekannte Art „{kind}“.", "en": "Unknown kind “{kind}”."},
    "inbox.err.status": {
        "de": "Unbekannter Status „{status}“.",
        "en": "Unknown status “{status}”.",
    },
    "inbox.err.not_found": {
        "de": "Eingang #{id} gibt es nicht.",
        "en": "There is no request #{id}.",
    },
    "inbox.err.no_suggestion": {
        "de": "Dieser Eingang hat keinen Vorschlag zum Bestätigen.",
        "en": "This request has no suggestion to confirm.",
    },
    "inbox.err.not_candidate": {
        "de": "Diese Person ist kein Kandidat dieses Eingangs.",
        "en": "That person is not a candidate of this request.",
    },
    "inbox.err.assigned": {
        "de": "Dieser Eingang ist schon zugeordnet.",
        "en": "This request is assigned already.",
    },
    "inbox.err.no_person": {
        "de": "Erst eine Person zuordnen.",
        "en": "Assign a person first.",
    },
    "inbox.err.no_name": {
        "de": "Für einen neuen Kunden fehlt ein Name.",
        "en": "A new customer needs a name.",
    },
    "inbox.err.no_sender": {
        "de": "Dieser Eingang hat keine Absenderadresse.",
        "en": "This request has no sender address.",
    },
    # `advisor incoming`.
    "incoming.cmd.help": {
        "de": "eine eingegangene Nachricht in den Eingang legen (für Skripte)",
        "en": "put an incoming message into the inbox (for scripts)",
    },
    "incoming.opt.channel": {"de": "Kanal: {valid}", "en": "channel: {valid}"},
    "incoming.opt.from": {
        "de": "Absender (Nummer, E-Mail, Handle oder Name)",
        "en": "sender (number, e-mail, handle or name)",
    },
    "incoming.opt.text": {
        "de": "Text (sonst von der Standardeingabe)",
        "en": "text (else read from standard input)",
    },
    "incoming.opt.subject": {"de": "Betreff", "en": "subject"},
    "incoming.opt.at": {
        "de": "Eingangszeit (ISO, z. B. 2026-11-30T09:15; Standard: jetzt)",
        "en": "time received (ISO, e.g. 2026-11-30T09:15; default: now)",
    },
    "incoming.opt.to": {
        "de": "die eigene Adresse, auf der sie ankam",
        "en": "your own address it arrived on",
    },
    "incoming.opt.id": {
        "de": "Nachrichten-ID (ein zweites Mal wird nichts gespeichert)",
        "en": "message id (a second time nothing is stored)",
    },
    "incoming.empty": {
        "de": "Die Nachricht hat weder Text noch Betreff.",
        "en": "The message has neither text nor subject.",
    },
    "incoming.no_sender": {"de": "Der Absender fehlt.", "en": "The sender is missing."},
    "incoming.bad_time": {
        "de": "„{text}“ ist keine Zeit (z. B. 2026-11-30T09:15).",
        "en": "“{text}” is no time (e.g. 2026-11-30T09:15).",
    },
    "incoming.stored": {
        "de": "Eingang #{id} ({channel}, {kind}): {who}",
        "en": "Request #{id} ({channel}, {kind}): {who}",
    },
    "incoming.duplicate": {
        "de": "schon im Eingang: #{id} ({channel}, {kind}): {who}",
        "en": "already in the inbox: #{id} ({channel}, {kind}): {who}",
    },
    "incoming.who.assigned": {"de": "{name}", "en": "{name}"},
    "incoming.who.suggested": {
        "de": "Vorschlag {name} ({how})",
        "en": "suggestion {name} ({how})",
    },
    "incoming.who.candidates": {
        "de": plural("{count} Kandidat: {names}", "{count} Kandidaten: {names}"),
        "en": plural("{count} candidate: {names}", "{count} candidates: {names}"),
    },
    "incoming.who.none": {"de": "Absender unbekannt", "en": "sender unknown"},
    # GDPR export sections of the inbox's tables.
    "gdpr.section.messages": {"de": "Nachrichten", "en": "Messages"},
    "gdpr.section.candidacies": {
        "de": "Als möglicher Absender vorgeschlagen",
        "en": "Suggested as possible sender",
    },
}

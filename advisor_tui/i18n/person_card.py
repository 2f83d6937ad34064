"""Texts of the card's person keys: edit, delete, consent, tags; leaving a changed form."""

from advisor_tui.i18n.plural import plural

TEXTS = {
    # Card: keys
    "card.key.edit_person": {"de": "Person ändern", "en": "Edit person"},
    "card.key.delete_person": {"de": "Person löschen", "en": "Delete person"},
    # Card: the score column's heading on a narrow card
    "card.col.score_short": {"de": "Wert", "en": "Score"},
    # Card: tags and consent
    "card.tags_line": {"de": "Schlagworte: {tags}", "en": "Tags: {tags}"},
    "card.consent": {"de": "Einwilligung:", "en": "Consent:"},
    "card.consent.none": {"de": "keine erfasst", "en": "none recorded"},
    "card.consent.granted": {"de": "{channel} ✓ {date}", "en": "{channel} ✓ {date}"},
    "card.consent.granted_undated": {"de": "{channel} ✓", "en": "{channel} ✓"},
    "card.consent.revoked": {
        "de": "{channel} ✗ widerrufen {date}",
        "en": "{channel} ✗ revoked {date}",
    },
    "consent.channel.phone": {"de": "Telefon", "en": "phone"},
    "consent.channel.email": {"de": "E-Mail", "en": "e-mail"},
    "consent.channel.sms": {"de": "SMS", "en": "SMS"},
    "consent.channel.messenger": {"de": "Messenger", "en": "messenger"},
    "consent.channel.letter": {"de": "Brief", "en": "letter"},
    # Person form (edit)
    "form.edit_person": {"de": "Person ändern", "en": "Edit person"},
    "form.notes": {"de": "Notizen", "en": "Notes"},
    "form.tags": {
        "de": "Schlagworte (durch Komma getrennt)",
        "en": "Tags (separated by commas)",
    },
    "form.flags": {"de": "Markierungen", "en": "Flags"},
    "form.discard_question": {
        "de": "Die Eingaben sind nicht gespeichert. Verwerfen?",
        "en": "Your input is not saved. Discard it?",
    },
    "person.saved": {"de": "{name} gespeichert.", "en": "{name} saved."},
    # Deleting a person
    "person.delete.question": {
        "de": "{name} (Nr. {id}) löschen?",
        "en": "Delete {name} (no. {id})?",
    },
    "person.delete.counts": {
        "de": "Mit der Person werden gelöscht: {items}.",
        "en": "Deleted with the person: {items}.",
    },
    "person.delete.nothing_else": {
        "de": "Mit der Person wird nichts weiter gelöscht.",
        "en": "Nothing else is deleted with the person.",
    },
    "person.delete.locked": {
        "de": "Aufbewahrungspflicht (FinVermV §23): {items} sind Beratungs- oder "
        "Auftragsunterlagen. Die Person wird daher nicht gelöscht, sondern wie bei einer "
        "DSGVO-Löschung gesperrt: diese Unterlagen und der Name bleiben gesperrt und "
        "verborgen bis {until}, alles andere wird gelöscht.",
        "en": "Retention duty (FinVermV §23): {items} are records of advice or orders. So "
        "the person is not deleted but locked as a GDPR erasure does it: these records and "
        "the name stay locked and hidden until {until}, everything else is deleted.",
    },
    "count.addresses": {
        "de": plural("{count} Adresse", "{count} Adressen"),
        "en": plural("{count} address", "{count} addresses"),
    },
    "count.interactions": {
        "de": plural("{count} Kontakt", "{count} Kontakte"),
        "en": plural("{count} contact", "{count} contacts"),
    },
    "count.requests": {
        "de": plural("{count} Eingang", "{count} Eingänge"),
        "en": plural("{count} request", "{count} requests"),
    },
    "count.followups": {
        "de": plural("{count} Wiedervorlage", "{count} Wiedervorlagen"),
        "en": plural("{count} follow-up", "{count} follow-ups"),
    },
    "count.consents": {
        "de": plural("{count} Einwilligung", "{count} Einwilligungen"),
        "en": plural("{count} consent", "{count} consents"),
    },
    "list.and": {"de": " und ", "en": " and "},
    "person.deleted": {"de": "{name} gelöscht.", "en": "{name} deleted."},
    "person.locked": {
        "de": "{name} gesperrt; aufbewahrungspflichtige Unterlagen bleiben bis {until}.",
        "en": "{name} locked; records under the retention duty stay until {until}.",
    },
}

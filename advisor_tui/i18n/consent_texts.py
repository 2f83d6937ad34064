"""Texts of the consent ledger, the warnings before contact and the advice records (issue 12)."""

from advisor_tui.i18n.plural import Plural, plural

_KINDS = {
    "granted": ("erteilt", "granted"),
    "refused": ("abgelehnt", "refused"),
    "revoked": ("widerrufen", "revoked"),
    "objection": ("Widerspruch (Art. 21 DSGVO)", "objection (GDPR Art. 21)"),
}
_METHODS = {
    "form": ("Formular", "form"),
    "conversation": ("Gespräch", "conversation"),
    "email": ("E-Mail", "e-mail"),
    "double_opt_in": ("Double-Opt-in", "double opt-in"),
    "existing_customer": ("Bestandskunde (§ 7 Abs. 3 UWG)", "existing customer (UWG §7(3))"),
    "migrated": ("übernommen", "carried over"),
    "do_not_contact": ("Sperrliste", "do-not-contact list"),
}
_STATUSES = {
    "none": ("–", "–"),
    "granted": ("✓ erteilt", "✓ granted"),
    "existing_customer": ("✓ Bestandskunde § 7(3)", "✓ existing customer §7(3)"),
    "refused": ("✗ abgelehnt", "✗ refused"),
    "revoked": ("✗ widerrufen", "✗ revoked"),
    "objection": ("✗ Widerspruch", "✗ objection"),
}
# The card's at-a-glance line: as short as it can be.
_SHORT = {
    "none": ("–", "–"),
    "granted": ("✓", "✓"),
    "existing_customer": ("✓ § 7(3)", "✓ §7(3)"),
    "refused": ("✗ abgelehnt", "✗ refused"),
    "revoked": ("✗ widerrufen", "✗ revoked"),
    "objection": ("✗ Widerspruch", "✗ objection"),
}
_PURPOSES = {
    "advertising": ("Werbung", "advertising"),
    "service": ("Service", "service"),
    "answer": ("Antwort auf ihre Anfrage", "answer to their request"),
}
_WARNINGS = {
    "objection": (
        "Widerspruch gegen Werbung (Art. 21 DSGVO): keine Werbung mehr, auf keinem Kanal.",
        "Objection to advertising (GDPR Art. 21): no more advertising, on any channel.",
    ),
    "refused": (
        "Die Einwilligung für diesen Kanal wurde abgelehnt: keine Werbung.",
        "Consent for this channel was refused: no advertising.",
    ),
    "revoked": (
        "Die Einwilligung für diesen Kanal wurde widerrufen: keine Werbung.",
        "Consent for this channel was revoked: no advertising.",
    ),
    "no_phone_consent": (
        "Keine Einwilligung in Werbeanrufe: bei Verbrauchern nötig (§ 7 Abs. 2 Nr. 1 UWG).",
        "No consent to advertising calls: consumers must agree first (UWG §7(2) no. 1).",
    ),
    "no_consent": (
        "Keine ausdrückliche Einwilligung für Werbung über diesen Kanal (§ 7 Abs. 2 Nr. 2 UWG).",
        "No express consent to advertising on this channel (UWG §7(2) no. 2).",
    ),
}
_REASONS = {
    "not_advertising": ("keine Werbung", "not advertising"),
    "consent": ("Einwilligung liegt vor", "consent given"),
    "presumed_b2b": ("mutmaßliche Einwilligung (Unternehmer)", "presumed consent (business)"),
    "existing_customer": ("Bestandskundenausnahme § 7(3)", "existing-customer exception §7(3)"),
    "letter": ("Brief: keine Einwilligung nötig", "letter: no consent needed"),
    "no_channel": ("kein Werbekanal", "no advertising channel"),
}

TEXTS: dict[str, dict[str, str | Plural]] = {
    **{f"consent.kind.{k}": {"de": de, "en": en} for k, (de, en) in _KINDS.items()},
    **{f"consent.method.{k}": {"de": de, "en": en} for k, (de, en) in _METHODS.items()},
    **{f"consent.status.{k}": {"de": de, "en": en} for k, (de, en) in _STATUSES.items()},
    **{f"consent.short.{k}": {"de": de, "en": en} for k, (de, en) in _SHORT.items()},
    **{f"consent.purpose.{k}": {"de": de, "en": en} for k, (de, en) in _PURPOSES.items()},
    **{f"consent.warn.{k}": {"de": de, "en": en} for k, (de, en) in _WARNINGS.items()},
    **{f"consent.reason.{k}": {"de": de, "en": en} for k, (de, en) in _REASONS.items()},
    "consent.channel.fax": {"de": "Fax", "en": "fax"},
    "consent.party.consumer": {"de": "Verbraucher", "en": "consumer"},
    "consent.party.business": {"de": "Unternehmer", "en": "business"},
    # Errors of services.consent
    "consent.err.kind": {
        "de": "Unbekannte Art {kind!r}: granted, refused, revoked oder objection.",
        "en": "Unknown kind {kind!r}: granted, refused, revoked or objection.",
    },
    "consent.err.channel": {
        "de": "Unbekannter Kanal {channel!r}: phone, email, sms, messenger, fax oder letter.",
        "en": "Unknown channel {channel!r}: phone, email, sms, messenger, fax or letter.",
    },
    "consent.err.method": {
        "de": "Unbekannte Art der Erteilung {method!r}.",
        "en": "Unknown method {method!r}.",
    },
    "consent.err.existing_customer": {
        "de": "Die Bestandskundenausnahme (§ 7 Abs. 3 UWG) gilt nur für E-Mail "
        "und nur als Erteilung.",
        "en": "The existing-customer exception (UWG §7(3)) applies to e-mail grants only.",
    },
    "consent.err.notice_required": {
        "de": "Bei der Bestandskundenausnahme bitte den Widerspruchshinweis als Wortlaut angeben.",
        "en": "For the existing-customer exception give the objection notice as the wording.",
    },
    "consent.err.future": {
        "de": "Der Zeitpunkt {text} liegt in der Zukunft.",
        "en": "The time {text} is in the future.",
    },
    "consent.err.purpose": {
        "de": "Unbekannter Zweck {purpose!r}: advertising, service oder answer.",
        "en": "Unknown purpose {purpose!r}: advertising, service or answer.",
    },
    "consent.err.party": {
        "de": "Unbekannte Angabe {party!r}: consumer oder business.",
        "en": "Unknown party {party!r}: consumer or business.",
    },
    "consent.reapplied": {
        "de": plural(
            "{name}: Adresse {addresses} steht auf der Sperrliste, der Widerspruch gilt wieder.",
            "{name}: Adressen {addresses} stehen auf der Sperrliste, der Widerspruch gilt wieder.",
        ),
        "en": plural(
            "{name}: address {addresses} is on the do-not-contact list; "
            "the objection applies again.",
            "{name}: addresses {addresses} are on the do-not-contact list; "
            "the objection applies again.",
        ),
    },
    # GDPR export: the consent uses and the ledger's columns
    "gdpr.section.consent_uses": {
        "de": "Nutzungen von Einwilligungen (§ 7a UWG)",
        "en": "Uses of consents (UWG §7a)",
    },
    "gdpr.field.purpose": {"de": "Zweck", "en": "Purpose"},
    "gdpr.field.method": {"de": "Art der Erteilung", "en": "Method"},
    "gdpr.field.wording": {"de": "Wortlaut", "en": "Wording"},
    "gdpr.field.evidence": {"de": "Nachweis", "en": "Evidence"},
    "gdpr.field.recorded_by": {"de": "Erfasst von", "en": "Recorded by"},
    "gdpr.field.basis": {"de": "Grundlage", "en": "Basis"},
    "gdpr.field.used_at": {"de": "Genutzt am", "en": "Used"},
    "gdpr.field.party": {"de": "Verbraucher/Unternehmer", "en": "Consumer/business"},
    "gdpr.field.interaction_id": {"de": "Kontakt", "en": "Contact"},
    "gdpr.field.address": {"de": "Adresse", "en": "Address"},
    # The consent panel (card)
    "consent.panel.title": {"de": "Einwilligungen – {name}", "en": "Consents – {name}"},
    "consent.panel.party": {"de": "Rolle: {party}", "en": "Party: {party}"},
    "consent.panel.col.channel": {"de": "Kanal", "en": "Channel"},
    "consent.panel.col.status": {"de": "Stand", "en": "State"},
    "consent.panel.col.since": {"de": "Seit", "en": "Since"},
    "consent.panel.col.uses": {"de": "Nutzungen", "en": "Uses"},
    "consent.panel.col.keep": {"de": "Nachweis bis", "en": "Evidence until"},
    "consent.panel.ledger": {"de": "Verlauf", "en": "History"},
    "consent.panel.ledger_empty": {"de": "Noch nichts erfasst.", "en": "Nothing recorded yet."},
    "consent.panel.event": {
        "de": "{when}  {channel}: {kind} ({method}) {purpose}",
        "en": "{when}  {channel}: {kind} ({method}) {purpose}",
    },
    "consent.panel.by": {"de": "erfasst von {who}", "en": "recorded by {who}"},
    "consent.key.open": {"de": "Einwilligung", "en": "Consent"},
    "consent.key.record": {"de": "Erfassen", "en": "Record"},
    "consent.key.party": {"de": "Verbr./Untern.", "en": "Consumer/business"},
    "consent.key.close": {"de": "Schließen", "en": "Close"},
    "consent.saved": {"de": "Einwilligung erfasst.", "en": "Consent recorded."},
    "consent.party_saved": {"de": "Rolle: {party}.", "en": "Party: {party}."},
    # The record dialog
    "consent.dialog.title": {"de": "Einwilligung erfassen", "en": "Record consent"},
    "consent.dialog.kind": {"de": "Was", "en": "What"},
    "consent.dialog.channel": {"de": "Kanal", "en": "Channel"},
    "consent.dialog.method": {"de": "Wie", "en": "How"},
    "consent.dialog.purpose": {"de": "Zweck (wofür)", "en": "Purpose (what for)"},
    "consent.dialog.wording": {"de": "Wortlaut", "en": "Wording"},
    "consent.dialog.evidence": {"de": "Nachweis (wo abgelegt)", "en": "Evidence (where kept)"},
    "consent.dialog.save": {"de": "Speichern", "en": "Save"},
    "consent.dialog.cancel": {"de": "Abbrechen", "en": "Cancel"},
    # Warnings before contact (log modal)
    "consent.contact.purpose": {"de": "Zweck", "en": "Purpose"},
    "consent.contact.proceed": {
        "de": "Speichern geht als Service oder als Antwort auf ihre Anfrage.",
        "en": "It can be saved as service or as an answer to their request.",
    },
    # CLI: advisor consent
    "consent.cmd.help": {
        "de": "Einwilligungen einer Person erfassen oder zeigen (UWG § 7, DSGVO Art. 21)",
        "en": "record or show a person's consents (UWG §7, GDPR Art. 21)",
    },
    "consent.opt.person": {"de": "Nummer der Person", "en": "the person's number"},
    "consent.opt.action": {
        "de": "grant, refuse, revoke, object, consumer oder business; ohne: zeigen",
        "en": "grant, refuse, revoke, object, consumer or business; none: show",
    },
    "consent.opt.channel": {"de": "Kanal", "en": "channel"},
    "consent.opt.purpose": {"de": "wofür", "en": "what for"},
    "consent.opt.method": {"de": "wie erteilt", "en": "how it was given"},
    "consent.opt.wording": {"de": "Wortlaut", "en": "wording"},
    "consent.opt.evidence": {"de": "wo der Nachweis liegt", "en": "where the proof is kept"},
    "consent.opt.at": {"de": "wann (JJJJ-MM-TT)", "en": "when (YYYY-MM-DD)"},
    "consent.opt.json": {"de": "als JSON ausgeben", "en": "print JSON"},
    "consent.cli.channel_needed": {
        "de": "Bitte --channel angeben (phone, email, sms, messenger, fax, letter).",
        "en": "Please give --channel (phone, email, sms, messenger, fax, letter).",
    },
    "consent.cli.bad_at": {
        "de": "Datum: JJJJ-MM-TT bitte, nicht {text!r}",
        "en": "date: YYYY-MM-DD please, not {text!r}",
    },
    "consent.cli.recorded": {
        "de": "Erfasst: {channel} {kind} für {name}.",
        "en": "Recorded: {channel} {kind} for {name}.",
    },
    "consent.cli.line": {
        "de": "{channel:<10} {status:<26} {since:<10} {uses:>3} Nutzungen  Nachweis bis {keep}",
        "en": "{channel:<10} {status:<26} {since:<10} {uses:>3} uses  evidence until {keep}",
    },
    # Advice records (FinVermV §18a, §23)
    "advice.err.locked": {
        "de": "Aufzeichnung einer Anlageberatung (FinVermV § 18a): nicht änderbar; "
        "eine Korrektur wird als neuer Eintrag gespeichert.",
        "en": "Record of investment advice (FinVermV §18a): cannot be changed; "
        "a correction is stored as a new entry.",
    },
    "advice.cmd.help": {
        "de": "Aufzeichnungen der Anlageberatung prüfen (Hash-Kette, FinVermV § 18a)",
        "en": "check the records of investment advice (hash chain, FinVermV §18a)",
    },
    "advice.opt.action": {
        "de": "verify: die Kette prüfen; seal: markierte, noch nicht versiegelte Aufzeichnungen "
        "versiegeln",
        "en": "verify: check the chain; seal: seal records marked as advice but not yet sealed",
    },
    "advice.sealed": {
        "de": plural("{count} Aufzeichnung versiegelt.", "{count} Aufzeichnungen versiegelt."),
        "en": plural("{count} record sealed.", "{count} records sealed."),
    },
    "advice.verify.ok": {
        "de": plural(
            "{count} Aufzeichnung geprüft: die Kette ist unversehrt.",
            "{count} Aufzeichnungen geprüft: die Kette ist unversehrt.",
        ),
        "en": plural(
            "{count} record checked: the chain is intact.",
            "{count} records checked: the chain is intact.",
        ),
    },
    "advice.verify.problem.changed": {
        "de": "Aufzeichnung Nr. {id} (Glied {seq}) wurde nach dem Speichern verändert.",
        "en": "Record no. {id} (link {seq}) was changed after it was saved.",
    },
    "advice.verify.problem.missing": {
        "de": "Aufzeichnung Nr. {id} (Glied {seq}) fehlt, ist aber bis {until} aufzubewahren.",
        "en": "Record no. {id} (link {seq}) is missing but must be kept until {until}.",
    },
    "advice.verify.problem.broken_link": {
        "de": "Glied {seq} passt nicht zum vorigen: die Kette wurde verändert.",
        "en": "Link {seq} does not match the one before: the chain was altered.",
    },
    "advice.verify.problem.unsealed": {
        "de": "Aufzeichnung Nr. {id} ist als Anlageberatung markiert, aber nicht versiegelt "
        "(advisor advice-records seal).",
        "en": "Record no. {id} is marked as investment advice but not sealed "
        "(advisor advice-records seal).",
    },
    "advice.doctor.fix": {
        "de": "Die Aufzeichnung aus einer Sicherung wiederherstellen und prüfen, wer die "
        "Datenbank außerhalb des Programms geändert hat.",
        "en": "Restore the record from a backup and find out who changed the database "
        "outside the program.",
    },
    "advice.flag": {
        "de": "Anlageberatung (Aufzeichnungspflicht)",
        "en": "investment advice (recording duty)",
    },
}

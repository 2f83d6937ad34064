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
    "campaign.persons": {
        "de": plural("{count} Person", "{count} Personen"),
        "en": plural("{count} person", "{count} persons"),
    },
}

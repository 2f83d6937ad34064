"""Why an address is invalid: one text per reason code stored in Address.invalid_reason."""

TEXTS = {
    "address.empty": {"de": "leer", "en": "empty"},
    "phone.empty": {"de": "keine Nummer angegeben", "en": "no number given"},
    "phone.not_a_number": {"de": "keine Telefonnummer", "en": "not a phone number"},
    "phone.invalid_country_code": {
        "de": "unbekannte Ländervorwahl",
        "en": "unknown country code",
    },
    "phone.too_short": {"de": "Nummer zu kurz", "en": "number too short"},
    "phone.incomplete": {
        "de": "Nummer unvollständig (fehlt die Vorwahl?)",
        "en": "number incomplete (area code missing?)",
    },
    "phone.too_long": {"de": "Nummer zu lang", "en": "number too long"},
    "phone.invalid_length": {
        "de": "Nummer hat eine unmögliche Länge",
        "en": "number has an impossible length",
    },
    "phone.invalid_for_region": {
        "de": "keine vergebene Nummer in diesem Land",
        "en": "not an assigned number in that country",
    },
    "email.empty": {"de": "keine E-Mail-Adresse angegeben", "en": "no e-mail address given"},
    "email.no_at": {"de": "E-Mail-Adresse ohne @", "en": "e-mail address without @"},
    "email.no_local_part": {"de": "nichts vor dem @", "en": "nothing before the @"},
    "email.no_domain": {"de": "nichts nach dem @", "en": "nothing after the @"},
    "email.too_long": {"de": "E-Mail-Adresse zu lang", "en": "e-mail address too long"},
    "email.bad_local_part": {
        "de": "unzulässige Zeichen vor dem @",
        "en": "characters not allowed before the @",
    },
    "email.bad_domain": {
        "de": "Domain nach dem @ ungültig",
        "en": "domain after the @ is not valid",
    },
    "email.invalid": {"de": "keine gültige E-Mail-Adresse", "en": "not a valid e-mail address"},
}

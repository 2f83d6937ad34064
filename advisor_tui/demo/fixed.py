"""The fixed, recognisable people at the start of every demo database (ids 1..8).

Docs, tests and screenshots can rely on them: Anna Schmidt with the full
address mix, the Müller household sharing one landline, the dissatisfied
Jürgen Schäfer, the only Guido, Max Mustermann with invalid values, and so on.
Days are relative to "now" (negative = in the past).
"""

from __future__ import annotations

from dataclasses import dataclass

# The unknown sender of the "Gruß Guido" request: no person has this number
# (nor any number ending in its last seven digits).
GUIDO_NUMBER = "+4915774839201"
GUIDO_NATIONAL = "15774839201"


@dataclass(frozen=True)
class FixedAddress:
    kind: str
    raw: str
    scope: str = "private"
    label: str = ""
    is_direct_dial: bool = False
    street: str = ""
    postcode: str = ""
    city: str = ""
    serviceable: bool = False
    confirmed_day: int | None = None
    success_day: int | None = None
    failed_day: int | None = None
    failure_kind: str | None = None
    is_preferred: bool = False


@dataclass(frozen=True)
class FixedRequest:
    channel: str
    kind: str
    status: str
    subject: str
    body: str
    address: int  # index into the person's addresses: the sender
    recipients: tuple[str, ...] = ()
    hours_ago: int = 3


@dataclass(frozen=True)
class FixedPerson:
    salutation: str
    first_name: str
    last_name: str
    kind: str = "customer"
    title: str = ""
    company: str = ""
    tags: str = ""
    notes: str = ""
    birthday: tuple[int, int, int] | None = None
    super_customer: bool = False
    dissatisfied: bool = False
    payment_trouble: bool = False
    addresses: tuple[FixedAddress, ...] = ()
    # (kind, state, note); state: today, overdue, upcoming, done, snoozed
    followups: tuple[tuple[str, str, str], ...] = ()
    consents: tuple[tuple[str, bool], ...] = ()  # (channel, granted)
    requests: tuple[FixedRequest, ...] = ()


def _postal(street: str, postcode: str, city: str, **more: object) -> FixedAddress:
    raw = f"{street}, {postcode} {city}"
    return FixedAddress(
        "postal",
        raw,
        street=street,
        postcode=postcode,
        city=city,
        **more,  # type: ignore[arg-type]
    )


FIXED_PERSONS: tuple[FixedPerson, ...] = (
    FixedPerson(
        "Frau",
        "Anna",
        "Schmidt",
        company="Hansen Logistik GmbH",
        tags="Altersvorsorge,Depot",
        notes="Bevorzugt Anrufe auf dem Handy, gern vor 9 Uhr.",
        birthday=(1984, 5, 17),
        super_customer=True,
        addresses=(
            FixedAddress("mobile", "0171 1234567", confirmed_day=-20, success_day=-3,
                         is_preferred=True),
            FixedAddress("email", "anna.schmidt@hansen-logistik.de", "business", success_day=-10),
            FixedAddress("email", "info@hansen-logistik.de", "business"),
            FixedAddress("landline", "040 822150-214", "business", "Büro", is_direct_dial=True,
                         success_day=-400),
            _postal("Eppendorfer Weg 12", "20259", "Hamburg", serviceable=True,
                    confirmed_day=-200),
        ),
        followups=(("callback", "today", "Rückruf zugesagt: Sparplan-Erhöhung"),),
        consents=(("phone", True), ("email", True)),
        requests=(
            FixedRequest(
                "email", "order", "new", "Sparplan erhöhen",
                "Hallo Herr Balschuweit, bitte erhöhen Sie meinen Sparplan ab nächstem Monat "
                "auf 300 €. Viele Grüße Anna Schmidt",
                address=1,
                recipients=("info@balschuweit-finanz.de", "m.balschuweit@balschuweit-finanz.de"),
                hours_ago=2,
            ),
        ),
    ),
    FixedPerson(
        "Herr",
        "Thomas",
        "Müller",
        tags="Wohngebäude,Kfz",
        birthday=(1971, 9, 2),
        addresses=(
            FixedAddress("landline", "0221 345678", label="Festnetz", success_day=-30),
            FixedAddress("mobile", "0172 3456789", success_day=-60),
            _postal("Lindenstraße 5", "50674", "Köln", serviceable=True, confirmed_day=-365),
        ),
        followups=(("follow_up", "overdue", "Angebot Wohngebäude nachfassen"),),
        requests=(
            FixedRequest(
                "voicemail", "callback", "open", "",
                "Nachricht auf der Mailbox: Bitte rufen Sie zurück wegen der "
                "Wohngebäudeversicherung. Thomas Müller",
                address=1,
                hours_ago=20,
            ),
        ),
    ),
    FixedPerson(
        "Frau",
        "Sabine",
        "Müller",
        tags="Wohngebäude",
        birthday=(1974, 3, 28),
        addresses=(
            FixedAddress("landline", "0221/345678", label="Festnetz"),
            FixedAddress("email", "sabine.mueller@web.de", success_day=-45),
            _postal("Lindenstraße 5", "50674", "Köln", serviceable=True, confirmed_day=-365),
            FixedAddress("mobile", "0162 4567890", success_day=-15),
        ),
        consents=(("email", True),),
        requests=(
            FixedRequest(
                "sms", "change_of_data", "new", "",
                "Hallo Herr Balschuweit, wir haben eine neue Bankverbindung, die Unterlagen "
                "kommen per Post. Sabine Müller",
                address=3,
                hours_ago=5,
            ),
        ),
    ),
    FixedPerson(
        "Herr",
        "Jürgen",
        "Schäfer",
        tags="Hausrat",
        notes="Wasserschaden März: Regulierung zieht sich.",
        birthday=(1962, 11, 9),
        dissatisfied=True,
        addresses=(
            FixedAddress("mobile", "0160 9876543", success_day=-12),
            FixedAddress("email", "j.schaefer@t-online.de", success_day=-5),
            _postal("Bahnhofstraße 17", "80335", "München", confirmed_day=-700),
        ),
        followups=(("complaint_deadline", "upcoming", "Beschwerde Wasserschaden beantworten"),),
        consents=(("phone", True),),
        requests=(
            FixedRequest(
                "letter", "complaint", "open", "Beschwerde Schadenregulierung",
                "Sehr geehrter Herr Balschuweit, mein Wasserschaden vom März ist bis heute "
                "nicht reguliert. Ich erwarte umgehend Ihre Antwort. Jürgen Schäfer",
                address=2,
                hours_ago=50,
            ),
            FixedRequest(
                "whatsapp", "complaint", "waiting", "",
                "Haben Sie meinen Brief bekommen? Ich warte immer noch auf eine Antwort!",
                address=0,
                hours_ago=26,
            ),
        ),
    ),
    FixedPerson(
        "Herr",
        "Guido",
        "Meier",
        tags="Depot,ETF-Sparplan",
        birthday=(1958, 7, 21),
        addresses=(
            FixedAddress("landline", "089 7654321", success_day=-90),
            FixedAddress("email", "guido.meier@web.de", success_day=-150),
            _postal("Isartalstraße 44", "80469", "München", serviceable=True),
        ),
        consents=(("phone", True), ("email", True)),
    ),
    FixedPerson(
        "Herr",
        "Max",
        "Mustermann",
        kind="prospect",
        company="Beispiel Bau GmbH",
        birthday=(1990, 1, 1),
        addresses=(
            FixedAddress("mobile", "0151 23456789"),
            FixedAddress("email", "m.mustermann@beispiel-bau.de", "business"),
            FixedAddress("email", "max@@web"),
            FixedAddress("landline", "12345"),
        ),
        followups=(("campaign_call", "upcoming", "Telefonaktion: Check Altersvorsorge"),),
        requests=(
            FixedRequest(
                "phone", "callback", "new", "", "Anruf in Abwesenheit, bitte zurückrufen.",
                address=0,
                hours_ago=1,
            ),
        ),
    ),
    FixedPerson(
        "Frau",
        "Claudia",
        "Becker",
        title="Dr.",
        tags="PKV,BU",
        birthday=(1979, 12, 4),
        payment_trouble=True,
        addresses=(
            FixedAddress("mobile", "0176 55512345", success_day=-8),
            FixedAddress("messenger", "+49 176 55512345", label="Signal", success_day=-8),
            FixedAddress("messenger", "K7F2PX9A", label="Threema"),
            FixedAddress("email", "claudia.becker@gmail.com"),
        ),
        followups=(("follow_up", "snoozed", "Ratenplan für die PKV besprechen"),),
        consents=(("phone", True), ("email", False)),
        requests=(
            FixedRequest(
                "signal", "question", "waiting", "",
                "Können wir die PKV-Beiträge für drei Monate stunden? Claudia",
                address=1,
                hours_ago=30,
            ),
        ),
    ),
    FixedPerson(
        "Herr",
        "Helmut",
        "Wagner",
        kind="former",
        birthday=(1949, 6, 30),
        addresses=(
            _postal("Goethestraße 3", "04109", "Leipzig", failed_day=-60,
                    failure_kind="returned_letter"),
            FixedAddress("email", "h.wagner@arcor.de", failed_day=-90, failure_kind="bounced"),
            FixedAddress("landline", "0341 2233445", success_day=-500),
        ),
        followups=(("follow_up", "done", "Kündigung bestätigen"),),
        consents=(("email", False),),
    ),
)  # fmt: skip

"""The fixed vocabularies of the domain: kinds, scopes, channels, statuses.

Stored as plain strings (portable across SQLite and PostgreSQL); these enums
are the one place their allowed values are written down.
"""

from __future__ import annotations

from enum import StrEnum


class PersonKind(StrEnum):
    CUSTOMER = "customer"
    PROSPECT = "prospect"  # Interessent
    FORMER = "former"


class AddressKind(StrEnum):
    MOBILE = "mobile"
    LANDLINE = "landline"
    FAX = "fax"
    EMAIL = "email"
    POSTAL = "postal"
    MESSENGER = "messenger"  # WhatsApp, Signal, Threema, Telegram ...
    SOCIAL = "social"  # LinkedIn, Xing, Facebook, X ...

    @property
    def is_phone(self) -> bool:
        return self in (AddressKind.MOBILE, AddressKind.LANDLINE, AddressKind.FAX)


class Scope(StrEnum):
    PRIVATE = "private"
    BUSINESS = "business"


class FailureKind(StrEnum):
    BOUNCED = "bounced"
    WRONG_NUMBER = "wrong_number"
    RETURNED_LETTER = "returned_letter"
    UNREACHABLE = "unreachable"


# Which failures fit which kind of address, most likely first: the card offers
# these and `mark_failed` refuses the others (no returned letter for a phone).
FAILURE_KINDS: dict[str, tuple[FailureKind, ...]] = {
    AddressKind.MOBILE: (FailureKind.WRONG_NUMBER, FailureKind.UNREACHABLE),
    AddressKind.LANDLINE: (FailureKind.WRONG_NUMBER, FailureKind.UNREACHABLE),
    AddressKind.FAX: (FailureKind.WRONG_NUMBER, FailureKind.UNREACHABLE),
    AddressKind.EMAIL: (FailureKind.BOUNCED, FailureKind.UNREACHABLE),
    AddressKind.POSTAL: (FailureKind.RETURNED_LETTER, FailureKind.UNREACHABLE),
    AddressKind.MESSENGER: (
        FailureKind.WRONG_NUMBER,
        FailureKind.BOUNCED,
        FailureKind.UNREACHABLE,
    ),
    AddressKind.SOCIAL: (FailureKind.BOUNCED, FailureKind.UNREACHABLE),
}


def failure_kinds_for(address_kind: str) -> list[FailureKind]:
    """The failures that can happen to an address of `address_kind`, most likely first."""
    return list(FAILURE_KINDS.get(address_kind, (FailureKind.UNREACHABLE,)))


class Channel(StrEnum):
    SMS = "sms"
    MMS = "mms"
    EMAIL = "email"
    WHATSAPP = "whatsapp"
    SIGNAL = "signal"
    TELEGRAM = "telegram"
    FACEBOOK = "facebook"
    X = "x"
    LINKEDIN = "linkedin"
    XING = "xing"
    PHONE = "phone"
    VOICEMAIL = "voicemail"
    LETTER = "letter"
    FAX = "fax"
    IN_PERSON = "in_person"  # said across the desk, at a meeting


class RequestKind(StrEnum):
    ORDER = "order"
    QUESTION = "question"
    COMPLAINT = "complaint"
    CALLBACK = "callback"
    CHANGE_OF_DATA = "change_of_data"
    OTHER = "other"


class RequestStatus(StrEnum):
    NEW = "new"
    OPEN = "open"
    WAITING = "waiting"
    DONE = "done"


class MatchKind(StrEnum):
    """How a sender was tied to a person; every match says how it was made."""

    EXACT = "exact"
    SUFFIX = "suffix"
    SHARED = "shared"
    NAME_HINT = "name_hint"
    MANUAL = "manual"
    UNKNOWN = "unknown"


class InteractionKind(StrEnum):
    CALL = "call"
    MESSAGE = "message"
    EMAIL = "email"
    MEETING = "meeting"
    LETTER = "letter"


class Direction(StrEnum):
    IN = "in"
    OUT = "out"


class Outcome(StrEnum):
    REACHED = "reached"
    NO_ANSWER = "no_answer"
    VOICEMAIL = "voicemail"
    WRONG_NUMBER = "wrong_number"
    BUSY = "busy"
    SENT = "sent"
    BOUNCED = "bounced"
    RETURNED = "returned"


class ContactResult(StrEnum):
    """What a contact achieved for the business (Interaction.result)."""

    APPOINTMENT = "appointment"
    CALLBACK_WANTED = "callback_wanted"
    NOT_INTERESTED = "not_interested"
    ORDER = "order"
    COMPLAINT = "complaint"
    OTHER = "other"


class FollowUpResolution(StrEnum):
    """How a follow-up was closed (FollowUp.resolution)."""

    DONE = "done"  # by hand, with an optional note
    CALLED_IN = "called_in"  # the person called and was answered
    REACHED = "reached"  # a logged call reached the person
    WROTE_IN = "wrote_in"  # the person wrote (a request arrived)
    CLOSED_WITH_CONTACT = "closed_with_contact"  # closed from the log modal


class FollowUpKind(StrEnum):
    CALLBACK = "callback"
    FOLLOW_UP = "follow_up"
    COMPLAINT_DEADLINE = "complaint_deadline"
    CAMPAIGN_CALL = "campaign_call"


class ConsentChannel(StrEnum):
    PHONE = "phone"
    EMAIL = "email"
    SMS = "sms"
    MESSENGER = "messenger"
    FAX = "fax"  # UWG §7(2) Nr.2: needs express consent like e-mail
    LETTER = "letter"

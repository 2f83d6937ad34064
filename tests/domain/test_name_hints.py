"""Sender names read from a message's text and display name (domain.name_hints)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from advisor_tui.domain.name_hints import display_name_hint, sender_name_hints
from advisor_tui.domain.request_kinds import guess_kind
from advisor_tui.domain.signatures import signature_addresses

GUIDO = "Hallo Herr Balschuweit, bitte verkaufen Sie meine Investments. Gruß Guido"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (GUIDO, [("Guido", "")]),
        ("LG Guido", [("Guido", "")]),
        ("Viele Grüße, Anna Meier", [("Anna", "Meier")]),
        ("VG Tom", [("Tom", "")]),
        ("Guido hier, bitte ruf zurück", [("Guido", "")]),
        ("Hallo, Guido hier. Rückruf bitte", [("Guido", "")]),
        ("Hi Frank, hier ist Anna Meier. Ruf mal an", [("Anna", "Meier")]),
        ("Danke! LG, Ihr Guido", [("Guido", "")]),
        (
            "Mit freundlichen Grüßen\nKarl-Heinz Müller\nTel 0171 1234567",
            [("Karl-Heinz", "Müller")],
        ),
        # A greeting to the advisor names the addressee, never the sender.
        ("Hallo Herr Balschuweit, Rückruf bitte.", []),
        ("Sehr geehrte Frau Dr. Schulz, bitte rufen Sie an.", []),
        ("Danke, Herr Balschuweit!", []),
        ("Gruß an alle", []),
        ("Hallo Frau Meier hier ist Tom", [("Tom", "")]),
        ("Herzliche Grüße\nFamilie Müller", [("", "Müller")]),
        ("", []),
    ],
)
def test_names_from_the_text(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(h.first, h.last) for h in sender_name_hints(text)] == expected


def test_display_name_comes_first_and_each_name_once() -> None:
    hints = sender_name_hints("Viele Grüße, Anna Meier", "Anna Meier")
    assert [(h.first, h.last, h.source) for h in hints] == [("Anna", "Meier", "display")]
    assert display_name_hint('"Meier, Anna"') is not None
    assert display_name_hint("anna.meier@example.org") is None
    assert display_name_hint("+49 171 1234567") is None


def test_the_later_signature_wins_over_a_quoted_one() -> None:
    text = "Gruß Tom\n\n> Am Montag schrieb Anna:\n> Viele Grüße Anna"
    # The reply's own signature is written above the quote in this mail: both are offered,
    # the one further down first (a known limit: quoted text is not told apart).
    assert [h.first for h in sender_name_hints(text)] == ["Anna", "Tom"]


@given(st.text(max_size=200))
def test_never_fails_on_any_text(text: str) -> None:
    for hint in sender_name_hints(text, text[:30]):
        assert hint.full and hint.full[0].isupper()


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (GUIDO, "order"),
        ("Bitte um Rückruf", "callback"),
        ("Ruf mich bitte zurück", "callback"),
        ("Nachricht auf der Mailbox: Bitte rufen Sie mich zurück.", "callback"),
        ("Ich möchte mich beschweren", "complaint"),
        ("Reklamation Vertrag 123", "complaint"),
        ("Ich habe eine neue Adresse", "change_of_data"),
        ("Wie hoch ist mein Depot?", "question"),
        ("Hallo", "other"),
    ],
)
def test_kind_from_the_text(text: str, kind: str) -> None:
    assert guess_kind(text) == kind


def test_signature_addresses_only_below_the_closing() -> None:
    text = (
        "Vertrag 12345678, bitte kündigen.\n\nMit freundlichen Grüßen\nAnna Meier\n"
        "Mobil: 0171 / 234 56 78\nFax 030 1234567\nanna.meier@web.de"
    )
    found = [(a.kind, a.raw) for a in signature_addresses(text)]
    assert found == [
        ("phone", "0171 / 234 56 78"),
        ("fax", "030 1234567"),
        ("email", "anna.meier@web.de"),
    ]

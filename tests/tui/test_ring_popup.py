"""The ring pop-up's text, from facts (no app, no database)."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from advisor_tui.i18n import set_language
from advisor_tui.services.calls.context import (
    CallerContext,
    EarlierContact,
    LastContact,
    PersonContext,
    PromisedCallback,
)
from advisor_tui.services.calls.recording import CallerInfo, Candidate
from advisor_tui.tui.ring_popup import ring_text


def _now() -> datetime:
    """9:00 on 1 Dec 2026 in the zone the tests run in (set after import)."""
    return datetime(2026, 12, 1, 9, 0).astimezone()


@pytest.fixture(autouse=True)
def german() -> None:
    set_language("de")


def test_known_caller_with_callback_requests_and_last_contact() -> None:
    now = _now()
    caller = CallerInfo(
        "01711234567", "0171 1234567", None, [Candidate(1, "Anna Schmidt", "exact", 1)]
    )
    person = PersonContext(
        1,
        "Anna Schmidt",
        "Hansen Logistik GmbH",
        "★",
        1,
        PromisedCallback(now.replace(hour=14), 2),
        LastContact(now - timedelta(days=1), "call"),
    )
    text = ring_text(caller, "Strg+O", CallerContext(persons=[person]), now)
    assert text == (
        "Anna Schmidt · Hansen Logistik GmbH ★\n0171 1234567\n"
        "Rückruf versprochen: heute 14:00 (2 Anrufe) · 1 offener Eingang · "
        "Letzter Kontakt 30.11.2026 (Anruf)\nStrg+O öffnet die Kundenkarte"
    )


def test_unknown_caller_with_an_earlier_sms() -> None:
    now = _now()
    caller = CallerInfo("015112345678", "0151 12345678", None, [])
    earlier = EarlierContact(now - timedelta(days=1), "sms", "bitte verkaufen …")
    text = ring_text(caller, "Strg+O", CallerContext(earlier=[earlier]), now)
    assert text == (
        "Unbekannter Anrufer 0151 12345678\nschrieb am 30.11. per SMS: „bitte verkaufen …“\n"
        "Strg+O legt einen Kunden an"
    )


def test_shared_number_asks_to_choose() -> None:
    candidates = [
        Candidate(1, "Karl Schäfer", "shared", 1),
        Candidate(2, "Erika Schäfer", "shared", 2),
    ]
    caller = CallerInfo("0301234567", "030 1234567", None, candidates)
    text = ring_text(caller, "Strg+O", None, _now())
    assert text == "030 1234567 gehört mehreren: Karl Schäfer, Erika Schäfer\nStrg+O: wählen"

"""Normalization of phone numbers and e-mail addresses (issue 2 table)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from advisor_tui.domain.normalize import normalize_address


@pytest.mark.parametrize(
    "raw",
    [
        "0171 1234567",
        "+49 (0)171-1234567",
        "0049 171 1234567",
        "01711234567",
        "tel:+49-171-1234567",
        "+49 171 1234567",
    ],
)
def test_every_notation_gives_one_e164(raw: str) -> None:
    result = normalize_address("mobile", raw)
    assert result.valid
    assert result.normalized == "+491711234567"
    assert result.phone_type == "mobile"
    assert result.rev_digits == "1711234567"[::-1]


def test_fixed_line_type_and_other_region() -> None:
    assert normalize_address("landline", "030 1234567").phone_type == "fixed_line"
    assert normalize_address("landline", "01 234 5678", region="AT").normalized == "+4312345678"


@pytest.mark.parametrize("raw", ["12345", "12", "abc", "+49 171", ""])
def test_invalid_phone_is_flagged_not_dropped(raw: str) -> None:
    result = normalize_address("mobile", raw)
    assert not result.valid
    assert result.normalized is None
    assert result.invalid_reason


def test_email_domain_case_is_folded() -> None:
    result = normalize_address("email", " Anna.Schmidt@Firma-GmbH.DE ")
    assert result.valid
    assert result.normalized == "anna.schmidt@firma-gmbh.de"


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        ("max@@web.de", "email.bad_domain"),
        ("max", "email.no_at"),
        ("max@", "email.no_domain"),
        ("@web.de", "email.no_local_part"),
        ("a b@web.de", "email.bad_local_part"),
        ("max@localhost", "email.bad_domain"),
    ],
)
def test_invalid_email_is_flagged_with_a_code(raw: str, code: str) -> None:
    result = normalize_address("email", raw)
    assert not result.valid
    assert result.invalid_reason == code


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        ("abc", "phone.not_a_number"),
        ("+999 123", "phone.invalid_country_code"),
        ("12", "phone.incomplete"),
        ("+49 171", "phone.incomplete"),
        ("01711234567890123", "phone.too_long"),
        ("0171", "phone.invalid_for_region"),
        ("", "address.empty"),
    ],
)
def test_invalid_phone_reason_is_a_code(raw: str, code: str) -> None:
    assert normalize_address("mobile", raw).invalid_reason == code


def test_every_reason_code_has_a_text_and_old_reasons_show_as_stored() -> None:
    from advisor_tui.domain import emails, phones
    from advisor_tui.domain.reasons import Reason
    from advisor_tui.i18n import CATALOG, set_language

    codes = {code for _, code in emails._REASONS} | {"email.invalid", "email.empty"}
    codes |= set(phones._PARSE_ERRORS.values()) | set(phones._LENGTH_ERRORS.values())
    codes |= {"phone.invalid_for_region", "phone.empty", "address.empty"}
    assert sorted(codes - CATALOG.keys()) == []

    set_language("en")
    try:
        detail = Reason("phone.too_short")
        assert Reason("stab.invalid", {"detail": detail}).text() == "invalid (number too short)"
        legacy = Reason("phone: The string supplied did not seem to be a phone number.")
        assert "The string supplied" in Reason("stab.invalid", {"detail": legacy}).text()
    finally:
        set_language("de")


def test_messenger_number_normalizes_like_a_phone() -> None:
    assert normalize_address("messenger", "0171 1234567").normalized == "+491711234567"
    assert normalize_address("messenger", "@Max_Muster").normalized == "@max_muster"


def test_postal_is_kept_on_one_line() -> None:
    result = normalize_address("postal", "Hauptstr. 1\n10115  Berlin")
    assert result.normalized == "Hauptstr. 1, 10115 Berlin"


@given(
    st.integers(min_value=1_000_000, max_value=9_999_999),
    st.sampled_from(["151", "160", "170", "171", "176"]),
)
def test_same_number_in_any_notation_is_one_e164(subscriber: int, prefix: str) -> None:
    national = f"0{prefix}{subscriber}"
    notations = [
        national,
        f"+49 {prefix} {subscriber}",
        f"+49 (0){prefix}-{subscriber}",
        f"0049{prefix}{subscriber}",
        f"0{prefix}/{subscriber}",
    ]
    results = {normalize_address("mobile", n).normalized for n in notations}
    assert len(results) == 1

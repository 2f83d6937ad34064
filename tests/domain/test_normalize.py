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


@pytest.mark.parametrize("raw", ["max@@web.de", "max", "max@", "@web.de", "a b@web.de"])
def test_invalid_email_is_flagged(raw: str) -> None:
    result = normalize_address("email", raw)
    assert not result.valid
    assert "e-mail" in (result.invalid_reason or "")


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

"""One list of failure kinds per address kind."""

from __future__ import annotations

import pytest

from advisor_tui.domain.vocabulary import AddressKind, FailureKind, failure_kinds_for


@pytest.mark.parametrize(
    ("kind", "first", "never"),
    [
        (AddressKind.MOBILE, FailureKind.WRONG_NUMBER, FailureKind.RETURNED_LETTER),
        (AddressKind.LANDLINE, FailureKind.WRONG_NUMBER, FailureKind.BOUNCED),
        (AddressKind.FAX, FailureKind.WRONG_NUMBER, FailureKind.RETURNED_LETTER),
        (AddressKind.EMAIL, FailureKind.BOUNCED, FailureKind.WRONG_NUMBER),
        (AddressKind.POSTAL, FailureKind.RETURNED_LETTER, FailureKind.BOUNCED),
        (AddressKind.MESSENGER, FailureKind.WRONG_NUMBER, FailureKind.RETURNED_LETTER),
        (AddressKind.SOCIAL, FailureKind.BOUNCED, FailureKind.RETURNED_LETTER),
    ],
)
def test_failures_fit_the_address(
    kind: AddressKind, first: FailureKind, never: FailureKind
) -> None:
    kinds = failure_kinds_for(kind)
    assert kinds[0] == first and never not in kinds
    assert FailureKind.UNREACHABLE in kinds
    assert len(set(kinds)) == len(kinds)


def test_every_failure_kind_fits_some_address() -> None:
    offered = {f for kind in AddressKind for f in failure_kinds_for(kind)}
    assert offered == set(FailureKind)
    assert failure_kinds_for("carrier pigeon") == [FailureKind.UNREACHABLE]

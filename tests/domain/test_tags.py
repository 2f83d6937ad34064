"""Tags: split, compare without case, complete the last one."""

from __future__ import annotations

import pytest

from advisor_tui.domain.tags import complete, has_tag, join_tags, split_tags

KNOWN = ["Depot", "Rente", "Riester", "Kfz"]


def test_split_trims_and_keeps_each_once() -> None:
    assert split_tags(" Rente,depot ,, Depot,  Kfz  Flotte ") == ["Rente", "depot", "Kfz Flotte"]
    assert join_tags(["Rente", "rente", "Depot"]) == "Rente, Depot"


def test_has_tag_ignores_case_and_spaces() -> None:
    assert has_tag("Rente, Depot", "depot")
    assert not has_tag("Rente, Depotcheck", "Depot")


@pytest.mark.parametrize(
    ("text", "completed"),
    [
        ("De", "Depot"),
        ("Rente, Ri", "Rente, Riester"),
        ("Rente, r", "Rente, Riester"),  # Rente is taken already
        ("Rente, ", None),
        ("Xy", None),
    ],
)
def test_complete_the_last_tag(text: str, completed: str | None) -> None:
    assert complete(text, KNOWN) == completed

"""German phone-book order (DIN 5007-2) as a plain string key."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from advisor_tui.domain.collation import sort_key, strip_particles
from advisor_tui.domain.folding import fold


def _order(names: list[tuple[str, str]]) -> list[tuple[str, str]]:
    return sorted(names, key=lambda n: sort_key(n[0], n[1], ""))


def test_phone_book_order() -> None:
    names = ["Zimmermann", "Öztürk", "von Berg", "Bauer", "Ostermann", "Müller", "Mueller"]
    ordered = [last for _, last in _order([("Anna", n) for n in names])]
    assert ordered == [
        "Bauer",
        "von Berg",
        "Müller",  # stable: Müller and Mueller have equal keys
        "Mueller",
        "Öztürk",
        "Ostermann",
        "Zimmermann",
    ]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (("Anna", "Berg"), ("Anna", "Bergmann")),  # a name before its longer namesake
        (("Zoe", "Berg"), ("Adam", "Berg Meier")),  # last name first, then first name
        (("Anna", "Berg"), ("Berta", "Berg")),
        (("Anna", "Strasser"), ("Anna", "Straub")),
        (("Anna", "Straßer"), ("Anna", "Straub")),  # ß as ss
        (("Anna", "van der Heide"), ("Anna", "Heinz")),  # under H
        (("Anna", "Zu Guttenberg"), ("Anna", "Haas")),  # particles whatever their case
        (("Anna", "De Luca"), ("Anna", "Lutz")),
        (("Anna", "Ölmann"), ("Anna", "Olbrich")),  # ö as oe: oel < olb
    ],
)
def test_pairs(a: tuple[str, str], b: tuple[str, str]) -> None:
    assert sort_key(*a, "") < sort_key(*b, "")


@pytest.mark.parametrize(
    ("last", "expected"),
    [
        ("von Berg", "Berg"),
        ("von der Heide", "Heide"),
        ("van den Bosch", "Bosch"),
        ("zu Guttenberg", "Guttenberg"),
        ("Berg", "Berg"),
        ("von", "von"),  # a particle alone is the name
        ("de la Cruz", "Cruz"),
        ("Vonberg", "Vonberg"),
    ],
)
def test_strip_particles(last: str, expected: str) -> None:
    assert strip_particles(last) == expected


def test_company_without_a_person_name_sorts_by_company() -> None:
    assert sort_key("", "", "Öko Bau GmbH") < sort_key("Anna", "Pohl", "")
    assert sort_key("", "", "Öko Bau GmbH") > sort_key("Anna", "Obst", "")


names = st.text(alphabet="abcdefghijklmnopqrstuvwxyzäöüßABCÄÖÜ -éç", max_size=20)


@given(names, names, names)
def test_case_and_umlaut_spelling_do_not_matter(first: str, last: str, company: str) -> None:
    key = sort_key(first, last, company)
    assert key == sort_key(first.upper(), last.upper(), company.upper())
    assert key == sort_key(first.swapcase(), last.swapcase(), company.swapcase())
    spelled = {"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"}
    assert key == sort_key(
        *("".join(spelled.get(c, c) for c in part) for part in (first, last, company))
    )


@given(names, names)
def test_key_is_folded_and_particles_do_not_matter(first: str, last: str) -> None:
    key = sort_key(first, last, "")
    assert key == fold(key)
    if last.strip():
        assert sort_key(first, f"von {last}", "") == key
        assert sort_key(first, f"van der {last}", "") == key

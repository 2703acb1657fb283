"""English office phrases: the organisation named right before a title and name, or after a name and its
title ("Zelora Data Agency (ZDA) director X", "X - Vice Chairman of Y"). Invented names throughout."""

from __future__ import annotations

import pytest
from conftest import relations_of


@pytest.mark.parametrize(
    ("text", "person", "org"),
    [
        (
            "Attending the forum were: Tran Van Kiet - Vice Chairman of Zelora City People's Committee; "
            "Sok Dara - President of the Royal Academy of Kitramo.",
            "Sok Dara",
            "Royal Academy of Kitramo",
        ),
        (
            "Attending the forum were: Tran Van Kiet - Vice Chairman of Zelora City People's Committee; "
            "Sok Dara - President of the Royal Academy of Kitramo.",
            "Tran Van Kiet",
            "Zelora City People's Committee",
        ),
        ("Zelora Data Agency (ZDA) director Kit Sophal said the meeting focused on AI.", "Kit Sophal", "Zelora Data Agency"),
        (
            "Kit Sophal, Senior Vice President for Financial Institutions, Zelora Bank Public Company Limited, said "
            "transactions grew.",
            "Kit Sophal",
            "Zelora Bank Public Company Limited",
        ),
    ],
)
def test_office_phrase_names_the_organisation(text: str, person: str, org: str) -> None:
    assert (person, "holdsPositionIn", org) in relations_of(text)


def test_a_title_alone_between_two_names_gives_no_office() -> None:
    text = "Zelora Telecom said on Monday that Kit Sophal would visit Vientiane."
    assert not any(p == "holdsPositionIn" for _s, p, _o in relations_of(text))


def test_the_organisation_after_a_name_and_of() -> None:
    text = "Party General Secretary Tran Van Kiet of the ruling Zelora Workers' Party spoke to the assembly."
    assert ("Tran Van Kiet", "holdsPositionIn", "Zelora Workers' Party") in relations_of(text)

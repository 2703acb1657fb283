"""Consistency guards: facts that contradict what the corpus states better are refused.

Each guard is a named function from the extracted relations to the ones that
stand; ``apply_guards`` runs them in order. A guard never adds a fact; what it
drops is returned with the guard's name so that a build can report it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Mapping

from kg.records import Relation

Guard = Callable[[list[Relation], Mapping[str, str]], tuple[list[Relation], list[Relation]]]


def countries_of(relations: list[Relation], curated: Mapping[str, str]) -> dict[str, str]:
    """Each entity's country: the curated one, else the one its best-evidenced ``country`` fact gives."""
    best: dict[str, tuple[float, str]] = {}
    for r in relations:
        if r.predicate == "country" and (r.subject not in best or r.evidence.confidence > best[r.subject][0]):
            best[r.subject] = (r.evidence.confidence, r.object)
    found = {key: country for key, (_, country) in best.items()}
    return {**found, **curated}


def offices_in_one_country(relations: list[Relation], curated: Mapping[str, str]) -> tuple[list[Relation], list[Relation]]:
    """A person holds office in the organisations of one country.

    Where a person's offices lie in several countries (a Vietnamese minister
    read as holding office in a Lao ministry named beside him), only the
    offices of the country that the most confident reading gives stand (where
    readings are equally confident, the country that more articles give: the
    prime minister named in Vietnamese articles as Vietnam's is not Laos's in
    an English report from Vientiane); an office whose organisation has no
    known country is left alone.
    """
    country = countries_of(relations, curated)
    offices: dict[str, list[Relation]] = defaultdict(list)
    for r in relations:
        if r.predicate == "holdsPositionIn" and r.object in country:
            offices[r.subject].append(r)
    dropped: set[int] = set()
    for rs in offices.values():
        if len({country[r.object] for r in rs}) < 2:
            continue
        support: dict[str, tuple[float, int]] = {}
        for c in {country[r.object] for r in rs}:
            mine = [r for r in rs if country[r.object] == c]
            support[c] = (max(r.evidence.confidence for r in mine), len({r.evidence.article_id for r in mine}))
        best = max(support.values())
        kept = {c for c, v in support.items() if v == best}
        if len(kept) == 1:
            dropped |= {id(r) for r in rs if country[r.object] not in kept}
    return [r for r in relations if id(r) not in dropped], [r for r in relations if id(r) in dropped]


def curated_countries_stand(relations: list[Relation], curated: Mapping[str, str]) -> tuple[list[Relation], list[Relation]]:
    """An entity whose country is curated (a government, a ministry, a central bank) has no other."""
    bad = [r for r in relations if r.predicate == "country" and r.subject in curated and curated[r.subject] != r.object]
    gone = {id(r) for r in bad}
    return [r for r in relations if id(r) not in gone], bad


#: the guards in the order they run
GUARDS: dict[str, Guard] = {
    "curated-countries-stand": curated_countries_stand,
    "offices-in-one-country": offices_in_one_country,
}


def apply_guards(relations: list[Relation], curated: Mapping[str, str]) -> tuple[list[Relation], dict[str, list[Relation]]]:
    """Run every guard of ``GUARDS``; return the relations that stand and, per guard, what it refused."""
    refused: dict[str, list[Relation]] = {}
    for name, guard in GUARDS.items():
        relations, dropped = guard(relations, curated)
        if dropped:
            refused[name] = dropped
    return relations, refused

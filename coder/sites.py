"""What a report says was hit, and which named sites it names, so that two reports of one day and area can be told
apart as two incidents: a bomb under an electricity generator, one against a logistics convoy and one at an
activist's house are three bombings; a car bomb by the Palestinian Bridge and one under the Albo Hais bridge are
two; so are the workers of the Al-Zubair oil field and those of the Majnoon oil field.

Two reports of one incident name the same target in other words ("a police patrol" / "a police vehicle": both
vehicles) and the same site in other spellings ("Al-Zubair" / "Zubair"); the kinds are coarse and the names are
compared by spelling, and a report that names no target or no site of a kind is compatible with any. Language
vocabulary, not rules fitted to a corpus.
"""

from __future__ import annotations

import re
from functools import lru_cache

# target kind -> words (singular, lower case) for what an explosive device or a grenade hit
_TARGETS: dict[str, tuple[str, ...]] = {
    "vehicle": ("car", "vehicle", "convoy", "patrol", "truck", "lorry", "bus", "minibus", "tanker", "pickup", "jeep",
                "humvee", "motorcycle", "motorbike", "excavator", "bulldozer", "ambulance", "van", "taxi", "trailer"),
    "home": ("house", "home", "residence", "dwelling", "apartment"),
    "shop": ("shop", "store", "market", "restaurant", "cafe", "café", "supermarket", "pharmacy", "mall", "stall",
             "kiosk", "showroom", "bakery", "warehouse", "workshop"),
    "power": ("generator", "pylon", "transformer", "substation", "power line", "electricity line",
              "transmission line", "power station", "power plant", "electricity tower", "power tower"),
    "oil": ("pipeline", "oil well", "gas well", "refinery"),
    "checkpoint": ("checkpoint", "check point"),
    "worship": ("mosque", "church", "shrine", "husseiniya", "hussainiya", "temple"),
    "school": ("school",),
    "office": ("office", "headquarters", "headquarter"),
}

# a vehicle that carries the bomb is the means, not the target ("a car bomb", "a booby-trapped car")
_MEANS = re.compile(
    r"\b(?:car|vehicle|truck|motorcycle|motorbike|bicycle)[\s-]+bombs?\b"
    r"|\b(?:booby[\s-]?trapped|explosive[\s-]laden|bomb[\s-]laden|rigged|parked|explosives[\s-]packed)\s+"
    r"(?:\w+\s+)?(?:car|vehicle|truck|motorcycle|motorbike|bicycle|tanker)s?\b"
    r"|\bvehicle[\s-]borne\b|\bVBIEDs?\b",
    re.IGNORECASE)

_TARGET_RX = {kind: re.compile(r"\b(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words) + r")(?:s|es)?\b",
                               re.IGNORECASE)
              for kind, words in _TARGETS.items()}


@lru_cache(maxsize=4096)
def target_kinds(text: str) -> frozenset[str]:
    """The kinds of thing a sentence says was hit (a vehicle, a house, a generator...), the bomb's own vehicle
    aside."""
    text = _MEANS.sub(" ", text)
    return frozenset(kind for kind, rx in _TARGET_RX.items() if rx.search(text))


def same_target(x: frozenset[str], y: frozenset[str]) -> bool:
    """Two reports' targets can be one bombing's: one names none, or they share a kind."""
    return not x or not y or bool(x & y)


# site nouns -> kind of site; a name is the capitalised words just before the noun ("the Palestinian Bridge",
# "the Al-Zubair oil field", "the Sheikhan Refugee Camp")
_SITE_NOUNS: dict[str, str] = {
    "bridge": "bridge", "oil field": "field", "oilfield": "field", "gas field": "field", "field": "field",
    "camp": "camp", "airport": "airport", "air base": "base", "airbase": "base", "base": "base",
    "square": "square", "hospital": "hospital", "university": "university", "college": "college",
    "department": "department", "directorate": "directorate", "mosque": "mosque", "market": "market",
    "street": "street", "refinery": "refinery", "company": "company", "dam": "dam", "port": "port",
    "school": "school", "hotel": "hotel", "stadium": "stadium", "roundabout": "roundabout",
    "intersection": "intersection", "prison": "prison",
}
_NAME_WORD = r"(?:(?:[Aa]l|[Ee]l|[Aa]bu|[Aa]lbu|[Bb]in|[Ii]bn|of|and)[\s-]|[A-Z][\w'’]*(?:[-/][\w'’]+)*\s)"
_SITE = re.compile(
    r"(?<![\w-])(?P<name>(?:" + _NAME_WORD + r"){0,4}[A-Z][\w'’]*(?:[-/][\w'’]+)*)\s+"
    r"(?P<noun>(?i:" + "|".join(sorted((n.replace(" ", r"\s+") for n in _SITE_NOUNS), key=len, reverse=True)) + r"))"
    r"(?P<plural>(?i:s))?\b")
# words that begin a sentence or a clause, not a name ("On", "The", "A")
_NOT_NAME = frozenset("""
a an the on in at near by of and to from with for this that these those its their his her our some two three several
""".split())
# a site the wounded were taken to, or that people came from, is not the scene
_ELSEWHERE = re.compile(r"\b(?:to|from|into)\s+(?:the\s+)?$", re.IGNORECASE)


@lru_cache(maxsize=4096)
def named_sites(text: str) -> frozenset[tuple[str, str]]:
    """(kind of site, name) of each site a sentence names with a name of its own, one at a time: "near the
    Palestinian Bridge" gives ("bridge", "Palestinian"). Sites named in a list ("the Republic and Sinak bridges")
    and sites people were taken to or came from are left out."""
    out = set()
    for m in _SITE.finditer(text):
        if m.group("plural"):
            continue
        words = m.group("name").split()
        while words and words[0].lower() in _NOT_NAME:
            words.pop(0)
        if not words or _ELSEWHERE.search(text[:m.start("name")]):
            continue
        out.add((_SITE_NOUNS[re.sub(r"\s+", " ", m.group("noun").lower())], " ".join(words)))
    return frozenset(out)


def sites_compatible(x: frozenset[tuple[str, str]], y: frozenset[tuple[str, str]]) -> bool:
    """Two reports' named sites can be one incident's: for every kind of site both name,
    some name of one is spelled like some name of the other ("Al-Zubair oil field" / "Zubair oil field") or shares
    a word with it ("the Nasiriyah Education Directorate" / "the Thi Qar Education Directorate")."""
    from coder.locations import same_spot_name

    for kind in {k for k, _ in x} & {k for k, _ in y}:
        nx = [n for k, n in x if k == kind]
        ny = [n for k, n in y if k == kind]
        if not any(same_spot_name(a, b) or _shares_word(a, b) for a in nx for b in ny):
            return False
    return True


_LINK_WORDS = frozenset({"", "al", "el", "and", "of", "the", "abu", "albu", "bin", "ibn"})


def _shares_word(a: str, b: str) -> bool:
    from coder.places import fold_key

    wa = {fold_key(w) for w in re.split(r"[\s/-]+", a)} - _LINK_WORDS
    wb = {fold_key(w) for w in re.split(r"[\s/-]+", b)} - _LINK_WORDS
    return bool(wa & wb)


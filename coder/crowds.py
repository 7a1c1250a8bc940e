"""Who a report says took part (a protest's crowd) or was taken (the people arrested or abducted), as kinds of
people, so that two reports' words can be compared: "school staff" and "teachers", "army pensioners" and "retired
military officers" describe one crowd; "oil workers" and "electricity workers" two.

`Mention.participants` holds the content words a report uses (see incidents._participants); `crowd_kinds` maps them,
and the associated actors ("Teachers (Iraq)", a party), to kinds. Words outside the lexicon are not kinds: they may
be a venue, a grievance or a verb, and two reports of one protest seldom share them. Language vocabulary, not rules
fitted to a corpus.
"""

from __future__ import annotations

import re
from functools import lru_cache

# kind -> words (singular, lower case). Kinds marked WEAK say little on their own: "workers" of two sectors, the
# "residents" of a town; sharing only a weak kind does not make two crowds one when each names a different sector.
_LEXICON: dict[str, tuple[str, ...]] = {
    "education": ("teacher", "schoolteacher", "educator", "lecturer", "professor", "academic", "instructor", "tutor",
                  "headmaster", "headteacher", "headmistress", "school", "university", "college", "education",
                  "educational"),
    "student": ("student", "pupil", "schoolchild", "schoolchildren", "undergraduate", "schoolboy", "schoolgirl"),
    "graduate": ("graduate", "alumnus", "alumni"),
    "unemployed": ("unemployed", "jobless", "jobseeker"),
    "health": ("doctor", "nurse", "medic", "paramedic", "physician", "pharmacist", "dentist", "surgeon", "health",
               "medical"),
    "law": ("lawyer", "attorney", "advocate", "barrister", "bar"),
    "judiciary": ("judge", "magistrate", "prosecutor"),
    "media": ("journalist", "reporter", "correspondent", "cameraman", "photojournalist", "media", "press"),
    "worker": ("worker", "employee", "labourer", "laborer", "staff", "contractor", "contract", "personnel", "wage",
               "daily-wage", "wager", "wage-earner"),
    "oil": ("oil", "petroleum", "refinery", "oilfield"),
    "electricity": ("electricity", "power", "electric", "electrical"),
    "water": ("water",),
    "municipal": ("municipality", "municipal", "sanitation", "cleaner", "sewage", "sewer", "sewerage", "drainage",
                  "garbage"),
    "port": ("port", "harbour", "harbor", "dock", "docker", "dockworker", "stevedore", "longshoreman", "longshoremen",
             "seaport", "maritime"),
    "farmer": ("farmer", "peasant", "grower", "herder", "shepherd", "farm", "agricultural"),
    "fisher": ("fisherman", "fishermen", "fisher"),
    "trader": ("trader", "merchant", "shopkeeper", "vendor", "seller", "businessman", "businessmen", "retailer",
               "shop", "stallholder"),
    "transport": ("driver", "trucker", "taxi", "motorcyclist", "bus", "transport"),
    "retiree": ("retiree", "retired", "pensioner", "pension", "retirement"),
    "military": ("army", "military", "soldier", "veteran"),
    "police": ("police", "policeman", "policemen"),
    "resident": ("resident", "local", "inhabitant", "villager", "citizen", "neighbour", "neighbor", "townspeople"),
    "family": ("family", "families", "relative", "mother", "father", "parent", "widow", "orphan", "kin"),
    "displaced": ("displaced", "idp", "refugee", "returnee", "evacuee", "asylum"),
    "prisoner": ("prisoner", "inmate", "detainee"),
    "tribe": ("tribesman", "tribesmen", "tribe", "tribal", "clan", "clansmen", "elder"),
    "religious": ("cleric", "imam", "mullah", "priest", "pastor", "monk", "seminarian"),
    "worshipper": ("worshipper", "worshiper", "congregant", "churchgoer", "parishioner", "pilgrim"),
    "activist": ("activist", "campaigner", "dissident", "blogger", "rights", "defender"),
    "politician": ("politician", "lawmaker", "mp", "parliamentarian", "councillor", "councilor", "mayor", "candidate"),
    "women": ("women", "woman", "female", "girl", "feminist"),
    "youth": ("youth", "young"),
    "disabled": ("disabled", "handicapped", "amputee"),
    "engineer": ("engineer", "engineering", "technician"),
}
WEAK = frozenset({"worker", "resident", "youth", "women", "family"})

# associated actors of the dictionary's identity labels ("Teachers (Iraq)") -> kind
_IDENTITY_KIND = {
    "teachers": "education", "students": "student", "lawyers": "law", "journalists": "media", "labour": "worker",
    "health": "health", "farmers": "farmer", "refugees/idps": "displaced", "prisoners": "prisoner", "women": "women",
}

_KIND_OF = {w: k for k, words in _LEXICON.items() for w in words}


def _singular(word: str) -> str:
    w = word.lower().removesuffix("'s").removesuffix("’s")
    if w in _KIND_OF:
        return w
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith(("ches", "shes", "sses", "xes")):
        return w[:-2]
    if w.endswith("s") and not w.endswith("ss"):
        return w[:-1]
    return w


singular = _singular  # "Yazidis" and "Yazidi" are one word of a crowd


def word_kind(word: str) -> str | None:
    return _KIND_OF.get(_singular(word))


def crowd_kinds(words: list[str], assoc: list[str] = ()) -> set[str]:
    """The kinds of people a report's words and associated actors name. A named group ("Sadrist Movement") is a
    kind of its own."""
    kinds = {k for w in words if (k := word_kind(w)) is not None}
    for name in assoc:
        head = name.split(" (")[0].split()[0].lower() if name.split() else ""
        kinds.add(_IDENTITY_KIND.get(head, name))
    return kinds


# where people work, as kinds of workplace: "workers of the Thi-Qar oil refinery" and "workers of the Thi-Qar oil
# company" (or "of the Al-Zubair oil field") name two workplaces, one sector
_WORKPLACES: dict[str, tuple[str, ...]] = {
    "company": ("company", "corporation", "firm"),
    "refinery": ("refinery",),
    "field": ("field", "oilfield", "well"),
    "office": ("department", "directorate", "office", "administration", "directorate-general", "authority"),
    "plant": ("factory", "plant", "mill", "station", "works"),
    "hospital": ("hospital", "clinic"),
    "ministry": ("ministry",),
    "bank": ("bank",),
    "port": ("port", "harbour", "harbor", "dock"),
    "school": ("school", "university", "college"),
}
_WORKPLACE_OF = {w: k for k, words in _WORKPLACES.items() for w in words}


def workplaces(words: list[str]) -> set[str]:
    """The kinds of workplace a crowd's words name ("workers of the oil refinery": refinery)."""
    return {k for w in words if (k := _WORKPLACE_OF.get(_singular(w))) is not None}


def specific(kinds: set[str]) -> set[str]:
    """The kinds that say more than "workers" or "residents"."""
    return {k for k in kinds if k not in WEAK}


def same_crowd(x: set[str], y: set[str]) -> bool:
    """Two reports' kinds can be one crowd: one names none, or they share a kind, and unless the shared kinds are
    all weak while each names a specific kind the other does not ("oil workers" / "electricity workers")."""
    if not x or not y:
        return True
    shared = x & y
    if not shared:
        return False
    if shared <= WEAK:
        sx, sy = x - WEAK, y - WEAK
        if sx and sy and not sx & sy:
            return False
    return True


# where a crowd came from: "demonstrators driving from Diwaniya province", "protesters from the city of Kut"
_ORIGIN = re.compile(
    r"\bfrom\s+(?:the\s+)?(?:(?:(?i:province|governorate|city|town|district))\s+of\s+(?P<a>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2})"
    r"|(?P<b>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2})\s+(?:province|governorate|city|town|district)\b)")


@lru_cache(maxsize=4096)
def origins(text: str) -> frozenset[str]:
    """The places a sentence says a crowd came from, by name ("driving from Diwaniya province": Diwaniya)."""
    return frozenset(m.group("a") or m.group("b") for m in _ORIGIN.finditer(text))


# whom a crowd stood by: "in solidarity with employees across the nation", "in support of the demands of the
# residents on strike"
_SOLIDARITY = re.compile(
    r"\b(?:in\s+solidarity\s+with|in\s+support\s+of|in\s+sympathy\s+with|to\s+support|supporting|to\s+show\s+"
    r"solidarity\s+with)\s+(?:the\s+)?(?:(?:demands|cause|strike|protest|sit-in)s?\s+of\s+(?:the\s+)?)?"
    r"((?:[\w'’-]+\s*){1,3})", re.IGNORECASE)


@lru_cache(maxsize=4096)
def solidarity_kinds(text: str) -> frozenset[str]:
    """The kinds of people a sentence says the crowd stood by ("in solidarity with the teachers": education)."""
    return frozenset(k for m in _SOLIDARITY.finditer(text) for k in crowd_kinds(m.group(1).split()))

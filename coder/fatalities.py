"""Stage 7: fatalities. A sentence in, the people it reports killed and wounded out.

Conventions (ACLED codebook §6; each has a test in tests/test_fatalities.py):

* Killed and wounded are kept apart; injuries are never counted as fatalities.
* A count is a number (digits, number words up to the thousands, "a dozen") or one person
  ("a civilian died", "the bomber was killed", "one other person was killed"), attached to
  a noun that names people ("soldiers", "a 35-year-old man") or to no noun at all
  ("killing two"). Numbers counting anything else ("two rockets", "5,000 troops" with no
  casualty verb, "three vehicles", years, ages) are never taken.
* "at least N", "more than N", "over N": N, with at_least=True. "about/nearly/some N": N.
  Ranges "5 to 7", "5-7", "between 5 and 7": the lower figure (most conservative).
  "up to N": N. The codebook's "most conservative figure" chooses among conflicting
  reports (see `combine_reports`); "up to N" is the one figure this report gives, and a
  lower one would be invented.
* Vague words (codebook): "several", "many", "a few", "some", "a number of", "an unknown
  number of", a bare plural ("civilians were killed") → 3 (the smaller of the codebook's
  3 or 10: the scale of an attack is not judged here); "dozens" → 12; "scores", "tens" → 10;
  "hundreds" → 100; "thousands" → 1000. `vague=True` whenever a default was applied.
* "killed or injured N" / "N killed or wounded": killed 0 (the codebook codes such claims 0).
* "no casualties", "no injuries or deaths", "without casualties", "no one was hurt",
  "causing no casualties" → killed 0 and wounded 0; "no deaths" / "no one was killed" →
  killed 0. "No (immediate) reports of casualties" says nothing either way: None.
* "N casualties" alone (which can mean injured) → killed None, with a reason.
* A suicide bomber who "blew himself up" counts as one killed (codebook: bombers count).
* Several counts in one sentence add up ("killed three soldiers and two civilians");
  a positive count overrides a "no casualties" elsewhere in the sentence.
"""

from __future__ import annotations

import functools
import re
import dataclasses
from dataclasses import dataclass
from typing import NamedTuple

from coder.models import Casualties

# ---------------------------------------------------------------------------
# Lexicon
# ---------------------------------------------------------------------------

_UNITS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
         "eighty": 80, "ninety": 90}
_SCALES = {"hundred": 100, "thousand": 1000}

# vague word -> codebook default
_VAGUE = {"several": 3, "many": 3, "few": 3, "numerous": 3, "dozens": 12, "scores": 10,
          "tens": 10, "hundreds": 100, "thousands": 1000}

_PERSON_SINGULAR = {
    "person", "people", "civilian", "soldier", "trooper", "policeman", "policewoman", "officer",
    "member", "fighter", "militant", "insurgent", "gunman", "child", "woman", "man", "boy", "girl",
    "student", "protester", "protestor", "demonstrator", "worker", "farmer", "lawyer", "bomber",
    "attacker", "assailant", "guard", "serviceman", "servicemember", "passenger", "pilgrim",
    "worshipper", "shepherd", "citizen", "resident", "villager", "journalist", "reporter",
    "employee", "relative", "jihadist", "rebel", "terrorist", "militiaman", "recruit", "cadet",
    "commander", "leader", "contractor", "driver", "nurse", "doctor", "teacher", "herder",
    "infant", "baby", "son", "daughter", "father", "mother", "brother", "sister", "wife",
    "husband", "official", "judge", "activist", "cleric", "imam", "priest", "tribesman",
    "elder", "volunteer", "paramedic", "medic", "staffer", "trucker", "fisherman", "miner",
    "migrant", "refugee", "detainee", "prisoner", "inmate", "hostage", "sniper",
    "pilot", "sailor", "marine", "mercenary", "combatant", "victim", "bystander", "teenager",
    "youth", "other", "agent", "ranger", "peacekeeper", "militiamen", "national", "operative",
    "kid", "individual", "suspect", "smuggler", "pedestrian", "customer", "shopkeeper",
    "vendor", "owner", "mukhtar", "engineer", "candidate", "politician", "mayor", "governor", "deputy",
    "lawmaker", "mp", "chief", "colonel", "general", "major", "captain", "lieutenant",
    "sergeant", "corporal", "private", "conscript", "jihadi", "extremist", "separatist", "trader",
    "merchant", "businessman", "businessmen", "dealer", "motorist", "traveller", "traveler", "guest",
    "patient", "pupil", "schoolchild", "schoolchildren", "peasant", "labourer", "laborer",
    "constable", "gendarme", "bodyguard", "guardsman", "herdsman", "thief", "robber", "kidnapper", "rapist",
    "vigilante", "fan", "supporter", "mourner", "rioter", "motorcyclist", "rider", "cyclist", "farmhand", "witch",
    "wizard", "sorcerer",
    # trades and callings a report names a victim by ("killed a money changer", "wounded a goldsmith")
    "changer", "goldsmith", "jeweller", "jeweler", "pharmacist", "barber", "tailor", "butcher", "baker", "grocer",
    "mechanic", "electrician", "professor", "lecturer", "academic", "accountant", "broker", "blogger", "poet",
    "singer", "sheikh", "preacher", "physician", "surgeon", "dentist", "firefighter", "fireman", "cameraman",
    "photographer", "correspondent", "councillor", "councilor", "passer-by", "passerby",
    # the titles jihadist groups give their leaders ("killing an IS wali", "the group's emir was killed")
    "wali", "emir", "amir",
}
_PERSON_IRREGULAR = {
    "people", "men", "women", "children", "policemen", "policewomen", "gunmen", "servicemen",
    "militiamen", "tribesmen", "fishermen", "police", "personnel", "troops", "staff", "others",
    "youths", "family", "families", "crew", "kids", "herdsmen", "thieves", "guardsmen",
    "passers-by", "passersby",
}


@functools.lru_cache(maxsize=1 << 14)
def _is_person(word: str) -> bool:
    w = word.lower().strip("'’")
    if w in _PERSON_SINGULAR or w in _PERSON_IRREGULAR:
        return True
    for suffix in ("es", "s"):
        if w.endswith(suffix) and w[: -len(suffix)] in _PERSON_SINGULAR:
            return True
    return False


def _is_plural_person(word: str) -> bool:
    w = word.lower()
    return _is_person(w) and (w in _PERSON_IRREGULAR or (w.endswith("s") and w not in _PERSON_SINGULAR))


_KILL_PASSIVE = {"killed", "dead", "died", "succumbed", "slain", "perished", "executed", "beheaded", "massacred",
                 "assassinated", "murdered", "lynched", "martyred"}
# "beat two men to death", "was stoned to death", "beaten and burned to death"
_TO_DEATH = {"beat", "beaten", "beating", "stoned", "stoning", "hacked", "hacking", "burned", "burnt", "burning",
             "stabbed", "stabbing", "clubbed", "clubbing", "bludgeoned", "tortured", "torturing", "crushed",
             "kicked", "lashed", "flogged", "shot", "starved", "trampled", "strangled", "choked", "drowned"}
_WOUND_PASSIVE = {"wounded", "injured", "hurt", "maimed"}
_KILL_ACTIVE = {"killing", "killed", "kill", "kills", "slaying", "slew", "executing", "executed",
                "murdering", "murdered", "assassinating", "assassinated", "lynched", "lynching"}
_WOUND_ACTIVE = {"wounding", "wounded", "wound", "wounds", "injuring", "injured", "injure", "injures"}
_LEAVE = {"left", "leaving", "leaves", "leave"}
_AUX = {"were", "was", "have", "has", "had", "been", "are", "is", "be", "being", "got", "reportedly",
        "also", "all", "both", "later", "allegedly", "reported", "confirmed", "seriously", "critically",
        "badly", "slightly", "lightly", "fatally", "mortally", "instantly", "immediately", "then",
        "subsequently", "either", "shot", "said", "to", "believed", "thought", "feared", "now",
        "each", "not"}
# "shot and killed", "stabbed and killed": the harm verb before the casualty verb
_HARM = {"shot", "stabbed", "beaten", "tortured", "attacked", "ambushed", "kidnapped", "abducted", "hit", "struck",
         "shooting", "stabbing", "beating", "torturing", "kidnapping", "abducting"}
_BE = {"were", "was", "been", "are", "is", "be", "being", "got"}
_QTY_PREFIX = {
    ("at", "least"): "at_least", ("more", "than"): "at_least", ("over",): "at_least",
    ("upwards", "of"): "at_least", ("nearly",): "", ("almost",): "", ("about",): "",
    ("around",): "", ("approximately",): "", ("roughly",): "", ("some",): "", ("up", "to"): "up_to",
    ("as", "many", "as"): "up_to", ("an", "estimated"): "", ("a", "total", "of"): "",
    ("total",): "", ("another",): "", ("a", "further"): "", ("further",): "", ("additional",): "",
    ("an", "additional"): "", ("the",): "", ("all",): "", ("just",): "", ("only",): "",
}
_SINGLE = {"a", "an", "one", "the", "another", "his", "her", "their", "its", "this", "that"}
# a headless count ("killing two") must be followed by one of these or by punctuation
_AFTER_HEADLESS = {"and", "but", "in", "on", "at", "near", "when", "after", "while", "as", "including",
                   "during", "from", "of", "others", "other", "more", "people", "inside", "outside",
                   "among", "with", "according", "said", "police", "officials", "sources", "there"}
_STOP_MODIFIER = {"and", "or", "but", "when", "after", "before", "in", "on", "at", "by", "with", "while",
                  "as", "that", "which", "who", "to", "from", "of", "for", "during", "than", "were",
                  "was", "are", "is", "have", "has", "had", "been", "not", "no"}

_TOKEN = re.compile(
    r"\d+(?:-[A-Za-z]+)+"  # 35-year-old: an age, one token, never a count
    r"|\d{1,3}(?:,\d{3})+(?!\d)|\d+"
    r"|[A-Za-z]+(?:['’-][A-Za-z]+)*"
    r"|[^\sA-Za-z\d]"
)

_NONE_PATTERNS = [
    # says nothing either way
    (re.compile(r"\bno\s+(?:immediate\s+|official\s+|further\s+)*(?:reports?|word|information|details)\s+"
                r"(?:of|on|about)\s+(?:any\s+)?(?:casualties|injuries|deaths|fatalities|victims)\b", re.I), None, None),
    # nobody killed
    (re.compile(r"\b(?:no\s+one|nobody|none)\s+(?:was|were|has\s+been|had\s+been|is)\s+(?:reported\s+)?"
                r"(?:killed|dead)\b(?!\s+or\s+(?:injured|wounded|hurt))", re.I), 0, None),
    # nobody hurt
    (re.compile(r"\b(?:no\s+one|nobody|none)\s+(?:was|were|has\s+been|had\s+been|is)\s+(?:reported\s+)?"
                r"(?:hurt|injured|wounded|harmed|killed\s+or\s+(?:injured|wounded|hurt))\b", re.I), 0, 0),
    (re.compile(r"\bwithout\s+(?:hurting|injuring|harming|wounding|killing\s+or\s+(?:injuring|wounding|hurting))\s+"
                r"(?:anyone|anybody)\b|\b(?:hurt|hurting|injured|injuring|harmed|harming|wounded|wounding)\s+"
                r"(?:no\s+one|no-one|nobody)\b", re.I), 0, 0),
    (re.compile(r"\b(?:no|without|zero)\s+(?:immediate\s+|reported\s+|human\s+|civilian\s+|other\s+|known\s+)*"
                r"(?:deaths|fatalities|dead)\b(?!\s+or\s+(?:injuries|injured|wounded))", re.I), 0, None),
    (re.compile(r"\b(?:no|without|zero)\s+(?:causing\s+|inflicting\s+|leaving\s+|resulting\s+in\s+|immediate\s+|reported\s+|human\s+|civilian\s+|other\s+|known\s+|any\s+)*"
                r"(?:deaths\s+or\s+injuries|injuries\s+or\s+deaths|fatalities\s+or\s+injuries|"
                r"dead\s+or\s+(?:injured|wounded)|casualties|injuries|victims|loss\s+of\s+life)\b", re.I), 0, 0),
]


class _Tok(NamedTuple):
    text: str
    low: str
    start: int
    end: int


_new_tok = tuple.__new__  # _Tok(...) without the Python-level __new__ of a NamedTuple (tokens are many)


@dataclass(frozen=True)
class _Count:
    value: int
    start: int  # token index of the first token
    end: int  # token index after the last token
    vague: bool = False
    at_least: bool = False
    note: str = ""


@dataclass(frozen=True)
class _Finding:
    killed: int | None
    wounded: int | None
    start: int  # char offsets in the sentence
    end: int
    vague: bool
    at_least: bool
    note: str
    toll: str = ""  # "update" ("the toll rose to nine"), "other" ("residents put the toll at 14"), "running" ("bringing the toll to 40")


# ---------------------------------------------------------------------------
# Entry points
# ---------------------------------------------------------------------------


def extract_casualties(text: str, offset: int = 0) -> Casualties:
    """Killed and wounded reported in one sentence; None where the sentence says nothing.

    `offset` is the sentence's start in the article, so `start`/`end` are absolute.
    """
    toks = [_new_tok(_Tok, (w := m.group(), w.lower(), *m.span())) for m in _TOKEN.finditer(text)]
    findings = _outside_parentheses(text, _find_counts(toks))
    killed = wounded = None
    notes: list[str] = []
    spans: list[tuple[int, int]] = []
    vague = at_least = False
    # "a child was among the dead" is one of a toll the sentence may give anyway: read last, and only without one
    findings = [f for f in findings if f.toll != "among"] + [f for f in findings if f.toll == "among"]
    for f in findings:
        if f.toll == "among" and killed is not None:
            spans.append((f.start, f.end))
            continue
        if f.killed is not None and f.toll and killed is not None:
            # a toll after a count is a figure for the same dead, not more dead: an update replaces it ("first
            # reported four dead, but the toll had risen to nine"), another source's figure is an alternative and
            # the lower one is kept ("nine villagers were killed, while a community leader put the toll at 14"), a
            # running total ("bringing the toll from the week's fighting to 40") is not this incident's
            if f.toll == "update":
                killed = f.killed
            elif f.toll == "other":
                killed = min(killed, f.killed)
            spans.append((f.start, f.end))
            notes.append(f"{f.toll} toll {f.killed}")
            continue
        if f.killed is not None:
            killed = (killed or 0) + f.killed
        if f.wounded is not None:
            wounded = (wounded or 0) + f.wounded
        vague |= f.vague
        at_least |= f.at_least
        if f.note:
            notes.append(f.note)
        spans.append((f.start, f.end))

    for pattern, k, w in _NONE_PATTERNS:
        for m in pattern.finditer(text):
            if any(s <= m.start() < e for s, e in spans):
                continue
            spans.append((m.start(), m.end()))
            if k is None:
                notes.append(f"{m.group()!r}: nothing known")
                continue
            notes.append(f"{m.group()!r}")
            if killed is None:
                killed = k
            if w is not None and wounded is None:
                wounded = w

    if killed is None and _CASUALTIES.search(text) and not spans:
        notes.append("'casualties' only (may be injured): no fatality count")
    if not spans:
        return Casualties(reason=notes[0] if notes else "")
    start = min(s for s, _ in spans)
    end = max(e for _, e in spans)
    return Casualties(killed=killed, wounded=wounded, text=text[start:end], start=start + offset,
                      end=end + offset, vague=vague, at_least=at_least, reason="; ".join(notes))


_CASUALTIES = re.compile(r"\bcasualties\b", re.I)
_LETTER = re.compile(r"[a-z]")
_LETTER_OR_DIGIT = re.compile(r"[a-z0-9]")
_KILL_OR_WOUND_PASSIVE = frozenset(_KILL_PASSIVE | _WOUND_PASSIVE)
_KILL_OR_WOUND_ACTIVE = frozenset(_KILL_ACTIVE | _WOUND_ACTIVE)
_WOUND_ANY = frozenset(_WOUND_PASSIVE | _WOUND_ACTIVE)


def _outside_parentheses(text: str, findings: list[_Finding]) -> list[_Finding]:
    """Counts in brackets ("(some sources reported 4 fatalities)") are alternatives or details
    of the main count, not additions to it: drop them when there is a count outside."""
    if not findings or "(" not in text:
        return findings  # nothing to drop, or nothing in brackets (every finding is outside)
    depth, inside = 0, []
    for ch in text:
        depth += ch == "("
        depth -= ch == ")" and depth > 0
        inside.append(depth > 0)
    outside = [f for f in findings if not inside[f.start]]
    return outside if outside else findings


def split_fatalities(total: int, parts: int) -> list[int]:
    """Split a summed figure across `parts` events: as even as possible, the first events take the extra.

    Codebook: 20 over 3 events gives 7, 7, 6; 10 over 3 gives 4, 3, 3.
    """
    if parts < 1:
        raise ValueError(f"parts must be at least 1, got {parts}")
    if total < 0:
        raise ValueError(f"total must not be negative, got {total}")
    base, extra = divmod(total, parts)
    return [base + 1 if i < extra else base for i in range(parts)]


def combine_reports(values: list[int | None]) -> int:
    """The lowest credible figure among several sources' reports of one event (codebook §6).

    None (the source did not report fatalities) is ignored; with no figure at all, 0.
    """
    known = [v for v in values if v is not None]
    return min(known) if known else 0


# ---------------------------------------------------------------------------
# Parsing
# ---------------------------------------------------------------------------


# a passive count ends in one of these words (_passive_at), a count of deaths or injuries in one of the second
# (_special_at): at a token with none of them further on, the two cannot find anything
_PASSIVE_CUES = frozenset(_KILL_PASSIVE | _WOUND_PASSIVE | _TO_DEATH | {"lost"})
_SPECIAL_HEADS = frozenset({"deaths", "fatalities", "death", "fatality", "dead", "injuries", "injured", "wounded", "bodies",
                            "corpses"})


def _find_counts(toks: list[_Tok]) -> list[_Finding]:
    findings: list[_Finding] = []
    used_until = 0
    i = 0
    last_passive = last_head = -1
    for k, t in enumerate(toks):
        if t.low in _PASSIVE_CUES:
            last_passive = k
        if t.low in _SPECIAL_HEADS:
            last_head = k
    while i < len(toks):
        if i < used_until:
            i += 1
            continue
        found = _active_at(toks, i) or (_passive_at(toks, i) if i < last_passive else None) or (
            _special_at(toks, i) if i < last_head or toks[i].low == "toll" else None)
        if found is not None:
            finding, end = found
            findings.append(finding)
            used_until = end
        i += 1
    return findings


def _finding(toks: list[_Tok], a: int, b: int, killed: int | None, wounded: int | None, count: _Count | None,
             note: str = "") -> _Finding:
    vague = bool(count and count.vague)
    at_least = bool(count and count.at_least)
    notes = [n for n in (count.note if count else "", note) if n]
    return _Finding(killed, wounded, toks[a].start, toks[b - 1].end, vague, at_least, "; ".join(notes))


def _or_injured(toks: list[_Tok], i: int) -> bool:
    """`toks[i]` is "or" followed by a wound word ("killed or injured")."""
    return (i + 1 < len(toks) and toks[i].low == "or"
            and toks[i + 1].low in _WOUND_ANY)


def _active_at(toks: list[_Tok], i: int):
    """"killing two", "killed a soldier", "wounding three civilians", "left three dead"."""
    word = toks[i].low
    if word in _LEAVE:
        count = _parse_group(toks, i + 1)
        if count is None or count.end >= len(toks):
            return None
        cue = toks[count.end].low
        if cue in _KILL_PASSIVE:
            return _finding(toks, i, count.end + 1, count.value, None, count), count.end + 1
        if cue in _WOUND_PASSIVE:
            return _finding(toks, i, count.end + 1, None, count.value, count), count.end + 1
        return None
    if word == "claimed" and [t.low for t in toks[i + 1:i + 4]] == ["the", "lives", "of"]:
        count = _parse_group(toks, i + 4)
        if count:
            return _finding(toks, i, count.end, count.value, None, count), count.end
        return None
    if word == "among" and (i == 0 or not _LETTER.match(toks[i - 1].low)):
        end = _among_dead_at(toks, i)
        if end is not None and end < len(toks) and toks[end].low in ("was", "were", "are", "is"):
            count = _parse_group(toks, end + 1)
            if count is not None:  # "Among the dead were two children": part of the toll, not more dead
                return dataclasses.replace(_finding(toks, i, count.end, count.value, None, count), toll="among"), count.end
        return None
    if word in ("blew",) and [t.low for t in toks[i + 1:i + 3]] in (["himself", "up"], ["herself", "up"]):
        return _finding(toks, i, i + 3, 1, None, None, "the bomber counts among the dead (codebook)"), i + 3
    j = i + 1
    if word in ("body", "bodies", "remains", "corpse", "corpses") and j < len(toks) and toks[j].low == "of":
        count = _parse_group(toks, j + 1)
        if count is not None:
            return _finding(toks, i, count.end, count.value, None, count), count.end
        return None
    if i > 0 and toks[i - 1].low in ("the", "a", "an", "those", "these") and not (j < len(toks) and toks[j].low == "of"):
        return None  # "the killed men": an adjective, not a new count
    if word in _HARM and j + 1 < len(toks) and toks[j].low == "and" and toks[j + 1].low in _KILL_OR_WOUND_ACTIVE:
        word, j = toks[j + 1].low, j + 2  # "shot and killed two policemen"
    if word in ("killing", "killings", "death", "deaths", "injury", "injuries", "wounding") and j < len(toks) and toks[j].low == "of":
        count = _parse_group(toks, j + 1)  # "led to the killing of 1 and injury of 2"
        if count is None:
            return None
        if word.startswith(("kill", "death")):
            return _finding(toks, i, count.end, count.value, None, count), count.end
        return _finding(toks, i, count.end, None, count.value, count), count.end
    if word in _TO_DEATH and word not in _KILL_ACTIVE:
        count = _parse_group(toks, j)
        end = None
        if count is not None:
            # "beat a man suspected of stealing a motorcycle to death": a short phrase about the victim may come first
            for k in range(count.end, min(len(toks) - 1, count.end + 9)):
                end = _to_death_at(toks, k)
                if end is not None or toks[k].low in (".", ";", ",", "and", "but", "while", "before", "after"):
                    break
        if end is not None:
            return _finding(toks, i, end, count.value, None, count), end
    if (j < len(toks) and (word in ("shot", "shooting") and toks[j].low == "dead"
                           or word in ("gunned", "gunning") and toks[j].low == "down")):
        word, j = "killing", j + 1  # "shot dead two policemen", "gunned down a trader" (not "shot down a drone")
    elif word not in _KILL_ACTIVE and word not in _WOUND_ACTIVE:
        return None
    if _or_injured(toks, j) and word in _KILL_ACTIVE:
        count = _parse_group(toks, j + 2)
        if count:
            return _finding(toks, i, count.end, 0, 0, None, "'killed or injured': coded 0 (codebook)"), count.end
        return None
    if j < len(toks) and toks[j].low == "and" and j + 1 < len(toks) and toks[j + 1].low in _KILL_OR_WOUND_ACTIVE:
        count = _parse_group(toks, j + 2)  # "killing and wounding 12": split unknown
        if count:
            return _finding(toks, i, count.end, 0, 0, None, "'killed and wounded' with one figure: split unknown, coded 0"), count.end
        return None
    count = _parse_group(toks, j, allow_bare_plural=True)
    if count is None and j < len(toks) and toks[j].low in ("him", "her"):
        # "killing him": one person; "injuring him in the leg", "wounding her and her son": one, and the others named
        value, end = 1, j + 1
        if end + 1 < len(toks) and toks[end].low == "and":
            more = _parse_np(toks, end + 1, need_noun=True)
            if more is not None:
                value, end = value + more.value, more.end
        if word in _KILL_ACTIVE:
            return _finding(toks, i, end, value, None, None), end
        return _finding(toks, i, end, None, value, None), end
    if count is None:
        return None
    if word in _KILL_ACTIVE:
        return _finding(toks, i, count.end, count.value, None, count), count.end
    return _finding(toks, i, count.end, None, count.value, count), count.end


def _passive_at(toks: list[_Tok], i: int):
    """"two people were killed", "a civilian died", "three others wounded", "five dead"."""
    count = _parse_group(toks, i, allow_bare_plural=True, passive=True)
    if count is None:
        return None
    j = _skip_pp(toks, count.end)
    died = _died_after_relative(toks, j)
    if died is not None:
        return _finding(toks, i, died, count.value, None, count), died
    aux_start = j
    while j < len(toks):
        if toks[j].low in _HARM and j + 1 < len(toks) and toks[j + 1].low == "and":
            j += 2  # "was shot and killed"
        elif toks[j].low in _AUX:
            j += 1
        else:
            break
    if j >= len(toks):
        return None
    cue = toks[j].low
    has_be = any(t.low in _BE for t in toks[aux_start:j])
    if has_be and cue in _TO_DEATH:
        end = _to_death_at(toks, j + 1)
        if end is not None:
            return _finding(toks, i, end, count.value, None, count), end
    if not has_be and cue not in ("died", "perished", "lost", "succumbed"):
        if (_parse_group(toks, j + 1, allow_bare_plural=True) is not None
                or (j + 1 < len(toks) and toks[j + 1].low in ("or", "dead"))):
            return None  # "Gunmen killed a soldier", "have killed civilians": the subject of an active verb
        if count.vague and count.note.startswith("unknown number"):
            return None  # a bare plural needs "were"/"have been" to be the victims
    among = _among_dead_at(toks, j)
    if among is not None and has_be:  # "a child was among the dead": one of them, not more dead
        return dataclasses.replace(_finding(toks, i, among, count.value, None, count), toll="among"), among
    if cue == "lost" and j + 2 < len(toks) and toks[j + 2].low in ("lives", "life"):
        return _finding(toks, i, j + 3, count.value, None, count), j + 3
    if cue in _KILL_PASSIVE:
        if _or_injured(toks, j + 1):
            return _finding(toks, i, j + 3, 0, 0, None, "'killed or injured': coded 0 (codebook)"), j + 3
        if j + 2 < len(toks) and toks[j + 1].low == "and" and toks[j + 2].low in _WOUND_PASSIVE:
            return _finding(toks, i, j + 3, 0, 0, None, "'killed and wounded' with one figure: split unknown, coded 0"), j + 3
        return _finding(toks, i, j + 1, count.value, None, count), j + 1
    if cue in _WOUND_PASSIVE:
        if j + 2 < len(toks) and toks[j + 1].low in ("or", "and") and toks[j + 2].low in _KILL_PASSIVE:
            return _finding(toks, i, j + 3, 0, 0, None, "'injured or killed': coded 0 (codebook)"), j + 3
        return _finding(toks, i, j + 1, None, count.value, count), j + 1
    return None


_DIED = frozenset({"died", "succumbed", "perished"})


def _died_after_relative(toks: list[_Tok], j: int) -> int | None:
    """"A farmer who was wounded in the attack (,) died in hospital": the token after "died" when a relative clause
    at j that tells of the person's wound is followed by their death; else None (the wound is the same person's, not
    another's)."""
    k = j + 1 if j < len(toks) and toks[j].low == "," else j
    if k >= len(toks) or toks[k].low not in ("who", "whom"):
        return None
    hurt = False  # the clause tells of the person's wound ("who was wounded/shot"); "a woman who died in childbirth" is
    for m in range(k + 1, min(len(toks), k + 22)):  # a death the clause only mentions
        low = toks[m].low
        if low in (".", ";", ":") or low == "said":
            return None
        if low in _WOUND_PASSIVE or low in ("shot", "stabbed", "beaten", "burned", "burnt"):
            hurt = True
        elif low in _DIED:
            return m + 1 if hurt else None
    return None


def _among_dead_at(toks: list[_Tok], j: int) -> int | None:
    """The token after "among the dead" / "among those killed" when it starts at j; else None."""
    words = [t.low for t in toks[j:j + 3]]
    if words[:1] != ["among"] or len(words) < 3:
        return None
    if words[1] in ("the", "those") and words[2] in ("dead", "killed", "fatalities", "slain"):
        return j + 3
    return None


def _to_death_at(toks: list[_Tok], j: int) -> int | None:
    """The token after "to death" when it comes at j, after "and burned" or ", beaten and burned"; else None."""
    k = j
    while k + 1 < len(toks) and toks[k].low in ("and", ",") and toks[k + 1].low in _TO_DEATH:
        k += 2
    if k + 1 < len(toks) and toks[k].low == "to" and toks[k + 1].low == "death":
        return k + 2
    return None


_RISING = frozenset("risen rose rises climbed increased jumped reached reaches updated revised raised".split())
_RUNNING = frozenset("bringing brings brought raising taking took".split())


def _special_at(toks: list[_Tok], i: int):
    """"N deaths", "N fatalities", "the death toll rose to N", "N casualties" (not counted)."""
    if toks[i].low == "toll":
        j = i + 1
        while j < len(toks) and j < i + 6 and _number_value(toks, j) is None:
            if toks[j].low in (".", ";"):
                return None
            j += 1
        count = _parse_group(toks, j) if j < len(toks) and j < i + 6 else None
        if count is None:  # "the toll from Sunday's bomb attack on a patrol in X has risen to three"
            for k in range(i + 1, min(len(toks) - 1, i + 25)):
                if toks[k].low in (".", ";"):
                    return None
                rising = toks[k].low in ("to", "at") and toks[k - 1].low in (
                    "risen", "rose", "rises", "climbed", "increased", "jumped", "stands", "stood", "reached")
                at = k + 1
                if at + 2 < len(toks) and toks[at].low == "at" and toks[at + 1].low == "least":
                    at += 2
                if (rising or toks[k].low in ("reached", "reaches")) and _number_value(toks, at) is not None:
                    count = _parse_group(toks, at)
                    break
        if count is not None:
            finding = _finding(toks, i, count.end, count.value, None, count)
            words = {t.low for t in toks[max(0, i - 4):count.end]}
            running = any(t.low in _RUNNING for t in toks[max(0, i - 4):i])
            finding = dataclasses.replace(finding, toll="running" if running else "update" if words & _RISING else "other")
            return finding, count.end
        return None
    count = _parse_quantity(toks, i)
    if count is None or count.end >= len(toks):
        return None
    head = toks[count.end].low
    if count.note == "single":
        return None
    if head in ("deaths", "fatalities", "death", "fatality", "dead"):
        return _finding(toks, i, count.end + 1, count.value, None, count), count.end + 1
    if head in ("injuries", "injured", "wounded"):
        return _finding(toks, i, count.end + 1, None, count.value, count), count.end + 1
    if head in ("bodies", "corpses"):  # "two bodies with gunshot wounds were found": two dead
        return _finding(toks, i, count.end + 1, count.value, None, count), count.end + 1
    return None


def _skip_pp(toks: list[_Tok], j: int) -> int:
    """Skip a short "of the security forces" / "in the convoy" after a noun phrase."""
    if j < len(toks) and toks[j].low in ("of", "from", "in", "inside", "aboard", "on"):
        for k in range(j + 1, min(j + 7, len(toks))):
            low = toks[k].low
            if low in _AUX or low in _KILL_PASSIVE or low in _WOUND_PASSIVE:
                return k
            if not _LETTER.match(low) or low in ("and", "who", "which", "that", "when"):
                return j
        return j
    return j


def _parse_group(toks: list[_Tok], i: int, allow_bare_plural: bool = False, passive: bool = False) -> _Count | None:
    """One or more coordinated people phrases: "three soldiers and two civilians"."""
    first = _parse_np(toks, i, allow_bare_plural, passive)
    if first is None:
        return None
    total = first
    while total.end + 1 < len(toks) and toks[total.end].low == "and":
        nxt = _parse_np(toks, total.end + 1, allow_bare_plural=False, passive=passive, need_noun=True)
        if nxt is None:
            break
        total = _Count(total.value + nxt.value, total.start, nxt.end, total.vague or nxt.vague,
                       total.at_least or nxt.at_least, "; ".join(n for n in (total.note, nxt.note) if n))
    return total


def _parse_np(toks: list[_Tok], i: int, allow_bare_plural: bool = False, passive: bool = False,
              need_noun: bool = False) -> _Count | None:
    """A count of people starting at token i, or None."""
    if i >= len(toks):
        return None
    qty = _parse_quantity(toks, i)
    if qty is None:
        # bare plural: "civilians were killed", "killing civilians" (codebook: unknown number -> 3)
        if allow_bare_plural:
            head = _head_after(toks, i)
            if head is not None and _is_plural_person(toks[head].low) and toks[head].low not in ("others",):
                if passive and i > 0 and toks[i - 1].low not in (".", ",", ";", ":", "\"", "“", "and", "when", "after"):
                    return None
                return _Count(3, i, head + 1, vague=True, note=f"unknown number of {toks[head].text}: coded 3")
        return None
    head = _head_after(toks, qty.end)
    if head is not None:
        if qty.note == "single" and _is_plural_person(toks[head].low) and toks[head].low not in ("people",):
            return None  # "the soldiers": an earlier group, not a count
        note = "" if qty.note == "single" else qty.note
        return _Count(qty.value, qty.start, head + 1, qty.vague, qty.at_least, note)
    if need_noun or qty.note == "single":
        return None
    nxt = toks[qty.end].low if qty.end < len(toks) else ""
    if (nxt == "" or not _LETTER.match(nxt) or nxt in _AFTER_HEADLESS or nxt in _AUX
            or nxt in _KILL_PASSIVE or nxt in _WOUND_PASSIVE):
        if qty.numeric_year:
            return None
        note = "" if qty.note == "single" else qty.note
        return _Count(qty.value, qty.start, qty.end, qty.vague, qty.at_least, note)
    return None


# words that end a noun phrase before its noun: "a boy who was killed last week told reporters" counts no reporters
_NOT_MODIFIER = frozenset({"last", "yesterday", "today", "tonight", "earlier", "told", "tell", "tells", "said", "says"})


def _head_after(toks: list[_Tok], j: int) -> int | None:
    """Index of a person noun within three modifiers of j ("Iraqi soldiers", "mentally ill citizen")."""
    for k in range(j, min(j + 4, len(toks))):
        low = toks[k].low
        if _is_person(low) and not (k + 1 < len(toks) and _is_person(toks[k + 1].low) and k + 1 < j + 4):
            return k
        acronym = len(toks[k].text) > 1 and toks[k].text.isupper()  # "IS militants", "PKK fighters"
        if not acronym and (low in _STOP_MODIFIER or not _LETTER_OR_DIGIT.match(low) or low in _KILL_OR_WOUND_PASSIVE
                            or low in _NOT_MODIFIER):
            return None
        if _number_value(toks, k) is not None and k > j:
            return None
    return None


_PHRASE_QUANTITIES = ((("a", "few"), 3), (("a", "number", "of"), 3), (("an", "unknown", "number", "of"), 3),
                      (("unknown", "number", "of"), 3), (("a", "handful", "of"), 3), (("some",), 3),
                      (("a", "dozen"), 12), (("a", "hundred"), 100), (("a", "thousand"), 1000))
_PHRASE_FIRST = frozenset(words[0] for words, _ in _PHRASE_QUANTITIES)
_QTY_PREFIX_LONGEST_FIRST = tuple(sorted(_QTY_PREFIX.items(), key=lambda kv: -len(kv[0])))
# the words a quantity can start with, besides digits and "twenty-one" (see _parse_quantity, _number_value)
_QTY_FIRST = frozenset({words[0] for words in _QTY_PREFIX} | {"between", "both"} | set(_VAGUE) | _PHRASE_FIRST
                       | set(_UNITS) | set(_TENS) | _SINGLE)


@dataclass(frozen=True)
class _Quantity:
    value: int
    start: int
    end: int
    vague: bool = False
    at_least: bool = False
    note: str = ""
    numeric_year: bool = False


def _parse_quantity(toks: list[_Tok], i: int) -> _Quantity | None:
    """A number, range, vague word or single article at token i (with "at least" etc.)."""
    j, flag = i, ""
    first = toks[j].low if j < len(toks) else ""
    if first not in _QTY_FIRST and not first[:1].isdigit() and first.split("-", 1)[0] not in _TENS:
        return None  # no quantity starts with this word (the checks below would all fail)
    for words, kind in _QTY_PREFIX_LONGEST_FIRST:
        if words[0] == first and tuple(t.low for t in toks[j:j + len(words)]) == words:
            nxt = j + len(words)
            if _number_value(toks, nxt) is not None or (nxt < len(toks) and toks[nxt].low in _VAGUE):
                j, flag = nxt, kind
                break
    at_least = flag == "at_least"
    note = "'up to' figure taken as reported" if flag == "up_to" else ""
    if j >= len(toks) or (i > 0 and toks[i - 1].low == "no"):
        return None  # "no one", "no two"
    low = toks[j].low
    if low == "between" and j + 1 < len(toks):
        inner = _number_value(toks, j + 1)
        if inner is not None and inner[1] + 1 < len(toks) and toks[inner[1]].low in ("and", "to", "-", "–"):
            other = _number_value(toks, inner[1] + 1)
            if other is not None:
                low_value = min(inner[0], other[0])
                return _Quantity(low_value, i, other[1], at_least=at_least,
                                 note=f"range {inner[0]} to {other[0]}: lower figure")
        return None
    # vague words
    if low in _VAGUE:
        end = j + 1
        if end < len(toks) and toks[end].low == "of":
            end += 1
        return _Quantity(_VAGUE[low], i, end, vague=True, at_least=at_least,
                         note=f"{low!r}: coded {_VAGUE[low]} (codebook)")
    for words, value in (_PHRASE_QUANTITIES if low in _PHRASE_FIRST else ()):
        if tuple(t.low for t in toks[j:j + len(words)]) == words:
            vague = words[-1] not in ("dozen", "hundred", "thousand")
            end = j + len(words)
            if not vague and end < len(toks) and toks[end].low == "of":
                end += 1
            phrase = " ".join(words)
            return _Quantity(value, i, end, vague=vague, at_least=at_least,
                             note=f"{phrase!r}: coded {value} (codebook)" if vague else note)
    number = _number_value(toks, j)
    if number is not None:
        value, end = number
        year_like = toks[j].text.isdigit() and 1900 <= value <= 2100
        low_value, end, range_note = _range_after(toks, value, end)
        return _Quantity(low_value, i, end, at_least=at_least, note="; ".join(n for n in (note, range_note) if n),
                         numeric_year=year_like)
    if low == "both":
        return _Quantity(2, i, j + 1)
    if low in _SINGLE and j + 1 < len(toks):
        # "the two soldiers" is a number; "the bomber" is one person
        if low == "the" and _number_value(toks, j + 1) is not None:
            return _parse_quantity(toks, j + 1)
        return _Quantity(1, i, j + 1, note="" if low == "another" else "single")
    return None


def _range_after(toks: list[_Tok], value: int, end: int) -> tuple[int, int, str]:
    """"5 to 7" / "5-7" / "5 or 6": the lower figure."""
    if end + 1 < len(toks) and toks[end].low in ("to", "or", "-", "–"):
        other = _number_value(toks, end + 1)
        if other is not None and other[0] > value:
            return value, other[1], f"range {value} to {other[0]}: lower figure"
    return value, end, ""


_DIGITS = re.compile(r"\d{1,3}(?:,\d{3})+|\d+")


def _number_value(toks: list[_Tok], j: int) -> tuple[int, int] | None:
    """(value, end) for a number in digits or words at token j."""
    if j >= len(toks):
        return None
    tok = toks[j]
    if tok.text[:1].isdigit() and _DIGITS.fullmatch(tok.text):
        if j > 0 and toks[j - 1].text in (":", "/", ".", "$", "£", "€", "#"):
            return None  # times, dates, money, page numbers
        if j + 1 < len(toks) and toks[j + 1].text in (":", "/", "%"):
            return None
        return int(tok.text.replace(",", "")), j + 1
    low = tok.low
    if low == "a":
        return None
    value: int | None = None
    end = j + 1
    parts = low.split("-")
    if len(parts) == 2 and parts[0] in _TENS and parts[1] in _UNITS and _UNITS[parts[1]] < 10:
        value = _TENS[parts[0]] + _UNITS[parts[1]]
    elif low in _UNITS:
        value = _UNITS[low]
    elif low in _TENS:
        value = _TENS[low]
        if end < len(toks) and toks[end].low in _UNITS and _UNITS[toks[end].low] < 10:
            value += _UNITS[toks[end].low]
            end += 1
    if value is None:
        return None
    if end < len(toks) and toks[end].low in _SCALES:
        value *= _SCALES[toks[end].low]
        end += 1
    return value, end

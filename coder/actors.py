"""Actor dictionary (stage 6) and news-outlet table, both data validated on load.

`coder/data/actors.toml` lists actors in ACLED naming: per-country state forces whose
name depends on the event date (`periods`), units named after their parent force
(`unit_of` + `unit`), named armed groups, and generic templates such as
"Civilians ({country})". Identity labels (`kind = "identity"`) go to assoc_actor.

`ActorDictionary.find_actors` finds the actors a sentence names; `assign_actors` picks
actor1/actor2 and associated actors for one incident by the codebook's role conventions.
`coder/data/outlets.toml` lists news outlets with ACLED's `source_scale`.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from coder.errors import DataFileError
from coder.models import ActorAssignment, ActorMention
from coder.prefilter import Needs, could_match, needed_literals

DATA_DIR = Path(__file__).resolve().parent / "data"
DEFAULT_ACTORS_FILE = DATA_DIR / "actors.toml"
DEFAULT_OUTLETS_FILE = DATA_DIR / "outlets.toml"

# ---------------------------------------------------------------------------
# Models (the JSON Schema of the data files is generated from these)
# ---------------------------------------------------------------------------


class Period(BaseModel):
    """A dated name: which label ACLED gives the actor for events in [from, to]."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    name: str = Field(min_length=1)
    from_: dt.date = Field(alias="from")
    to: dt.date | None = None


def _check_alias(alias: str) -> str:
    if not alias.strip():
        raise ValueError("empty alias")
    return alias


class ActorEntry(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(min_length=1, pattern=r"^[a-z0-9_.]+$")
    name: str = Field(default="", description="ACLED name; may contain {country}; for units, derived from unit_of")
    kind: Literal["actor", "identity"] = "actor"
    inter: int = Field(ge=1, le=8)
    inter_abroad: int | None = Field(default=None, ge=1, le=8, description="inter outside the home country (state forces: 8)")
    country: str = Field(pattern=r"^(?:[A-Z]{3}|\*)$", description="ISO3 home country, or * for generic templates")
    periods: list[Period] = Field(default_factory=list)
    unit_of: str | None = Field(default=None, description="id of the parent force; name = parent name + ' ' + unit")
    unit: str | None = None
    aliases: list[str] = Field(default_factory=list, description="literal phrases, case-insensitive (all-caps acronyms: case-sensitive)")
    local_aliases: list[str] = Field(default_factory=list, description="phrases that name this actor only in its home country ('the army')")
    state: bool = Field(default=False, description="a state force (perpetrator of arrests, defusals)")
    generic: bool = Field(default=False, description="an unnamed/generic actor (not preferred over a named one)")
    examples: list[str] = Field(default_factory=list, description="sentences that must yield this entry (in its home country)")
    description: str = ""

    _v_aliases = field_validator("aliases", "local_aliases")(lambda v: [_check_alias(a) for a in v])

    @model_validator(mode="after")
    def _named(self) -> ActorEntry:
        if not self.name and not self.periods and not self.unit_of:
            raise ValueError("an entry needs a name, periods, or unit_of + unit")
        if self.unit_of and not self.unit:
            raise ValueError("unit_of requires unit")
        return self


class ActorFile(BaseModel):
    """The shape of coder/data/actors.toml."""

    model_config = ConfigDict(extra="forbid")

    actor: list[ActorEntry]


class Outlet(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(min_length=1, pattern=r"^[a-z0-9_.]+$")
    name: str = Field(min_length=1, description="ACLED source name")
    scale: Literal["International", "Regional", "National", "Subnational", "Local", "Other", "New media", "Local partner"]
    aliases: list[str] = Field(default_factory=list)
    country: str | None = None

    _v_aliases = field_validator("aliases")(lambda v: [_check_alias(a) for a in v])


class OutletFile(BaseModel):
    model_config = ConfigDict(extra="forbid")

    outlet: list[Outlet]


# ---------------------------------------------------------------------------
# Loading helpers
# ---------------------------------------------------------------------------


def _load_toml(path: Path, model: type[BaseModel], section: str) -> tuple[BaseModel, bytes]:
    data = path.read_bytes()
    try:
        raw = tomllib.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise DataFileError(str(path), "file", f"not valid UTF-8 TOML: {exc}") from exc
    try:
        return model.model_validate(raw), data
    except ValidationError as exc:
        err = exc.errors()[0]
        loc = list(err["loc"])
        where = "file"
        if len(loc) >= 2 and loc[0] == section and isinstance(loc[1], int):
            items = raw.get(section, [])
            item = items[loc[1]] if loc[1] < len(items) else {}
            item_id = item.get("id", f"#{loc[1]}") if isinstance(item, dict) else f"#{loc[1]}"
            fld = ".".join(str(x) for x in loc[2:]) or "(item)"
            where = f"{section} {item_id!r} field {fld!r}"
        raise DataFileError(str(path), where, err["msg"]) from None


def _alias_pattern(alias: str) -> re.Pattern[str]:
    """Word-bounded literal; all-caps acronyms are case-sensitive; lowercase words take a plural s/es."""
    return re.compile(*_alias_source(alias))


def _alias_source(alias: str) -> tuple[str, int]:
    """The source and flags of `_alias_pattern`."""
    body = re.escape(alias).replace(r"\ ", r"\s+")
    acronym = any(len(tok) >= 2 and tok.isupper() for tok in re.findall(r"[A-Za-z]+", alias))
    plural = "(?:s|es)?" if alias[-1:].isalpha() and alias.islower() else ""
    flags = 0 if acronym else re.IGNORECASE
    return rf"(?<![\w-])(?:{body}){plural}(?![\w-])", flags


@dataclass(frozen=True)
class _Alias:
    entry_id: str
    source: str  # of the pattern (_alias_source)
    local: bool
    text: str = ""
    flags: int = 0

    @functools.cached_property
    def pattern(self) -> re.Pattern[str]:
        """Compiled when first needed: a run meets few of the dictionary's 3,000 aliases (compiling them all took
        about 0.07 s of every process's start-up)."""
        return re.compile(self.source, self.flags)

    @functools.cached_property
    def head(self) -> str | None:
        """The alias's first word lower-cased, with which every match of `pattern` begins (in a text with none of
        the _CASE_TRAPS, at the same offset of the lower-cased text); None for an alias that is not ASCII."""
        words = self.text.split()
        if not words or not self.text.isascii() or self.text[0].isspace():
            return None
        return words[0].lower()

    @functools.cached_property
    def literal(self) -> tuple[tuple[str, ...], bool, bool] | None:
        """What `_literal_end` needs to match the alias without its regex: the alias's words (lower-cased when the
        pattern ignores case), whether it ignores case, whether it takes a plural ending. None for an alias
        `_literal_end` cannot read (not ASCII, or spaced other than by single spaces): its regex is used."""
        words = self.text.split(" ")
        if not self.text.isascii() or not all(w and not any(c.isspace() for c in w) for w in words):
            return None
        fold = bool(self.flags & re.IGNORECASE)
        return (tuple(w.lower() for w in words) if fold else tuple(words), fold,
                self.source.endswith("(?:s|es)?(?![\\w-])"))


_WORDY = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-")  # \\w or - in ASCII
# the only characters beyond ASCII that match an ASCII letter under IGNORECASE other than by their lower case (the
# Kelvin sign, long s, dotless i), and the only character whose lower case is longer (I with a dot): a text
# without them is matched at the offsets where its lower-cased form holds an alias's first word
_CASE_TRAPS = ("\u212a", "\u017f", "\u0131", "\u0130")


def _wordy(c: str) -> bool:
    """\\w or a hyphen (the characters the alias patterns' (?<![\\w-]) and (?![\\w-]) exclude)."""
    return c in _WORDY or (c >= "\x80" and c.isalnum())


def _literal_end(literal: tuple[tuple[str, ...], bool, bool], text: str, low: str, at: int) -> int | None:
    """Where the alias's pattern, matched at `at` of `text` (`low` lower-cased, of the same length: the text holds
    none of the _CASE_TRAPS), ends; None when it does not match there. The same as `pattern.match(text, at)`: no
    word character or hyphen just before or after ((?<![\\w-]), (?![\\w-])), words separated by runs of whitespace
    (\\s+), a plural s or es tried before none."""
    if at and _wordy(text[at - 1]):
        return None
    words, fold, plural = literal
    src = low if fold else text
    n = len(text)
    p = at
    for w in words:
        if p != at:
            q = p
            while q < n and text[q].isspace():
                q += 1
            if q == p:
                return None
            p = q
        if not src.startswith(w, p):
            return None
        p += len(w)
    if plural:
        if p < n and low[p] == "s" and (p + 1 == n or not _wordy(text[p + 1])):
            return p + 1
        if low.startswith("es", p) and (p + 2 == n or not _wordy(text[p + 2])):
            return p + 2
    return p if p == n or not _wordy(text[p]) else None


def _make_alias(entry_id: str, alias: str, local: bool) -> _Alias:
    source, flags = _alias_source(alias)
    return _Alias(entry_id, source, local, alias, flags)


_WORD = re.compile(r"\w+")


def _alias_keys(pattern: str, alias: str) -> set[str]:
    """The lower-case words a text must contain for `alias` to match in it: its first word, and for a
    pluralisable single word (see `_alias_pattern`) that word with s/es."""
    words = _WORD.findall(alias.lower())
    if not words:
        return {""}
    keys = {words[0]}
    if len(words) == 1 and pattern.endswith("(?:s|es)?(?![\\w-])"):
        keys |= {words[0] + "s", words[0] + "es"}
    return keys


def _whole_words(al: _Alias) -> frozenset[str]:
    """The lower-case words (runs of _WORD) of an alias that every match of its pattern holds as whole words of the
    text: each word of the alias is bounded by non-word characters in the pattern, except a last word that may take
    a plural ending."""
    words = _WORD.findall(al.text.lower())
    if al.source.endswith("(?:s|es)?(?![\\w-])"):
        words = words[:-1]
    return frozenset(words)


# ---------------------------------------------------------------------------
# Role vocabulary (how a sentence casts an actor as perpetrator, target, claimant)
# ---------------------------------------------------------------------------

_PERPETRATOR_AFTER = re.compile(
    r"^[\s,)’'s-]{0,4}(?:\w+\s+){0,3}?(?:fired|launched|carried\s+out|conducted|claimed|struck|shelled|bombed|targeted|detonated|planted|"
    r"attacked|hit|killed|shot|ambushed|executed|kidnapped|abducted|raided|stormed|seized|captured|arrested|detained|"
    r"threw|hurled|lobbed|pounded|bombarded|blew\s+up|burn(?:ed|t)|demolished|destroyed|looted|infiltrated|assassinated|"
    r"set\s+off|triggered|retook|recaptured|overran|repelled|dropped|set\s+fire|set\s+ablaze|torched|razed|located|thwarted|"
    r"defused|dismantled|found|intercepted|shot\s+down|opened\s+fire|deployed|(?:have\s+|has\s+)?(?:agreed|offered|proposed|"
    r"presented|declared|announced|suspended|halted)|drones?|warplanes?|jets?|aircraft|artillery|air\s*strikes?|"
    r"explosive|devices?|IEDs?|mortars?|shells|rockets?|snipers?|landmines?|mines?|bombs?)\b",
    re.IGNORECASE,
)
# "…, was targeted": the actor is the patient of the verb, not its agent
# the auxiliaries are matched case-sensitively: "struck an IS hideout" is not "is ...t"
_PASSIVE_AFTER = re.compile(r"^[\s,)’'s-]{0,4}(?:\w+\s+){0,3}?(?-i:[Ww]as|[Ww]ere|is|[Aa]re|been|being|got)\s+(?:\w+\s+)?\w+(?:ed|en|t)\b",
                            re.IGNORECASE)
_PERPETRATOR_BEFORE = re.compile(
    r"\b(?:claimed\s+by|carried\s+out\s+by|launched\s+by|fired\s+by|planted\s+by|by|belonging\s+to|affiliated\s+(?:with|to)|"
    r"loyal\s+to|working\s+for|members?\s+of)\s+(?:the\s+|an?\s+|its\s+)?(?:[\w-]+\s+)?$",
    re.IGNORECASE,
)
_TARGET_BEFORE = re.compile(
    r"\b(?:on|against|at|targeting|targeted|target|hit|struck|attacked|ambushed|killing|wounding|killed|wounded|injuring|"
    r"near|hosting|housing|hosts|hosted|houses|shelled|bombed|striking|into|carrying|(?:vehicle|car|position|post|headquarters|"
    r"base|checkpoint|convoy|patrol|house|home|members?|commander|officer|head|leader|unit|detachment)s?\s+of|"
    r"(?:used|owned|operated|run|manned|occupied|controlled|held|guarded|protected|escorted|driven)\s+by|"
    r"(?:car|vehicle|truck|house|home|base|position|post|facility|office|property)s?\s+belonging\s+to)\s+"
    r"(?:an?\s+|the\s+|\d+\s+)?(?:(?!(?:that|said|says|who|which|when|after|and|as|while|before)\b)[\w-]+\s+){0,2}$",
    re.IGNORECASE,
)
# ", backed by coalition helicopters," between an actor and its verb
_BELONGING = re.compile(r"^\s*,?\s*(?:belonging\s+to|affiliated\s+(?:with|to)|linked\s+to|loyal\s+to|members?\s+of|from)"
                        r"\s+(?:the\s+)?$", re.IGNORECASE)
# "members of X ... were wounded": X's members are the ones harmed, not the agents
_MEMBERS_OF_BEFORE = re.compile(r"\bmembers?\s+of\s+(?:the\s+|an?\s+|its\s+)?(?:[\w-]+\s+)?$", re.IGNORECASE)
_LEADING_PAREN = re.compile(r"^\s*\([^()]{1,60}\)")
_INSERTION = re.compile(r"^\s*(?:,[^,.;]{1,60},|\s(?:forces?\s+)?(?:together|along)\s+with\s+[^,.;]{1,40},?)")
# "an air base which hosts coalition troops": a force named inside a description of the place is not the agent
_HOST_CLAUSE = re.compile(r"\b(?:hosts?|hosting|housing|houses|home\s+to|used\s+by|where|stationed)\b[^,.;]*$", re.IGNORECASE)
# "a base used by AU troops": the owner of the target, not the agent
_OWNER_BEFORE = re.compile(r"\b(?:(?:used|owned|operated|run|manned|occupied|controlled|held|guarded|protected|escorted|driven|"
                           r"housed|hosted)\s+by|(?:car|vehicle|truck|house|home|base|position|post|facility|office|property)s?\s+"
                           r"belonging\s+to)\s+(?:the\s+|an?\s+)?(?:[\w-]+\s+)?$", re.IGNORECASE)
# A hedged attribution names a usual suspect without identifying the perpetrator: the attack stays unidentified.
_HEDGE_BEFORE = re.compile(
    r"\b(?:suspected|alleged(?:ly)?|believed|presumed|presumably|likely|possibly|probably|thought|blamed|accused|"
    r"attributed|assumed)\b(?:\s+(?:to|of|on|be|been|have|had|by|with|the|an?|affiliated|linked|belong(?:ing)?|members?|"
    r"fired|planted|carried\s+out|militants?|fighters?|elements?))*\s*$",
    re.IGNORECASE,
)
_HEDGE_AFTER = re.compile(r"^\s*(?:was|were|is|are)?\s*(?:suspected|blamed|believed)\b|^[^.;]{0,40}\b(?:denied|deny)\b", re.IGNORECASE)
# Forces acting alongside the perpetrator (or a named sub-unit in brackets) are its associates, not its opponents.
_ALLY_BEFORE = re.compile(
    r"\b(?:with\s+(?:the\s+)?(?:help|support|assistance|backing|cover|participation)\s+(?:of|from)|"
    r"in\s+(?:coordination|cooperation|collaboration|conjunction|partnership)\s+with|along\s*(?:side)?\s+with|alongside|"
    r"together\s+with|assisted\s+by|supported\s+by|backed\s+by|aided\s+by|joined\s+by|helped\s+by|"
    r"joint\s+(?:[\w-]+\s+){0,3}?with)\s+"
    r"(?:the\s+|an?\s+|its\s+)?(?:[\w'’.-]+\s+){0,3}$",
    re.IGNORECASE,
)
# The actor opens its clause (the sentence's subject), not the object of a preposition.
_CLAUSE_START = re.compile(r"(?:^|[,;:(]|\b(?:and|when|after|as|while|then|where|which|who))\s*(?:(?!(?:for|of|to|with|from|against|on|at|"
                           r"near|toward|towards|by|into|in)\b)[\w'’.-]+\s+){0,3}$", re.IGNORECASE)
_JOINED = re.compile(r"^\s*(?:\([^()]{0,60}\)\s*)?(?:,\s*)?(?:and|&)\s+(?:the\s+)?(?:[\w.-]+\s+){0,2}$", re.IGNORECASE)
_BETWEEN_BEFORE = re.compile(r"\b(?:between|pitting|among)\s+(?:the\s+|an?\s+|\w+\s+){0,3}$", re.IGNORECASE)
_BRACKETED = re.compile(r"(?:\(\s*|['’]s\s+)(?:the\s+)?$")
# A force that reports the incident ("the ministry of defence said in a statement") takes no part in it.
_SPEAKER_AFTER = re.compile(r"^[\s,)’'s-]{0,4}(?:\w+\s+){0,3}?(?:said|says|reported|stated|announced|told|added|confirmed|"
                            r"statement|spokesm[ae]n|spokesperson)\b", re.IGNORECASE)
# Forces that come to stop a fight are not a side of it.
_INTERVENES_AFTER = re.compile(
    r"^[\s,)’'s-]{0,4}(?:\w+\s+){0,4}?(?:intervened|intervene|arrived|rushed|came\s+to|were\s+sent|to\s+(?:contain|stop|end|"
    r"cease|break\s+up|separate|calm)|contained|ended|broke\s+up|separated|imposed|arrested|detained)\b",
    re.IGNORECASE,
)
_TRIBAL_FRAME = re.compile(
    r"\b(?:between\s+(?:two|2|rival)\b|two\s+(?:\w+\s+){0,3}(?:tribes|clans|families)|rival\s+(?:tribes|clans|families)|"
    r"tribal\s+(?:clash|conflict|dispute|fight|feud|fighting|violence)|(?:members|families)\s+of\s+(?:an?\s+|the\s+)?"
    r"(?:\w+\s+)?(?:tribe|clan))",
    re.IGNORECASE,
)
# Civilian persons and property: their presence makes Civilians the target of a one-sided attack
_CIVILIAN_TARGET = re.compile(
    r"\b(?:house|home|shop|store|market|restaurant|caf[eé]|hotel|farm|orchard|residence|property|properties|mosque|church|"
    r"shrine|school|hospital|pharmacy|clinic|business|liquor|civilian|car|vehicle|truck|bus|minibus|taxi|tractor|office|"
    r"(?:petrol|gas|fuel|filling)\s+station|residential|"
    r"activist|judge|director|governor|mayor|candidate|official|MP|"
    r"member\s+of\s+(?:the\s+)?parliament|lawmaker|mukhtar|sheikh|cleric|imam|fisherman|fishermen|merchant|businessman|"
    r"trader|dealer|contractor|employee|worker|engineer|nurse|doctor|student|teacher|journalist|lawyer|"
    r"herder|shepherd)(?:s|es)?\b",
    re.IGNORECASE,
)
# A bomb disposal implies a planter; a seized cache, an owner.
_EXPLOSIVE = re.compile(r"\b(?:explosive|IED|bomb|device|mine|landmine|booby[- ]trap|rocket|mortar|grenade|shell)s?\b", re.IGNORECASE)
# a government (not a force) named in a riot or protest sentence: what the crowd addressed, rarely its opponent
_GOVERNMENT_NAME = re.compile(r"^(?:Government|Ministry|Presidency)\b")
# a group named as the owner of a building or office (riots: the target of the crowd)
_OWNER_OF_BEFORE = re.compile(r"\b(?:offices?|headquarters|branch|buildings?|premises|bureau|compound|house|home|residence|"
                              r"secretariat)\s+(?:of|belonging\s+to)\s+(?:the\s+|a\s+)?$", re.IGNORECASE)
_OWNED_AFTER = re.compile(r"^(?:[’']s?)?\s*(?:[\w-]+\s+){0,2}?(?:offices?|headquarters|branch(?:es)?|buildings?|premises|bureau|"
                          r"secretariat)\b", re.IGNORECASE)

# a crowd that attacks people who are not armed ("protesters beat a journalist", "demonstrators assaulted employees")
_CROWD_HITS_PEOPLE = re.compile(
    r"\b(?:attacked|assaulted|beat|beaten|injured|stabbed|stoned)\s+(?:an?\s+|the\s+|two\s+|three\s+|several\s+|some\s+|\d+\s+)?"
    r"(?:[\w-]+\s+){0,2}?(?:journalists?|reporters?|cameram[ae]n|employees|workers|staff|doctors|nurses|passers-by|"
    r"civilians|shopkeepers|officials?|teachers?|students|worshippers|pilgrims|women|children)\b", re.IGNORECASE)

# plain "security forces" at a protest, an arrest or a deployment are the police (ACLED's Iraq coding; in the 2020 rows
# such events go to Police Forces unless the army is named)
_GENERIC_SECURITY = re.compile(r"^(?:security\s+forces?|security\s+members?|security\s+personnel|security\s+services)$", re.IGNORECASE)
POLICE_CONTEXTS = ("Protests", "Riots", "Arrests", "Change to group/activity")
_CONVOY = re.compile(r"\bconvoys?\b", re.IGNORECASE)
_MILITARY_CONVOY = re.compile(r"\b(?:military|army|armou?red|escorted|troops?|soldiers|combat)\s+(?:\w+\s+)?convoys?\b|\bconvoys?\s+(?:of|carrying)\s+(?:\w+\s+)?(?:troops|soldiers)\b", re.IGNORECASE)
_HALTED_ATTACKS_ON = re.compile(r"\b(?:attacks?|operations|shellings?|targeting|hostilities|fire)\b(?:\s+\S+){0,4}\s+$", re.IGNORECASE)

ERV = "Explosions/Remote violence"
VAC = "Violence against civilians"
BATTLES = "Battles"
PROTESTS = "Protests"
RIOTS = "Riots"
SD = "Strategic developments"

# Generic template ids the role logic relies on (they must exist in actors.toml).
CIVILIANS = "gen.civilians"
UNIDENTIFIED = "gen.unidentified_armed_group"
UNIDENTIFIED_MILITARY = "gen.unidentified_military_forces"
PROTESTERS = "gen.protesters"
RIOTERS = "gen.rioters"
LABOUR = "id.labour"
TRIBAL = "gen.unidentified_tribal_militia"
TRIBAL_IDS = (TRIBAL, "som.clan_militia")  # fighting between two tribes or clans puts the same militia on both sides
REQUIRED_IDS = (CIVILIANS, UNIDENTIFIED, UNIDENTIFIED_MILITARY, PROTESTERS, RIOTERS, LABOUR, "usa.military", "int.coalition")
# (TRIBAL is optional: without it tribal fighting is coded with the unidentified armed group)


_ATTRIBUTION = re.compile(
    r"(?:,\s*|\s+)(?:according\s+to\b[^,.;]*"
    r"|(?:(?:an?|the)\s+)?(?:[\w'’.-]+\s+){0,6}?(?:said|says|told\s+[\w\s.'’-]{1,40}?|reported|added|stated)"
    r"(?:\s+in\s+an?\s+(?:statement|press\s+release|briefing|interview))?(?:\s+(?:on|late|early)\s+\w+(?:\s+\w+)?)?)\s*[.”\"]?\s*$",
    re.IGNORECASE,
)


def mask_attribution(text: str) -> str:
    """`text` with a trailing attribution clause (", police said.", ", according to the army.")
    replaced by spaces, so offsets stay valid."""
    m = _ATTRIBUTION.search(text)
    if not m or m.start() == 0:
        return text
    return text[:m.start()] + " " * (len(text) - m.start())


@dataclass(frozen=True)
class ActorDictionary:
    """The loaded, validated actor dictionary. Build with `ActorDictionary.load()`."""

    entries: dict[str, ActorEntry]
    version: str
    _aliases: tuple[_Alias, ...] = field(repr=False)
    # first word of each alias (lower case; single lowercase words also as plurals) -> alias indices:
    # a sentence is tried only against the aliases whose first word it contains
    _by_word: dict[str, tuple[int, ...]] = field(default_factory=dict, repr=False)
    # _by_word for one country: without the local aliases of entries of other countries (made when first needed)
    _by_word_in: dict[str, dict[str, tuple[int, ...]]] = field(default_factory=dict, repr=False, compare=False)
    # per alias, the lower-case words every match holds whole (all but a pluralisable last word): an ASCII sentence
    # lacking one of them is not searched for that alias
    _alias_words: tuple[frozenset[str], ...] = field(default=(), repr=False, compare=False)

    @classmethod
    def load(cls, path: Path | None = None) -> ActorDictionary:
        path = Path(path) if path is not None else DEFAULT_ACTORS_FILE
        parsed, data = _load_toml(path, ActorFile, "actor")
        entries: dict[str, ActorEntry] = {}
        for e in parsed.actor:  # type: ignore[attr-defined]
            if e.id in entries:
                raise DataFileError(str(path), f"actor {e.id!r} field 'id'", "duplicate id")
            entries[e.id] = e
        for e in entries.values():
            if e.unit_of and e.unit_of not in entries:
                raise DataFileError(str(path), f"actor {e.id!r} field 'unit_of'", f"unknown parent id {e.unit_of!r}")
            if e.country == "*" and (e.local_aliases or e.periods):
                raise DataFileError(str(path), f"actor {e.id!r} field 'country'", "generic (*) entries cannot have local_aliases or periods")
            for p in e.periods:
                if p.to is not None and p.to < p.from_:
                    raise DataFileError(str(path), f"actor {e.id!r} field 'periods'", f"period {p.name!r} ends before it starts")
        missing = [i for i in REQUIRED_IDS if i not in entries]
        if missing:
            raise DataFileError(str(path), "actor", f"required generic entries missing: {missing}")
        aliases = tuple(
            _make_alias(e.id, a, local)
            for e in entries.values()
            for local, group in ((False, e.aliases), (True, e.local_aliases))
            for a in group
        )
        by_word: dict[str, list[int]] = {}
        for i, al in enumerate(aliases):
            for w in _alias_keys(al.source, al.text):
                by_word.setdefault(w, []).append(i)
        return cls(entries=entries, version=hashlib.sha256(data).hexdigest(), _aliases=aliases,
                   _by_word={w: tuple(ix) for w, ix in by_word.items()},
                   _alias_words=tuple(_whole_words(al) for al in aliases))

    # -- naming ------------------------------------------------------------------

    def name_for(self, entry_id: str, country: str, iso3: str, on: dt.date) -> str:
        """The entry's ACLED name for an event in `country` on `on`."""
        e = self.entries[entry_id]
        if e.unit_of:
            return f"{self.name_for(e.unit_of, country, iso3, on)} {e.unit}"
        name = e.name
        if e.periods:
            chosen = [p for p in e.periods if p.from_ <= on and (p.to is None or on <= p.to)]
            if chosen:
                name = chosen[0].name
            elif not name:
                name = min(e.periods, key=lambda p: p.from_).name if on < min(p.from_ for p in e.periods) else max(e.periods, key=lambda p: p.from_).name
        return name.replace("{country}", country)

    def inter_for(self, entry_id: str, iso3: str) -> int:
        e = self.entries[entry_id]
        home = e.country
        if e.unit_of and home == "*":
            home = self.entries[e.unit_of].country
        if e.inter_abroad is not None and home not in ("*", iso3):
            return e.inter_abroad
        return e.inter

    def mention(self, entry_id: str, country: str, iso3: str, on: dt.date, text: str = "",
                start: int | None = None, end: int | None = None) -> ActorMention:
        e = self.entries[entry_id]
        return ActorMention(entry_id=entry_id, name=self.name_for(entry_id, country, iso3, on),
                            inter=self.inter_for(entry_id, iso3), text=text, start=start, end=end, role=e.kind)

    # -- finding -----------------------------------------------------------------

    def find_actors(self, text: str, offset: int, country: str, iso3: str, on: dt.date) -> list[ActorMention]:
        """Actors and identity labels named in `text`, in text order, names resolved for country/date.

        Overlapping alias hits keep the longest; `local_aliases` count only in the entry's home country.
        """
        found: list[tuple[int, int, str, bool]] = []
        low = text.lower()
        words = set(_WORD.findall(low))
        words.add("")
        by_word = self._by_word_in.get(iso3)
        if by_word is None:
            by_word = self._by_word_in[iso3] = self._words_in(iso3)
        picked = sorted({i for w in words for i in by_word.get(w, ())})
        ascii_text = text.isascii()
        if self._alias_words and ascii_text:  # (lower() and the patterns' IGNORECASE agree on ASCII)
            needed = self._alias_words
            picked = [i for i in picked if words.issuperset(needed[i])]
        by_head = ascii_text or not any(c in text for c in _CASE_TRAPS)
        for al in (self._aliases[i] for i in picked):
            head = al.head if by_head else None
            if head is None:
                found += [(m.start(), m.end(), al.entry_id, al.local) for m in al.pattern.finditer(text)]
                continue
            # the matches finditer gives, tried only where the alias's first word occurs (not at every offset), by
            # a literal comparison where the alias allows it (compiling its regex cost more than all its searches)
            literal = al.literal
            at = low.find(head)
            while at >= 0:
                if literal is not None:
                    end = _literal_end(literal, text, low, at)
                else:
                    m = al.pattern.match(text, at)
                    end = None if m is None else m.end()
                if end is None:
                    at = low.find(head, at + 1)
                else:
                    found.append((at, end, al.entry_id, al.local))
                    at = low.find(head, end)
        # longest first; of two equal hits the home-country reading wins ("Islamic State" in Nigeria is its West Africa Province)
        found.sort(key=lambda h: (h[0], -(h[1] - h[0]), not h[3]))
        hits = [(s, e, i) for s, e, i, _ in found]
        kept: list[tuple[int, int, str]] = []
        last_end = {"actor": -1, "identity": -1}
        for h in hits:
            role = self.entries[h[2]].kind
            if h[0] < last_end[role]:
                continue  # overlaps a longer/earlier hit of the same role
            last_end[role] = h[1]
            kept.append(h)
        return [self.mention(eid, country, iso3, on, text[s:e], offset + s, offset + e) for s, e, eid in kept]

    def _words_in(self, iso3: str) -> dict[str, tuple[int, ...]]:
        """`_by_word` less the local aliases of other countries' entries (which count only at home)."""
        out = {}
        for w, ix in self._by_word.items():
            kept = tuple(i for i in ix if not (self._aliases[i].local
                                               and self.entries[self._aliases[i].entry_id].country != iso3))
            if kept:
                out[w] = kept
        return out

    # -- roles -------------------------------------------------------------------

    def assign_actors(self, text: str, offset: int, event_type: str, sub_event_type: str, country: str,
                      iso3: str, on: dt.date,
                      story_actors: list[ActorMention] | Callable[[], list[ActorMention]] | None = None
                      ) -> ActorAssignment:
        """actor1/actor2 and associated actors for one incident reported in `text` (codebook §3, §8).

        The sources a sentence cites ("…, police said", "according to the army") report an
        incident; they take no part in it, so they are blanked before roles are assigned —
        except for strategic developments, where the speaker is usually the actor. `story_actors` (the actors
        the whole story names) may be given as a function that finds them: only some events need them.
        """
        if event_type != "Strategic developments":
            text = mask_attribution(text)
        found = self.find_actors(text, 0, country, iso3, on)
        ctx = _Ctx(self, text, country, iso3, on, found, event_type, sub_event_type)
        if event_type == ERV:
            return ctx.remote_violence(sub_event_type)
        if event_type == VAC:
            return ctx.violence_against_civilians()
        if event_type == BATTLES:
            return ctx.battle()
        if event_type == PROTESTS:
            return ctx.protest(sub_event_type)
        if event_type == RIOTS:
            return ctx.riot(sub_event_type)
        return ctx.strategic(sub_event_type, story_actors)


def _listed(story_actors: list[ActorMention] | Callable[[], list[ActorMention]] | None) -> list[ActorMention]:
    """The story's actors, found now if they were given as the function that finds them."""
    return (story_actors() if callable(story_actors) else story_actors) or []


@dataclass
class _Ctx:
    """Working state of one role assignment.

    The sentence's roles are read from its wording, not from any one source's phrasing: the agent ("by X", "X fired",
    "an X explosive device"), the target ("at an army checkpoint", "a PMF soldier was wounded", "a car belonging to the
    army"), allies ("in coordination with X", "X (faction)", "soldiers and police"), sources ("…, the ministry said") and
    forces that only intervene ("police arrived to contain the clash"). A merely suspected perpetrator ("suspected IS
    militants", "believed to have been fired by Daesh") leaves the attack unidentified, as the issue's coding rule asks.
    """

    d: ActorDictionary
    text: str
    country: str
    iso3: str
    on: dt.date
    found: list[ActorMention]
    event_type: str = ""
    sub_event_type: str = ""

    def __post_init__(self) -> None:
        # "PMF soldiers", "Turkish army warplanes": a force word right after a named force is that force
        merged: list[ActorMention] = []
        for a in self.found:
            prev = next((b for b in reversed(merged) if b.role == "actor"), None)
            if (a.role == "actor" and prev is not None and a.start is not None and prev.end is not None
                    and re.fullmatch(r"[\s-]*", self.text[prev.end: a.start]) and a.entry_id != CIVILIANS):
                continue
            merged.append(a)
        foreign = [a for a in merged if a.role == "actor" and self.d.entries[a.entry_id].state
                   and self._home(a.entry_id) not in (self.iso3, "*")]
        if foreign:  # "3 soldiers were killed in PKK attacks on Turkish army units": the soldiers are Turkish
            merged = [a for a in merged if not (self._local_word(a) and self.d.entries[a.entry_id].state
                                                and self._home(a.entry_id) == self.iso3)]
        self.found = merged
        if self.event_type in POLICE_CONTEXTS or self.sub_event_type in POLICE_CONTEXTS:
            self.found = [self._as_police(a) for a in self.found]

    # -- helpers ----------------------------------------------------------------

    def _home(self, entry_id: str) -> str:
        e = self.d.entries[entry_id]
        return self.d.entries[e.unit_of].country if e.unit_of and e.country == "*" else e.country

    def _local_word(self, a: ActorMention) -> bool:
        """The mention is one of its entry's home-only generic words ("army", "soldiers")."""
        words = {w.lower() for w in self.d.entries[a.entry_id].local_aliases}
        t = " ".join(a.text.lower().split())
        return t in words or t.rstrip("s") in words or (t.endswith("es") and t[:-2] in words)

    def m(self, entry_id: str) -> ActorMention:
        return self.d.mention(entry_id, self.country, self.iso3, self.on)

    def _as_police(self, a: ActorMention) -> ActorMention:
        """Plain "security forces" at a protest, an arrest or a deployment: the home country's police."""
        e = self.d.entries.get(a.entry_id)
        police = f"{self.iso3.lower()}.police"
        if e is None or not e.state or e.unit_of or police not in self.d.entries or not _GENERIC_SECURITY.match(a.text.strip()):
            return a
        return self.d.mention(police, self.country, self.iso3, self.on, a.text, a.start, a.end)

    def before(self, a: ActorMention) -> str:
        return self.text[: a.start]

    def after(self, a: ActorMention) -> str:
        return self.text[a.end:]

    @property
    def armed(self) -> list[ActorMention]:
        return [a for a in self.found if a.role == "actor" and a.inter not in (5, 6, 7)]

    @property
    def named_armed(self) -> list[ActorMention]:
        return [a for a in self.armed if not self.d.entries[a.entry_id].generic]

    @property
    def identities(self) -> list[ActorMention]:
        return [a for a in self.found if a.role == "identity"]

    @property
    def civilian_words(self) -> list[ActorMention]:
        return [a for a in self.found if a.role == "actor" and a.inter == 7]

    def civilian_target(self) -> bool:
        """Civilians, an identity group, or civilian persons or property are named."""
        return bool(self.civilian_words or self.identities or _CIVILIAN_TARGET.search(self.text))

    def is_state(self, a: ActorMention) -> bool:
        return self.d.entries[a.entry_id].state

    def government_side(self, a: ActorMention) -> bool:
        """State forces and the foreign forces that back them (inter 1 or 8)."""
        return self.is_state(a) or a.inter == 8

    def hedged(self, a: ActorMention) -> bool:
        """"suspected IS militants", "believed to be Daesh", "blamed on the PKK": named, not identified."""
        return bool(_HEDGE_BEFORE.search(self.before(a)) or _HEDGE_AFTER.search(self.after(a)))

    def associate_of(self, a: ActorMention) -> ActorMention | None:
        """The armed actor `a` acts alongside or belongs to ("with the help of X", "PMF (Badr)", "the PMF's Badr")."""
        earlier = [b for b in self.armed if b.end <= a.start]
        if not earlier or earlier[-1].entry_id == a.entry_id:  # a restatement: "al-Qaeda in the Arabian Peninsula (AQAP)"
            return None
        prev = earlier[-1]
        gap = self.text[prev.end: a.start]
        if _JOINED.match(gap) and not _BETWEEN_BEFORE.search(self.before(prev)) and self.government_side(prev) == self.government_side(a):
            return prev  # "soldiers and police killed two militants": one side
        in_brackets = "(" in gap and ")" not in gap.rsplit("(", 1)[1]  # "PMF forces of the 16th brigade (Turkmen brigades, Badr"
        if _ALLY_BEFORE.search(self.before(a)) or (len(gap) <= 40 and _BRACKETED.search(gap)) or (len(gap) <= 80 and in_brackets):
            return prev
        return None

    def perpetrator(self, hedge: bool = False) -> ActorMention | None:
        """The armed actor the sentence makes the agent: "by X", "X fired …", "an X explosive device".
        With `hedge`, a merely suspected perpetrator does not count."""
        for a in self.armed:
            before, after = self.before(a), _INSERTION.sub(" ", self.after(a), count=1)
            agent = (_PERPETRATOR_BEFORE.search(before) and not _OWNER_BEFORE.search(before)) or (
                _PERPETRATOR_AFTER.search(after) and not _PASSIVE_AFTER.search(after) and not _TARGET_BEFORE.search(before))
            if agent and _MEMBERS_OF_BEFORE.search(before) and _PASSIVE_AFTER.search(_LEADING_PAREN.sub(" ", after, count=1)):
                agent = False  # "four members of the PMF (a brigade) were injured ... by IS": the members were harmed
            if agent and self.event_type == ERV and (_DISARMING_AFTER.search(after) or _DISARMING_BEFORE.search(before)):
                agent = False  # "an IED exploded during an attempt by police to remove it": the police did not plant it
            if agent and self.associate_of(a) is None:
                if hedge and self.hedged(a):
                    continue
                return self._named_owner(a)
        return None

    def _named_owner(self, a: ActorMention) -> ActorMention:
        """"gunmen belonging to IS", "militants from the PKK": a generic agent named right after is that named group."""
        if not self.d.entries[a.entry_id].generic:
            return a
        for b in self.armed:
            if b.start is not None and a.end is not None and b.start >= a.end and not self.d.entries[b.entry_id].generic:
                if _BELONGING.match(self.text[a.end:b.start]):
                    return b
                break
        return a

    def armed_target(self, exclude: ActorMention | None) -> ActorMention | None:
        """The armed actor the sentence makes the target ("at an army checkpoint", "a PMF soldier was wounded")."""
        others = [a for a in self.armed if (exclude is None or a.entry_id != exclude.entry_id)
                  and not (exclude is not None and self.associate_of(a) is not None
                           and self.associate_of(a).entry_id == exclude.entry_id)]
        for a in others:
            if _TARGET_BEFORE.search(self.before(a)) or _PASSIVE_AFTER.search(self.after(a)):
                return a
        # a named force that is neither the agent, nor its ally, nor a source: in a one-sided attack, the one attacked
        for a in others:
            if self.d.entries[a.entry_id].generic or _SPEAKER_AFTER.search(self.after(a)) or self.hedged(a):
                continue
            if not (exclude is None and _PERPETRATOR_AFTER.search(self.after(a))):
                return a
        return None

    def identity_names(self) -> list[str]:
        return _unique(a.name for a in self.identities)

    def result(self, a1: ActorMention, a2: ActorMention | None, assoc1: list[str], assoc2: list[str], reason: str,
               extra: list[str] = ()) -> ActorAssignment:
        ids = [a1.entry_id] + ([a2.entry_id] if a2 else []) + list(extra)
        names = {a1.name, a2.name if a2 else None}
        return ActorAssignment(
            actor1=a1.name, inter1=a1.inter, actor2=a2.name if a2 else None, inter2=a2.inter if a2 else None,
            assoc_actor_1=[n for n in _unique(assoc1) if n not in names],
            assoc_actor_2=[n for n in _unique(assoc2) if n not in names],
            entries=_unique(ids), reason=reason,
            inferred=_unique(a.name for a in (a1, a2) if a is not None and self._implied(a)),
        )

    def _home_police(self) -> ActorMention | None:
        fid = _state_fallback(self.d, self.iso3, police=True)
        return None if fid == UNIDENTIFIED else self.m(fid)

    def _implied(self, a: ActorMention) -> bool:
        """A state force the sentence does not name: a generic word of the home country's forces, or assumed."""
        e = self.d.entries.get(a.entry_id)
        if e is None or not e.state:
            return False
        return not a.text.strip() or (self._local_word(a) and self._home(a.entry_id) == self.iso3)

    def allies_of(self, a: ActorMention) -> list[str]:
        """Names of the forces acting alongside `a` (its associated actors)."""
        out = []
        for b in self.armed:
            partner = self.associate_of(b)
            if partner is not None and partner.entry_id == a.entry_id and b.entry_id != a.entry_id:
                out.append(b.name)
        return _unique(out)

    def one_sided(self, fallback: str, what: str) -> ActorAssignment:
        """Remote violence and property destruction: the agent, then its target (an armed actor, else civilians)."""
        a1 = self.perpetrator(hedge=True)
        reason = f"actor1 named as perpetrator ({a1.text!r})" if a1 else ""
        if a1 is None and self.sub_event_type in ("Air/drone strike", "Shelling/artillery/missile attack", "Looting/property destruction"):
            subject = self._subject_force()
            if subject is not None:
                a1, reason = subject, f"the force that carried out the {what} ({subject.text!r})"
        if a1 is None:
            tribal = [a for a in self.armed if a.entry_id in TRIBAL_IDS]
            a1 = tribal[0] if tribal else self.m(fallback)
            reason = "tribal dispute: unidentified tribal militia" if tribal else "no perpetrator named (or only suspected): unidentified"
        coalition_side = [a for a in self.armed if a.entry_id in ("usa.military", "int.coalition") and a.entry_id != a1.entry_id]
        if _CONVOY.search(self.text) and coalition_side and not _MILITARY_CONVOY.search(self.text):
            labour = self.m(LABOUR)
            usa, coalition = self.m("usa.military"), self.m("int.coalition")
            return self.result(a1, self.m(CIVILIANS), [], [labour.name, usa.name, coalition.name],
                               reason + "; contractor supply convoy for the coalition: drivers are Civilians (codebook §8)",
                               extra=[CIVILIANS, LABOUR, "usa.military", "int.coalition"])
        target = self.armed_target(a1)
        if target is not None and target.entry_id in (UNIDENTIFIED, a1.entry_id):
            target = None
        civilians = self.civilian_target()
        assoc1 = self.allies_of(a1)
        if target is not None:
            assoc2 = [self.m(CIVILIANS).name] if (self.civilian_words or self.identities) else []
            return self.result(a1, target, assoc1, assoc2, reason + f"; armed target {target.text!r}")
        if civilians:
            return self.result(a1, self.m(CIVILIANS), assoc1, self.identity_names(), reason + "; civilian target",
                               extra=[a.entry_id for a in self.identities])
        return self.result(a1, None, assoc1, [], reason + "; no target named")

    def _subject_force(self) -> ActorMention | None:
        """A named state or foreign force that is not the target (it carried out the strike or the operation)."""
        for a in self.named_armed:
            if not self.is_state(a) and a.inter != 8:
                continue
            if _TARGET_BEFORE.search(self.before(a)) or _PASSIVE_AFTER.search(self.after(a)) or self.associate_of(a):
                continue
            if _HOST_CLAUSE.search(self.before(a)):
                continue
            if _CLAUSE_START.search(self.before(a)):
                return a
        return None

    # -- by event type ------------------------------------------------------------

    def remote_violence(self, sub_event_type: str) -> ActorAssignment:
        fallback = UNIDENTIFIED_MILITARY if sub_event_type == "Air/drone strike" else UNIDENTIFIED
        return self.one_sided(fallback, "strike")

    def violence_against_civilians(self) -> ActorAssignment:
        a1 = self.perpetrator(hedge=True)
        if a1 is None:
            unhedged = [a for a in self.armed if not self.hedged(a) and a.entry_id != CIVILIANS
                        and not _TARGET_BEFORE.search(self.before(a)) and not _PASSIVE_AFTER.search(self.after(a))]
            a1 = unhedged[0] if unhedged else None
        reason = f"perpetrator {a1.text!r}" if a1 else "no perpetrator named (or only suspected): unidentified"
        a1 = a1 or self.m(UNIDENTIFIED)
        return self.result(a1, self.m(CIVILIANS), self.allies_of(a1), self.identity_names(),
                           reason + "; VAC target is always Civilians", extra=[a.entry_id for a in self.identities])

    def battle(self) -> ActorAssignment:
        sides = [a for a in _unique_mentions([a for a in self.armed if not _SPEAKER_AFTER.search(self.after(a))])
                 if self.associate_of(a) is None]
        if any(not self.is_state(a) and not self.d.entries[a.entry_id].generic for a in sides):
            # "militants from AQAP attacked …": the unidentified group is the named one
            sides = [a for a in sides if a.entry_id != UNIDENTIFIED]
        tribal = [a for a in sides if a.entry_id in TRIBAL_IDS]
        named_non_state = [a for a in sides if not self.is_state(a) and not self.d.entries[a.entry_id].generic]
        if tribal and not named_non_state:
            interveners = [a for a in sides if self.is_state(a) and _INTERVENES_AFTER.search(self.after(a))]
            state = [a for a in sides if self.is_state(a) and a not in interveners]
            if _TRIBAL_FRAME.search(self.text) or not state:
                return self.result(tribal[0], tribal[0], [], [], "fighting between tribes: tribal militia on both sides")
            sides = [a for a in sides if a not in interveners and a.entry_id != UNIDENTIFIED]
        else:
            sides = [a for a in sides if not (self.is_state(a) and _INTERVENES_AFTER.search(self.after(a)) and len(sides) > 2)]
        a1 = sides[0] if sides else self.m(UNIDENTIFIED)
        a2 = sides[1] if len(sides) > 1 else self.m(UNIDENTIFIED)
        if a2.entry_id == a1.entry_id and a1.entry_id == UNIDENTIFIED:
            a2 = self.m(UNIDENTIFIED)
        return self.result(a1, a2, self.allies_of(a1), self.allies_of(a2), f"battle between {len(sides)} named side(s)")

    def protest(self, sub_event_type: str) -> ActorAssignment:
        a1 = self.m(PROTESTERS)
        groups = [a.name for a in self.named_armed if not self.is_state(a)] + self.identity_names()
        a2 = None
        if sub_event_type != "Peaceful protest":
            state = [a for a in self.armed if self.is_state(a) or a.inter == 1]
            # the forces that intervened before the government the crowd addressed
            state = [a for a in state if not _GOVERNMENT_NAME.match(a.name)] + [a for a in state if _GOVERNMENT_NAME.match(a.name)]
            a2 = state[0] if state else (self.armed[0] if self.armed else None)
            if a2 is None and _FORCE_ACTED.search(self.text):
                a2 = self._home_police()  # "officers used batons": the home country's police, implied
        return self.result(a1, a2, groups, [], "protesters; named groups and identities as associated actors",
                           extra=[a.entry_id for a in self.identities])

    def riot(self, sub_event_type: str) -> ActorAssignment:
        a1 = self.m(RIOTERS)
        # a party or group whose office the crowd attacked is not the crowd's affiliation (ACLED's rows name such a
        # target as actor2 or as Civilians, or leave actor2 empty: it is left empty here)
        targets = [a for a in self.named_armed if not self.is_state(a) and self._property_owner(a)]
        groups = [a.name for a in self.named_armed if not self.is_state(a) and a not in targets] + self.identity_names()
        state = [a for a in self.armed if self.is_state(a)]
        # the forces the crowd clashed with, not the government its demands or the building it attacked name
        forces = [a for a in state if not _GOVERNMENT_NAME.match(a.name)]
        if sub_event_type == "Mob violence":
            # "... beat a man to death before police arrived": police who came afterwards are not the mob's target
            forces = [a for a in forces if not (_ARRIVED_AFTER.search(self.after(a)) or _ARRIVED_BEFORE.search(self.before(a)))]
        a2 = forces[0] if forces else None
        if a2 is None and sub_event_type == "Violent demonstration" and _FORCE_ACTED.search(self.text):
            a2 = self._home_police()  # "police fired tear gas" with no force the dictionary names
        if a2 is None and sub_event_type == "Mob violence" and (self.civilian_words or self.identities):
            a2 = self.m(CIVILIANS)
        if a2 is None and _CROWD_HITS_PEOPLE.search(self.text):
            a2 = self.m(CIVILIANS)  # demonstrators who beat journalists or staff: civilians are the target (codebook)
        return self.result(a1, a2, groups, [], "rioters; opponents from the sentence")

    def _property_owner(self, a: ActorMention) -> bool:
        """"the offices of the Badr Organization", "the KDP's headquarters", "a KDP office": the group owns what was hit."""
        return bool(_OWNER_OF_BEFORE.search(self.before(a)[-60:]) or _OWNED_AFTER.match(self.after(a)[:60]))

    def strategic(self, sub_event_type: str,
                  story_actors: list[ActorMention] | Callable[[], list[ActorMention]] | None) -> ActorAssignment:
        if sub_event_type == "Agreement":
            return self.agreement(_listed(story_actors))
        if sub_event_type in ("Arrests", "Disrupted weapons use"):
            state = [a for a in self.armed if self.is_state(a) and self.associate_of(a) is None] or \
                    [a for a in self.armed if self.is_state(a)]
            reason = "state forces act; the other side from the sentence"
            story = [a for a in _listed(story_actors) if a.role == "actor" and a.entry_id in self.d.entries]
            story_state = [a for a in story if self.is_state(a)]
            agent = self.perpetrator()
            if state:
                a1 = state[0]
            elif agent is not None and not self.d.entries[agent.entry_id].generic:
                a1 = agent  # "the SDF raided two houses and detained five men"
                reason = f"the group that made the arrest ({agent.text!r}); the other side from the sentence"
            elif story_state:  # "The weapons seized included …" after "Turkish forces seized weapons …"
                a1 = self.m(story_state[0].entry_id)
                reason = f"state force of the story ({story_state[0].text!r}); the other side from the sentence"
            else:
                a1 = self.m(_state_fallback(self.d, self.iso3, police=sub_event_type == "Arrests"))
            others = [a for a in _unique_mentions(self.armed) if a.entry_id != a1.entry_id and not self.is_state(a)
                      and self.associate_of(a) is None]
            named = [a for a in others if not self.d.entries[a.entry_id].generic]
            a2 = (named or others or [None])[0]
            if a2 is None and not state and a1.inter == 1:
                story_groups = [a for a in story if not self.is_state(a) and a.inter in (2, 3, 4)
                                and not self.d.entries[a.entry_id].generic]
                if story_groups:
                    a2 = self.m(story_groups[0].entry_id)
                    reason += f"; the group the story names ({story_groups[0].text!r})"
            if a2 is None and sub_event_type == "Arrests" and self.civilian_target():
                a2 = self.m(CIVILIANS)
            if a2 is None and sub_event_type == "Disrupted weapons use" and _EXPLOSIVE.search(self.text):
                a2, reason = self.m(UNIDENTIFIED), reason + "; a device planted by an unidentified group"
            return self.result(a1, a2, self.allies_of(a1), self.identity_names() if a2 and a2.inter == 7 else [], reason)
        if sub_event_type == "Looting/property destruction":
            return self.one_sided(UNIDENTIFIED, "destruction")
        sides = [a for a in _unique_mentions(self.armed) if self.associate_of(a) is None]
        sides.sort(key=lambda a: self.d.entries[a.entry_id].generic)  # a named actor before an unnamed one
        a1 = sides[0] if sides else self.m(UNIDENTIFIED)
        if sub_event_type == "Change to group/activity":
            return self.result(a1, None, self.allies_of(a1), [], "a group's own change of activity: one-sided")
        a2 = sides[1] if len(sides) > 1 else (self.m(CIVILIANS) if self.civilian_words else None)
        return self.result(a1, a2, [], [], "first named actor acts")

    def agreement(self, story_actors: list[ActorMention]) -> ActorAssignment:
        named = self.named_armed
        counterparts = {a.entry_id for a in named if _HALTED_ATTACKS_ON.search(self.text[: a.start])}
        non_state = [a for a in named if not self.d.entries[a.entry_id].state and a.inter in (2, 3, 4)]
        quoted = [a for a in story_actors if a.role == "actor" and a.inter in (2, 3, 4)
                  and a.entry_id in self.d.entries and not self.d.entries[a.entry_id].generic]
        others = [a for a in named if a.entry_id not in counterparts]
        if non_state:
            a1, reason = non_state[0], "named group making the truce"
        elif quoted:
            a1 = self.m(quoted[0].entry_id)
            reason = f"generic 'militias' in the sentence: the named group the story quotes ({quoted[0].text!r})"
        elif others:
            a1, reason = others[0], "named party to the agreement"
        else:
            a1, reason = self.m(UNIDENTIFIED), "no named party"
        a2 = None
        for a in self.armed:
            if a.entry_id == a1.entry_id or self.d.entries[a.entry_id].generic:
                continue
            if _HALTED_ATTACKS_ON.search(self.text[: a.start]):
                a2 = a
                break
        if a2 is not None:
            reason += f"; counterpart {a2.text!r}"
        return self.result(a1, a2, [], [], reason)


def _state_fallback(d: ActorDictionary, iso3: str, police: bool) -> str:
    prefer = [e for e in d.entries.values() if e.country == iso3 and e.state and not e.unit_of]
    rank = ("police", "military") if police else ("military", "police")
    prefer.sort(key=lambda e: (next((i for i, k in enumerate(rank) if e.id.endswith("." + k)), len(rank)), e.id))
    return prefer[0].id if prefer else UNIDENTIFIED


def _unique(names) -> list[str]:
    out: list[str] = []
    for n in names:
        if n and n not in out:
            out.append(n)
    return out


def _unique_mentions(ms: list[ActorMention]) -> list[ActorMention]:
    seen: set[str] = set()
    out = []
    for a in ms:
        if a.entry_id not in seen:
            seen.add(a.entry_id)
            out.append(a)
    return out


# ---------------------------------------------------------------------------
# Outlets
# ---------------------------------------------------------------------------

_CITE_CONTEXT = (
    r"(?:\btold\s+(?:the\s+)?{a}|\b{a}\s+(?:reported|said|cited|quoted|news\s+agency\s+reported)|"
    r"\baccording\s+to\s+(?:the\s+)?{a}|\(\s*{a}\s*\)|\bto\s+(?:the\s+)?{a}\b|\b(?:the\s+)?{a}\s+reported|"
    r"\b(?:cited|quoted)\s+by\s+(?:the\s+)?{a}|\b{a}\s+(?:cited|quoted))"
)


@dataclass(frozen=True)
class OutletTable:
    outlets: tuple[Outlet, ...]
    version: str
    _by_key: dict[str, Outlet] = field(repr=False)
    _cites: tuple[tuple[Outlet, re.Pattern[str], Needs], ...] = field(repr=False)

    @classmethod
    def load(cls, path: Path | None = None) -> OutletTable:
        path = Path(path) if path is not None else DEFAULT_OUTLETS_FILE
        parsed, data = _load_toml(path, OutletFile, "outlet")
        by_key: dict[str, Outlet] = {}
        ids: set[str] = set()
        for o in parsed.outlet:  # type: ignore[attr-defined]
            if o.id in ids:
                raise DataFileError(str(path), f"outlet {o.id!r} field 'id'", "duplicate id")
            ids.add(o.id)
            for key in [o.name, *o.aliases]:
                k = _outlet_key(key)
                if k in by_key and by_key[k].id != o.id:
                    raise DataFileError(str(path), f"outlet {o.id!r} field 'aliases'", f"{key!r} already names {by_key[k].id!r}")
                by_key[k] = o
        cites = []
        for o in parsed.outlet:  # type: ignore[attr-defined]
            names = "|".join(_alias_pattern(n).pattern.removeprefix("(?<![\\w-])").removesuffix("(?![\\w-])")
                             for n in sorted({o.name, *o.aliases}, key=len, reverse=True))
            alt = f"(?:{names})"
            cites.append((o, re.compile(_CITE_CONTEXT.format(a=alt)), needed_literals(alt)))
        return cls(outlets=tuple(parsed.outlet), version=hashlib.sha256(data).hexdigest(),  # type: ignore[attr-defined]
                   _by_key=by_key, _cites=tuple(cites))

    def lookup(self, outlet_name: str | None) -> Outlet | None:
        """The outlet named `outlet_name` (its ACLED name or an alias, any case/punctuation)."""
        if not outlet_name:
            return None
        return self._by_key.get(_outlet_key(outlet_name))

    def cited_in(self, text: str) -> list[Outlet]:
        """Agencies a text cites ("told Reuters", "Anadolu reported", "(AP)"), in order of first citation."""
        hits = []
        low = text.lower()
        for o, pat, needs in self._cites:
            m = pat.search(text) if could_match(needs, low) else None
            if m:
                hits.append((m.start(), o))
        return [o for _, o in sorted(hits, key=lambda h: h[0])]

    def find_outlet(self, name_or_text: str) -> Outlet | None:
        """An outlet by name, else the first one the text cites."""
        return self.lookup(name_or_text) or next(iter(self.cited_in(name_or_text)), None)


def _outlet_key(name: str) -> str:
    key = re.sub(r"[^\w]+", " ", name.casefold()).strip()
    return re.sub(r"^the\s+", "", key)


def find_outlet(name_or_text: str, table: OutletTable | None = None) -> Outlet | None:
    """Convenience: `OutletTable.find_outlet` on the given (or default) table."""
    return (table or OutletTable.load()).find_outlet(name_or_text)


_ARRIVED_AFTER = re.compile(r"^\s*(?:officers\s+|officials\s+)?(?:arrived|came|rescued|intervened|reached|were\s+called|later|"
                            r"took\s+(?:him|her|them|the\s+\w+)|recovered|found|dispersed)\b", re.IGNORECASE)
_ARRIVED_BEFORE = re.compile(r"\b(?:before|after|until|when|by\s+the\s+time)\s+(?:the\s+)?(?:[\w-]+\s+)?$", re.IGNORECASE)

# police or other forces named by a plain word who act on a crowd ("officers used batons", "police fired tear gas")
_FORCE_ACTED = re.compile(r"\b(?:police(?:men)?|officers|riot\s+police|anti-riot\s+(?:police|units?|forces)|security\s+(?:forces|personnel|men)|"
                          r"gendarmes?|troops|soldiers)\s+(?:\w+\s+){0,2}?(?:fired|used|dispersed|charged|baton-charged|"
                          r"arrested|detained|beat|chased|pushed|responded|intervened|clashed|lobbed|sprayed|cleared)\b", re.IGNORECASE)

# forces trying to defuse or remove a device are not the ones who set it off
_DISARMING_AFTER = re.compile(r"^[\s,)’'s-]{0,4}(?:\w+\s+){0,3}?(?:tried|trying|attempted|attempting|sought)\s+to\s+(?:defuse|dismantle|"
                              r"remove|disarm|neutrali[sz]e)|^[\s,)’'s-]{0,4}(?:\w+\s+){0,3}?(?:was|were)\s+(?:\w+\s+)?(?:defusing|"
                              r"dismantling|removing|disarming)\b|^\s+to\s+(?:defuse|dismantle|remove|disarm)\b", re.IGNORECASE)
_DISARMING_BEFORE = re.compile(r"\b(?:attempt|effort|operation)\s+by\s+(?:the\s+)?(?:[\w-]+\s+)?$", re.IGNORECASE)

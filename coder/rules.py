"""Incident trigger rules (stage 3's data) and the matcher that applies them.

Rules and filters are data (`coder/data/rules/*.toml`), validated when they load:

    [[rule]]      id, event_type, sub_event_type, triggers, plural_triggers, priority,
                  requires, excludes, examples, counter_examples
    [[filter]]    id, kind, pattern, scope, window, applies_to, plural_only, unless
    [[boundary]]  id, pattern   (where one sentence moves on to a distinct incident)

`RuleSet.match(text)` finds every trigger, keeps one winner per clause (highest
`priority` = most specific, then the taxonomy hierarchy), and marks winners that a
filter vetoes (hypothetical, negated, aggregate, talks, statements) with `filtered_by`.
`RuleSet.classify(text)` returns only the winners no filter vetoed.
"""

from __future__ import annotations

import hashlib
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from coder.errors import DataFileError
from coder.prefilter import (Clauses, LiteralIndex, NearSearch, Needs, clauses_present, needed_clauses,
                             needed_literals)
from coder.taxonomy import Taxonomy, load_taxonomy

DEFAULT_RULES_DIR = Path(__file__).resolve().parent / "data" / "rules"

FilterKind = Literal["hypothetical", "negation", "aggregate", "talks", "statement", "reference"]
FilterScope = Literal["before", "after", "around", "sentence"]


def _check_pattern(pattern: str) -> str:
    if not pattern or not pattern.strip():
        raise ValueError("empty pattern")
    try:
        compiled = re.compile(pattern, re.IGNORECASE)
    except re.error as exc:
        raise ValueError(f"invalid regex {pattern!r}: {exc}") from exc
    if compiled.fullmatch(""):
        raise ValueError(f"pattern {pattern!r} matches the empty string")
    return pattern


def _check_patterns(patterns: list[str]) -> list[str]:
    return [_check_pattern(p) for p in patterns]


class Rule(BaseModel):
    """One trigger rule: regexes that, found in a sentence, signal an incident of one sub-event type."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(min_length=1, pattern=r"^[a-z0-9_.]+$")
    event_type: str
    sub_event_type: str
    description: str = ""
    triggers: list[str] = Field(default_factory=list, description="singular triggers (case-insensitive, word-bounded regexes)")
    plural_triggers: list[str] = Field(default_factory=list, description="plural triggers: count only with a cardinal or as one clear incident")
    priority: int = Field(default=50, ge=0, le=100, description="specificity: higher wins within a clause")
    generic: bool = Field(default=False, description="dropped when a more specific rule of the same event type fires anywhere in the sentence")
    yields_to: list[str] = Field(default_factory=list, description="event types whose triggers anywhere in the sentence (even vetoed ones) drop this rule")
    requires: list[str] = Field(default_factory=list, description="regexes that must all occur in the sentence")
    excludes: list[str] = Field(default_factory=list, description="regexes any of which vetoes this rule")
    examples: list[str] = Field(default_factory=list)
    counter_examples: list[str] = Field(default_factory=list)

    _v_patterns = field_validator("triggers", "plural_triggers", "requires", "excludes")(_check_patterns)


class Filter(BaseModel):
    """A context in which a trigger does not report an event (modal, negated, aggregate...)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(min_length=1, pattern=r"^[a-z0-9_.]+$")
    kind: FilterKind
    description: str = ""
    pattern: str | None = Field(default=None, description="regex searched in the scope; required unless plural_only")
    scope: FilterScope = "before"
    window: int = Field(default=60, ge=1, le=400, description="characters of context for before/after/around")
    applies_to: list[str] = Field(default_factory=list, description="event types it applies to; empty = all")
    plural_only: bool = Field(default=False, description="applies only to plural triggers with no cardinal")
    unless: list[str] = Field(default_factory=list, description="regexes in the sentence that lift the filter")
    examples: list[str] = Field(default_factory=list, description="sentences whose trigger this filter must veto")

    @field_validator("pattern")
    @classmethod
    def _v_pattern(cls, v: str | None) -> str | None:
        return None if v is None else _check_pattern(v)

    _v_unless = field_validator("unless")(_check_patterns)


class Boundary(BaseModel):
    """Where a sentence moves on to a distinct incident ("; ", ", while", "and another")."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(min_length=1)
    pattern: str
    description: str = ""

    _v_pattern = field_validator("pattern")(_check_pattern)


class RuleFile(BaseModel):
    """The shape of one file in coder/data/rules/."""

    model_config = ConfigDict(extra="forbid")

    rule: list[Rule] = Field(default_factory=list)
    filter: list[Filter] = Field(default_factory=list)
    boundary: list[Boundary] = Field(default_factory=list)


@dataclass(frozen=True)
class TriggerMatch:
    rule_id: str
    event_type: str
    sub_event_type: str
    start: int
    end: int
    text: str
    plural: bool = False
    cardinal: int | None = None
    filtered_by: str | None = None
    priority: int = 0


# Cardinal words: language vocabulary, not tunable rules.
_CARDINALS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "twin": 2, "double": 2, "both": 2, "a pair of": 2, "a couple of": 2,
}
_CARDINAL_BEFORE = re.compile(
    r"\b(\d{1,3}|" + "|".join(sorted(map(re.escape, _CARDINALS), key=len, reverse=True)) + r")\s+"
    r"(?:(?!(?:of|in|on|at|by|from|were|was|people|killed|and|or|the)\b)[\w'’-]+\s+){0,2}$",
    re.IGNORECASE,
)


def cardinal_before(prefix: str) -> int | None:
    """The cardinal that counts the word following `prefix` ("two separate " -> 2), or None."""
    m = _CARDINAL_BEFORE.search(prefix[-60:])
    if not m:
        return None
    word = m.group(1).lower()
    return int(word) if word.isdigit() else _CARDINALS.get(word)


def _bounded(pattern: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w-])(?:{pattern})(?![\w-])", re.IGNORECASE)


@dataclass(frozen=True)
class _CompiledRule:
    rule: Rule
    rank: int
    singular: tuple[re.Pattern[str], ...]
    plural: tuple[re.Pattern[str], ...]
    requires: tuple[re.Pattern[str], ...]
    excludes: tuple[re.Pattern[str], ...]
    # coder.prefilter needs per pattern, and for the whole rule (None: always search)
    singular_needs: tuple[Needs, ...] = ()
    plural_needs: tuple[Needs, ...] = ()
    requires_needs: tuple[Needs, ...] = ()
    excludes_needs: tuple[Needs, ...] = ()
    needs: Needs = None
    # every set of literals each pattern needs (coder.prefilter.needed_clauses): a finer pre-check of the same kind
    singular_clauses: tuple[Clauses, ...] = ()
    plural_clauses: tuple[Clauses, ...] = ()
    requires_clauses: tuple[Clauses, ...] = ()
    excludes_clauses: tuple[Clauses, ...] = ()


def _compile_rule(r: Rule, rank: int) -> _CompiledRule:
    singular = tuple(_bounded(p) for p in r.triggers)
    plural = tuple(_bounded(p) for p in r.plural_triggers)
    requires = tuple(re.compile(p, re.IGNORECASE) for p in r.requires)
    excludes = tuple(re.compile(p, re.IGNORECASE) for p in r.excludes)
    singular_needs = tuple(needed_literals(p) for p in singular)
    plural_needs = tuple(needed_literals(p) for p in plural)
    every = singular_needs + plural_needs
    needs = None if any(n is None for n in every) else frozenset().union(*every)
    return _CompiledRule(rule=r, rank=rank, singular=singular, plural=plural, requires=requires, excludes=excludes,
                         singular_needs=singular_needs, plural_needs=plural_needs,
                         requires_needs=tuple(needed_literals(p) for p in requires),
                         excludes_needs=tuple(needed_literals(p) for p in excludes), needs=needs,
                         singular_clauses=tuple(needed_clauses(p) for p in singular),
                         plural_clauses=tuple(needed_clauses(p) for p in plural),
                         requires_clauses=tuple(needed_clauses(p) for p in requires),
                         excludes_clauses=tuple(needed_clauses(p) for p in excludes))


@dataclass(frozen=True)
class _CompiledFilter:
    filter: Filter
    pattern: re.Pattern[str] | None
    unless: tuple[re.Pattern[str], ...]
    # pre-checks (coder.prefilter.needed_clauses) of `pattern` and of each `unless`
    clauses: Clauses = ()
    unless_clauses: tuple[Clauses, ...] = ()


@dataclass(frozen=True)
class RuleSet:
    """The loaded, validated rules. Immutable; build with `RuleSet.load()`."""

    rules: tuple[Rule, ...]
    filters: tuple[Filter, ...]
    boundaries: tuple[Boundary, ...]
    version: str
    _rules: tuple[_CompiledRule, ...]
    _filters: tuple[_CompiledFilter, ...]
    _boundaries: tuple[NearSearch, ...]  # searched only around the words they need
    _generic: dict[str, bool]
    _literals: LiteralIndex = field(repr=False, compare=False, default=None)  # type: ignore[assignment]
    # trigger patterns as (rule index, 0 singular / 1 plural, pattern index): those searched whatever the text, and
    # those a needed literal makes worth searching (see _candidates)
    _always: frozenset[tuple[int, int, int]] = field(repr=False, compare=False, default=frozenset())
    _by_literal: dict[str, tuple[tuple[int, int, int], ...]] = field(repr=False, compare=False, default=None)  # type: ignore[assignment]

    # -- loading -----------------------------------------------------------------

    @classmethod
    def load(cls, directory: Path | None = None, taxonomy: Taxonomy | None = None) -> RuleSet:
        """Read every *.toml in `directory` (default coder/data/rules); raise DataFileError on a bad file."""
        directory = Path(directory) if directory is not None else DEFAULT_RULES_DIR
        taxonomy = taxonomy or load_taxonomy()
        files = sorted(directory.glob("*.toml"), key=lambda p: p.name)
        if not files:
            raise DataFileError(str(directory), "directory", "no *.toml rule files found")
        digest = hashlib.sha256()
        rules: list[Rule] = []
        filters: list[Filter] = []
        boundaries: list[Boundary] = []
        seen: dict[str, str] = {}
        for path in files:
            data = path.read_bytes()
            digest.update(path.name.encode() + b"\0" + data)
            parsed = _parse_file(path, data)
            for item in [*parsed.rule, *parsed.filter, *parsed.boundary]:
                if item.id in seen:
                    raise DataFileError(str(path), f"id {item.id!r}", f"duplicate id (also in {seen[item.id]})")
                seen[item.id] = path.name
            for rule in parsed.rule:
                if not taxonomy.is_valid_pair(rule.event_type, rule.sub_event_type):
                    field = "event_type" if rule.event_type not in taxonomy.event_types else "sub_event_type"
                    raise DataFileError(
                        str(path), f"rule {rule.id!r} field {field!r}",
                        f"unknown event/sub-event type pair {rule.event_type!r} / {rule.sub_event_type!r}",
                    )
                bad_types = [t for t in rule.yields_to if t not in taxonomy.event_types]
                if bad_types:
                    raise DataFileError(str(path), f"rule {rule.id!r} field 'yields_to'", f"unknown event types {bad_types}")
                if not rule.triggers and not rule.plural_triggers:
                    raise DataFileError(str(path), f"rule {rule.id!r} field 'triggers'", "empty trigger list")
            for flt in parsed.filter:
                if flt.pattern is None and not flt.plural_only:
                    raise DataFileError(str(path), f"filter {flt.id!r} field 'pattern'", "pattern required unless plural_only")
                bad = [t for t in flt.applies_to if t not in taxonomy.event_types]
                if bad:
                    raise DataFileError(str(path), f"filter {flt.id!r} field 'applies_to'", f"unknown event types {bad}")
            rules += parsed.rule
            filters += parsed.filter
            boundaries += parsed.boundary
        compiled_rules = tuple(_compile_rule(r, taxonomy.sub_event(r.sub_event_type).rank) for r in rules)
        compiled_filters = tuple(
            _CompiledFilter(
                filter=f,
                pattern=re.compile(f.pattern, re.IGNORECASE) if f.pattern else None,
                unless=tuple(re.compile(p, re.IGNORECASE) for p in f.unless),
                clauses=needed_clauses(re.compile(f.pattern, re.IGNORECASE)) if f.pattern else (),
                unless_clauses=tuple(needed_clauses(re.compile(p, re.IGNORECASE)) for p in f.unless),
            )
            for f in filters
        )
        always, by_literal = _trigger_index(compiled_rules)
        return cls(
            rules=tuple(rules), filters=tuple(filters), boundaries=tuple(boundaries),
            _always=always, _by_literal=by_literal,
            version=digest.hexdigest(), _rules=compiled_rules, _filters=compiled_filters,
            _boundaries=tuple(NearSearch(p, needed_literals(p)) for p in (re.compile(b.pattern, re.IGNORECASE)
                                                                       for b in boundaries)),
            _generic={r.id: r.generic for r in rules},
            _literals=LiteralIndex([
                *(n for c in compiled_rules for n in (*c.singular_needs, *c.plural_needs, *c.singular_clauses,
                                                      *c.plural_clauses, *c.requires_clauses, *c.excludes_clauses)),
                *(n for f in compiled_filters for n in (f.clauses, *f.unless_clauses))]),
        )

    def rule(self, rule_id: str) -> Rule:
        for r in self.rules:
            if r.id == rule_id:
                return r
        raise KeyError(rule_id)

    # -- matching ----------------------------------------------------------------

    def match(self, text: str, offset: int = 0) -> list[TriggerMatch]:
        """Winning trigger per clause of `text`, in text order; vetoed ones carry `filtered_by`.

        Offsets are absolute (`offset` + position in `text`).
        """
        words = self._literals.found(text.lower())
        candidates = self._candidates(text, words)
        present = {c[0].rule.event_type for c in candidates}
        candidates = [c for c in candidates if not present.intersection(c[0].rule.yields_to)]
        if not candidates:
            return []
        cuts = self._clause_cuts(text)
        by_clause: dict[int, list[tuple[_CompiledRule, int, int, bool]]] = {}
        for cand in candidates:
            clause = sum(1 for c in cuts if c <= cand[1])
            by_clause.setdefault(clause, []).append(cand)
        winners: list[TriggerMatch] = []
        for clause in sorted(by_clause):
            ranked = sorted(by_clause[clause], key=lambda c: (-c[0].rule.priority, c[0].rank, -(c[2] - c[1]), c[1]))
            crule, start, end, plural, cardinal, filtered_by = self._first_unvetoed(text, ranked, words)
            winners.append(
                TriggerMatch(
                    rule_id=crule.rule.id, event_type=crule.rule.event_type,
                    sub_event_type=crule.rule.sub_event_type, start=offset + start, end=offset + end,
                    text=text[start:end], plural=plural, cardinal=cardinal, filtered_by=filtered_by,
                    priority=crule.rule.priority,
                )
            )
        specific = {w.event_type for w in winners if not self._generic[w.rule_id]}
        return [w for w in winners if not (self._generic[w.rule_id] and w.event_type in specific)]

    def _first_unvetoed(self, text: str, ranked: list[tuple[_CompiledRule, int, int, bool]], words: set[str]) -> tuple:
        """The best candidate of a clause that no filter vetoes.

        When the best is vetoed, a lower-ranked candidate may still win if it is a
        Strategic development ("police arrested three men suspected of firing rockets": the
        rockets are not an event, the arrest is) or a trigger of another event type on other
        words ("protesters demanded justice for the massacre": the massacre is what they
        protest about, the protest is the event). A candidate on the vetoed words or of the
        vetoed type is not promoted: "dozens of rocket attacks" does not fall back to
        "attacks". With nothing left, the vetoed best is returned.
        """
        first = None
        vetoed: list[tuple[int, int, str]] = []
        for crule, start, end, plural in ranked:
            if (first is not None and crule.rule.event_type != "Strategic developments"
                    and any(crule.rule.event_type == t or (start < e and s < end) for s, e, t in vetoed)):
                continue
            cardinal = cardinal_before(text[:start]) if plural else None
            filtered_by = self._veto(text, start, end, crule.rule, plural, cardinal, words)
            entry = (crule, start, end, plural, cardinal, filtered_by)
            if filtered_by is None:
                return entry
            vetoed.append((start, end, crule.rule.event_type))
            first = first or entry
        return first

    def vetoes(self, text: str) -> set[str]:
        """The ids of the filters that veto any trigger candidate of `text` (winning or not): for auditing filters."""
        found = set()
        words = self._literals.found(text.lower())
        for crule, start, end, plural in self._candidates(text, words):
            cardinal = cardinal_before(text[:start]) if plural else None
            veto = self._veto(text, start, end, crule.rule, plural, cardinal, words)
            if veto is not None:
                found.add(veto)
        return found

    def classify(self, text: str, offset: int = 0) -> list[TriggerMatch]:
        """The winners of `match` that no filter vetoed."""
        return [m for m in self.match(text, offset) if m.filtered_by is None]

    def _candidates(self, text: str, words: set[str]) -> list[tuple[_CompiledRule, int, int, bool]]:
        """The trigger hits in `text`; `words` are the needed literals it holds (`self._literals.found`)."""
        found: list[tuple[_CompiledRule, int, int, bool]] = []
        # the trigger patterns whose needed literals the text holds, in rule order, singular before plural (the
        # order of a loop over every rule and pattern with a `present` test each)
        live = set(self._always)
        by_literal = self._by_literal
        for w in words:
            slots = by_literal.get(w)
            if slots:
                live.update(slots)
        last, searched = -1, False
        rules = self._rules
        for ri, plural, j in sorted(live):
            crule = rules[ri]
            if not clauses_present((crule.plural_clauses if plural else crule.singular_clauses)[j], words):
                continue  # a word the pattern needs is missing: it cannot match
            if ri != last:
                last = ri
                searched = not (
                    any(not clauses_present(n, words) or not r.search(text)
                        for r, n in zip(crule.requires, crule.requires_clauses))
                    or any(clauses_present(n, words) and x.search(text)
                           for x, n in zip(crule.excludes, crule.excludes_clauses)))
            if searched:
                pat = crule.plural[j] if plural else crule.singular[j]
                found += [(crule, m.start(), m.end(), bool(plural)) for m in pat.finditer(text) if m.end() > m.start()]
        return found

    def _clause_cuts(self, text: str) -> list[int]:
        cuts = {m.start() for b in self._boundaries for m in b.finditer(text) if m.start() > 0}
        return sorted(cuts)

    def _veto(self, text: str, start: int, end: int, rule: Rule, plural: bool, cardinal: int | None,
              words: set[str]) -> str | None:
        for cf in self._filters:
            f = cf.filter
            if f.applies_to and rule.event_type not in f.applies_to:
                continue
            if f.plural_only and not (plural and cardinal is None):
                continue
            if cf.pattern is not None and not (clauses_present(cf.clauses, words)
                                               and cf.pattern.search(_scope_text(text, start, end, f))):
                continue
            if any(clauses_present(c, words) and u.search(text) for u, c in zip(cf.unless, cf.unless_clauses)):
                continue
            return f.id
        return None


def _trigger_index(rules: tuple[_CompiledRule, ...]
                   ) -> tuple[frozenset[tuple[int, int, int]], dict[str, tuple[tuple[int, int, int], ...]]]:
    """The trigger patterns of `rules` by the literals they need: (patterns with no needed literal, literal ->
    patterns that need it), each pattern as (rule index, 0 singular / 1 plural, pattern index)."""
    always: set[tuple[int, int, int]] = set()
    by_literal: dict[str, list[tuple[int, int, int]]] = {}
    for ri, crule in enumerate(rules):
        for plural, needs in ((0, crule.singular_needs), (1, crule.plural_needs)):
            for j, need in enumerate(needs):
                if need is None:
                    always.add((ri, plural, j))
                else:
                    for literal in need:
                        by_literal.setdefault(literal, []).append((ri, plural, j))
    return frozenset(always), {k: tuple(v) for k, v in by_literal.items()}


def _scope_text(text: str, start: int, end: int, f: Filter) -> str:
    if f.scope == "before":
        return text[max(0, start - f.window):start]
    if f.scope == "after":
        return text[end:end + f.window]
    if f.scope == "around":
        return text[max(0, start - f.window):end + f.window]
    return text


def _parse_file(path: Path, data: bytes) -> RuleFile:
    try:
        raw = tomllib.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise DataFileError(str(path), "file", f"not valid UTF-8 TOML: {exc}") from exc
    try:
        return RuleFile.model_validate(raw)
    except ValidationError as exc:
        err = exc.errors()[0]
        loc = list(err["loc"])
        where = "file"
        if len(loc) >= 2 and isinstance(loc[1], int) and loc[0] in raw:
            section, idx = loc[0], loc[1]
            item = raw[section][idx] if idx < len(raw[section]) else {}
            item_id = item.get("id", f"#{idx}") if isinstance(item, dict) else f"#{idx}"
            field = ".".join(str(x) for x in loc[2:]) or "(item)"
            where = f"{section} {item_id!r} field {field!r}"
        return _raise(path, where, err["msg"])


def _raise(path: Path, where: str, detail: str) -> RuleFile:
    raise DataFileError(str(path), where, detail)

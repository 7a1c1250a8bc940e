"""Cheap pre-checks for regexes: the literal words a pattern cannot match without.

A sentence is searched with a few hundred rule patterns; most of them cannot match because a
word they need is not in it. `needed_literals(pattern)` reads the pattern's parse tree and returns
a set of lower-case strings at least one of which every match contains (or None when no such set
can be read off the pattern: it must then always be searched). `could_match(needs, lowered)` is the
pre-check: a substring test in C instead of a regex scan. It never rejects a text the pattern
matches; it only saves searches that would have failed.

`needed_clauses(pattern)` reads more off the same tree: every set of literals the pattern needs (one for each
part of it that every match holds: "people", then "were|have been", then "displaced|fled"), all of which a text
must meet (`clauses_present`). A sentence that holds the rarest word of a pattern seldom holds all of them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from re import _constants as C  # the regex opcode names
from re import _parser as P

Needs = frozenset[str] | None
Clauses = tuple[frozenset[str], ...]  # each set needed (one of its literals); () = nothing known, always search

_MIN_USEFUL = 3  # literals shorter than this rule out too little to be worth a check


@lru_cache(maxsize=64)  # needed_literals and needed_clauses read a rule's patterns (46 at most) one after the other
def _parse(source: str, flags: int) -> tuple:
    return tuple(P.parse(source, flags))


def needed_literals(pattern: str | re.Pattern[str]) -> Needs:
    """Lower-case strings one of which must occur in any text the pattern matches; None if unknown."""
    source = pattern.pattern if isinstance(pattern, re.Pattern) else pattern
    flags = pattern.flags if isinstance(pattern, re.Pattern) else 0
    try:
        parsed = _parse(source, flags)
    except re.error:
        return None
    needs = _sequence(list(parsed))
    if needs is None or any(len(s) < _MIN_USEFUL for s in needs):
        return None
    return frozenset(needs)


def needed_clauses(pattern: str | re.Pattern[str]) -> Clauses:
    """Sets of lower-case strings, each of which must have a member in any text the pattern matches."""
    source = pattern.pattern if isinstance(pattern, re.Pattern) else pattern
    flags = pattern.flags if isinstance(pattern, re.Pattern) else 0
    try:
        parsed = _parse(source, flags)
    except re.error:
        return ()
    clauses = [frozenset(c) for c in _clauses(list(parsed)) if c and all(len(s) >= _MIN_USEFUL for s in c)]
    return tuple(dict.fromkeys(clauses))


def could_match(needs: Needs, lowered: str) -> bool:
    """False only when the text (lower-cased) holds none of the needed literals."""
    return needs is None or any(s in lowered for s in needs)


# words most English sentences hold: a set with one of them rules out little ("this week": "week" is the better
# pre-check)
_COMMON = frozenset(
    "the and for are but not you all any can had her was one our out day get has him his how man new now old see "
    "two way who did its let put say she too use that with have this will your from they know want been good much "
    "some time very when come here just like long make many more only over such take than them well were what "
    "their there these which would other after first also into most said could where while about those being "
    "people".split())


def _best(options: list[set[str]]) -> set[str] | None:
    """Of several sets each of which is needed, the one that rules out most: one without a common word, then the
    longest shortest member, then the fewest members."""
    options = [o for o in options if o]
    if not options:
        return None
    return max(options, key=lambda o: (_COMMON.isdisjoint(o), min(len(s) for s in o), -len(o)))


def _sequence(items: list) -> set[str] | None:
    """The one set of literals that rules out most texts (`_best` of the sequence's clauses)."""
    return _best(_clauses(items))


def _clauses(items: list) -> list[set[str]]:
    """Every part of a sequence that any match holds, as a set of literals one of which it holds (the sequence's
    literal runs, and what its groups and repeats of at least one need); an alternation counts as one part, the
    union of its branches' best sets (`_best`)."""
    clauses: list[set[str]] = []
    run: list[str] = []
    for op, av in items:
        if op is C.LITERAL:
            run.append(chr(av).lower())
            continue
        if run:
            clauses.append({"".join(run)})
            run = []
        if op is C.SUBPATTERN:
            clauses += _clauses(list(av[-1]))
        elif op is C.BRANCH:
            branches = [_best(_clauses(list(b))) for b in av[1]]
            if all(b is not None for b in branches):
                clauses.append(set().union(*branches))
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
            low, _high, item = av
            if low >= 1:
                clauses += _clauses(list(item))
        elif op is C.ATOMIC_GROUP:
            clauses += _clauses(list(av))
    if run:
        clauses.append({"".join(run)})
    return clauses


class LiteralIndex:
    """Every needed literal of a set of patterns in one Aho-Corasick automaton: one pass over a text gives the
    literals it holds, and each pattern's pre-check becomes a set test (`present`)."""

    def __init__(self, needs: Iterable[Needs | Clauses]):
        import ahocorasick

        self._automaton = ahocorasick.Automaton()
        for group in needs:
            for literal in (group if isinstance(group, frozenset) else (x for c in group or () for x in c)):
                self._automaton.add_word(literal, literal)
        self._empty = len(self._automaton) == 0
        if not self._empty:
            self._automaton.make_automaton()

    def found(self, lowered: str) -> set[str]:
        """The literals that occur in `lowered` (a lower-cased text)."""
        if self._empty:
            return set()
        return {literal for _, literal in self._automaton.iter(lowered)}


def present(needs: Needs, found: set[str]) -> bool:
    """`could_match` against the literals a LiteralIndex found in the text."""
    return needs is None or not needs.isdisjoint(found)


def clauses_present(clauses: Clauses, found: set[str]) -> bool:
    """Every clause has a literal among those a LiteralIndex found in the text."""
    for c in clauses:
        if c.isdisjoint(found):
            return False
    return True

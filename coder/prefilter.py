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


def _parsed(pattern: str | re.Pattern[str]) -> list | None:
    """The pattern's parse tree (a fresh list of its top-level items), or None if it does not compile."""
    if isinstance(pattern, re.Pattern):
        source, flags = pattern.pattern, pattern.flags
    else:
        source, flags = pattern, 0
    try:
        return list(_parse(source, flags))
    except re.error:
        return None


def needed_literals(pattern: str | re.Pattern[str]) -> Needs:
    """Lower-case strings one of which must occur in any text the pattern matches; None if unknown."""
    parsed = _parsed(pattern)
    if parsed is None:
        return None
    needs = _sequence(parsed)
    if needs is None or any(len(s) < _MIN_USEFUL for s in needs):
        return None
    return frozenset(needs)


def needed_clauses(pattern: str | re.Pattern[str]) -> Clauses:
    """Sets of lower-case strings, each of which must have a member in any text the pattern matches."""
    parsed = _parsed(pattern)
    if parsed is None:
        return ()
    clauses = [frozenset(c) for c in _clauses(parsed) if c and all(len(s) >= _MIN_USEFUL for s in c)]
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

    def hits(self, lowered: str) -> list[tuple[int, str]]:
        """Every occurrence of a literal in `lowered`: (offset of its last character, literal)."""
        if self._empty:
            return []
        return list(self._automaton.iter(lowered))


def present(needs: Needs, found: set[str]) -> bool:
    """`could_match` against the literals a LiteralIndex found in the text."""
    return needs is None or not needs.isdisjoint(found)


def clauses_present(clauses: Clauses, found: set[str]) -> bool:
    """Every clause has a literal among those a LiteralIndex found in the text."""
    for c in clauses:
        if c.isdisjoint(found):
            return False
    return True


# ---------------------------------------------------------------------------------------------------------------
# Searching only near the needed literals
# ---------------------------------------------------------------------------------------------------------------

_INF = float("inf")
_GAP_RUN = re.compile(r"[\s-]+")  # whitespace and hyphens: what the patterns repeat without bound
_GAP_PAIR = re.compile(r"[\s-][\s-]")


def _gap_char(c: str) -> bool:
    return c.isspace() or c == "-"


def _is_gap_item(item: list) -> bool:
    """One character of whitespace or a hyphen (\\s, [\\s-], a literal space or hyphen)."""
    if len(item) != 1:
        return False
    op, av = item[0]
    if op is C.LITERAL:
        return _gap_char(chr(av))
    if op is C.IN:
        return all((o is C.CATEGORY and a is C.CATEGORY_SPACE) or (o is C.LITERAL and _gap_char(chr(a)))
                   for o, a in av)
    return False


def _width(items, cap: int) -> float:
    """The most characters a match of `items` can span in a text whose runs of whitespace and hyphens are at
    most `cap` long (inf when unbounded)."""
    total = 0
    for op, av in items:
        if op in (C.LITERAL, C.NOT_LITERAL, C.IN, C.ANY):
            total += 1
        elif op is C.SUBPATTERN:
            total += _width(av[-1], cap)
        elif op is C.ATOMIC_GROUP:
            total += _width(av, cap)
        elif op is C.BRANCH:
            total += max(_width(b, cap) for b in av[1])
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
            low, high, item = av
            if high is C.MAXREPEAT:
                if not _is_gap_item(list(item)):
                    return _INF
                total += cap  # whitespace or hyphens repeated: never longer than the text's longest such run
            else:
                total += high * _width(item, cap)
        elif op in (C.AT, C.ASSERT, C.ASSERT_NOT):
            pass  # zero width
        else:
            return _INF  # group references, conditionals: not bounded here
    return total


def _lookahead(items) -> float:
    """How many characters past a match's end its assertions may read (inf when unbounded or anchored at the
    end of the text, which a search window would move)."""
    most = 0.0
    for op, av in items:
        if op is C.AT:
            if av in (C.AT_BOUNDARY, C.AT_NON_BOUNDARY):
                most = max(most, 1)
            elif av not in (C.AT_BEGINNING, C.AT_BEGINNING_STRING):
                return _INF  # $, \Z and the like
        elif op in (C.ASSERT, C.ASSERT_NOT):
            direction, sub = av
            most = max(most, _lookahead(sub))
            if direction == 1:
                most = max(most, _width(sub, 1 << 30))
        elif op in (C.SUBPATTERN,):
            most = max(most, _lookahead(av[-1]))
        elif op is C.ATOMIC_GROUP:
            most = max(most, _lookahead(av))
        elif op is C.BRANCH:
            most = max([most] + [_lookahead(b) for b in av[1]])
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
            most = max(most, _lookahead(av[2]))
        elif op in (C.GROUPREF, C.GROUPREF_EXISTS):
            return _INF
    return most


class NearSearch:
    """`pattern.finditer(text)` searched only where a match can be: every match holds one of the literals
    `needs` (lower-cased, as `needed_literals` reads them) and spans at most `width` characters, so it starts
    at most `width` characters before the end of an occurrence of one of them and at or before its start. Each
    such stretch is searched with the text cut a little after it (far enough for the pattern's lookaheads);
    a match found there is one `finditer` finds, in the same order. For a long text with few occurrences this
    saves most of the scan. Used for ASCII texts only (their lower-cased form has the same offsets), and only for
    patterns of bounded width; otherwise `finditer` is used as it is."""

    def __init__(self, pattern: re.Pattern[str], needs: Needs):
        self.pattern = pattern
        self.needs = needs
        self._widths: dict[int, float] = {}
        try:
            self._parsed = list(_parse(pattern.pattern, pattern.flags))
        except re.error:
            self._parsed = None
        self._slack = _lookahead(self._parsed) if self._parsed is not None else _INF
        self.usable = needs is not None and self._parsed is not None and self._slack != _INF \
            and _width(self._parsed, 1) != _INF

    def __eq__(self, other: object) -> bool:
        return isinstance(other, NearSearch) and (self.pattern, self.needs) == (other.pattern, other.needs)

    def __hash__(self) -> int:
        return hash((self.pattern, self.needs))

    def _width_for(self, text: str) -> float:
        global _last_cap
        if _last_cap[0] is text:
            cap = _last_cap[1]
        else:
            cap = 1 if _GAP_PAIR.search(text) is None else max(m.end() - m.start() for m in _GAP_RUN.finditer(text))
            _last_cap = (text, cap)
        w = self._widths.get(cap)
        if w is None:
            w = self._widths[cap] = _width(self._parsed, cap)
        return w

    def finditer(self, text: str, hits: list[tuple[int, str]] | None = None) -> Iterable[re.Match[str]]:
        """The matches of `pattern.finditer(text)`; `hits` are the (end offset, literal) pairs of the literals
        in `text.lower()` (`LiteralIndex.hits`) when the caller has them."""
        if not self.usable or not text.isascii():
            return self.pattern.finditer(text)
        needs = self.needs
        if hits is None:
            low = text.lower()
            spans = []
            for lit in needs:
                at = low.find(lit)
                while at >= 0:
                    spans.append((at, at + len(lit)))
                    at = low.find(lit, at + 1)
        else:
            spans = [(end + 1 - len(lit), end + 1) for end, lit in hits if lit in needs]
        if not spans:
            return ()
        width = self._width_for(text)
        reach = int(width + self._slack) + 1
        if len(spans) == 1:
            merged = [(max(0, spans[0][1] - width), spans[0][0])]
        else:
            merged = []
            for a, b in sorted((max(0, e - width), s) for s, e in spans):
                if merged and a <= merged[-1][1] + 1:
                    if b > merged[-1][1]:
                        merged[-1] = (merged[-1][0], b)
                else:
                    merged.append((a, b))
        n = len(text)
        search = self.pattern.search
        out = []
        pos = 0
        for a, b in merged:
            a = max(a, pos)
            while a <= b:
                m = search(text, a, min(n, b + reach))
                if m is None or m.start() > b:
                    break
                out.append(m)
                pos = a = m.end() if m.end() > m.start() else m.end() + 1
        return out


_last_cap: tuple[str | None, int] = (None, 0)  # the latest text's longest run of whitespace and hyphens

"""The regex pre-check never rejects a text its pattern matches (coder.prefilter)."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coder.prefilter import LiteralIndex, clauses_present, could_match, needed_clauses, needed_literals
from coder.resources import load_resources


@pytest.mark.parametrize(("pattern", "needs"), [
    (r"air\s*strike", {"strike"}),
    (r"(?:war\s*planes?|jets?)\s+bombed", {"bombed"}),
    (r"suicide\s+(?:car\s+)?bomb(?:er|ing)?", {"suicide"}),
    (r"(?:attacked|stormed)\s+the", {"attacked", "stormed"}),
    (r"\d+\s+killed", {"killed"}),
    (r"(?:a|b)c", None),           # nothing of three letters is needed
    (r"(?:killed|)\s+\w+", None),  # an empty alternative needs nothing
    (r"(?:shot)?\s*dead", {"dead"}),
])
def test_needed_literals_reads_the_pattern(pattern, needs):
    got = needed_literals(re.compile(pattern, re.IGNORECASE))
    assert (set(got) if got is not None else None) == needs


@pytest.mark.parametrize(("pattern", "clauses"), [
    (r"air\s*strike", [{"air"}, {"strike"}]),
    (r"people\s+(?:were|have\s+been)\s+(?:displaced|forced\s+to\s+flee)",
     [{"people"}, {"were", "have"}, {"displaced", "forced"}]),
    (r"(?:war\s*planes?|jets?)\s+bombed", [{"plane", "jet"}, {"bombed"}]),
    (r"(?:an?\s+)?attack", [{"attack"}]),                     # "an" is too short to count
    (r"(?:shot)?\s*dead", [{"dead"}]),                        # an optional group needs nothing
    (r"(?:killed|)\s+\w+", []),                               # nor does an empty alternative
    (r"(?<!not )killed", [{"killed"}]),                        # nor a lookbehind
])
def test_needed_clauses_read_the_pattern(pattern, clauses):
    got = needed_clauses(re.compile(pattern, re.IGNORECASE))
    assert [set(c) for c in got] == clauses


def _rule_patterns():
    res = load_resources()
    for crule in res.rules._rules:
        yield from zip(crule.singular + crule.plural, crule.singular_needs + crule.plural_needs, strict=True)
    for al in res.actors._aliases[:400]:
        yield al.pattern, needed_literals(al.pattern)


PATTERNS = list(_rule_patterns())
CLAUSES = [needed_clauses(p) for p, _ in PATTERNS]
CLAUSE_INDEX = LiteralIndex(CLAUSES)


def test_every_rule_pattern_has_a_precheck():
    assert all(n is not None for _, n in PATTERNS[:-400]), "a trigger with no needed word is searched in every sentence"


def test_rule_examples_pass_the_precheck():
    res = load_resources()
    for crule in res.rules._rules:
        for text in crule.rule.examples + crule.rule.counter_examples:
            low = text.lower()
            found = res.rules._literals.found(low)
            for pat, needs, clauses in zip(crule.singular + crule.plural, crule.singular_needs + crule.plural_needs,
                                           crule.singular_clauses + crule.plural_clauses, strict=True):
                if pat.search(text):
                    assert could_match(needs, low), (crule.rule.id, pat.pattern, text)
                    assert clauses_present(clauses, found), (crule.rule.id, pat.pattern, text)
            for pat, clauses in zip(crule.requires + crule.excludes, crule.requires_clauses + crule.excludes_clauses,
                                    strict=True):
                if pat.search(text):
                    assert clauses_present(clauses, found), (crule.rule.id, pat.pattern, text)


def test_rule_examples_pass_the_filter_prechecks():
    res = load_resources()
    texts = [t for crule in res.rules._rules for t in crule.rule.examples + crule.rule.counter_examples]
    texts += [t for f in res.rules.filters for t in f.examples]
    for text in texts:
        found = res.rules._literals.found(text.lower())
        for cf in res.rules._filters:
            for pat, clauses in zip((cf.pattern, *cf.unless), (cf.clauses, *cf.unless_clauses)):
                if pat is not None and pat.search(text):
                    assert clauses_present(clauses, found), (cf.filter.id, pat.pattern, text)


WORDS = ["air", "strike", "Strikes", "killed", "SUICIDE", "bomber", "attacked", "the", "police", "army", "IS",
         "Daesh", "gunmen", "shot", "dead", "clashes", "protesters", "rally", "demonstrated", "3", "two", "-", ","]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(WORDS), min_size=1, max_size=12), st.sampled_from(range(len(PATTERNS))))
def test_precheck_never_rejects_a_match(words, k):
    text = " ".join(words)
    pattern, needs = PATTERNS[k]
    if pattern.search(text):
        assert could_match(needs, text.lower())
        clauses = CLAUSES[k]
        assert clauses_present(clauses, CLAUSE_INDEX.found(text.lower())), (pattern.pattern, text)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(WORDS), min_size=1, max_size=12))
def test_literal_index_agrees_with_the_substring_check(words):
    from coder.prefilter import present

    needs = [n for _, n in PATTERNS]
    index = LiteralIndex(needs)
    low = " ".join(words).lower()
    found = index.found(low)
    assert all(present(n, found) == could_match(n, low) for n in needs)


# the date finders: the patterns NearSearch serves, with their leading optional words, lookarounds and runs of
# whitespace and hyphens
def _date_finders():
    from coder.dates import _checked_finders

    return [near for near, _, _ in _checked_finders()[0]]


_DATE_WORDS = ["early", "late", "on", "Sunday", "sunday", "last", "week", "weekend", "the", "previous", "in", "mid",
               "-", "--", "October", "Oct.", "9", "9th", "2020", "2021", "of", "days", "ago", "two", "this", "month",
               "morning", "night", "overnight", "yesterday", "year", "27/03/2020", "2020-10-11", "police", "said",
               "recent", ",", "at", "dawn", "hours", "\n", "\t", "  ", "Monday,", "since", "end", "é"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_DATE_WORDS), min_size=1, max_size=30), st.sampled_from(["", " ", "-"]))
def test_near_search_finds_what_finditer_finds(words, sep):
    """Searching only around the needed words gives the same matches as searching the whole text, with or
    without the literal hits supplied, on texts with runs of whitespace and hyphens and non-ASCII text."""
    text = sep.join(words) if sep else " ".join(words)
    for near in _date_finders():
        expected = [(m.span(), m.groupdict()) for m in near.pattern.finditer(text)]
        assert [(m.span(), m.groupdict()) for m in near.finditer(text)] == expected, (near.pattern.pattern, text)
        hits = LiteralIndex([near.needs]).hits(text.lower())
        assert [(m.span(), m.groupdict()) for m in near.finditer(text, hits)] == expected


def test_near_search_is_used_for_the_date_finders():
    """Every date finder has a bounded width and known needed words, so none scans whole texts."""
    assert all(near.usable for near in _date_finders())

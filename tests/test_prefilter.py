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

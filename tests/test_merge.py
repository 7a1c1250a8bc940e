"""Stage 8: merging reports of one incident across articles. Invariants checked with hypothesis."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coder.incidents import detect_mentions
from coder.merge import merge_mentions
from coder.models import Article
from coder.read.layout import analyse_layout
from coder.resources import load_resources
from coder.sentences import split_sentences

REPORTS = {
    "a.txt": ("A roadside bomb hit a police patrol near Tarmiyah on Sunday, killing two policemen, officials said.", "Wire A"),
    "b.txt": ("Three policemen were killed on Sunday when a roadside bomb struck their patrol near Tarmiyah, "
              "north of Baghdad, a security source said.", "Wire B"),
    "c.txt": ("Hundreds of people protested in Basra on Sunday over power cuts.", "Wire C"),
    "d.txt": ("A roadside bomb exploded near an army convoy in Ramadi on Saturday, causing no casualties.", "Wire D"),
}


@pytest.fixture(scope="module")
def res():
    return load_resources()


@pytest.fixture(scope="module")
def mentions(res):
    out = []
    for article_id, (text, outlet) in REPORTS.items():
        published = dt.date(2020, 11, 2)
        segments, stories = analyse_layout(text, published)
        art = Article(article_id=article_id, text=text, outlet=outlet, published=published, segments=segments, stories=stories)
        found, _ = detect_mentions(art, split_sentences(art), res)
        out.extend(found)
    return out


def signature(events):
    return sorted((e.sub_event_type, e.date.date, e.location.place.id, tuple(e.article_ids), e.fatalities) for e in events)


def test_same_incident_in_two_reports_is_one_event(mentions, res):
    events = merge_mentions(mentions, res.taxonomy)
    tarmiyah = [e for e in events if e.article_ids == ["a.txt", "b.txt"]]
    assert len(tarmiyah) == 1
    assert tarmiyah[0].fatalities == 2  # the lowest credible figure
    assert len(events) == 3  # Tarmiyah bomb, Basra protest, Ramadi bomb (another day, another place)


@settings(max_examples=40, deadline=None)
@given(st.randoms())
def test_merge_is_independent_of_input_order(mentions, res, rnd):
    shuffled = list(mentions)
    rnd.shuffle(shuffled)
    assert signature(merge_mentions(shuffled, res.taxonomy)) == signature(merge_mentions(mentions, res.taxonomy))


def test_merge_is_idempotent(mentions, res):
    once = merge_mentions(mentions, res.taxonomy)
    twice = merge_mentions([m for e in once for m in e.mentions], res.taxonomy)
    assert signature(once) == signature(twice)


def test_fatalities_never_negative(mentions, res):
    assert all(e.fatalities >= 0 for e in merge_mentions(mentions, res.taxonomy))

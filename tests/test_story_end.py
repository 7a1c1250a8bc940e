"""After a story's last incident, later sentences matter only within reach of it: a follow-up toll or a claim up
to 3 sentences after the incident's latest evidence extends it; beyond that nothing does (the walk stops reading
there: incidents._settled)."""

from __future__ import annotations

import datetime as dt

import pytest

from coder.incidents import detect_mentions
from coder.models import Article
from coder.read.layout import analyse_layout
from coder.resources import load_resources
from coder.sentences import split_sentences


@pytest.fixture(scope="module")
def res():
    return load_resources()


def _mentions(text, res, published=dt.date(2020, 11, 3)):
    segments, stories = analyse_layout(text, published)
    article = Article(article_id="t.txt", text=text, published=published, segments=segments, stories=stories,
                      country="IRQ")
    return detect_mentions(article, split_sentences(article), res)[0]


INCIDENT = "Gunmen attacked a police checkpoint in Baqubah on Monday, killing two policemen."
FILLER = ["The checkpoint lies on the main road to the north.", "Traffic was diverted for several hours.",
          "Shops in the area stayed open in the afternoon.", "The road reopened in the evening."]
TOLL = "The death toll rose to four, a police source said."


@pytest.mark.parametrize("between, killed", [(0, 4), (2, 4), (3, 2), (4, 2)])
def test_a_toll_update_reaches_three_sentences(res, between, killed):
    text = " ".join([INCIDENT, *FILLER[:between], TOLL, "Officials gave no further details."])
    (m,) = _mentions(text, res)
    assert m.killed == killed

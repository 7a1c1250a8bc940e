"""The general vocabulary of each sub-event type (tests/vocab_probes_data.py: sentences written for the project,
session 12): every positive probe is coded with its sub-event type, and every negative probe (metaphors, threats,
denials, accidents, past years, sport) gives no event at all."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from coder.incidents import detect_mentions
from coder.read.jsonl import body_article
from coder.read.text import ArticleMeta
from coder.resources import load_resources
from coder.sentences import split_sentences
from vocab_probes_data import NEGATIVE, POSITIVE


@pytest.fixture(scope="module")
def res():
    return load_resources()


def _published(text: str) -> dt.date:
    """A note-style probe ("On 5 December 2020, ...", "Around 6 December 2020 (as reported)") is published on its day, as dataset notes are read."""
    m = re.search(r"\b(\d{1,2}) December 2020", text)
    return dt.date(2020, 12, int(m.group(1))) if m else dt.date(2020, 12, 20)


def _types(text: str, iso3: str, res) -> list[str]:
    art = body_article(text, ArticleMeta(article_id="probe", published=_published(text), country=iso3), "probe")
    return [m.sub_event_type for m in detect_mentions(art, split_sentences(art), res)[0]]


@pytest.mark.parametrize(("sub_event_type", "iso3", "text"), POSITIVE, ids=[f"pos{i:03d}" for i in range(len(POSITIVE))])
def test_probe_is_coded_with_its_type(sub_event_type, iso3, text, res) -> None:
    assert sub_event_type in _types(text, iso3, res)


@pytest.mark.parametrize(("iso3", "text"), NEGATIVE, ids=[f"neg{i:03d}" for i in range(len(NEGATIVE))])
def test_negative_probe_gives_no_event(iso3, text, res) -> None:
    assert _types(text, iso3, res) == []

"""Bodies found with marks of a killing (session 12, sentences written for the project). Codebook: such a discovery is
an Attack by an unidentified armed group on civilians unless the report names the killers; whoever found the body
(police, soldiers, residents) is not the perpetrator."""

from __future__ import annotations

import datetime as dt

import pytest

from coder.incidents import detect_mentions
from coder.read.jsonl import body_article
from coder.read.text import ArticleMeta
from coder.resources import load_resources
from coder.sentences import split_sentences


@pytest.fixture(scope="module")
def res():
    return load_resources()


def _mentions(text: str, res):
    art = body_article(text, ArticleMeta(article_id="bodies", published=dt.date(2020, 12, 20), country="IRQ"), "bodies")
    return detect_mentions(art, split_sentences(art), res)[0]


@pytest.mark.parametrize(("text", "killed"), [
    ("Police found the body of a shepherd with gunshot wounds near Tuz Khurmatu on Sunday.", 1),
    ("Iraqi soldiers found the corpse of a young man with his hands tied in an orchard near Baqubah on Monday.", 1),
    ("Security forces recovered the bodies of two men shot in the head near Tarmiyah on Friday.", 2),
])
def test_the_finder_is_not_the_killer(text, killed, res) -> None:
    (m,) = _mentions(text, res)
    assert (m.sub_event_type, m.killed) == ("Attack", killed)
    assert m.actors.actor1.startswith("Unidentified Armed Group") and m.actors.actor2.startswith("Civilians")


def test_a_named_killer_stays_the_perpetrator(res) -> None:
    (m,) = _mentions("Security forces recovered the bodies of two farmers who had been kidnapped by Islamic State "
                     "militants near Tarmiyah.", res)
    assert m.actors.actor1.startswith("Islamic State")


def test_filler_lines_after_an_incident_add_no_event(res) -> None:
    mentions = _mentions("Gunmen shot dead a shop owner in central Kirkuk on Monday evening. No arrests had been made. "
                         "Nobody has been arrested so far. No group has claimed responsibility for the killing in Kirkuk.",
                         res)
    assert [m.sub_event_type for m in mentions] == ["Attack"]


def test_a_wounded_man_who_died_later_adds_to_the_toll(res) -> None:
    (m,) = _mentions("Gunmen attacked a shop owner in central Kirkuk on Monday, wounding him and a customer. "
                     "The customer, who was wounded in the chest, died in hospital on Tuesday.", res)
    assert m.killed == 1

"""Sentence splitting: boundaries, exact offsets, kinds, stories, paragraphs, datelines."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coder.models import Article
from coder.read import read_inputs
from coder.read.layout import analyse_layout
from coder.sentences import sentence_spans, split_sentences
from conftest import SEEDS, require_shared


def article(text: str, published: dt.date | None = dt.date(2021, 6, 1)) -> Article:
    segments, stories = analyse_layout(text, published)
    return Article(article_id="t", text=text, published=published, segments=segments, stories=stories)


def texts(paragraph: str) -> list[str]:
    return [paragraph[s:e] for s, e in sentence_spans(paragraph)]


@pytest.mark.parametrize(
    "paragraph, expected",
    [
        ("The U.S. Embassy said Gen. Ahmed arrived in Kabul on Jan. 1. He left on Friday.",
         ["The U.S. Embassy said Gen. Ahmed arrived in Kabul on Jan. 1.", "He left on Friday."]),
        ('"We will fight on." The commander said so in Sanaa.',
         ['"We will fight on."', "The commander said so in Sanaa."]),
        ("“The army has withdrawn.” Residents of Idlib confirmed it.",
         ["“The army has withdrawn.”", "Residents of Idlib confirmed it."]),
        ("Gunmen attacked the church at 5 p.m. Monday. Police arrived later.",
         ["Gunmen attacked the church at 5 p.m. Monday.", "Police arrived later."]),
        ("The truce held until the election. [...] The factions then resumed attacks.",
         ["The truce held until the election.", "[...] The factions then resumed attacks."]),
        ("Two soldiers were killed in Kandahar", ["Two soldiers were killed in Kandahar"]),
        ("  Leading and trailing spaces.   ", ["Leading and trailing spaces."]),
    ],
)
def test_sentence_boundaries(paragraph, expected):
    assert texts(paragraph) == expected


def test_letterless_fragment_joins_neighbour():
    assert texts("[...] | Houthi forces shelled Taiz on Sunday.") == ["[...] | Houthi forces shelled Taiz on Sunday."]


PAGE = (
    "Militants Attack Army Base in Borno\n\n"
    "Soldiers stand guard in Maiduguri, Nigeria, Monday, May 31, 2021. (AP Photo/Jossy Ola)\n\n"
    "MAIDUGURI, Nigeria (AP) — Islamic State militants attacked an army base in Borno state on Sunday. "
    "Four soldiers were killed, a military source said.\n\n"
    "The army said it repelled the attack.\n\n"
    "Leave a Reply\n\n"
    "Great story, thanks.\n"
)


def test_article_sentences_kinds_paragraphs_dateline():
    sentences = split_sentences(article(PAGE))
    got = [(s.kind, s.paragraph, s.dateline, s.text[:30]) for s in sentences]
    assert got == [
        ("caption", 0, None, "Soldiers stand guard in Maidug"),
        ("body", 1, "MAIDUGURI", "Islamic State militants attack"),
        ("body", 1, None, "Four soldiers were killed, a m"),
        ("body", 2, None, "The army said it repelled the "),
    ]
    assert [s.index for s in sentences] == [0, 1, 2, 3]
    for s in sentences:
        assert PAGE[s.start:s.end] == s.text


def test_appended_story_sentences_carry_story_index():
    text = (
        "Gunmen Kill Five Farmers in Borno\n\n"
        "Gunmen killed five farmers in a village near Maiduguri on Monday, police said.\n\n"
        "Houthis Claim Drone Strike on Saudi Airport\n\n"
        "Yemenis inspect a damaged house in Sanaa, Yemen, March 1, 2021. (Reuters)\n\n"
        "Yemen's Houthi movement said on Tuesday it had launched a drone at Abha airport in Saudi Arabia.\n"
    )
    assert [(s.story, s.kind) for s in split_sentences(article(text))] == [(0, "body"), (1, "caption"), (1, "body")]


def test_no_segments_no_sentences():
    assert split_sentences(Article(article_id="x", text="Some text.")) == []


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from([
    "Gunmen killed 3 people in Kano on Jan. 5.", "The U.S. said so.", "“It is over,” he said.",
    "Rockets hit Erbil airport", "KABUL (AP) — A blast hit a mosque.", "[...]", "© AFP / Name",
    "Share", "Smoke rises over Aleppo, Syria, May 3, 2020. (Reuters)", "Tags: Syria", "  ", "",
]), min_size=1, max_size=12), st.sampled_from(["\n", "\n\n", "\r\n", "\n \n"]))
def test_offsets_round_trip_property(lines, sep):
    text = sep.join(lines)
    for s in split_sentences(article(text)):
        assert text[s.start:s.end] == s.text
        assert s.text == s.text.strip() and s.text


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_seed_offsets_round_trip(prefix):
    require_shared(SEEDS)
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    art = read_inputs([str(path)]).articles[0]
    sentences = split_sentences(art)
    assert sentences
    for s in sentences:
        assert art.text[s.start:s.end] == s.text
    assert [s.index for s in sentences] == list(range(len(sentences)))


@pytest.mark.parametrize(
    "prefix, needle, kind, story, dateline",
    [
        ("001", "Iraqi militias backed by Iran have agreed", "body", 0, "BAGHDAD"),
        ("002", "An array of Iran-backed Iraqi militia groups", "body", 0, "SULAIMANI"),
        ("002", "A member of Hashid al-Shaabi waves a flag", "caption", 0, None),
        ("003", "U.S. soldiers stand guard", "caption", 0, None),
        ("004", "Hamas and two other Palestinian militant groups", "body", 1, None),
        ("000", "Separately, one other person was killed", "body", 0, None),
    ],
)
def test_seed_sentences(prefix, needle, kind, story, dateline):
    require_shared(SEEDS)
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    sentences = split_sentences(read_inputs([str(path)]).articles[0])
    (hit,) = [s for s in sentences if s.text.startswith(needle)]
    assert (hit.kind, hit.story, hit.dateline) == (kind, story, dateline)


def test_seed_chrome_never_becomes_a_sentence():
    require_shared(SEEDS)
    (path,) = SEEDS.glob("003_*.txt")
    joined = " ".join(s.text for s in split_sentences(read_inputs([str(path)]).articles[0]))
    for chrome in ("Privacy Policy", "Community standards", "Get short URL", "Katyusha Rockets Fall", "moderator@"):
        assert chrome not in joined


def test_plain_prose_fast_path_splits_as_pysbd_does():
    """Paragraphs of plain prose skip pysbd; on every paragraph of the project's own text sets where the fast
    path answers, it must give pysbd's sentences (elsewhere it must leave the paragraph to pysbd)."""
    from conftest import REPO
    from coder import sentences as S
    from coder.read import read_inputs

    sets = [REPO / "examples", REPO / "tests" / "data" / "devset" / "articles.jsonl",
            REPO / "tests" / "data" / "multisource" / "articles.jsonl"]
    answered = 0
    for article in read_inputs([str(p) for p in sets]).articles:
        for seg in article.segments:
            text = article.text[seg.start:seg.end]
            fast = S._plain_pieces(text) if seg.kind in ("body", "caption") and text.strip() else None
            if fast is None:
                continue
            answered += 1
            ref = S._segmenter().processor(text).process()
            assert [x.strip() for x in fast if x.strip()] == [x.strip() for x in ref if x.strip()], text
    assert answered > 100


@pytest.mark.parametrize("text", [
    'He said. "We are here. We stay," the mayor said.',     # a quotation with two sentences
    "Gen. Ali spoke to Mr. Hassan on Jan. 5 in the U.S. embassy.",
    "Prices rose 3.5 percent... then fell.",
    "The talks (held in Doha) ended. Nothing was agreed.",
    "Why? Nobody knows.",
    "5. Twelve people died. Police said so.",                   # a numbered item
    "DAWEI (Crossroads News) - More than 5,000 runners took part. The federation said so.",  # a dateline's dash
    "BAGHDAD (Example Wire) - Gunmen killed two men. \n\n - Police arrived later.",
])
def test_fast_path_leaves_the_hard_cases_to_pysbd_or_agrees(text):
    from coder import sentences as S

    fast = S._plain_pieces(text)
    if fast is not None:
        assert [x.strip() for x in fast] == [x.strip() for x in S._segmenter().processor(text).process()]


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=list("aAzJ1_ é.!?\"”’'()]-•*\n…"), max_size=40))
def test_not_plain_check_agrees_with_its_pattern(text):
    """The fast path's test for what needs pysbd (sentences._not_plain) is _NOT_PLAIN.search, in cheaper parts."""
    from coder import sentences as S

    marks = [m.start() for m in S._MARK.finditer(text)]
    assert S._not_plain(text, marks) == (S._NOT_PLAIN.search(text) is not None)

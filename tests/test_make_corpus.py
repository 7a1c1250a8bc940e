"""The synthetic corpus generator (bench/make_corpus.py) that the scale benchmark codes: deterministic, valid
JSONL of the size asked for, news-length articles, stories with nothing to code, and incident stories the coder
actually turns into events."""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
import re
import sys

import pytest
from conftest import REPO

# words that report an incident; a story without an incident contains none of them
INCIDENT_WORDS = re.compile(r"\b(?:kill\w*|attack\w*|bomb\w*|blast|explo\w+|clash\w*|fighting|shell\w*|rocket\w*|"
                            r"air strike|drone|protest\w*|demonstrat\w*|rall(?:y|ied)|riot\w*|arrest\w*|detain\w*|"
                            r"kidnap\w*|abduct\w*|loot\w*|ceasefire|truce|gunmen|shot|wounded|injured)\b", re.I)


@pytest.fixture(scope="module")
def mc():
    spec = importlib.util.spec_from_file_location("make_corpus", REPO / "bench" / "make_corpus.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["make_corpus"] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def world(mc):
    return mc.load_world()


@pytest.fixture(scope="module")
def sample(mc, world) -> list[dict]:
    return list(mc.iter_articles(300, seed=7, world=world))


def test_same_seed_same_articles_other_seed_other_articles(mc, world, sample):
    again = list(mc.iter_articles(20, seed=7, world=world))
    assert again == sample[:20]
    other = list(mc.iter_articles(20, seed=8, world=world))
    assert all(a["text"] != b["text"] for a, b in zip(other, again))
    # article i depends on (seed, i) only: a slice further on is the same articles
    assert list(mc.iter_articles(5, seed=7, world=world, start=10)) == sample[10:15]


def test_writes_the_requested_count_of_valid_jsonl_lines(mc, world, tmp_path):
    one = mc.write_corpus(57, tmp_path / "corpus.jsonl", seed=3, world=world)
    lines = one[0].read_text("utf-8").splitlines()
    assert len(lines) == 57
    articles = [json.loads(line) for line in lines]
    assert len({a["id"] for a in articles}) == 57
    for a in articles:
        assert {"id", "text", "outlet", "url", "published", "layout"} <= set(a)
        assert a["layout"] in ("page", "body")
        dt.date.fromisoformat(a["published"])
        assert a.get("country", "IRQ").isupper() and len(a.get("country", "IRQ")) == 3
        assert all(isinstance(a[k], str) for k in ("id", "text", "outlet", "url", "published", "layout"))
    # split over files: the same lines, in order
    parts = mc.write_corpus(57, tmp_path / "split" / "corpus.jsonl", seed=3, files=4, world=world)
    assert [p.name for p in parts] == [f"corpus-{k:03d}.jsonl" for k in range(4)]
    assert [line for p in parts for line in p.read_text("utf-8").splitlines()] == lines


def test_articles_are_news_length_and_varied(sample):
    words = [len(a["text"].split()) for a in sample]
    assert 450 <= sum(words) / len(words) <= 800
    assert min(words) >= 250 and max(words) <= 1300
    assert len({a["text"] for a in sample}) == len(sample)
    assert len({a.get("country") for a in sample}) >= 15
    leads = {re.sub(r"\d+|\b(?:one|two|three|four|five|six|seven|eight|nine)\b", "N", a["text"][:200]) for a in sample}
    assert len(leads) > 0.9 * len(sample)


def test_about_a_third_of_the_stories_report_no_incident(sample):
    quiet = [a for a in sample if not a["topic"].startswith("incident:")]
    assert 0.2 * len(sample) <= len(quiet) <= 0.4 * len(sample)
    assert {a["topic"] for a in quiet} == {"economy", "sport", "weather", "politics", "health", "culture"}
    for a in quiet:
        body = a["text"].split("Related:")[0]  # the related-stories list of a page may name incidents elsewhere
        assert not INCIDENT_WORDS.search(body), (a["id"], INCIDENT_WORDS.search(body).group(0))


def test_the_coder_finds_events_in_most_incident_stories_and_none_in_the_others(mc, sample, tmp_path):
    from coder.pipeline import code_articles
    from coder.read import read_inputs
    from coder.resources import load_resources

    incidents = [a for a in sample if a["topic"].startswith("incident:")][:30]
    quiet = [a for a in sample if not a["topic"].startswith("incident:")][:10]
    path = tmp_path / "sample.jsonl"
    path.write_text("".join(json.dumps(a) + "\n" for a in incidents + quiet), "utf-8")
    read = read_inputs([str(path)])
    assert not read.rejects and len(read.articles) == 40
    result = code_articles(read.articles, load_resources())
    cited = {c.article_id for r in result.records for c in r.citations}
    found = sum(a["id"] in cited for a in incidents)
    assert found >= 0.8 * len(incidents), f"only {found} of {len(incidents)} incident stories gave an event"
    assert not cited & {a["id"] for a in quiet}

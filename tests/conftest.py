"""Shared test helpers. Tests that need ../shared skip where it is absent, and fail when CI=true."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SEEDS = SHARED / "seeds"


def require_shared(path: Path = SHARED) -> Path:
    """Return `path` if it exists; else skip (a user's clone) or fail (CI=true)."""
    if not path.exists():
        reason = f"{path} not found: these tests need the ../shared folder beside the repository"
        if os.environ.get("CI") == "true":
            pytest.fail(reason)
        pytest.skip(reason)
    return path


def code_and_merge(res, reports: dict, published=None, outlet: str = "Wire", country: str = "IRQ"):
    """Code each report (article id -> text, all published the same day) and merge the mentions: the merge tests'
    way of asking whether reports are one incident or several."""
    import datetime as dt

    from coder.incidents import detect_mentions
    from coder.merge import merge_mentions
    from coder.models import Article
    from coder.read.layout import analyse_layout
    from coder.sentences import split_sentences

    published = published or dt.date(2020, 11, 9)
    out = []
    for article_id, text in reports.items():
        segments, stories = analyse_layout(text, published)
        art = Article(article_id=article_id, text=text, outlet=outlet, published=published, segments=segments,
                      stories=stories, country=country)
        out.extend(detect_mentions(art, split_sentences(art), res)[0])
    return merge_mentions(out, res.taxonomy)


def clusters(events) -> list[list[str]]:
    """The article ids of each merged event, sorted: [["a", "b"], ["c"]]."""
    return sorted(sorted(e.article_ids) for e in events)

"""Acceptance test for multi-source merging: tests/data/multisource/ holds incidents each reported by
2–4 differently worded articles, and near misses (different incidents of the same day and city or district).
Many reports of one incident must become one event, and distinct incidents must stay apart: pairwise
precision and recall (bench/merge_quality.py) of at least 95%. Needs no ../shared."""

from __future__ import annotations

import importlib.util
import json

import pytest
from conftest import REPO

DATA = REPO / "tests" / "data" / "multisource"


def _load_bench():
    spec = importlib.util.spec_from_file_location("merge_quality", REPO / "bench" / "merge_quality.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def figures() -> dict:
    return _load_bench().merge_figures(DATA / "gold.jsonl", DATA / "articles.jsonl")


def _gold() -> list[dict]:
    return [json.loads(line) for line in (DATA / "gold.jsonl").read_text("utf-8").splitlines() if line.strip()]


def _articles() -> list[dict]:
    return [json.loads(line) for line in (DATA / "articles.jsonl").read_text("utf-8").splitlines() if line.strip()]


def test_test_set_shape() -> None:
    gold, articles = _gold(), _articles()
    ids = [a["id"] for a in articles]
    assert len(ids) == len(set(ids))
    in_gold = [a for g in gold for a in g["articles"]]
    assert sorted(in_gold) == sorted(ids), "every article belongs to exactly one gold incident"
    assert len(gold) >= 15
    assert all(len(g["articles"]) >= 2 for g in gold), "every incident has at least two reports"
    by_id = {a["id"]: a for a in articles}
    for g in gold:
        outlets = [by_id[a]["outlet"] for a in g["articles"]]
        assert len(set(outlets)) == len(outlets), f"{g['incident']}: reports from different outlets"
    near = {tuple(sorted((g["incident"], other))) for g in gold for other in g.get("near_miss_of", [])}
    assert len(near) >= 8
    assert len({g["country"] for g in gold}) >= 4
    assert all(a["layout"] == "body" and 40 <= len(a["text"].split()) <= 140 for a in articles)


def test_counts_reported(figures: dict) -> None:
    assert figures["incidents"] >= 15
    assert figures["min_reports_per_incident"] >= 2
    assert len(figures["near_miss_pairs"]) >= 8
    assert len(figures["countries"]) >= 4
    assert figures["articles"] == len(_articles())


def _pairs(figures: dict, kind: str) -> list[str]:
    return [f"{w['articles'][0]}/{w['articles'][1]}: {w['hint']}" for w in figures["wrong_pairs"] if w["kind"] == kind]


def test_pairwise_precision(figures: dict) -> None:
    wrong = _pairs(figures, "joined")
    assert (figures["precision"] or 0.0) >= 0.95, f"precision {figures['precision']}; wrongly joined: {wrong}"


def test_pairwise_recall(figures: dict) -> None:
    wrong = _pairs(figures, "split")
    assert (figures["recall"] or 0.0) >= 0.95, f"recall {figures['recall']}; split: {wrong}"

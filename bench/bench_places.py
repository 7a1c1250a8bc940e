"""Benchmark: world gazetteer load time and memory, and time to find and resolve the place mentions of one
article.

Run: .venv/bin/python bench/bench_places.py [--show]
Prints figures, asserts nothing. Load is measured in a fresh process (import + Gazetteer.load). Resolution
is timed over the seed pages (../shared/seeds, one call per sentence, as the pipeline calls it) and over
the repo's own example articles (examples/own), so it also runs without ../shared.
"""

from __future__ import annotations

import json
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO.parent / "shared" / "seeds"

_LOAD = """
import json, resource, time
t0 = time.perf_counter()
from coder.places import Gazetteer
g = Gazetteer.load()
t1 = time.perf_counter()
print(json.dumps({"seconds": t1 - t0, "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                  "places": g.size, "names": len(g.names)}))
"""


def load_in_fresh_process(repeat: int = 3) -> dict:
    runs = [json.loads(subprocess.run([sys.executable, "-c", _LOAD], capture_output=True, text=True, check=True,
                                      cwd=REPO).stdout) for _ in range(repeat)]
    best = min(runs, key=lambda r: r["seconds"])
    return {**best, "seconds_all": [round(r["seconds"], 3) for r in runs]}


def main(show: bool = False) -> None:
    load = load_in_fresh_process()
    print(f"world gazetteer: {load['places']:,} places, {load['names']:,} name keys; load (import + read) "
          f"{load['seconds']:.2f} s (runs {load['seconds_all']}); peak RSS {load['rss_mb']:.0f} MB")

    from coder.models import Article
    from coder.places import SENTENCE_CACHES, Gazetteer, PlaceContext, find_place_mentions
    from coder.read import read_inputs
    from coder.sentences import split_sentences

    gaz = Gazetteer.load()
    folders = [str(p) for p in (SEEDS, REPO / "examples" / "own") if p.exists()]
    articles: list[Article] = read_inputs(folders).articles
    per_article, mentions = [], 0
    for _ in range(2):  # the first pass warms the caches the pipeline keeps for a whole run (names, rankings)
        per_article.clear()
        for cache in SENTENCE_CACHES:  # but each sentence is timed as read for the first time
            cache.clear()
        for a in articles:
            sentences = split_sentences(a)
            ctx = PlaceContext(iso3=None, published=a.published)
            t0 = time.perf_counter()
            found = []
            for s in sentences:
                ms = find_place_mentions(s.text, s.start, gaz, ctx)
                ctx.anchors.extend(m.place for m in ms if m.place is not None)
                found += ms
            per_article.append(time.perf_counter() - t0)
            mentions = len(found) if show else mentions
            if show and _ == 1:
                print(f"{a.article_id}: {len(a.text)} chars, {len(found)} mentions, {per_article[-1] * 1000:.2f} ms")
                for m in found:
                    where = m.place and f"{m.place.name} [{m.place.feature}, {m.place.admin1}, {m.place.iso3}]"
                    print(f"    {m.phrase!r:45} -> {where} p{m.geo_precision} {m.relation or ''} {m.unresolved or ''}")
    words = sum(len(a.text.split()) for a in articles)
    print(f"resolution: {len(articles)} articles ({words / len(articles):.0f} words on average): "
          f"mean {statistics.mean(per_article) * 1000:.2f} ms per article, "
          f"median {statistics.median(per_article) * 1000:.2f} ms, max {max(per_article) * 1000:.2f} ms")
    print(f"peak RSS of this process: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    main(show="--show" in sys.argv)

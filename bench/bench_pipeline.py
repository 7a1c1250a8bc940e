"""Throughput of the whole coder: load the data once, then code a corpus N times.

Usage: python bench/bench_pipeline.py [INPUT...] [--repeat N]
Prints resource load time, articles/s and resident memory. No assertions: figures only.
"""

from __future__ import annotations

import argparse
import resource
import time
from pathlib import Path

from coder.pipeline import code_articles
from coder.read import read_inputs
from coder.resources import load_resources

REPO = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("inputs", nargs="*", default=[str(REPO / "examples" / "seeds"), str(REPO / "examples" / "own")])
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()

    t0 = time.perf_counter()
    res = load_resources()
    t1 = time.perf_counter()
    read = read_inputs(args.inputs)
    t2 = time.perf_counter()
    n_events = 0
    for _ in range(args.repeat):
        n_events = len(code_articles(read.articles, res).records)
    t3 = time.perf_counter()
    n = len(read.articles) * args.repeat
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"load resources (rules, actors, outlets, gazetteer): {t1 - t0:.2f} s")
    print(f"read {len(read.articles)} articles: {t2 - t1:.2f} s")
    print(f"code {n} articles ({args.repeat} x {len(read.articles)}, {n_events} events each pass): "
          f"{t3 - t2:.2f} s = {n / (t3 - t2):.1f} articles/s, {1000 * (t3 - t2) / n:.1f} ms/article")
    print(f"peak resident memory: {rss_mb:.0f} MB")


if __name__ == "__main__":
    main()

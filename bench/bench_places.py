"""Benchmark: gazetteer load time, RSS, and mean time to find+resolve places in one seed article.

Run: .venv/bin/python bench/bench_places.py [--show]   (needs ../shared/seeds; prints, asserts nothing)
"""

from __future__ import annotations

import resource
import sys
import time
from pathlib import Path

from coder.places import Gazetteer, PlaceContext, find_place_mentions

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"


def main(show: bool = False) -> None:
    t0 = time.perf_counter()
    gaz = Gazetteer.load()
    load_s = time.perf_counter() - t0
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"gazetteer {gaz.version[:12]}: {len(gaz.rows)} rows, {len(gaz.index)} keys; "
          f"load {load_s:.2f} s; max RSS {rss_mb:.0f} MB")
    texts = sorted(SEEDS.glob("*.txt")) if SEEDS.exists() else []
    if not texts:
        print(f"no seed texts at {SEEDS}")
        return
    timings = []
    for path in texts:
        text = path.read_text("utf-8")
        ctx = PlaceContext(iso3="IRQ")
        t0 = time.perf_counter()
        found = []
        offset = 0
        for line in text.splitlines(keepends=True):  # one "sentence" per line is enough for timing
            ms = find_place_mentions(line, offset, gaz, ctx)
            ctx.anchors.extend(m.place for m in ms if m.place is not None)
            found += ms
            offset += len(line)
        timings.append(time.perf_counter() - t0)
        print(f"{path.name}: {len(text)} chars, {len(found)} place mentions, {timings[-1] * 1000:.1f} ms")
        if show:
            for m in found:
                where = m.place and f"{m.place.name} [{m.place.feature}, {m.place.admin1}]"
                print(f"    {m.phrase!r:45} -> {where} p{m.geo_precision} {m.relation or ''} {m.unresolved or ''}")
    print(f"mean per article: {sum(timings) / len(timings) * 1000:.1f} ms")


if __name__ == "__main__":
    main(show="--show" in sys.argv)

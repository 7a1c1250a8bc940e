"""How fast could one worker code articles if parts of the coder cost nothing? Upper bounds, for issue 6's
300 articles/s goal.

Run:  .venv/bin/python bench/ceilings.py [--count 300] [--runs 3] [--cython [--cythonize PATH]] [--json PATH]

All figures are in-process: read_inputs + code_articles on generated articles (bench/make_corpus.py, the
same generator as bench_scale.py), resources loaded beforehand, best of --runs passes. They leave out
start-up and writing, so they are higher than bench_scale.py's end-to-end articles/s.

  baseline        the coder as it is
  places free     every call to find_place_mentions answered from a recording of a previous pass (same
                  inputs, same call order; the replay is checked call by call), so reading places costs
                  nothing and everything else runs as usual: the most a faster place reader could give
  no country vote the story's country taken from the article's hint alone instead of the vote of every body
                  sentence's places (this changes output; it bounds what a cheaper vote could give)
  both            the two together
  --cython        the package copied to a temporary folder and its hot modules compiled unchanged with
                  Cython (needs Cython and a C compiler; not a project dependency), timed in a subprocess

Figures only: the exit code is 0.
"""

from __future__ import annotations

import argparse
import copy
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "bench"))

import make_corpus

GOAL = 300.0
HOT_MODULES = ["places", "incidents", "rules", "prefilter", "actors", "dates", "sentences", "fatalities", "locations"]


def _corpus(count: int, seed: int, folder: Path) -> Path:
    path = folder / f"ceilings-{count}-{seed}.jsonl"
    world = make_corpus.load_world()
    with open(path, "w", encoding="utf-8") as f:
        for a in make_corpus.iter_articles(count, seed, world, start=20_000_000):
            f.write(json.dumps(a, ensure_ascii=False) + "\n")
    return path


def _best(path: Path, res, runs: int, before=None) -> tuple[float, int, int]:
    """Best wall time of `runs` passes, and the records and rejected articles of the last pass."""
    from coder.pipeline import code_articles
    from coder.read import read_inputs

    best = float("inf")
    for _ in range(runs):
        if before is not None:
            before()
        t0 = time.perf_counter()
        read = read_inputs([str(path)])
        result = code_articles(read.articles, res)
        best = min(best, time.perf_counter() - t0)
    return best, len(result.records), len(result.rejects)


class _Replay:
    """find_place_mentions answered from a recording: record once, then replay in the same call order."""

    def __init__(self, real):
        self.real = real
        self.tape: list[tuple[tuple, list]] = []
        self.replaying = False
        self.pos = 0
        self.mismatches = 0

    def rewind(self) -> None:
        self.replaying, self.pos = True, 0

    def __call__(self, text, offset, gazetteer, context):
        if not self.replaying:
            out = self.real(text, offset, gazetteer, context)
            self.tape.append(((text, offset), copy.deepcopy(out)))
            return out
        key, out = self.tape[self.pos]
        self.pos += 1
        if key != (text, offset):
            self.mismatches += 1
        return copy.copy(out)  # a fresh list of the recorded mentions: the caller may append to or sort it


def _row(label: str, timed: tuple[float, int, int], count: int, base: float | None) -> dict:
    seconds, records, rejects = timed
    rate = count / seconds
    row = {"label": label, "seconds": round(seconds, 3), "records": records, "rejects": rejects,
           "articles_per_s": round(rate, 1),
           "ms_per_article": round(1000 * seconds / count, 2), "of_goal": round(rate / GOAL, 2)}
    if base is not None:
        row["speed_up"] = round(base / seconds, 2)
    return row


def _cython_rate(path: Path, count: int, runs: int, cythonize: str | None) -> dict:
    cythonize = cythonize or shutil.which("cythonize") or shutil.which("cythonize", path=str(Path(sys.executable).parent))
    if not cythonize:
        return {"label": "cython", "skipped": "no cythonize found (pip install cython somewhere, then --cythonize PATH; "
                                              "Cython is no project dependency)"}
    with tempfile.TemporaryDirectory(prefix="ceilings-cython-") as tmp:
        root = Path(tmp)
        shutil.copytree(REPO / "coder", root / "coder", ignore=shutil.ignore_patterns("__pycache__", "*.so", "*.c"))
        if (REPO / "gazetteer").exists():
            os.symlink(REPO / "gazetteer", root / "gazetteer")
        sources = [str(root / "coder" / f"{m}.py") for m in HOT_MODULES]
        t0 = time.perf_counter()
        build = subprocess.run([cythonize, "-i", "-3", "-j", "2", "-X", "annotation_typing=False", *sources],
                               cwd=root, capture_output=True, text=True, check=False)
        if build.returncode != 0:
            return {"label": "cython", "skipped": f"cythonize failed: {build.stderr.strip()[-300:]}"}
        compiled_s = time.perf_counter() - t0
        code = (
            "import sys, time, json\n"
            f"sys.path.insert(0, {str(root)!r})\n"
            "import coder.places\n"
            "assert coder.places.__file__.endswith('.so'), coder.places.__file__\n"
            "from coder.resources import load_resources\n"
            "from coder.pipeline import code_articles\n"
            "from coder.read import read_inputs\n"
            "res = load_resources()\n"
            "best = float('inf')\n"
            f"for _ in range({runs}):\n"
            "    t0 = time.perf_counter()\n"
            f"    result = code_articles(read_inputs([{str(path)!r}]).articles, res)\n"
            "    best = min(best, time.perf_counter() - t0)\n"
            "print(json.dumps([best, len(result.records), len(result.rejects)]))\n"
        )
        run = subprocess.run([sys.executable, "-c", code], cwd=root, capture_output=True, text=True, check=False)
        if run.returncode != 0:
            return {"label": "cython", "skipped": f"compiled run failed: {run.stderr.strip()[-300:]}"}
        secs, records, rejects = json.loads(run.stdout.strip().splitlines()[-1])
        row = _row(f"cython ({len(HOT_MODULES)} modules compiled unchanged)", (secs, records, rejects), count, None)
        row["compile_s"] = round(compiled_s, 1)
        return row


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--count", type=int, default=300, help="generated articles (default 300)")
    ap.add_argument("--runs", type=int, default=3, help="timed passes per variant; the best is kept (default 3)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--cython", action="store_true", help="also time the hot modules compiled with Cython")
    ap.add_argument("--cythonize", help="the cythonize command to use (it must run on this Python version; "
                                        "default: cythonize on PATH or beside this Python)")
    ap.add_argument("--json", type=Path, help="also write the figures here")
    args = ap.parse_args(argv)

    from coder import incidents
    from coder.resources import load_resources

    with tempfile.TemporaryDirectory(prefix="ceilings-") as tmp:
        path = _corpus(args.count, args.seed, Path(tmp))
        res = load_resources()
        rows: list[dict] = []
        timed = _best(path, res, args.runs)
        base = timed[0]
        rows.append(_row("baseline", timed, args.count, None))

        real_find, real_vote = incidents.find_place_mentions, incidents._story_country

        def hint_only(sentences, res, hint=None):
            c = res.gazetteer.country(hint) if hint else None
            return (c.iso3, c.country, []) if c is not None else (None, None, [])

        try:
            for label, vote in (("places free", real_vote), ("no country vote", hint_only), ("both", hint_only)):
                incidents._story_country = vote
                if label == "no country vote":
                    incidents.find_place_mentions = real_find
                    rows.append(_row(label, _best(path, res, args.runs), args.count, base))
                    continue
                replay = incidents.find_place_mentions = _Replay(real_find)
                _best(path, res, 1)  # record
                row = _row(label, _best(path, res, args.runs, before=replay.rewind), args.count, base)
                rows.append(row | {"place_calls": len(replay.tape), "replay_mismatches": replay.mismatches})
        finally:
            incidents.find_place_mentions, incidents._story_country = real_find, real_vote

        if args.cython:
            row = _cython_rate(path, args.count, args.runs, args.cythonize)
            if "seconds" in row:
                row["speed_up"] = round(base / row["seconds"], 2)
            rows.append(row)

    print(f"ceilings: {args.count} generated articles, in-process read + code (no start-up, no writing), "
          f"best of {args.runs}; goal {GOAL:.0f} articles/s end to end")
    for r in rows:
        if "skipped" in r:
            print(f"  {r['label']:<42} skipped: {r['skipped']}")
            continue
        extra = f"  x{r['speed_up']:.2f}" if "speed_up" in r else ""
        print(f"  {r['label']:<42} {r['articles_per_s']:7.1f} articles/s  {r['ms_per_article']:6.2f} ms/article"
              f"  {r['of_goal']:.2f} of goal{extra}  ({r['records']} records, {r['rejects']} rejected)"
              + (f"  REPLAY MISMATCHES {r['replay_mismatches']}" if r.get("replay_mismatches") else ""))
    if args.json:
        args.json.write_text(json.dumps({"count": args.count, "runs": args.runs, "rows": rows}, indent=2) + "\n")


if __name__ == "__main__":
    main()

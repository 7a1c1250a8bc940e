"""Peak resident memory per phase of one `coder run`, in this process (issue 6: memory flat in corpus size).

Usage:
    python bench/make_corpus.py --count 10000 --out /tmp/c10k.jsonl
    python bench/memory_phases.py /tmp/c10k.jsonl [--out DIR]

Runs coder.pipeline.run() with a thread sampling VmRSS every 0.05 s and prints the peak of each phase: loading,
coding (articles read, coded, their mentions spilled), pass 1 (the merge in date order), pass 2 (rows and
events.parquet), merges.parquet, run.json. Phases are marked by wrapping the spill's readers; nothing in the
run changes. Figures only, no assertions.
"""

from __future__ import annotations

import argparse
import resource
import shutil
import sys
import tempfile
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

import coder.pipeline as pipeline  # noqa: E402
import coder.spill as spill  # noqa: E402

_phase = ["start"]
_peaks: dict[str, int] = {}


def _rss_mb() -> int:
    with open("/proc/self/status") as handle:
        for line in handle:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) // 1024
    return 0


def _sample() -> None:
    while True:
        p = _phase[0]
        _peaks[p] = max(_peaks.get(p, 0), _rss_mb())
        time.sleep(0.05)


def _mark(name: str) -> None:
    _peaks[_phase[0]] = max(_peaks.get(_phase[0], 0), _rss_mb())
    _phase[0] = name


def _wrap(owner, attr: str, phase: str) -> None:
    original = getattr(owner, attr)

    def wrapped(*args, **kwargs):
        _mark(phase)
        yield from original(*args, **kwargs)

    setattr(owner, attr, wrapped)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("inputs", nargs="+")
    parser.add_argument("--out", default=None, help="dataset folder (default: a temporary one, removed after)")
    args = parser.parse_args()
    _wrap(spill.RunSpill, "mentions", "pass 1: merge")
    _wrap(pipeline._RowPass, "chunks", "pass 2: rows, events.parquet")
    _wrap(spill.RunSpill, "audit_rows", "merges.parquet")
    _wrap(spill.RunSpill, "entries", "run.json")
    threading.Thread(target=_sample, daemon=True).start()
    from coder.resources import load_resources

    _mark("load resources")
    res = load_resources()
    out = Path(args.out) if args.out else Path(tempfile.mkdtemp(prefix="memory-phases-")) / "out"
    _mark("coding")
    t0 = time.perf_counter()
    report = pipeline.run(args.inputs, out, resources=res)
    _mark("end")
    print(f"{report['counts']['articles_read']} articles, {report['counts']['events']} events, "
          f"{time.perf_counter() - t0:.0f} s")
    for name, peak in _peaks.items():
        if name not in ("start", "end"):
            print(f"  {name:<30} peak RSS {peak} MB")
    print(f"  process peak (ru_maxrss)       {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024} MB")
    if not args.out:
        shutil.rmtree(out.parent, ignore_errors=True)


if __name__ == "__main__":
    main()

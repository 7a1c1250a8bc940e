"""Where a multi-worker run's CPU goes, in CPU-seconds (so the figures hold on a busy machine, where wall-clock
scaling does not): the process that merges against its workers.

Usage:
    python bench/serial_fraction.py CORPUS [--workers 2] [--engine local|dask] [--json FILE]

Runs coder.pipeline.run(CORPUS, workers=N) in this process and reads the CPU time of this process and of its
descendant processes (psutil) at the start and the end of the coding phase (the engine's map; before it starts,
the workers are waited for, so their start-up is counted apart). Prints, per article:

  parent while coding   CPU of the merging process while the workers code (receiving results, the state file,
                        the working store)
  worker                CPU of the workers while coding, per article
  serial fraction       parent while coding / worker: the merging process's share of the coding work
  parent before / after CPU of the merging process before coding (imports, resources, planning) and after it
                        (merge, rows, notes, Parquet, report): serial in every engine
  model                 the wall time on an idle machine of N cores that these CPU figures imply:
                        max(before, (before + worker start-up) / N) + (workers + parent while coding) / N + after,
                        and the same for one worker: its whole CPU time. Their ratio is the scaling the code allows
                        (it leaves out the slowdown two busy cores cause each other, and the last shards' imbalance)

With --workers 1 the figures are those of the one process (no workers).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import tempfile
import time
from pathlib import Path

def _cpu(proc) -> float:
    t = proc.cpu_times()
    return t.user + t.system


def _children_cpu(me) -> float:
    import psutil

    total = 0.0
    for child in me.children(recursive=True):
        try:
            total += _cpu(child)
        except psutil.Error:
            pass
    return total


def measure(corpus: str, workers: int, engine: str) -> dict:
    import psutil

    from coder import pipeline

    me = psutil.Process()
    rec: dict[str, float] = {}
    make_engine = pipeline.make_engine

    def measured_engine(*args, **kwargs):
        coder_engine = make_engine(*args, **kwargs)
        inner_map = coder_engine.map

        def map_(shard_iter, known):
            pool = getattr(coder_engine, "_pool", None)
            if pool is not None:  # every worker has started (a task that sleeps keeps one worker each)
                for f in [pool.submit(time.sleep, 0.5) for _ in range(coder_engine.workers)]:
                    f.result()
            elif getattr(coder_engine, "client", None) is not None:
                coder_engine.client.wait_for_workers(coder_engine.workers)
            rec["start_self"], rec["start_children"] = time.process_time(), _children_cpu(me)
            try:
                yield from inner_map(shard_iter, known)
            finally:
                rec["end_self"], rec["end_children"] = time.process_time(), _children_cpu(me)

        coder_engine.map = map_
        return coder_engine

    pipeline.make_engine = measured_engine
    out = Path(tempfile.mkdtemp(prefix="serial-fraction-")) / "out"
    try:
        t0 = time.perf_counter()
        report = pipeline.run([corpus], out, workers=workers, engine=engine)
        wall = time.perf_counter() - t0
    finally:
        pipeline.make_engine = make_engine
        shutil.rmtree(out.parent, ignore_errors=True)
    n = report["counts"]["articles_read"]
    total = time.process_time()
    parent = rec["end_self"] - rec["start_self"]
    children = rec["end_children"] - rec["start_children"]
    before, after, startup = rec["start_self"], total - rec["end_self"], rec["start_children"]
    if children:
        model = max(before, (before + startup) / workers) + (children + parent) / workers + after
    else:
        model = total
    return {
        "workers": workers, "engine": engine, "articles": n, "wall_s": round(wall, 2),
        "load_average": [round(x, 2) for x in os.getloadavg()],
        "parent_cpu_before_s": round(before, 3), "worker_startup_cpu_s": round(startup, 3),
        "parent_cpu_coding_s": round(parent, 3), "worker_cpu_coding_s": round(children, 3),
        "parent_cpu_after_s": round(after, 3),
        "parent_ms_per_article": round(1000 * parent / n, 3),
        "worker_ms_per_article": round(1000 * children / n, 3) if children else None,
        "serial_fraction": round(parent / children, 4) if children else None,
        "model_idle_wall_s": round(model, 2),
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--engine", default="local")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args(argv)
    r = measure(args.corpus, args.workers, args.engine)
    print(json.dumps(r))
    if args.json:
        args.json.write_text(json.dumps(r, indent=2) + "\n", "utf-8")


if __name__ == "__main__":
    main()

"""Speed and scale of the whole `coder run` command, on a generated corpus (bench/make_corpus.py).

Usage:
    python bench/bench_scale.py                      # 2,000 articles, start-up, scaling if available, profile
    python bench/bench_scale.py --count 1000 --json /tmp/scale.json
    python bench/bench_scale.py --flat 2000,20000    # peak memory for N and 10 x N articles (slow)
    python bench/bench_scale.py --no-profile --no-scaling

What it prints (figures only, no assertions):
  throughput  `coder run CORPUS --out FRESH_DIR --quiet` as a subprocess (load, read, code, Parquet write all
              included): wall time, articles/s, CPU seconds, peak RSS, and the stage timings from run.json.
  start-up    the same on a 1-article corpus, median of 3 runs: an upper bound of "the first article is coded
              within N s of the command starting".
  memory      peak RSS of the coding process: ru_maxrss of RUSAGE_CHILDREN, measured in a fresh helper process
              per run (so the maximum is that run's), i.e. the largest single process. With several worker
              processes the sum over the process tree is sampled from /proc every 0.2 s (shared pages counted
              once per process).
  flatness    (--flat N1,N2) peak RSS for two corpus sizes and their ratio: flat memory means a ratio near 1.
  scaling     `--workers 2` against `--workers 1`, and `--engine dask --workers 2`, when `coder run --help`
              lists those options; otherwise "not available yet".
  CPU split   (unless --no-cpu-split) bench/serial_fraction.py with one and two workers: the merging process's
              CPU per article while the workers code against theirs (the serial fraction), its CPU before and
              after coding, and the wall time on an idle machine those CPU-seconds imply; their ratio is the
              scaling the code allows, a figure that holds when the machine is busy (wall-clock scaling does not)
  profile     cProfile in this process over read_inputs + code_articles on a sample (default 300 articles):
              the top functions by own time and the share of time per module (coder.* modules, third-party
              packages such as dateparser, pysbd, pyarrow, and the standard library). Built-in C functions
              (regex matching, str methods) are charged to the module that called them.

The machine may be shared: the load average at the start is printed beside the figures.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import os
import platform
import pstats
import re
import resource
import shutil
import statistics
import subprocess
import sys
import sysconfig
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "bench"))

import make_corpus  # noqa: E402  (after the sys.path line)

MB = 1024 * 1024

# ---------------------------------------------------------------------------------------------------------------
# The measuring helper: run one command, report its wall time, CPU time and peak memory
# ---------------------------------------------------------------------------------------------------------------


def _children(pid: int) -> list[int]:
    try:
        with open(f"/proc/{pid}/task/{pid}/children") as f:
            return [int(x) for x in f.read().split()]
    except OSError:
        return []


def _rss_bytes(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def _tree_rss(pid: int) -> tuple[int, int]:
    """(sum of RSS over the process and its descendants, number of processes)."""
    total, count, todo = 0, 0, [pid]
    while todo:
        p = todo.pop()
        total += _rss_bytes(p)
        count += 1
        todo += _children(p)
    return total, count


def measure_command(cmd: list[str], interval: float = 0.2) -> dict:
    """Run `cmd` as a child of this process; its wall and CPU time, peak RSS of its largest process
    (ru_maxrss of RUSAGE_CHILDREN: call this in a fresh process so the maximum is this command's) and the
    sampled peak of the RSS summed over its process tree."""
    with tempfile.TemporaryFile() as err:
        t0 = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=err)
        peak_tree, peak_procs = 0, 1
        while proc.poll() is None:
            total, count = _tree_rss(proc.pid)
            peak_tree, peak_procs = max(peak_tree, total), max(peak_procs, count)
            time.sleep(interval)
        wall = time.perf_counter() - t0
        usage = resource.getrusage(resource.RUSAGE_CHILDREN)
        err.seek(0)
        stderr = err.read().decode("utf-8", "replace")
    return {
        "returncode": proc.returncode,
        "wall_s": round(wall, 3),
        "cpu_s": round(usage.ru_utime + usage.ru_stime, 3),
        "peak_rss_mb": round(usage.ru_maxrss * 1024 / MB, 1),  # ru_maxrss is in KiB on Linux
        "peak_tree_rss_mb": round(max(peak_tree, usage.ru_maxrss * 1024) / MB, 1),
        "processes": peak_procs,
        "stderr_tail": stderr[-800:] if proc.returncode else "",
    }


def measured(cmd: list[str]) -> dict:
    """measure_command(cmd) in a fresh helper process, so RUSAGE_CHILDREN holds this command only."""
    out = subprocess.run([sys.executable, __file__, "--_measure", "--", *cmd], capture_output=True, text=True,
                         check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


# ---------------------------------------------------------------------------------------------------------------
# coder run
# ---------------------------------------------------------------------------------------------------------------


def coder_bin() -> str:
    here = Path(sys.executable).parent / "coder"
    return str(here) if here.exists() else (shutil.which("coder") or "coder")


def run_options() -> dict:
    """Which scaling options `coder run --help` lists."""
    env = {**os.environ, "COLUMNS": "200", "TERM": "dumb", "NO_COLOR": "1"}
    text = subprocess.run([coder_bin(), "run", "--help"], capture_output=True, text=True, env=env).stdout
    return {"workers": "--workers" in text, "engine": "--engine" in text,
            "dask": "--engine" in text and "dask" in text.lower()}


def coder_run(corpus: Path, workdir: Path, extra: list[str] = ()) -> dict:
    """Measure one `coder run CORPUS --out FRESH --quiet [extra]`; adds the run report's counts and timings."""
    out = Path(tempfile.mkdtemp(prefix="out-", dir=workdir))
    shutil.rmtree(out)  # a fresh, absent folder: the run creates it
    cmd = [coder_bin(), "run", str(corpus), "--out", str(out), "--quiet", *extra]
    result = measured(cmd)
    result["command"] = " ".join(["coder", "run", corpus.name, "--out", "FRESH_DIR", "--quiet", *extra])
    report = out / "run.json"
    if report.exists():
        r = json.loads(report.read_text("utf-8"))
        result["articles"] = r["counts"]["articles_read"]
        result["events"] = r["counts"]["events"]
        result["articles_with_events"] = r["counts"]["articles_with_events"]
        result["run_timings_s"] = r.get("timings_s", {})
        if result["wall_s"] > 0:
            result["articles_per_s"] = round(result["articles"] / result["wall_s"], 2)
        if result["cpu_s"] > 0:  # less sensitive to other load on the machine than the wall-clock rate
            result["articles_per_cpu_s"] = round(result["articles"] / result["cpu_s"], 2)
    shutil.rmtree(out, ignore_errors=True)
    return result


def make(count: int, workdir: Path, seed: int, world) -> Path:
    path = workdir / f"corpus-{count}.jsonl"
    if not path.exists():
        make_corpus.write_corpus(count, path, seed=seed, world=world)
    return path


# ---------------------------------------------------------------------------------------------------------------
# Profile
# ---------------------------------------------------------------------------------------------------------------

_STDLIB = Path(sysconfig.get_paths()["stdlib"]).resolve()
_RE_API = {"search", "match", "fullmatch", "sub", "subn", "findall", "finditer", "split", "compile", "escape"}


def _coder_root() -> Path:
    """Where the imported coder package lives (the repository's, or another checkout on PYTHONPATH)."""
    import coder

    return Path(coder.__file__).resolve().parent


def _bucket(filename: str) -> str:
    """The module a profiled function belongs to: coder.<module>, a third-party package, or stdlib:<module>."""
    if filename.startswith("<") or filename == "~":
        return "other"
    path = Path(filename).resolve()
    root = _coder_root()
    if path.is_relative_to(root):
        rel = path.relative_to(root).with_suffix("")
        return "coder." + ".".join(rel.parts)
    parts = path.parts
    for marker in ("site-packages", "dist-packages"):
        if marker in parts:
            top = parts[parts.index(marker) + 1]
            return re.sub(r"\.(?:py|so)$|\.cpython.*$", "", top)
    if path.is_relative_to(_STDLIB):
        return "stdlib:" + path.relative_to(_STDLIB).parts[0].removesuffix(".py")
    return "other"


def _label(func: tuple[str, int, str]) -> str:
    filename, line, name = func
    if filename == "~":
        return name  # a built-in: "<method 'search' of 're.Pattern' objects>"
    b = _bucket(filename)
    return f"{b}:{name} (line {line})" if b != "other" else f"{Path(filename).name}:{line}:{name}"


def profile_sample(count: int, workdir: Path, seed: int, world, top: int = 15) -> dict:
    from coder.pipeline import code_articles
    from coder.read import read_inputs
    from coder.resources import load_resources

    # a sample of its own, from further along the corpus than the throughput run's articles
    path = workdir / f"profile-{count}.jsonl"
    with open(path, "w", encoding="utf-8") as f:
        for a in make_corpus.iter_articles(count, seed, world, start=10_000_000):
            f.write(json.dumps(a, ensure_ascii=False) + "\n")
    t0 = time.perf_counter()
    res = load_resources()
    load_s = time.perf_counter() - t0
    prof = cProfile.Profile()
    t0 = time.perf_counter()
    prof.enable()
    read = read_inputs([str(path)])
    result = code_articles(read.articles, res)
    prof.disable()
    wall = time.perf_counter() - t0
    st = pstats.Stats(prof)
    total = sum(v[2] for v in st.stats.values()) or 1.0
    # own time per module; a built-in's own time goes to the modules of its callers, in proportion
    modules: dict[str, float] = {}
    for func, (cc, nc, tt, ct, callers) in st.stats.items():
        if func[0] == "~" and callers:
            share = sum(c[2] for c in callers.values()) or 1.0
            for caller, c in callers.items():
                b = _bucket(caller[0])
                modules[b] = modules.get(b, 0.0) + tt * c[2] / share
        else:
            b = _bucket(func[0])
            modules[b] = modules.get(b, 0.0) + tt
    # regex work done through the module-level re functions (pattern strings compiled or looked up in re's
    # 512-entry cache on every call), by the module that calls them: cumulative time of those calls
    re_calls: dict[str, list] = {}
    for func, (cc, nc, tt, ct, callers) in st.stats.items():
        if _bucket(func[0]) == "stdlib:re" and Path(func[0]).name == "__init__.py" and func[2] in _RE_API:
            for caller, c in callers.items():
                b = _bucket(caller[0])
                if b != "stdlib:re":
                    entry = re_calls.setdefault(f"re.{func[2]} from {b}", [0, 0.0])
                    entry[0] += c[1]
                    entry[1] += c[3]
    # charge those calls to the calling module: the re module keeps only what no module-level call explains
    for key, (calls, cum) in re_calls.items():
        b = key.split(" from ", 1)[1]
        moved = min(cum, modules.get("stdlib:re", 0.0))
        modules[b] = modules.get(b, 0.0) + moved
        modules["stdlib:re"] = modules.get("stdlib:re", 0.0) - moved
    rows = sorted(st.stats.items(), key=lambda kv: kv[1][2], reverse=True)[:top]
    return {
        "articles": len(read.articles),
        "events": len(result.records),
        "load_resources_s": round(load_s, 3),
        "profiled_wall_s": round(wall, 3),
        "profiled_articles_per_s": round(len(read.articles) / wall, 2) if wall else None,
        "total_own_s": round(total, 3),
        "top_own_time": [{"function": _label(f), "calls": v[1], "own_s": round(v[2], 3),
                          "own_pct": round(100 * v[2] / total, 1), "cumulative_s": round(v[3], 3)} for f, v in rows],
        "modules": [{"module": m, "s": round(t, 3), "pct": round(100 * t / total, 1)}
                    for m, t in sorted(modules.items(), key=lambda kv: kv[1], reverse=True)],
        "module_level_re_calls": [{"call": k, "calls": v[0], "cumulative_s": round(v[1], 3),
                                   "pct": round(100 * v[1] / total, 1)}
                                  for k, v in sorted(re_calls.items(), key=lambda kv: kv[1][1], reverse=True)[:10]],
    }


# ---------------------------------------------------------------------------------------------------------------
# Main
# ---------------------------------------------------------------------------------------------------------------


def _fmt_run(r: dict) -> str:
    if r.get("returncode"):
        return f"FAILED (exit {r['returncode']}): {r.get('stderr_tail', '').strip()[-300:]}"
    rate = r.get("articles_per_s")
    return (f"{r.get('articles', '?')} articles in {r['wall_s']:.1f} s = {rate} articles/s; CPU {r['cpu_s']:.1f} s "
            f"({r.get('articles_per_cpu_s')} articles per CPU-second); "
            f"peak RSS {r['peak_rss_mb']:.0f} MB (largest process)"
            + (f", {r['peak_tree_rss_mb']:.0f} MB over {r['processes']} processes" if r["processes"] > 1 else ""))


def _git_commit() -> str | None:
    try:
        return subprocess.run(["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"], capture_output=True,
                              text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return None


def main(argv: list[str] | None = None) -> None:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--_measure"]:  # helper mode: measure one command, print JSON
        cmd = argv[2:] if argv[1:2] == ["--"] else argv[1:]
        print(json.dumps(measure_command(cmd)))
        return
    parser = argparse.ArgumentParser(description="Speed and scale of `coder run` on a generated corpus.")
    parser.add_argument("--count", type=int, default=2000, help="articles for the throughput run (default 2000)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--flat", default="", help="N1,N2: peak RSS for two corpus sizes (slow; off by default)")
    parser.add_argument("--profile", type=int, default=300, help="articles to profile in-process (default 300)")
    parser.add_argument("--no-profile", action="store_true")
    parser.add_argument("--no-scaling", action="store_true", help="skip the --workers / --engine runs")
    parser.add_argument("--no-cpu-split", action="store_true", help="skip bench/serial_fraction.py")
    parser.add_argument("--startup-runs", type=int, default=3)
    parser.add_argument("--workdir", type=Path, help="where corpora and outputs go (default: a temporary folder)")
    parser.add_argument("--json", type=Path, help="also write all figures to this JSON file")
    args = parser.parse_args(argv)

    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="bench-scale-"))
    workdir.mkdir(parents=True, exist_ok=True)
    figures: dict = {
        "machine": {"cpus": os.cpu_count(), "load_average_at_start": [round(x, 2) for x in os.getloadavg()],
                    "python": platform.python_version(), "platform": platform.platform(), "commit": _git_commit()},
    }
    print(f"machine: {os.cpu_count()} CPUs, load average {figures['machine']['load_average_at_start']} at start, "
          f"Python {platform.python_version()}, commit {figures['machine']['commit']}")

    t0 = time.perf_counter()
    world = make_corpus.load_world()
    corpus = make(args.count, workdir, args.seed, world)
    one = make(1, workdir, args.seed, world)
    words = [len(json.loads(line)["text"].split()) for line in open(corpus, encoding="utf-8")]
    figures["corpus"] = {"articles": args.count, "seed": args.seed, "mean_words": round(sum(words) / len(words), 1),
                         "bytes": corpus.stat().st_size, "generate_s": round(time.perf_counter() - t0, 2)}
    print(f"corpus: {args.count} generated articles, {figures['corpus']['mean_words']:.0f} words on average, "
          f"{corpus.stat().st_size / MB:.1f} MB ({figures['corpus']['generate_s']:.1f} s to generate) in {workdir}")

    options = run_options()
    one_worker = ["--workers", "1"] if options["workers"] else []

    # start-up
    runs = [coder_run(one, workdir, one_worker) for _ in range(args.startup_runs)]
    walls = [r["wall_s"] for r in runs]
    figures["startup"] = {"runs_s": walls, "median_s": statistics.median(walls),
                          "peak_rss_mb": max(r["peak_rss_mb"] for r in runs),
                          "run_timings_s": runs[len(runs) // 2].get("run_timings_s", {})}
    firsts = [r.get("run_timings_s", {}).get("first_article_coded_since_process_start") for r in runs]
    firsts = [f for f in firsts if f is not None]
    figures["startup"]["first_article_coded_s"] = statistics.median(firsts) if firsts else None
    print(f"start-up: `coder run` on 1 article, fresh --out: median {figures['startup']['median_s']:.2f} s "
          f"(runs {', '.join(f'{w:.2f}' for w in walls)} s), peak RSS {figures['startup']['peak_rss_mb']:.0f} MB")
    if firsts:
        print(f"  first article coded {statistics.median(firsts):.2f} s after the process started (median; run.json "
              f"timings_s.first_article_coded_since_process_start; goal: within 2 s)")

    # throughput, one worker
    base = coder_run(corpus, workdir, one_worker)
    figures["throughput"] = base
    print(f"throughput (1 worker): {_fmt_run(base)}")
    if base.get("run_timings_s"):
        t = base["run_timings_s"]
        print("  run.json stage timings: " + ", ".join(f"{k} {v:.1f} s" for k, v in t.items()))
        if base.get("articles") and not base.get("returncode"):
            per = (base["wall_s"] - figures["startup"]["median_s"]) / base["articles"] * 1000
            print(f"  {per:.1f} ms per article beyond start-up; {base.get('events')} events from "
                  f"{base.get('articles_with_events')} articles")

    # memory flatness
    if args.flat:
        n1, n2 = (int(x) for x in args.flat.split(","))
        small = coder_run(make(n1, workdir, args.seed, world), workdir, one_worker)
        large = coder_run(make(n2, workdir, args.seed, world), workdir, one_worker)
        ratio = round(large["peak_rss_mb"] / small["peak_rss_mb"], 3) if small["peak_rss_mb"] else None
        figures["flat"] = {"n1": n1, "n2": n2, "small": small, "large": large, "peak_rss_ratio": ratio}
        print(f"memory flatness: {n1} articles: {_fmt_run(small)}")
        print(f"                 {n2} articles: {_fmt_run(large)}")
        print(f"                 peak RSS ratio {n2}/{n1} articles: {ratio}")
    else:
        figures["flat"] = None
        print("memory flatness: skipped (use --flat N1,N2, e.g. --flat 2000,20000; slow)")

    # scaling
    scaling: dict = {"options": options}
    if args.no_scaling:
        print("scaling: skipped (--no-scaling)")
    elif not options["workers"]:
        scaling["workers_2"] = "not available yet"
        scaling["dask_2"] = "not available yet"
        print("scaling: --workers 2 vs --workers 1: not available yet (`coder run --help` lists no --workers)")
        print("scaling: --engine dask --workers 2: not available yet")
    else:
        scaling["workers_1"] = base
        w2 = coder_run(corpus, workdir, ["--workers", "2"])
        scaling["workers_2"] = w2
        if w2.get("articles_per_s") and base.get("articles_per_s"):
            scaling["speedup_workers_2"] = round(w2["articles_per_s"] / base["articles_per_s"], 2)
        print(f"scaling: --workers 1: {_fmt_run(base)}")
        print(f"         --workers 2: {_fmt_run(w2)}"
              + (f"; speed-up x{scaling['speedup_workers_2']}" if "speedup_workers_2" in scaling else ""))
        if options["dask"]:
            d2 = coder_run(corpus, workdir, ["--engine", "dask", "--workers", "2"])
            scaling["dask_2"] = d2
            if d2.get("articles_per_s") and base.get("articles_per_s"):
                scaling["speedup_dask_2"] = round(d2["articles_per_s"] / base["articles_per_s"], 2)
            print(f"         --engine dask --workers 2: {_fmt_run(d2)}"
                  + (f"; speed-up x{scaling['speedup_dask_2']}" if "speedup_dask_2" in scaling else ""))
        else:
            scaling["dask_2"] = "not available yet"
            print("         --engine dask --workers 2: not available yet")
    figures["scaling"] = scaling

    if not args.no_scaling and not args.no_cpu_split and options["workers"]:
        split = {}
        for n in (1, 2):
            out = subprocess.run([sys.executable, str(REPO / "bench" / "serial_fraction.py"), str(corpus),
                                  "--workers", str(n)], capture_output=True, text=True, check=False)
            split[n] = json.loads(out.stdout.strip().splitlines()[-1]) if out.returncode == 0 else None
        figures["cpu_split"] = split
        if split[1] and split[2]:
            two = split[2]
            ratio = round(split[1]["model_idle_wall_s"] / two["model_idle_wall_s"], 2)
            figures["cpu_split_model_speedup_2"] = ratio
            print(f"CPU split (--workers 2, CPU-seconds): merging process {two['parent_ms_per_article']:.3f} ms per "
                  f"article while coding against {two['worker_ms_per_article']:.2f} ms per article in the workers "
                  f"(serial fraction {two['serial_fraction']:.4f}); before coding {two['parent_cpu_before_s']:.2f} s, "
                  f"worker start-up {two['worker_startup_cpu_s']:.2f} s, after coding {two['parent_cpu_after_s']:.2f} s")
            print(f"  idle-machine model: {split[1]['model_idle_wall_s']:.1f} s with one worker, "
                  f"{two['model_idle_wall_s']:.1f} s with two: x{ratio} (wall-clock figures above depend on the load)")
        else:
            print("CPU split: bench/serial_fraction.py failed")

    # profile
    if args.no_profile or args.profile <= 0:
        figures["profile"] = None
    else:
        p = profile_sample(args.profile, workdir, args.seed, world)
        figures["profile"] = p
        print(f"profile: read + code {p['articles']} articles in-process under cProfile: {p['profiled_wall_s']:.1f} s "
              f"({p['profiled_articles_per_s']} articles/s with profiling overhead; resources loaded in "
              f"{p['load_resources_s']:.2f} s beforehand), {p['events']} events")
        print(f"  top {len(p['top_own_time'])} functions by own time:")
        for r in p["top_own_time"]:
            print(f"    {r['own_pct']:5.1f}%  {r['own_s']:7.2f} s  {r['calls']:>9}  {r['function']}")
        print("  time per module (own time, plus the built-ins it calls and its module-level re.* calls, which"
              " compile or look up their pattern on every call):")
        for r in p["modules"]:
            if r["pct"] >= 0.5:
                print(f"    {r['pct']:5.1f}%  {r['s']:7.2f} s  {r['module']}")
        if p["module_level_re_calls"]:
            print("  module-level re calls (pattern compiled or looked up in re's cache each call), cumulative time:")
            for r in p["module_level_re_calls"]:
                if r["pct"] >= 0.5:
                    print(f"    {r['pct']:5.1f}%  {r['cumulative_s']:7.2f} s  {r['calls']:>9}  {r['call']}")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(figures, indent=2) + "\n", "utf-8")
        print(f"figures written to {args.json}")
    if not args.workdir:
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()

"""Check that two `coder run` output folders hold the same coded output (for speed work: output must not change).

Usage:
    python bench/same_output.py REF_DIR NEW_DIR [REF_DIR2 NEW_DIR2 ...]

Compares, for each pair: events.parquet, merges.parquet and .coder/state.parquet byte for byte (two runs of
unchanged code give identical bytes), and run.json with the run-specific parts left out (timings, output paths).
Where the bytes differ, the tables are compared with pyarrow and the first differing rows are printed. A code
change alone changes the file metadata's hash of the coder's code (`coder.code_sha256` in events.parquet, the
`code` entry of `coder.versions` in the state file): equal tables whose metadata differ only there count as the
same ("same, but the code hash"). Exit 0 when every pair is the same, 1 otherwise.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

FILES = ["events.parquet", "merges.parquet", ".coder/state.parquet"]


def _strip(obj):
    """run.json without what differs between two runs of the same code on the same input."""
    if isinstance(obj, dict):
        return {k: _strip(v) for k, v in obj.items()
                if k not in ("timings_s", "output", "merges", "out_dir", "started", "finished")}
    if isinstance(obj, list):
        return [_strip(v) for v in obj]
    return obj


def _table_diff(a: Path, b: Path) -> str:
    import pyarrow.parquet as pq
    ta, tb = pq.read_table(a), pq.read_table(b)
    if ta.schema != tb.schema:
        return f"  schemas differ:\n{ta.schema}\n---\n{tb.schema}"
    if ta.num_rows != tb.num_rows:
        return f"  {ta.num_rows} rows against {tb.num_rows}"
    if ta.equals(tb):
        return "  tables equal, bytes differ (metadata?)"
    ra, rb = ta.to_pylist(), tb.to_pylist()
    lines = []
    for i, (x, y) in enumerate(zip(ra, rb)):
        if x != y:
            cols = [k for k in x if x[k] != y[k]]
            lines.append(f"  row {i}: " + "; ".join(f"{k}: {x[k]!r} -> {y[k]!r}" for k in cols)[:600])
            if len(lines) >= 5:
                break
    return "\n".join(lines)


def _only_code_hash(a: Path, b: Path) -> bool:
    """Equal tables whose schema metadata differ only in the hash of the coder's code."""
    import pyarrow.parquet as pq
    ta, tb = pq.read_table(a), pq.read_table(b)
    if ta.schema != tb.schema or not ta.equals(tb):
        return False
    ma, mb = dict(ta.schema.metadata or {}), dict(tb.schema.metadata or {})
    ma.pop(b"coder.code_sha256", None)
    mb.pop(b"coder.code_sha256", None)
    for m in (ma, mb):
        if b"coder.versions" in m:
            versions = json.loads(m[b"coder.versions"])
            versions.pop("code", None)
            m[b"coder.versions"] = json.dumps(versions, sort_keys=True).encode()
    return ma == mb


def same(ref: Path, new: Path) -> bool:
    ok = True
    code_only = []
    for name in FILES:
        a, b = ref / name, new / name
        if not a.exists() and not b.exists():
            continue
        if a.exists() != b.exists():
            print(f"{new}: {name} exists in only one folder")
            ok = False
            continue
        if a.read_bytes() != b.read_bytes():
            if _only_code_hash(a, b):
                code_only.append(name)
                continue
            print(f"{new}: {name} differs\n{_table_diff(a, b)}")
            ok = False
    ja = _strip(json.loads((ref / "run.json").read_text()))
    jb = _strip(json.loads((new / "run.json").read_text()))
    if ja != jb:
        ok = False
        sa = json.dumps(ja, indent=1, sort_keys=True).splitlines()
        sb = json.dumps(jb, indent=1, sort_keys=True).splitlines()
        import difflib
        diff = list(difflib.unified_diff(sa, sb, lineterm="", n=1))
        print(f"{new}: run.json differs ({len(diff)} diff lines)\n" + "\n".join(diff[:40]))
    note = f" (tables equal; metadata differ only in the code hash: {', '.join(code_only)})" if code_only else ""
    print(f"{'same' if ok else 'DIFFERENT'}: {ref} vs {new}{note}")
    return ok


def main(argv: list[str]) -> int:
    if len(argv) < 2 or len(argv) % 2:
        print(__doc__)
        return 2
    results = [same(Path(argv[i]), Path(argv[i + 1])) for i in range(0, len(argv), 2)]
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

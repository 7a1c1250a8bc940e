"""Write events to Parquet through pyarrow with the explicit schema and provenance metadata."""

from __future__ import annotations

from pathlib import Path

import pyarrow.parquet as pq

from coder.record import EventRecord, records_to_table


def write_parquet(records: list[EventRecord], out_dir: Path, metadata: dict[str, str]) -> Path:
    """Write `out_dir/events.parquet`; metadata keys are prefixed `coder.`. Returns the path."""
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / "events.parquet"
    table = records_to_table(records, {f"coder.{k}": v for k, v in sorted(metadata.items())})
    tmp = path.with_suffix(".parquet.tmp")
    pq.write_table(table, tmp, compression="zstd")
    tmp.replace(path)
    return path

"""Output writers, registered by format name. Adding a format: one module, one line here, one test."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from coder.record import EventRecord
from coder.write.parquet import write_parquet

Writer = Callable[[list[EventRecord], Path, dict[str, str]], Path]

WRITERS: dict[str, Writer] = {
    "parquet": write_parquet,
}

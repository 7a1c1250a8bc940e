"""A dataset folder that grows: what it holds, how it is read back, and how it is replaced atomically.

    DIR/events.parquet         the events (layout "file"), or
    DIR/events/                the events partitioned by country and year (layout "partitioned"):
                               events/country=Iraq/year=2020/part-0.parquet (Hive style, readable in one call
                               by pandas, pyarrow, polars and DuckDB); `events` is a symlink to a versioned folder
    DIR/merges.parquet         the merge audit (coder.audit)
    DIR/run.json               the last run's report
    DIR/.coder/state.parquet   every article coded so far, by content hash: the article as read and the mentions it
                               gave, so a later run re-merges old and new mentions without re-coding old articles

A run writes everything into a staging folder inside DIR, then moves each piece into place with an atomic rename
(events, then the audit, then the state, then the report). A run killed at any moment leaves every file either
the previous version or the new one, never a partial file. If it dies between the renames, the events may be newer
than the state; the next run re-codes the articles the state lacks and arrives at the same dataset.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from coder.models import Article, ArticleRef, Mention, Skip
from coder.record import ARROW_SCHEMA, encode_dictionaries

STATE_DIR = ".coder"
STATE_FILE = "state.parquet"
EVENTS_FILE = "events.parquet"
EVENTS_DIR = "events"
MERGES_FILE = "merges.parquet"
LAYOUTS = ("auto", "file", "partitioned")
PARTITION_ABOVE = 250_000  # layout "auto": a new dataset with more rows than this is partitioned
PARTITION_SCHEMA = pa.schema([("country", pa.string()), ("year", pa.int16())])  # hive-style folders
STATE_SCHEMA = pa.schema([
    ("content_sha256", pa.string()), ("article_id", pa.string()), ("ref", pa.string()), ("article", pa.string()),
    ("mentions", pa.string()), ("skips", pa.string()), ("sentences", pa.int32()), ("status", pa.string()),
])
STATE_FORMAT = "2"  # state files of another format are re-coded from their stored articles
STATE_ROWS_PER_GROUP = 256  # a row group is the unit a run re-codes stored articles in


def content_sha256(article: Article) -> str:
    """What the coder's result depends on: the text as read, the publication date and the country hint.
    Two inputs with the same hash are the same article for the dataset (a re-scrape, a syndicated copy)."""
    payload = json.dumps([article.text, article.published.isoformat() if article.published else None,
                          article.country], ensure_ascii=False)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


@dataclass
class State:
    """What a run holds of the dataset's state: each stored article's content hash and id (their mentions and
    texts stay in the file, read row group by row group)."""

    holders: dict[str, str] = field(default_factory=dict)  # content hash -> article id
    versions: dict[str, str] = field(default_factory=dict)  # resources the mentions were coded with
    layout: str | None = None
    path: Path | None = None  # the state file, when there is one


def state_path(out_dir: Path) -> Path:
    return Path(out_dir) / STATE_DIR / STATE_FILE


def load_state(out_dir: Path) -> State:
    """The state of the dataset in `out_dir` (empty when there is none): content hashes and ids only."""
    path = state_path(out_dir)
    state = State(layout=existing_layout(out_dir))
    if not path.exists():
        return state
    state.path = path
    handle = pq.ParquetFile(path)
    meta = {k.decode(): v.decode() for k, v in (handle.schema_arrow.metadata or {}).items()}
    if meta.get("coder.state_format") != STATE_FORMAT:
        state.versions = {}  # an older format: every stored article is re-coded
        columns = [n for n in ("content_sha256", "article") if n in handle.schema_arrow.names]
        for batch in handle.iter_batches(columns=columns, batch_size=STATE_ROWS_PER_GROUP):
            for row in batch.to_pylist():
                state.holders[row["content_sha256"]] = Article.model_validate_json(row["article"]).article_id
        return state
    state.versions = json.loads(meta.get("coder.versions", "{}"))
    for batch in handle.iter_batches(columns=["content_sha256", "article_id"]):
        for sha, article_id in zip(batch.column(0).to_pylist(), batch.column(1).to_pylist(), strict=True):
            state.holders[sha] = article_id
    return state


def stored_articles(path: Path, row_groups: list[int]) -> list[Article]:
    """The articles (with their text) stored in some row groups of a state file: what a re-coding task reads."""
    table = pq.ParquetFile(path).read_row_groups(row_groups, columns=["article"])
    return [Article.model_validate_json(x) for x in table.column("article").to_pylist()]


def state_row(sha: str, ref: ArticleRef, article_json: str, mentions: list[Mention], skips: list[Skip],
              sentences: int, status: str) -> dict:
    return {"content_sha256": sha, "article_id": ref.article_id, "ref": ref.model_dump_json(), "article": article_json,
            "mentions": json.dumps([m.model_dump(mode="json") for m in mentions], ensure_ascii=False),
            "skips": json.dumps([k.model_dump(mode="json") for k in skips], ensure_ascii=False),
            "sentences": sentences, "status": status}


class StateWriter:
    """Writes a state file row group by row group, so no run holds every stored text at once."""

    def __init__(self, path: Path, versions: dict[str, str]):
        path.parent.mkdir(parents=True, exist_ok=True)
        schema = STATE_SCHEMA.with_metadata({"coder.versions": json.dumps(versions, sort_keys=True),
                                             "coder.state_format": STATE_FORMAT})
        self._writer = pq.ParquetWriter(path, schema, compression="zstd")
        self._rows: list[dict] = []
        self.count = 0

    def add(self, row: dict) -> None:
        self._rows.append(row)
        self.count += 1
        if len(self._rows) >= STATE_ROWS_PER_GROUP:
            self._flush()

    def copy_from(self, path: Path, keep, seen=None) -> None:
        """Copy the rows of another state file whose content hash `keep(sha)` accepts; `seen(row)` is called on
        each row copied."""
        for batch in pq.ParquetFile(path).iter_batches(batch_size=STATE_ROWS_PER_GROUP):
            for row in batch.to_pylist():
                if keep(row["content_sha256"]):
                    self.add(row)
                    if seen is not None:
                        seen(row)

    def _flush(self) -> None:
        if self._rows:
            self._writer.write_table(pa.Table.from_pylist(self._rows, schema=self._writer.schema))
            self._rows = []

    def close(self) -> None:
        self._flush()
        self._writer.close()


def existing_layout(out_dir: Path) -> str | None:
    out_dir = Path(out_dir)
    if (out_dir / EVENTS_DIR).exists():
        return "partitioned"
    if (out_dir / EVENTS_FILE).exists():
        return "file"
    return None


def choose_layout(requested: str, out_dir: Path, rows: int) -> str:
    if requested not in LAYOUTS:
        raise ValueError(f"layout {requested!r}: choose from {', '.join(LAYOUTS)}")
    if requested != "auto":
        return requested
    return existing_layout(out_dir) or ("partitioned" if rows > PARTITION_ABOVE else "file")


def read_events(out_dir_or_file: Path | str) -> pa.Table:
    """The events of a dataset folder (either layout) or of one events file, with the published schema's columns
    in order (partition keys restored as columns)."""
    path = Path(out_dir_or_file)
    if path.is_dir() and (path / EVENTS_FILE).exists():
        path = path / EVENTS_FILE
    elif path.is_dir() and (path / EVENTS_DIR).exists():
        path = path / EVENTS_DIR
    if path.is_file():
        return pq.read_table(path)
    import pyarrow.dataset as ds  # only to read a partitioned dataset: it imports pandas, which start-up need not wait for

    table = ds.dataset(path, format="parquet", partitioning=ds.partitioning(PARTITION_SCHEMA, flavor="hive")).to_table()
    metadata = _first_file_metadata(path)
    columns = [table.column(name).cast(ARROW_SCHEMA.field(name).type) if name in ("country", "year") else
               table.column(name) for name in ARROW_SCHEMA.names]
    out = pa.table(columns, names=ARROW_SCHEMA.names)
    order = sorted(range(out.num_rows), key=lambda i: _id_key(out.column("event_id_cnty")[i].as_py()))
    return out.take(order).replace_schema_metadata(metadata)


def _id_key(event_id: str) -> tuple:
    return (event_id[:3], int(event_id[3:]))


def _first_file_metadata(folder: Path) -> dict:
    files = sorted(folder.rglob("*.parquet"))
    return pq.read_schema(files[0]).metadata if files else {}


class TableWriter:
    """Writes a Parquet file from tables made chunk by chunk, in row groups of about `rows_per_group` rows
    (`finish(table)` turns the chunks of a group into the file's schema). A file of fewer rows is one row group:
    byte for byte what pq.write_table writes for the whole table."""

    def __init__(self, path: Path, schema: pa.Schema, rows_per_group: int, finish=None):
        self._writer = pq.ParquetWriter(path, schema, compression="zstd")
        self.schema, self.rows_per_group, self.finish = schema, rows_per_group, finish or (lambda t: t)
        self._chunks: list[pa.Table] = []
        self._rows = 0
        self.rows = 0
        self._groups = 0

    def add(self, table: pa.Table) -> None:
        self._chunks.append(table)
        self._rows += table.num_rows
        self.rows += table.num_rows
        if self._rows >= self.rows_per_group:
            self._flush()

    def _flush(self) -> None:
        if self._chunks:
            table = self.finish(pa.concat_tables(self._chunks).combine_chunks())
            self._writer.write_table(table.replace_schema_metadata(self.schema.metadata))
            self._groups += 1
            self._chunks, self._rows = [], 0

    def close(self) -> None:
        if self._rows or not self._groups:
            if not self._chunks:
                self._chunks.append(self.schema.empty_table())
            self._flush()
        self._writer.close()


EVENTS_ROWS_PER_GROUP = 16_384  # rows of events.parquet held at once (as Arrow) while it is written


@dataclass
class EventRows:
    """The events as a run makes them: Arrow chunks in the published order (plain strings where the schema has
    dictionaries; coder.record.records_to_chunk), and the file's metadata."""

    chunks: object  # iterable of pa.Table
    metadata: dict[str, str]
    rows: int = 0

    def write(self, path: Path) -> None:
        schema = ARROW_SCHEMA.with_metadata(self.metadata)
        writer = TableWriter(path, schema, EVENTS_ROWS_PER_GROUP, encode_dictionaries)
        try:
            for chunk in self.chunks:
                writer.add(chunk)
        finally:
            writer.close()
        self.rows = writer.rows


class Staging:
    """A folder inside the dataset where a run writes its files before they are moved into place."""

    def __init__(self, out_dir: Path):
        self.out_dir = Path(out_dir)
        self.out_dir.mkdir(parents=True, exist_ok=True)
        for old in self.out_dir.glob(".staging-*"):  # left by a run that was killed
            shutil.rmtree(old, ignore_errors=True)
        self.path = self.out_dir / f".staging-{uuid.uuid4().hex[:12]}"
        self.path.mkdir()

    def write_events(self, table: pa.Table | EventRows, layout: str, write_parts=None) -> None:
        """Write the events in `layout`: a whole table, or EventRows made chunk by chunk (written row group by
        row group). `write_parts(list of (path, table))` writes the partition files (an engine may hand them to
        its workers); by default they are written here."""
        if isinstance(table, EventRows):
            path = self.path / (EVENTS_FILE if layout == "file" else "events-all.parquet")
            table.write(path)
            if layout == "file":
                return
            self._partition_file(path, write_parts)
            path.unlink()
            return
        if layout == "file":
            pq.write_table(table, self.path / EVENTS_FILE, compression="zstd")
            return
        target = self.path / EVENTS_DIR
        parts: dict[tuple[str, int], list[int]] = {}
        countries, years = table.column("country").to_pylist(), table.column("year").to_pylist()
        for i, key in enumerate(zip(countries, years, strict=True)):
            parts.setdefault(key, []).append(i)
        keep = [n for n in table.schema.names if n not in ("country", "year")]
        jobs = []
        for (country, year), rows in sorted(parts.items()):
            folder = target / f"country={_escape(country)}" / f"year={year}"
            folder.mkdir(parents=True)
            jobs.append((str(folder / "part-0.parquet"), table.take(rows).select(keep)))
        (write_parts or write_part_files)(jobs)
        if not parts:
            target.mkdir()

    def _partition_file(self, path: Path, write_parts=None) -> None:
        """The partitioned layout from an events file, one partition in memory at a time."""
        target = self.path / EVENTS_DIR
        target.mkdir()
        keys = pq.read_table(path, columns=["country", "year"])
        parts = sorted(set(zip(keys.column("country").to_pylist(), keys.column("year").to_pylist(), strict=True)))
        del keys
        keep = [n for n in ARROW_SCHEMA.names if n not in ("country", "year")]
        for country, year in parts:
            folder = target / f"country={_escape(country)}" / f"year={year}"
            folder.mkdir(parents=True)
            part = pq.read_table(path, filters=[("country", "=", country), ("year", "=", year)]).select(keep)
            (write_parts or write_part_files)([(str(folder / "part-0.parquet"), part)])

    def write_table(self, name: str, table: pa.Table) -> None:
        pq.write_table(table, self.path / name, compression="zstd")

    def table_writer(self, name: str, schema: pa.Schema, rows_per_group: int) -> TableWriter:
        return TableWriter(self.path / name, schema, rows_per_group)

    def spill_path(self) -> Path:
        return self.path / "spill.sqlite"

    def state_writer(self, versions: dict[str, str]) -> StateWriter:
        return StateWriter(self.path / STATE_DIR / STATE_FILE, versions)

    def write_text(self, name: str, text: str) -> None:
        (self.path / name).write_text(text, "utf-8")

    def commit(self, layout: str) -> Path:
        """Move the staged files into place, each by an atomic rename; returns the events path."""
        out = self.out_dir
        if layout == "file":
            os.replace(self.path / EVENTS_FILE, out / EVENTS_FILE)
            events = out / EVENTS_FILE
            _remove_partitioned(out)
        else:
            version = f".events-{uuid.uuid4().hex[:12]}"
            os.replace(self.path / EVENTS_DIR, out / version)
            link = out / f".link-{uuid.uuid4().hex[:12]}"
            os.symlink(version, link)
            previous = os.readlink(out / EVENTS_DIR) if (out / EVENTS_DIR).is_symlink() else None
            os.replace(link, out / EVENTS_DIR)  # atomic: readers see the old folder or the new one
            if previous:
                shutil.rmtree(out / previous, ignore_errors=True)
            events = out / EVENTS_DIR
            if (out / EVENTS_FILE).exists():
                (out / EVENTS_FILE).unlink()
        for name in (MERGES_FILE,):
            if (self.path / name).exists():
                os.replace(self.path / name, out / name)
        if (self.path / STATE_DIR / STATE_FILE).exists():
            (out / STATE_DIR).mkdir(exist_ok=True)
            os.replace(self.path / STATE_DIR / STATE_FILE, out / STATE_DIR / STATE_FILE)
        if (self.path / "run.json").exists():
            os.replace(self.path / "run.json", out / "run.json")
        shutil.rmtree(self.path, ignore_errors=True)
        return events

    def abandon(self) -> None:
        shutil.rmtree(self.path, ignore_errors=True)


def write_part_file(path: str, table: pa.Table) -> str:
    pq.write_table(table, path, compression="zstd")
    return path


def write_part_files(jobs: list[tuple[str, pa.Table]]) -> None:
    for path, table in jobs:
        write_part_file(path, table)


def _remove_partitioned(out: Path) -> None:
    link = out / EVENTS_DIR
    if link.is_symlink():
        target = os.readlink(link)
        link.unlink()
        shutil.rmtree(out / target, ignore_errors=True)
    elif link.is_dir():
        shutil.rmtree(link)


def _escape(value: str) -> str:
    """A partition folder name: Hive style, with the few characters a path cannot hold percent-encoded."""
    return "".join(f"%{ord(c):02X}" if c in '/\\%=:*?"<>|' else c for c in value)

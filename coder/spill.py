"""A run's working store on disk, so that memory does not grow with the corpus (issue 6).

A run keeps here, in one SQLite file in its staging folder, what the merge and the writers need of every article
and event, instead of holding it:

    mentions   every mention (pickled, or as JSON when read from the state file) with the columns of the order the merge takes them in
               (coder.merge.mention_order, then the article's place in the run and the mention's in its article,
               which is the order a stable sort over the list of all mentions keeps); read back sorted, one at a
               time: SQLite sorts on disk (an external merge sort) in a bounded cache.
    refs       each article's ArticleRef by article id, looked up for the events that cite it
    events     merged events (pickled) in canonical order (coder.assemble.canonical_order), each with its country, its
               first report's key and the number its id takes unless another event's collides (pass 1), read
               back in that order to write rows (pass 2)
    audit      the merge audit rows with the columns they are sorted by in merges.parquet
    links      article id -> the events citing it (run.json lists each article's events)
    entries    the run report's article entries, in the order they are listed
    holders    content hash -> the article of the dataset holding that content (stored and new articles)
    seen       the article ids read in this run (a second article of one id is rejected)

SQLite is in the standard library; the cache is capped (CACHE_MB), and sorting spills to temporary files.
"""

from __future__ import annotations

import json
import pickle
import sqlite3
from collections import OrderedDict
from collections.abc import Iterable, Iterator
from pathlib import Path

from coder.assemble import ID_SPACE, probe_numbers
from coder.merge import MergedEvent
from coder.models import ArticleRef, Mention

CACHE_MB = 32  # SQLite's page cache and sorter memory
BATCH = 2000  # rows buffered before an insert

_TABLES = """
CREATE TABLE mentions (day TEXT, article_id TEXT, start INTEGER, rule_id TEXT, loc_start INTEGER,
                       aseq INTEGER, mi INTEGER, json TEXT, blob BLOB);
CREATE TABLE refs (article_id TEXT, aseq INTEGER, ref TEXT);
CREATE TABLE events (pos INTEGER PRIMARY KEY, event BLOB);
CREATE TABLE ids (pos INTEGER PRIMARY KEY, iso3 TEXT, base INTEGER, first_key TEXT);
CREATE TABLE audit (event_id TEXT, kind INTEGER, article_id TEXT, sentence_start INTEGER, field TEXT,
                    other TEXT, seq INTEGER, json TEXT);
CREATE TABLE links (article_id TEXT, pos INTEGER, event_id TEXT);
CREATE TABLE entries (seq INTEGER PRIMARY KEY, lookup TEXT, json TEXT);
CREATE TABLE holders (sha TEXT PRIMARY KEY, article_id TEXT) WITHOUT ROWID;
CREATE TABLE seen (article_id TEXT PRIMARY KEY) WITHOUT ROWID;
"""


def spilled(m: Mention) -> tuple:
    """A mention as the store takes it, made where the article was coded (a worker): the columns of the merge's
    order and the mention pickled, so that the merging process neither encodes nor validates it."""
    return (m.date.date.isoformat(), m.article_id, m.evidence[0].start, m.rule_id, m.location.start,
            pickle.dumps(m, protocol=pickle.HIGHEST_PROTOCOL))


def mention_row(m: Mention | dict | tuple, aseq: int, mi: int) -> tuple:
    """A mentions row from a Mention, from `spilled(mention)`, or from its JSON form (as the state file stores
    it)."""
    if type(m) is tuple:
        day, article_id, start, rule_id, loc_start, blob = m
        return (day, article_id, start, rule_id, loc_start, aseq, mi, None, blob)
    if isinstance(m, Mention):
        return mention_row(spilled(m), aseq, mi)
    return (m["date"]["date"], m["article_id"], m["evidence"][0]["start"], m["rule_id"], m["location"]["start"],
            aseq, mi, json.dumps(m, ensure_ascii=False), None)


def event_blob(e: MergedEvent) -> bytes:
    """A merged event as the store keeps it between the passes: pickled (about ten times cheaper both ways than
    JSON and validation; the store lives for one run, in one process)."""
    return pickle.dumps(e, protocol=pickle.HIGHEST_PROTOCOL)


def event_from_blob(blob: bytes) -> MergedEvent:
    return pickle.loads(blob)


class RunSpill:
    """The working store of one run (see the module docstring). Writes are buffered; `flush()` before reading."""

    def __init__(self, path: Path | str):
        self.path = Path(path)
        self.db = sqlite3.connect(str(self.path), isolation_level=None)
        for pragma in ("journal_mode=OFF", "synchronous=OFF", "temp_store=FILE", f"cache_size=-{CACHE_MB * 1024}"):
            self.db.execute(f"PRAGMA {pragma}")
        self.db.executescript(_TABLES)
        self.db.execute("BEGIN")
        self._pending: dict[str, list[tuple]] = {}
        self._refs: OrderedDict[str, ArticleRef] = OrderedDict()
        self.mention_count = 0

    _INSERT = {
        "mentions": "INSERT INTO mentions VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        "refs": "INSERT INTO refs VALUES (?, ?, ?)",
        "events": "INSERT INTO events VALUES (?, ?)",
        "ids": "INSERT INTO ids VALUES (?, ?, ?, ?)",
        "audit": "INSERT INTO audit VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        "links": "INSERT INTO links VALUES (?, ?, ?)",
        "entries": "INSERT INTO entries VALUES (?, ?, ?)",
    }

    def _add(self, table: str, rows: Iterable[tuple]) -> None:
        pending = self._pending.setdefault(table, [])
        pending.extend(rows)
        if len(pending) >= BATCH:
            self.db.executemany(self._INSERT[table], pending)
            pending.clear()

    def flush(self) -> None:
        for table, rows in self._pending.items():
            if rows:
                self.db.executemany(self._INSERT[table], rows)
                rows.clear()

    def close(self) -> None:
        self.db.close()
        self.path.unlink(missing_ok=True)

    # --- content hashes and ids ----------------------------------------------------------------------------------

    def add_holders(self, pairs: Iterable[tuple[str, str]]) -> None:
        """content hash -> article id; a later pair replaces an earlier one of the same hash."""
        self.db.executemany("INSERT OR REPLACE INTO holders VALUES (?, ?)", pairs)

    def holder(self, sha: str) -> str | None:
        row = self.db.execute("SELECT article_id FROM holders WHERE sha = ?", (sha,)).fetchone()
        return row[0] if row else None

    def seen_ids(self) -> SeenIds:
        return SeenIds(self.db)

    # --- articles and their mentions -----------------------------------------------------------------------------

    def add_article(self, aseq: int, article_id: str, ref_json: str,
                    mentions: Iterable[Mention | dict | tuple]) -> None:
        """An article of the dataset: `aseq` is its place among all of them (stored ones first, as the state
        file holds them, then this run's in the order they were coded); a later one wins an article id."""
        self._add("refs", [(article_id, aseq, ref_json)])
        rows = [mention_row(m, aseq, mi) for mi, m in enumerate(mentions)]
        self.mention_count += len(rows)
        self._add("mentions", rows)

    def mentions(self) -> Iterator[Mention]:
        """Every mention, in the order the merge takes them (coder.merge.mention_order, ties as a stable sort)."""
        self.flush()
        cursor = self.db.execute("SELECT json, blob FROM mentions ORDER BY day, article_id, start, rule_id, "
                                 "loc_start, aseq, mi")
        for text, blob in cursor:
            yield pickle.loads(blob) if blob is not None else Mention.model_validate_json(text)

    def index_refs(self) -> None:
        self.flush()
        self.db.execute("CREATE INDEX refs_by_id ON refs (article_id, aseq)")

    def ref(self, article_id: str) -> ArticleRef:
        """The article's reference (a small cache holds the ones of recent events)."""
        if article_id in self._refs:
            self._refs.move_to_end(article_id)
            return self._refs[article_id]
        row = self.db.execute("SELECT ref FROM refs WHERE article_id = ? ORDER BY aseq DESC LIMIT 1",
                              (article_id,)).fetchone()
        if row is None:
            raise KeyError(article_id)
        ref = self._refs[article_id] = ArticleRef.model_validate_json(row[0])
        if len(self._refs) > 4096:
            self._refs.popitem(last=False)
        return ref

    # --- events ----------------------------------------------------------------------------------------------------

    def add_event(self, pos: int, event: MergedEvent, iso3: str, number: int, first_key: tuple) -> None:
        """An event at place `pos` of canonical order, with the number its id takes unless another collides."""
        self._add("events", [(pos, event_blob(event))])
        key = json.dumps([x.isoformat() if hasattr(x, "isoformat") else x for x in first_key], ensure_ascii=False)
        self._add("ids", [(pos, iso3, number, key)])

    def events(self) -> Iterator[tuple[str, MergedEvent]]:
        """(event_id_cnty, event) of every event in canonical order, ids as coder.assemble.event_ids gives them:
        only events whose numbers collide (with an event's own or one a collision pushed it to) are settled in
        order of first reports; the rest keep their own number."""
        self.flush()
        settled = self._settle_collisions()
        for pos, iso3, base, blob in self.db.execute(
                "SELECT ids.pos, ids.iso3, ids.base, events.event FROM ids JOIN events USING (pos) ORDER BY pos"):
            yield f"{iso3}{settled.get(pos, base)}", event_from_blob(blob)

    def _settle_collisions(self) -> dict[int, int]:
        # Linear probing fills the same cells whatever the order: events whose numbers (sorted) fall within the
        # run of cells a duplicate pushes into form a cluster, and only a cluster with a duplicate is order-
        # dependent. A cluster reaching past ID_SPACE wraps round: its country is settled whole.
        clusters: list[tuple[str, int, int]] = []
        iso, start, end, dup = None, 0, -1, False
        for iso3, base, count in self.db.execute(
                "SELECT iso3, base, count(*) FROM ids GROUP BY iso3, base ORDER BY iso3, base"):
            if iso3 == iso and base <= end:
                end += count
                dup = True
                continue
            if iso is not None and dup:
                clusters.append((iso, start, end))
            iso, start, end, dup = iso3, base, base + count - 1, count > 1
        if iso is not None and dup:
            clusters.append((iso, start, end))
        whole = {c for c, _, hi in clusters if hi >= ID_SPACE}
        out: dict[int, int] = {}
        for iso3 in sorted(whole):
            rows = self.db.execute("SELECT pos, base, first_key FROM ids WHERE iso3 = ?", (iso3,))
            out.update(probe_numbers([(tuple(json.loads(k)), pos, base) for pos, base, k in rows]))
        for iso3, lo, hi in clusters:
            if iso3 not in whole:
                rows = self.db.execute("SELECT pos, base, first_key FROM ids WHERE iso3 = ? AND base BETWEEN ? AND ?",
                                       (iso3, lo, hi))
                out.update(probe_numbers([(tuple(json.loads(k)), pos, base) for pos, base, k in rows]))
        return out

    # --- audit rows, links, report entries -------------------------------------------------------------------------

    def add_audit(self, rows: list[dict], key, seq: int) -> None:
        """Audit rows; `key(row)` is the order of the audit file (coder.audit.row_order), `seq` a tie-break."""
        self._add("audit", [(*key(r), seq + i, json.dumps(list(r.values()), ensure_ascii=False))
                            for i, r in enumerate(rows)])

    def audit_rows(self, names: list[str]) -> Iterator[dict]:
        self.flush()
        for (text,) in self.db.execute("SELECT json FROM audit ORDER BY event_id, kind, article_id, sentence_start, "
                                       "field, other, seq"):
            yield dict(zip(names, json.loads(text), strict=True))

    def add_link(self, article_id: str, pos: int, event_id: str) -> None:
        self._add("links", [(article_id, pos, event_id)])

    def index_links(self) -> None:
        self.flush()
        self.db.execute("CREATE INDEX links_by_article ON links (article_id, pos)")

    def events_of(self, article_id: str) -> list[str]:
        """The ids of the events citing the article, in canonical order."""
        return [e for (e,) in self.db.execute("SELECT event_id FROM links WHERE article_id = ? ORDER BY pos",
                                              (article_id,))]

    def add_entry(self, seq: int, lookup: str, entry: dict | str) -> None:
        """A run report entry (or its JSON text), listed in `seq` order; `lookup`: the article whose events it
        lists."""
        self._add("entries", [(seq, lookup, entry if type(entry) is str else json.dumps(entry, ensure_ascii=False))])

    def entries(self) -> Iterator[tuple[str, dict]]:
        self.flush()
        for lookup, text in self.db.execute("SELECT lookup, json FROM entries ORDER BY seq"):
            yield lookup, json.loads(text)


class SeenIds:
    """A set of article ids on disk (what coder.read.duplicate_id needs of a set: `in` and `add`)."""

    def __init__(self, db: sqlite3.Connection):
        self.db = db

    def __contains__(self, article_id: str) -> bool:
        return self.db.execute("SELECT 1 FROM seen WHERE article_id = ?", (article_id,)).fetchone() is not None

    def add(self, article_id: str) -> None:
        self.db.execute("INSERT OR IGNORE INTO seen VALUES (?)", (article_id,))

"""Score a coded dataset against gold events (ACLED CSV exports, old or current layout, or JSONL).

Matching: an output event matches a gold event when it cites the gold event's source article, their dates are
at most one day apart and their event types agree. Each event is matched at most once; within an article the
closest pairs are taken first (same date, same sub-event type, nearer place). Precision counts every output
event of the run, so run the coder on the gold's articles only.

On the matched pairs the report gives the agreement of each field (see FIELDS). event_type is the one field
that matching already fixes, so its agreement is measured on pairs matched by article and date alone.

The source article of a gold event is its `article_id` field if it has one, else its `data_id` (2020 layout),
else its `event_id_cnty` (current layout): `gold_articles` names the articles it makes from notes the same way.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from coder.admin_names import same_admin
from coder.errors import DataFileError
from coder.places import fold_key
from coder.taxonomy import Taxonomy

NEAR_KM = 25.0
DATE_SLACK_DAYS = 1

# (key, label) of the agreement figures, in the order they are printed
FIELDS = [
    ("event_type", "event_type"),
    ("sub_event_type", "sub_event_type"),
    ("disorder_type", "disorder_type"),
    ("actor_pair", "actor1 + actor2 (either order)"),
    ("inter_pair", "inter1 + inter2 (either order)"),
    ("admin1", "admin1"),
    ("admin2", "admin2"),
    ("location", "location"),
    ("point_25km", f"point within {NEAR_KM:.0f} km"),
    ("geo_precision", "geo_precision"),
    ("event_date", "event_date exact"),
    ("time_precision", "time_precision"),
    ("fatalities_exact", "fatalities exact"),
    ("fatalities_within_1", "fatalities within one"),
    ("civilian_targeting", "civilian_targeting"),
]

_MONTHS = {m: i for i, m in enumerate(["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov",
                                       "dec"], start=1)}
_PERIOD = re.compile(r"\s*\((?:\d{4})?\s*-\s*(?:\d{4})?\)\s*$")  # "(2020-)", "(2014-2018)"


@dataclass
class Event:
    """One event in the fields the evaluation compares (gold or output)."""

    articles: frozenset[str]
    event_date: dt.date
    event_type: str
    sub_event_type: str
    disorder_type: str | None = None
    actor1: str = ""
    actor2: str = ""
    inter1: str | None = None
    inter2: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    location: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    geo_precision: int | None = None
    time_precision: int | None = None
    fatalities: int | None = None
    civilian_targeting: str | None = None
    ref: str = ""  # where it came from: "gold.csv row 12", "event IRQ3"
    extra: dict[str, Any] = field(default_factory=dict)


# ---------------------------------------------------------------------------
# Reading gold and output
# ---------------------------------------------------------------------------


def parse_acled_date(value: str) -> dt.date:
    """ACLED's date spellings: 2020-12-31, 31-Dec-20, 31 December 2020, 31/12/2020."""
    v = value.strip()
    try:
        return dt.date.fromisoformat(v[:10])
    except ValueError:
        pass
    m = re.fullmatch(r"(\d{1,2})[- ]([A-Za-z]{3})[A-Za-z]*[- ](\d{2}|\d{4})", v)
    if m and m.group(2).lower() in _MONTHS:
        year = int(m.group(3))
        return dt.date(year + 2000 if year < 100 else year, _MONTHS[m.group(2).lower()], int(m.group(1)))
    m = re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{4})", v)
    if m:
        return dt.date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
    raise ValueError(f"not a date: {value!r}")


def gold_article_id(row: dict[str, Any]) -> str:
    """The id of the article a gold row comes from (see the module docs)."""
    for key in ("article_id", "data_id", "event_id_cnty"):
        value = row.get(key)
        if value not in (None, ""):
            return str(value)
    return ""


def _inter_label(value: Any, taxonomy: Taxonomy) -> str | None:
    """An inter code as its text label: 1 / "1" / "State forces" -> "State forces"; 0 / "" -> None."""
    if value is None:
        return None
    text = str(value).strip()
    if text in ("", "0", "0.0", "nan", "None"):
        return None
    try:
        code = int(float(text))
    except ValueError:
        return text
    label = taxonomy.inter_labels.get(code)
    if label is None:
        raise ValueError(f"unknown inter code {text!r}")
    return label


def _optional_int(value: Any) -> int | None:
    if value is None or (isinstance(value, float) and math.isnan(value)) or str(value).strip() == "":
        return None
    return int(float(value))


def _optional_float(value: Any) -> float | None:
    if value is None or str(value).strip() == "":
        return None
    f = float(value)
    return None if math.isnan(f) else f


def _text(value: Any) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    return str(value).strip()


def _gold_event(row: dict[str, Any], ref: str, taxonomy: Taxonomy) -> Event:
    article = gold_article_id(row)
    if not article:
        raise ValueError("no article_id, data_id or event_id_cnty to tell which article it comes from")
    for key in ("event_date", "event_type", "sub_event_type"):
        if not _text(row.get(key)):
            raise ValueError(f"empty {key}")
    sub = _text(row["sub_event_type"])
    event_type = _text(row["event_type"])
    if not taxonomy.is_valid_pair(event_type, sub):
        raise ValueError(f"{sub!r} is not a sub-event type of {event_type!r}")
    inter1, inter2 = _inter_label(row.get("inter1"), taxonomy), _inter_label(row.get("inter2"), taxonomy)
    disorder = _text(row.get("disorder_type")) or taxonomy.disorder_type(sub)
    if "civilian_targeting" in row:
        civ = _text(row.get("civilian_targeting")) or None
    else:  # the 2020 layout has no such column: derive it as ACLED defines it
        code2 = next((c for c, label in taxonomy.inter_labels.items() if label == inter2), None)
        civ = taxonomy.civilian_targeting(event_type, sub, code2)
    return Event(
        articles=frozenset([article]), event_date=parse_acled_date(_text(row["event_date"])), event_type=event_type,
        sub_event_type=sub, disorder_type=disorder, actor1=_text(row.get("actor1")), actor2=_text(row.get("actor2")),
        inter1=inter1, inter2=inter2, admin1=_text(row.get("admin1")) or None, admin2=_text(row.get("admin2")) or None,
        location=_text(row.get("location")) or None, latitude=_optional_float(row.get("latitude")),
        longitude=_optional_float(row.get("longitude")), geo_precision=_optional_int(row.get("geo_precision")),
        time_precision=_optional_int(row.get("time_precision")), fatalities=_optional_int(row.get("fatalities")),
        civilian_targeting=civ, ref=ref,
        extra={"notes": _text(row.get("notes")), "iso": _text(row.get("iso")), "iso3": _text(row.get("iso3")),
               "country": _text(row.get("country")), "source": _text(row.get("source"))},
    )


def read_gold_rows(path: Path) -> list[tuple[str, dict[str, Any]]]:
    """(reference, row) of each gold event in an ACLED CSV export or a JSONL file. Raises DataFileError."""
    path = Path(path)
    try:
        raw = path.read_bytes().decode("utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise DataFileError(str(path), "file", f"cannot read the gold file ({exc})") from exc
    rows: list[tuple[str, dict[str, Any]]] = []
    if path.suffix.lower() in (".jsonl", ".json", ".ndjson"):
        for n, line in enumerate(raw.splitlines(), start=1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                raise DataFileError(str(path), f"line {n}", f"not JSON ({exc.msg})") from exc
            if not isinstance(obj, dict):
                raise DataFileError(str(path), f"line {n}", "not a JSON object")
            rows.append((f"line {n}", obj))
        return rows
    reader = csv.DictReader(io.StringIO(raw))
    header = reader.fieldnames or []
    missing = [c for c in ("event_date", "event_type", "sub_event_type") if c not in header]
    if missing:
        raise DataFileError(str(path), "header", f"not an ACLED export: no column(s) {missing}")
    for n, row in enumerate(reader, start=2):
        rows.append((f"line {n}", dict(row)))
    return rows


def read_gold(path: Path, taxonomy: Taxonomy, since: dt.date | None = None,
              until: dt.date | None = None) -> list[Event]:
    """Gold events between `since` and `until` (inclusive, by event_date). A bad row raises DataFileError naming
    the file and line."""
    out = []
    for ref, row in read_gold_rows(path):
        try:
            event = _gold_event(row, f"{Path(path).name} {ref}", taxonomy)
        except (ValueError, TypeError) as exc:
            raise DataFileError(str(path), ref, str(exc)) from exc
        if (since is None or event.event_date >= since) and (until is None or event.event_date <= until):
            out.append(event)
    return out


def gold_articles(path: Path, since: dt.date | None = None, until: dt.date | None = None) -> list[dict[str, Any]]:
    """The gold file's rows as input articles (JSONL objects the coder reads): the note is the text, read as body
    text, the event date the publication date, the row's id the article id, the row's country a hint."""
    out = []
    for ref, row in read_gold_rows(path):
        note = _text(row.get("notes"))
        if not note:
            raise DataFileError(str(path), ref, "no `notes` to make an article from")
        try:
            day = parse_acled_date(_text(row.get("event_date")))
        except ValueError as exc:
            raise DataFileError(str(path), ref, str(exc)) from exc
        if (since is not None and day < since) or (until is not None and day > until):
            continue
        obj: dict[str, Any] = {"id": gold_article_id(row), "published": day.isoformat(), "layout": "body", "text": note}
        country = _text(row.get("iso3")) or _text(row.get("country"))
        if country:
            obj["country"] = country
        if _text(row.get("source")):
            obj["outlet"] = _text(row.get("source"))
        out.append(obj)
    return out


def output_events(rows: Iterable[dict[str, Any]]) -> list[Event]:
    """Events of a coded dataset (rows as dicts, e.g. `pyarrow.Table.to_pylist()` of events.parquet)."""
    out = []
    for row in rows:
        cites = row.get("citations") or []
        out.append(Event(
            articles=frozenset(str(c["article_id"]) for c in cites), event_date=row["event_date"],
            event_type=row["event_type"], sub_event_type=row["sub_event_type"], disorder_type=row.get("disorder_type"),
            actor1=_text(row.get("actor1")), actor2=_text(row.get("actor2")), inter1=row.get("inter1") or None,
            inter2=row.get("inter2") or None, admin1=row.get("admin1"), admin2=row.get("admin2"),
            location=row.get("location"), latitude=row.get("latitude"), longitude=row.get("longitude"),
            geo_precision=row.get("geo_precision"), time_precision=row.get("time_precision"),
            fatalities=row.get("fatalities"), civilian_targeting=row.get("civilian_targeting") or None,
            ref=f"event {row.get('event_id_cnty')}", extra={"notes": row.get("notes") or ""},
        ))
    return out


def read_output(directory: Path) -> list[Event]:
    """The events of a run's output folder (either layout) or of an events file. Raises DataFileError."""
    from coder.store import read_events

    path = Path(directory)
    try:
        table = read_events(path)
    except (OSError, ValueError) as exc:
        raise DataFileError(str(path), "file", f"cannot read the coded dataset ({exc})") from exc
    return with_repeats(output_events(table.to_pylist()), repeated_articles(path))


def repeated_articles(directory: Path) -> dict[str, set[str]]:
    """Article id -> the ids of inputs of the last run that repeat its content word for word (run.json: "already
    coded"). They were not coded again, but they report what it reports: the events it supports are theirs too."""
    report = Path(directory) / "run.json"
    if not report.is_file():
        return {}
    out: dict[str, set[str]] = {}
    for entry in json.loads(report.read_text("utf-8")).get("articles", []):
        if entry.get("status") == "already coded" and entry.get("same_content_as"):
            out.setdefault(entry["same_content_as"], set()).add(entry["article_id"])
    return out


def with_repeats(events: list[Event], repeats: dict[str, set[str]]) -> list[Event]:
    if not repeats:
        return events
    return [replace(e, articles=e.articles.union(*(repeats.get(a, ()) for a in e.articles))) for e in events]


# ---------------------------------------------------------------------------
# Comparing
# ---------------------------------------------------------------------------


def actor_key(name: str | None) -> str:
    """An actor name without its period suffix, case and spacing: "Military Forces of Iraq (2020-)" ->
    "military forces of iraq"."""
    return " ".join(_PERIOD.sub("", name or "").lower().split())


def _same_pair(a: tuple[str | None, str | None], b: tuple[str | None, str | None]) -> bool:
    return sorted(x or "" for x in a) == sorted(x or "" for x in b)


def same_location(a: str | None, b: str | None) -> bool:
    """Place names equal after normalisation (spelling variants, articles), either side's " - " parts counted
    ("Baghdad - Rusafa" agrees with "Baghdad")."""
    if not a or not b:
        return not a and not b
    ka = {fold_key(p) for p in [a, *a.split(" - ")] if p.strip()}
    kb = {fold_key(p) for p in [b, *b.split(" - ")] if p.strip()}
    return bool(ka & kb) or same_admin(a, b)


def same_unit(a: str | None, b: str | None) -> bool:
    """Admin unit names equal after normalisation (Anbar / Al-Anbar, Nassriya / Al-Nasiriya); both blank agree."""
    if not a or not b:
        return not a and not b
    return same_admin(a, b) or fold_key(a) == fold_key(b)


def distance_km(a: Event, b: Event) -> float | None:
    if None in (a.latitude, a.longitude, b.latitude, b.longitude):
        return None
    la1, la2 = math.radians(a.latitude), math.radians(b.latitude)
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin(
        math.radians(b.longitude - a.longitude) / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(h)))


def agreement(gold: Event, out: Event) -> dict[str, bool]:
    """Field by field, whether an output event agrees with its gold event (keys of FIELDS)."""
    km = distance_km(gold, out)
    fat_g, fat_o = gold.fatalities or 0, out.fatalities or 0
    return {
        "event_type": gold.event_type == out.event_type,
        "sub_event_type": gold.sub_event_type == out.sub_event_type,
        "disorder_type": gold.disorder_type == out.disorder_type,
        "actor_pair": _same_pair((actor_key(gold.actor1), actor_key(gold.actor2)),
                                 (actor_key(out.actor1), actor_key(out.actor2))),
        "inter_pair": _same_pair((gold.inter1, gold.inter2), (out.inter1, out.inter2)),
        "admin1": same_unit(gold.admin1, out.admin1),
        "admin2": same_unit(gold.admin2, out.admin2),
        "location": same_location(gold.location, out.location),
        "point_25km": km is not None and km <= NEAR_KM,
        "geo_precision": gold.geo_precision == out.geo_precision,
        "event_date": gold.event_date == out.event_date,
        "time_precision": gold.time_precision == out.time_precision,
        "fatalities_exact": fat_g == fat_o,
        "fatalities_within_1": abs(fat_g - fat_o) <= 1,
        "civilian_targeting": (gold.civilian_targeting or None) == (out.civilian_targeting or None),
    }


def _pair_cost(g: Event, o: Event) -> tuple:
    km = distance_km(g, o)
    return (abs((g.event_date - o.event_date).days), g.sub_event_type != o.sub_event_type,
            km if km is not None else math.inf, g.ref, o.ref)


def match(gold: list[Event], out: list[Event], same_type: bool = True) -> list[tuple[int, int]]:
    """(gold index, output index) pairs: same article, dates at most a day apart, same event type (unless
    `same_type` is False), each event used once, the closest pairs first."""
    by_article: dict[str, list[int]] = {}
    for j, o in enumerate(out):
        for a in o.articles:
            by_article.setdefault(a, []).append(j)
    candidates = []
    for i, g in enumerate(gold):
        seen: set[int] = set()
        for a in g.articles:
            for j in by_article.get(a, ()):
                if j in seen:
                    continue
                seen.add(j)
                o = out[j]
                if abs((g.event_date - o.event_date).days) > DATE_SLACK_DAYS:
                    continue
                if same_type and g.event_type != o.event_type:
                    continue
                candidates.append((_pair_cost(g, o), i, j))
    candidates.sort()
    used_g: set[int] = set()
    used_o: set[int] = set()
    pairs = []
    for _, i, j in candidates:
        if i in used_g or j in used_o:
            continue
        used_g.add(i)
        used_o.add(j)
        pairs.append((i, j))
    return sorted(pairs)


def _ratio(k: int, n: int) -> float | None:
    return round(k / n, 4) if n else None


def evaluate(gold: list[Event], out: list[Event]) -> dict[str, Any]:
    """The figures: event-level precision/recall/F1 and per-field agreement on matched pairs."""
    pairs = match(gold, out)
    n_match = len(pairs)
    precision, recall = _ratio(n_match, len(out)), _ratio(n_match, len(gold))
    f1 = (round(2 * precision * recall / (precision + recall), 4)
          if precision is not None and recall is not None and precision + recall else None)
    agree = {key: 0 for key, _ in FIELDS}
    disagreements: dict[str, list[dict[str, Any]]] = {key: [] for key, _ in FIELDS}
    for i, j in pairs:
        for key, ok in agreement(gold[i], out[j]).items():
            if key == "event_type":
                continue
            agree[key] += ok
            if not ok:
                disagreements[key].append({"gold": gold[i].ref, "output": out[j].ref,
                                           "gold_value": _show(gold[i], key), "output_value": _show(out[j], key)})
    loose = match(gold, out, same_type=False)  # event_type: on pairs matched by article and date alone
    type_ok = sum(gold[i].event_type == out[j].event_type for i, j in loose)
    fields: dict[str, dict[str, Any]] = {}
    for key, label in FIELDS:
        n = len(loose) if key == "event_type" else n_match
        k = type_ok if key == "event_type" else agree[key]
        fields[key] = {"label": label, "agree": k, "pairs": n, "rate": _ratio(k, n)}
    matched_gold = {i for i, _ in pairs}
    matched_out = {j for _, j in pairs}
    return {
        "missed_reasons": missed_reasons(gold, out, pairs),
        "gold_events": len(gold),
        "output_events": len(out),
        "matched": n_match,
        "precision": precision,
        "recall": recall,
        "f1": f1,
        "fields": fields,
        "missed_gold": [gold[i].ref for i in range(len(gold)) if i not in matched_gold],
        "unmatched_output": [out[j].ref for j in range(len(out)) if j not in matched_out],
        "disagreements": {k: v for k, v in disagreements.items() if v},
    }


MISSED_REASONS = {
    "no_output": "no output event cites the gold event's article",
    "merged": "the article's events were all matched to other gold events (merged with another report)",
    "other_type": "an output event of the article has the right date but another event type",
    "other_date": "the article's output events are dated more than a day away",
}


def missed_reasons(gold: list[Event], out: list[Event], pairs: list[tuple[int, int]]) -> dict[str, int]:
    """Why each unmatched gold event was missed (see MISSED_REASONS), as counts."""
    matched_gold = {i for i, _ in pairs}
    by_article: dict[str, list[int]] = {}
    for j, o in enumerate(out):
        for a in o.articles:
            by_article.setdefault(a, []).append(j)
    counts = {key: 0 for key in MISSED_REASONS}
    for i, g in enumerate(gold):
        if i in matched_gold:
            continue
        cands = sorted({j for a in g.articles for j in by_article.get(a, ())})
        near = [j for j in cands if abs((g.event_date - out[j].event_date).days) <= DATE_SLACK_DAYS]
        if not cands:
            counts["no_output"] += 1
        elif not near:
            counts["other_date"] += 1
        elif any(out[j].event_type == g.event_type for j in near):
            counts["merged"] += 1  # a same-type candidate exists but is taken by another gold event
        else:
            counts["other_type"] += 1
    return counts


def _show(e: Event, key: str) -> Any:
    return {
        "actor_pair": [e.actor1, e.actor2], "inter_pair": [e.inter1, e.inter2], "point_25km": [e.latitude, e.longitude],
        "fatalities_exact": e.fatalities, "fatalities_within_1": e.fatalities,
    }.get(key, getattr(e, key, None) if hasattr(e, key) else None) if key != "event_date" else e.event_date.isoformat()


def format_table(figures: dict[str, Any], title: str = "") -> str:
    """The figures as a terminal table."""
    def pct(x: float | None) -> str:
        return "   -  " if x is None else f"{100 * x:5.1f}%"

    lines = [title] if title else []
    lines.append(f"gold events {figures['gold_events']}, output events {figures['output_events']}, "
                 f"matched {figures['matched']}")
    lines.append(f"{'precision':32} {pct(figures['precision'])}")
    lines.append(f"{'recall':32} {pct(figures['recall'])}")
    lines.append(f"{'F1':32} {pct(figures['f1'])}")
    lines.append(f"{'agreement on matched pairs':32} {'rate':>6}  agree/pairs")
    for key, _ in FIELDS:
        f = figures["fields"][key]
        lines.append(f"  {f['label']:30} {pct(f['rate'])}  {f['agree']}/{f['pairs']}")
    reasons = figures.get("missed_reasons") or {}
    if any(reasons.values()):
        lines.append("missed gold events: " + ", ".join(f"{k.replace('_', ' ')} {v}" for k, v in reasons.items()))
    return "\n".join(lines)

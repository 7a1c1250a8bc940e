"""Assemble published rows: merged events + their articles -> EventRecords with citations.

Event ids are `<ISO3><n>`: `n` is derived from the event's first report (the mention published earliest; ties: the
article's content hash, then its place in the text), hashed with the country's code into a number below 10^9.
So the same inputs always give the same ids, whatever their order or batches, and an id does not change when a
later report joins the event. (A report of the same incident published *before* the first one, coded later,
becomes the first report and gives the event a new id; so can one published the same day whose content hash
sorts first.) Two events whose numbers collide take the next free number, in the order of their first reports.
Rows are written in `canonical_order`. `timestamp` is the Unix time of the latest publication date among the
event's sources (ACLED's is the upload time; ours must be reproducible).
"""

from __future__ import annotations

import calendar
import datetime as dt
import hashlib
import heapq
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping

from coder.actors import OutletTable
from coder.merge import MergedEvent
from coder.models import Article, ArticleRef, Citation, Mention
from coder.notes import write_note
from coder.record import EventRecord, interaction_code
from coder.taxonomy import Taxonomy

SCALE_ORDER = ["Local partner", "Local", "Subnational", "National", "Regional", "International", "New media", "Other"]


def article_ref(article: Article, outlets: OutletTable) -> ArticleRef:
    """What the dataset keeps of a coded article (its text is not needed to assemble rows). The agencies its story
    cites name its source only when it has neither outlet nor URL, so only then are they looked for."""
    cited = () if article.outlet or article.url else tuple(o.name for o in outlets.cited_in(_main_story_text(article)))
    return ArticleRef(article_id=article.article_id, outlet=article.outlet, url=article.url,
                      published=article.published, source_path=article.source_path, format=article.format,
                      stories=len(article.stories), cited=cited)


def _source_name(article: ArticleRef, outlets: OutletTable) -> str:
    """The outlet; else the URL's host; else the agencies the text cites; else the article id."""
    if article.outlet:
        known = outlets.lookup(article.outlet)
        return known.name if known else article.outlet
    if article.url:
        from urllib.parse import urlparse

        host = urlparse(article.url).hostname or ""
        if host:
            return host.removeprefix("www.")
    if article.cited:
        return "; ".join(sorted(set(article.cited)))
    return article.article_id


def _main_story_text(article: Article) -> str:
    """The page's own story (an appended, unrelated story's credits are not this article's sources)."""
    if article.stories:
        return article.text[article.stories[0].start:article.stories[0].end]
    return article.text


def _scale(article: ArticleRef, outlets: OutletTable) -> list[str]:
    names = [article.outlet] if article.outlet else []
    if not names and not article.url:
        names = list(article.cited)
    scales = []
    for name in names:
        known = outlets.lookup(name)
        if known and known.scale:
            scales.append(known.scale)
    return scales


def _citations(event: MergedEvent, articles: Mapping[str, ArticleRef]) -> list[Citation]:
    by_sentence: dict[tuple[str, int], dict] = {}
    for m in event.mentions:
        for ev in m.evidence:
            key = (ev.article_id, ev.start)
            entry = by_sentence.setdefault(key, {"ev": ev, "supports": set()})
            entry["supports"].update(ev.supports)
    order = ["event", "date", "location", "actors", "fatalities"]
    out = []
    for (article_id, _), entry in sorted(by_sentence.items()):
        art, ev = articles[article_id], entry["ev"]
        out.append(Citation(article_id=article_id, outlet=art.outlet, url=art.url, published=art.published,
                            quote=ev.quote, start=ev.start, end=ev.end,
                            supports=[s for s in order if s in entry["supports"]]))
    return out


def plain_name(name: str) -> str:
    """A place name without diacritics ("An Nāşirīyah" -> "An Nasiriyah"), as ACLED writes them."""
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))


def canonical_order(events: list[MergedEvent]) -> list[MergedEvent]:
    """The order rows are written and numbered in: date, country, place, type, actor."""
    return sorted(events, key=_sort_key)


def canonical_stream(closed: Iterable[tuple[int, MergedEvent, dt.date]]) -> Iterator[MergedEvent]:
    """`canonical_order` over events as coder.merge.merge_stream closes them: (n, event, low) with n the order the
    event was opened in (the tie-break of a stable sort over merge_mentions' list) and `low` a day no later event
    is dated before. An event is let out once nothing still to come can sort before it, so only the events of a
    few days are held."""
    heap: list[tuple] = []
    for n, event, low in closed:
        heapq.heappush(heap, (_sort_key(event), n, event))
        while heap and heap[0][0][0] < low:
            yield heapq.heappop(heap)[2]
    while heap:
        yield heapq.heappop(heap)[2]


def _sort_key(e: MergedEvent) -> tuple:
    p = e.location.place
    return (e.date.date, p.iso3, p.admin1 or "", p.name, e.event_type, e.sub_event_type, e.actors.actor1,
            e.article_ids, e.mentions[0].evidence[0].start)


ID_SPACE = 10**9


def report_key(m: Mention) -> tuple:
    """Orders an event's mentions by report: publication date, then content hash, offset, rule."""
    return (m.published or dt.date.max, m.content_sha256 or m.article_id, m.evidence[0].start, m.rule_id,
            m.location.start)


def first_report(event: MergedEvent) -> Mention:
    """The event's first report: the earliest published mention."""
    return min(event.mentions, key=report_key)


def first_report_key(event: MergedEvent) -> tuple:
    return report_key(first_report(event))


def event_ids(events: list[MergedEvent]) -> list[str]:
    """`event_id_cnty` of each event (same order), unique within the list."""
    keyed = sorted(range(len(events)), key=lambda i: (events[i].location.place.iso3, first_report_key(events[i])))
    used: dict[str, set[int]] = defaultdict(set)
    out = [""] * len(events)
    for i in keyed:
        iso3 = events[i].location.place.iso3
        n = event_number(iso3, first_report_key(events[i]))
        while n in used[iso3]:
            n = (n + 1) % ID_SPACE
        used[iso3].add(n)
        out[i] = f"{iso3}{n}"
    return out


def event_number(iso3: str, first_key: tuple) -> int:
    """The number an event's id takes when no event before it (in order of first reports) took it already."""
    day, sha, start, rule, loc = first_key
    digest = hashlib.sha256(f"{iso3}|{day}|{sha}|{start}|{rule}|{loc}".encode()).hexdigest()
    return int(digest[:16], 16) % ID_SPACE


def probe_numbers(entries: list[tuple[tuple, int, int]]) -> dict[int, int]:
    """Collisions settled as `event_ids` settles them, for the events of one country whose numbers may collide:
    `entries` are (first report key, position in canonical order, number); returns position -> number."""
    used: set[int] = set()
    out = {}
    for _, pos, n in sorted(entries, key=lambda e: (e[0], e[1])):
        while n in used:
            n = (n + 1) % ID_SPACE
        used.add(n)
        out[pos] = n
    return out


def assemble_records(events: list[MergedEvent], articles: Mapping[str, Article | ArticleRef], outlets: OutletTable,
                     taxonomy: Taxonomy, region_of: dict[str, str]) -> list[EventRecord]:
    """One EventRecord per merged event, in `canonical_order`, with ids from `event_ids`. `articles`: the
    sources by id, as read or as the dataset keeps them (ArticleRef)."""
    articles = {k: article_ref(a, outlets) if isinstance(a, Article) else a for k, a in articles.items()}
    events = canonical_order(events)
    ids = event_ids(events)
    return [assemble_record(event, event_id, articles, outlets, taxonomy, region_of)
            for event, event_id in zip(events, ids, strict=True)]


def assemble_record(event: MergedEvent, event_id: str, articles: Mapping[str, ArticleRef], outlets: OutletTable,
                    taxonomy: Taxonomy, region_of: dict[str, str]) -> EventRecord:
    """The row of one event. `articles`: at least the event's sources by article id."""
    place = event.location.place
    srcs = [articles[a] for a in event.article_ids]
    names: list[str] = []
    for art in srcs:
        for name in _source_name(art, outlets).split("; "):
            if name not in names:
                names.append(name)
    scales = []
    for art in srcs:
        for s in _scale(art, outlets):
            if s not in scales:
                scales.append(s)
    scales.sort(key=lambda s: SCALE_ORDER.index(s) if s in SCALE_ORDER else len(SCALE_ORDER))
    published = [a.published for a in srcs if a.published]
    stamp_day = max(published) if published else event.date.date
    act = event.actors
    inter1 = taxonomy.inter_labels[act.inter1]
    inter2 = taxonomy.inter_labels[act.inter2] if act.actor2 and act.inter2 else None
    tags = list(event.tags)
    if event.location.relation == "region":
        tags.append(f"region={event.location.phrase}")
    return EventRecord(
        event_id_cnty=event_id,
        event_date=event.date.date,
        year=event.date.date.year,
        time_precision=event.date.time_precision,
        disorder_type=taxonomy.disorder_type(event.sub_event_type),
        event_type=event.event_type,
        sub_event_type=event.sub_event_type,
        actor1=act.actor1,
        assoc_actor_1="; ".join(act.assoc_actor_1) or None,
        inter1=inter1,
        actor2=act.actor2 or None,
        assoc_actor_2="; ".join(act.assoc_actor_2) or None,
        inter2=inter2,
        interaction=taxonomy.interaction(act.inter1, act.inter2 if act.actor2 else None),
        civilian_targeting=taxonomy.civilian_targeting(event.event_type, event.sub_event_type,
                                                       act.inter2 if act.actor2 else None),
        iso=place.iso,
        region=region_of.get(place.iso3, "Unknown"),
        country=place.country,
        admin1=place.admin1, admin2=place.admin2, admin3=place.admin3,
        location=plain_name(place.name),
        latitude=round(place.latitude, 4),
        longitude=round(place.longitude, 4),
        geo_precision=event.location.geo_precision,
        source="; ".join(names),
        source_scale="-".join(scales) or None,
        notes=write_note(event),
        fatalities=event.fatalities,
        tags="; ".join(sorted(set(tags))) or None,
        timestamp=calendar.timegm(stamp_day.timetuple()),
        inter1_code=act.inter1,
        inter2_code=act.inter2 if act.actor2 else None,
        interaction_code=interaction_code(act.inter1, act.inter2 if act.actor2 else None),
        citations=_citations(event, articles),
    )

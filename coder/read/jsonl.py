"""JSONL reader: one article per line, a JSON object with `text` or `html`.

Optional fields: id, outlet, url, published, language, country, layout. A malformed line
is an E005 reject with its line number; the other lines still read. A line without `id`
gets the file's id + ":" + its line number.

`layout` says what `text` is: "page" (the default) is a scraped page whose headline, bylines,
captions and boilerplate are found by layout analysis; "body" is article body text already
extracted (or an event note), read whole as one story of body text dated by `published`.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path

from coder.errors import E_EMPTY, E_JSONL_LINE, E_MANIFEST
from coder.models import Article, Reject, Segment, Story
from coder.read.html import html_article
from coder.read.text import ArticleMeta, ReadError, build_article, decode_bytes, parse_published, read_bytes

STAGE = "read"
_STRING_FIELDS = ("id", "outlet", "url", "language", "text", "html", "country", "layout")
LAYOUTS = ("page", "body")


def _line_reject(path: str, line: int, detail: str, article_id: str | None = None) -> Reject:
    return Reject(path=path, article_id=article_id, stage=STAGE, code=E_JSONL_LINE.code,
                  message=E_JSONL_LINE.format(path=path, line=line, detail=detail))


def iter_json_objects(raw: str, first_line: int = 1):
    """Yield (line number, object, problem) for each non-blank line of a JSONL text;
    `problem` says why a line is not one JSON object (then `object` is None)."""
    for number, line in enumerate(raw.splitlines(), start=first_line):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield number, None, f"not JSON: {exc.msg} at column {exc.colno}"
            continue
        if not isinstance(obj, dict):
            yield number, None, f"expected an object, got {type(obj).__name__}"
            continue
        yield number, obj, ""


def read_jsonl(
    path: Path | str,
    meta_by_id: Mapping[str, ArticleMeta] | None = None,
    file_meta: ArticleMeta | None = None,
    abspath: str | None = None,
    start: int = 0,
    end: int | None = None,
    first_line: int = 1,
) -> tuple[list[Article], list[Reject]]:
    """Articles of a .jsonl file, and rejects for the lines that could not be read.

    `meta_by_id` holds manifest metadata by article id; it wins over a line's own fields.
    `file_meta` is the file's own id and metadata (defaults to its name); its outlet,
    url, published and language fill what neither the manifest nor the line give.
    """
    path = Path(path)
    spath = str(path)
    meta_by_id = meta_by_id or {}
    file_meta = file_meta or ArticleMeta(article_id=path.name)
    try:
        data = read_bytes(Path(abspath or path), start, end)
        if start and not data.strip():
            return [], []  # a part of blank lines
        raw = decode_bytes(data, spath if not start and end is None else f"{spath} (lines from {first_line})")
    except ReadError as exc:
        return [], [Reject(path=spath, article_id=file_meta.article_id, stage=STAGE, code=exc.code, message=exc.message)]
    articles: list[Article] = []
    rejects: list[Reject] = []
    for number, obj, problem in iter_json_objects(raw, first_line):
        if problem:
            rejects.append(_line_reject(spath, number, problem))
            continue
        bad = [k for k in _STRING_FIELDS if obj.get(k) is not None and not isinstance(obj[k], str)]
        if bad:
            rejects.append(_line_reject(spath, number, f"field(s) {bad} must be strings"))
            continue
        article_id = obj.get("id") or f"{file_meta.article_id}:{number}"
        layout = obj.get("layout") or "page"
        if layout not in LAYOUTS or (layout == "body" and not obj.get("text")):
            rejects.append(_line_reject(spath, number, f"`layout` must be one of {list(LAYOUTS)} ('body' needs `text`), "
                                                       f"not {layout!r}", article_id))
            continue
        if not (obj.get("text") or obj.get("html")):
            rejects.append(_line_reject(spath, number, "no `text` or `html` field", article_id))
            continue
        try:
            published = parse_published(obj.get("published"))
        except ValueError as exc:
            published = None
            rejects.append(Reject(path=spath, article_id=article_id, stage=STAGE, code=E_MANIFEST.code,
                                  message=E_MANIFEST.format(path=spath, line=number, detail=str(exc))
                                  + "; article read without a publication date"))
        own = ArticleMeta(article_id=article_id, outlet=obj.get("outlet"), url=obj.get("url"),
                          published=published, language=obj.get("language"), country=obj.get("country"))
        meta = meta_by_id.get(article_id, ArticleMeta(article_id=article_id))
        meta = ArticleMeta(article_id=article_id, outlet=meta.outlet, url=meta.url, published=meta.published,
                           language=meta.language, country=meta.country).filled_from(own).filled_from(file_meta)
        where = f"{spath}:{number}"
        try:
            if obj.get("text"):
                if not obj["text"].strip():
                    raise ReadError(E_EMPTY, path=where)
                if layout == "body":
                    articles.append(body_article(obj["text"], meta, where))
                else:
                    articles.append(build_article(obj["text"], meta, where, "jsonl"))
            else:
                articles.append(html_article(obj["html"], meta, where, "jsonl"))
        except ReadError as exc:
            rejects.append(Reject(path=spath, article_id=article_id, stage=STAGE, code=exc.code, message=exc.message))
    return articles, rejects


def body_article(text: str, meta: ArticleMeta, path: str) -> Article:
    """An article whose text is all body (no layout analysis): one body segment, one story dated by `published`."""
    return Article(article_id=meta.article_id, text=text, outlet=meta.outlet, url=meta.url, published=meta.published,
                   language=meta.language, country=meta.country, source_path=path, format="jsonl",
                   segments=[Segment(start=0, end=len(text), kind="body")],
                   stories=[Story(index=0, start=0, end=len(text), reference_date=meta.published, reason="body text")])

"""Plain-text reader, and what every reader shares: metadata, decoding, building an Article.

A reader turns one file into Articles. Problems it finds raise `ReadError` (a code from
coder/errors.py and a message); `read_inputs` turns those into `Reject`s so one bad file
never stops the others.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Literal

from coder.errors import E_BINARY, E_EMPTY, E_ENCODING, E_NO_TEXT, E_NOT_FOUND, Code
from coder.models import Article
from coder.read.layout import analyse_layout

_BINARY_SNIFF = 8192
_TEXT_KINDS = ("body", "caption")


class ReadError(Exception):
    """One input could not be read: an error code and a formatted message."""

    def __init__(self, code: Code, **fields: object):
        self.code = code.code
        self.message = code.format(**fields)
        super().__init__(self.message)


@dataclass(frozen=True)
class ArticleMeta:
    """What is known about an input before reading it (manifest entry, JSONL fields)."""

    article_id: str
    outlet: str | None = None
    url: str | None = None
    published: dt.date | None = None
    language: str | None = None
    country: str | None = None  # the country a feed covers, as a hint (ISO3 or English name)

    def filled_from(self, other: ArticleMeta) -> ArticleMeta:
        """This metadata, with gaps filled from `other` (self wins where both have a value)."""
        return replace(
            self,
            outlet=self.outlet or other.outlet,
            url=self.url or other.url,
            published=self.published or other.published,
            language=self.language or other.language,
            country=self.country or other.country,
        )


def parse_published(value: object) -> dt.date | None:
    """ISO date or datetime ("2020-10-11", "2020-10-11T08:00:00Z") -> date; None/"" -> None.

    Raises ValueError for anything else.
    """
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise ValueError(f"published must be an ISO date string, got {value!r}")
    text = value.strip()
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        pass
    try:
        return dt.datetime.fromisoformat(text).date()
    except ValueError:
        raise ValueError(f"published {value!r} is not an ISO date") from None


def decode_bytes(data: bytes, path: str) -> str:
    """UTF-8 text of a file's bytes; E002 empty, E003 binary, E004 not UTF-8."""
    if not data.strip():
        raise ReadError(E_EMPTY, path=path)
    if b"\x00" in data[:_BINARY_SNIFF]:
        raise ReadError(E_BINARY, path=path)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ReadError(E_ENCODING, path=path, detail=f"byte {exc.start}: {exc.reason}") from None
    if not text.strip():
        raise ReadError(E_EMPTY, path=path)
    return text


def read_bytes(path: Path, start: int = 0, end: int | None = None) -> bytes:
    """The file's bytes (from `start` to `end`, default all); E001 when it vanished or cannot be opened."""
    try:
        if not start and end is None:
            return path.read_bytes()
        with open(path, "rb") as handle:
            handle.seek(start)
            return handle.read(-1 if end is None else end - start)
    except OSError as exc:
        raise ReadError(E_NOT_FOUND, path=f"{path} ({exc.strerror})") from exc


def build_article(
    text: str, meta: ArticleMeta, path: str, fmt: Literal["txt", "html", "jsonl"]
) -> Article:
    """An Article with layout filled in; E006 when no body or caption text remains."""
    segments, stories = analyse_layout(text, meta.published)
    if not any(s.kind in _TEXT_KINDS for s in segments):
        raise ReadError(E_NO_TEXT, path=path)
    return Article(
        article_id=meta.article_id, text=text, outlet=meta.outlet, url=meta.url,
        published=meta.published, language=meta.language, country=meta.country, source_path=path, format=fmt,
        segments=segments, stories=stories,
    )


def read_text(path: Path | str, meta: ArticleMeta, opened: Path | str | None = None) -> Article:
    """A .txt page: the file's text as is (UTF-8), with its layout."""
    path = Path(path)
    text = decode_bytes(read_bytes(Path(opened or path)), str(path))
    return build_article(text, meta, str(path), "txt")

"""HTML reader: trafilatura extracts the main text; the page's layout is analysed on that text.

The Article's text is the extracted text (paragraphs as lines separated by blank lines,
the title on top), so citations point into what the coder actually saw. Comments are
left out. Page metadata (site name, date) fills outlet/published only where the
manifest has none.
"""

from __future__ import annotations

from pathlib import Path

from coder.errors import E_NO_TEXT
from coder.models import Article
from coder.read.text import ArticleMeta, ReadError, build_article, decode_bytes, parse_published, read_bytes


def extract_html(html: str) -> tuple[str, ArticleMeta]:
    """(main text, page metadata) of an HTML document; text is "" when nothing was found.

    The returned metadata has an empty article_id; only outlet and published are used.
    """
    import trafilatura  # imported when the first page is read: a fifth of a second of start-up for text input

    doc = trafilatura.bare_extraction(
        html, include_comments=False, include_tables=False, with_metadata=True, favor_precision=True
    )
    if doc is None:
        return "", ArticleMeta(article_id="")
    data = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    lines = [ln.strip() for ln in (data.get("text") or "").splitlines()]
    paragraphs = [ln for ln in lines if ln]
    title = (data.get("title") or "").strip()
    if title and paragraphs and paragraphs[0] != title:
        paragraphs.insert(0, title)
    try:
        published = parse_published(data.get("date"))
    except ValueError:
        published = None  # a page date we cannot read is simply not used
    meta = ArticleMeta(article_id="", outlet=(data.get("sitename") or None), published=published)
    return "\n\n".join(paragraphs), meta


def html_article(html: str, meta: ArticleMeta, path: str, fmt: str = "html") -> Article:
    """An Article from an HTML string (shared with the JSONL reader's `html` field)."""
    text, page = extract_html(html)
    if not text.strip():
        raise ReadError(E_NO_TEXT, path=path)
    return build_article(text, meta.filled_from(page), path, fmt)  # type: ignore[arg-type]


def read_html(path: Path | str, meta: ArticleMeta, opened: Path | str | None = None) -> Article:
    """A .html/.htm page (UTF-8)."""
    path = Path(path)
    html = decode_bytes(read_bytes(Path(opened or path)), str(path))
    return html_article(html, meta, str(path))

"""Stage 2: split an article's body and caption segments into sentences with exact offsets.

`split_sentences(article)` is the entry point. pysbd finds the boundaries (it knows
abbreviations such as "U.S.", "Gen." and "Jan. 1" and quotes ending in ." or .”); each
sentence is then located in the original text, so `article.text[s.start:s.end] == s.text`
always holds. A few repairs follow pysbd: a fragment without letters ("[...]", "|") is
joined to its neighbour; a fragment starting in lower case, a parenthesised credit
("(Reuters)") and a short piece after "a.m."/"p.m." are joined to the sentence before.
"""

from __future__ import annotations

import re
from functools import cache

import pysbd

from coder.models import Article, Sentence
from coder.read.layout import dateline_place

_LETTER = re.compile(r"[^\W\d_]")
_SPLIT_KINDS = ("body", "caption")
_CREDIT = re.compile(r"\([^()]{1,60}\)\.?")
_TIME_ABBREVIATIONS = ("a.m.", "p.m.", "A.M.", "P.M.")


# pysbd builds a regex per abbreviation it meets and per sentence; more than the `re` module's default cache of
# 512 patterns keeps them compiled across sentences (it was a fifth of the coding time)
re._MAXCACHE = max(getattr(re, "_MAXCACHE", 512), 8192)  # type: ignore[attr-defined]


@cache
def _segmenter() -> pysbd.Segmenter:
    return pysbd.Segmenter(language="en", clean=False)


def _pieces(text: str) -> list[str]:
    """pysbd's sentences of `text`. Its `segment` would then locate each one in the text with a regex built for
    that sentence; `sentence_spans` locates them with a plain search instead."""
    if not text:
        return []
    fast = _plain_pieces(text)
    if fast is not None:
        return fast
    return _segmenter().processor(text).process()


# A paragraph whose every sentence mark is a plain sentence end needs none of pysbd's work (abbreviations,
# numbers, ellipses, quotes, lists): it splits after each mark. Anything else goes to pysbd.
_MARK = re.compile(r"[.!?]")
# the mark first, then what lies around it (a lookbehind tried at every position of the text was slow): after two
# lower-case letters or a digit, before a capital, a quote or the end; or after two letters before a number
# ("..., police said. 12 people were killed")
_PLAIN_END = re.compile(r"[.!?](?:(?:(?<=[a-z]{2}[.!?])|(?<=\d[.!?]))(?=[”\"’']?(?:\s+[A-Z“\"]|\s*$))"
                        r"|(?<=[a-z]{2}[.!?])(?=[”\"’']?\s+\d))")
_NOT_PLAIN = re.compile(r"\(|\)|\.\.|…|[.!?][”\"’'][^\S]*[a-z]|\b[A-Za-z]\.|[.!?]\S*\s+[a-z]|[.!?][)\]]|\s[-•*]\s")
# _NOT_PLAIN in parts, each cheap: substrings, the alternatives that start at a sentence mark (a character class
# the regex engine can skip to), an initial ("J. Smith", checked at the marks) and a bullet between spaces
_NOT_PLAIN_AT_MARK = re.compile(r"[.!?](?:[”\"’'][^\S]*[a-z]|\S*\s+[a-z]|[)\]])")
_BULLET = re.compile(r"\s[-•*]\s")


def _not_plain(scan: str, marks: list[int]) -> bool:
    """`_NOT_PLAIN.search(scan) is not None`, where `marks` are the offsets of the sentence marks of `scan`."""
    if "(" in scan or ")" in scan or ".." in scan or "…" in scan:
        return True
    for i in marks:  # \b[A-Za-z]\. : a lone ASCII letter (no word character before it) and a full stop
        if i and scan[i] == "." and scan[i - 1] in _ASCII_LETTERS and (
                i == 1 or not (scan[i - 2].isalnum() or scan[i - 2] == "_")):
            return True
    if _NOT_PLAIN_AT_MARK.search(scan):
        return True
    return ("-" in scan or "•" in scan or "*" in scan) and _BULLET.search(scan) is not None


_ASCII_LETTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")


@cache
def _abbreviations() -> frozenset[str]:
    from pysbd.lang.english import English

    a = English.Abbreviation
    return frozenset(x.lower() for x in (*a.ABBREVIATIONS, *a.PREPOSITIVE_ABBREVIATIONS, *a.NUMBER_ABBREVIATIONS))


_LIST_ITEM = re.compile(r"\s*\d{1,3}[.)]\s")
# a decimal point ("1.2 million", "3.5 percent") is no sentence mark for pysbd either (its number rules keep it)
_DECIMAL_POINT = re.compile(r"(?<=\d)\.(?=\d)")
# a name in brackets between spaces ("KINSHASA, Congo (Global Desk) — ..."): no list item, no mark inside
_NAME_IN_BRACKETS = re.compile(r"(?<= )\([A-Z][A-Za-z]*(?: [A-Z][A-Za-z]*){0,4}\)(?= )")
# the dash after such a dateline ("DAWEI (Crossroads News) - More than..."): no list bullet either (pysbd splits the
# same; checked on every such paragraph of the generated corpora)
_DATELINE_DASH = re.compile(r"^([A-Z][A-Z'’.,\- ]{0,60} _+) - ")


def _plain_pieces(text: str) -> list[str] | None:
    """The sentences of a paragraph of plain prose, or None when pysbd must decide."""
    marks = [m.start() for m in _MARK.finditer(text)]
    if not marks:
        return [text]
    if _LIST_ITEM.match(text):
        return None  # "5. Twelve people died.": a numbered item, which pysbd keeps whole
    scan = text
    last = len(text) - 1
    if any(0 < i < last and text[i] == "." and text[i - 1].isdecimal() and text[i + 1].isdecimal() for i in marks):
        scan = _DECIMAL_POINT.sub("0", text)  # the same length: offsets hold
        marks = [m.start() for m in _MARK.finditer(scan)]
        if not marks:
            return None
    if "(" in scan:
        scan = _NAME_IN_BRACKETS.sub(lambda m: "_" * len(m.group()), scan)
        if " - " in scan:
            scan = _DATELINE_DASH.sub(lambda m: m.group(1) + " _ ", scan)
    if _not_plain(scan, marks):
        return None
    ends = [m.start() for m in _PLAIN_END.finditer(scan)]
    if ends != marks:
        return None
    abbreviations = _abbreviations()
    pieces, start = [], 0
    for end in ends:
        # the word before the mark (text[:end].rsplit(None, 1)[-1]: a letter or digit precedes every end)
        k = end
        while k and not text[k - 1].isspace():
            k -= 1
        word = text[k:end].lstrip("“\"'(").lower()
        if word in abbreviations:
            return None
        before = text[start:end]
        if (before.count('"') % 2 or before.count("“") > before.count("”")) and text[end + 1:end + 2] not in ('"', "”"):
            continue  # a sentence end inside a quotation: pysbd keeps the quotation whole
        stop = end + 1
        while stop < len(text) and text[stop] in "”\"’'":
            stop += 1
        pieces.append(text[start:stop])
        start = stop
    if text[start:].strip():
        pieces.append(text[start:])
    return pieces


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) offsets of the sentences of `text`, stripped of surrounding whitespace."""
    spans: list[tuple[int, int]] = []
    cursor = 0
    for piece in _pieces(text):
        stripped = piece.strip()
        if not stripped:
            continue
        start = text.find(stripped, cursor)
        if start < 0:  # pysbd altered the text; fall back to the rest of the paragraph as one piece
            rest = text[cursor:]
            if rest.strip():
                lead = len(rest) - len(rest.lstrip())
                spans.append((cursor + lead, cursor + len(rest.rstrip())))
            cursor = len(text)
            break
        spans.append((start, start + len(stripped)))
        cursor = start + len(stripped)
    return _repair(text, spans)


def _repair(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for start, end in spans:
        piece = text[start:end]
        if out and _joins_previous(text[out[-1][0]:out[-1][1]], piece):
            out[-1] = (out[-1][0], end)
        else:
            out.append((start, end))
    # a letterless first piece ("[...]" at paragraph start) joins the sentence after it
    if len(out) > 1 and not _LETTER.search(text[out[0][0]:out[0][1]]):
        out[0:2] = [(out[0][0], out[1][1])]
    return out


def _joins_previous(previous: str, piece: str) -> bool:
    """Is `piece` a fragment that belongs to the sentence before it?"""
    if not _LETTER.search(piece) or piece[0].islower():
        return True  # "[...]", "|", or a split inside a sentence ("p.m. on Monday")
    if _CREDIT.fullmatch(piece):
        return True  # "(Reuters)", "(AP Photo/Name)" closing a caption
    # "at 5 p.m. Monday." : pysbd ends the sentence at the time abbreviation
    return previous.endswith(_TIME_ABBREVIATIONS) and len(piece.split()) <= 3


def split_sentences(article: Article) -> list[Sentence]:
    """Sentences of the article's body and caption segments, in text order.

    `paragraph` counts body/caption paragraphs (one per segment, i.e. per line) from 0;
    `dateline` is set on the first sentence after a dateline segment ("BAGHDAD").
    """
    text = article.text
    sentences: list[Sentence] = []
    paragraph = -1
    pending_dateline: str | None = None
    for seg in sorted(article.segments, key=lambda s: s.start):
        if seg.kind == "dateline":
            pending_dateline = dateline_place(text[seg.start:seg.end])
            continue
        if seg.kind not in _SPLIT_KINDS:
            pending_dateline = None
            continue
        paragraph += 1
        chunk = text[seg.start:seg.end]
        for start, end in sentence_spans(chunk):
            sentences.append(Sentence(
                index=len(sentences), start=seg.start + start, end=seg.start + end,
                text=chunk[start:end], kind=seg.kind, story=seg.story, paragraph=paragraph,
                dateline=pending_dateline,
            ))
            pending_dateline = None
    return sentences

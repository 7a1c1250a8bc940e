"""Page layout: which lines of a scraped page are article body, and where stories begin.

`analyse_layout(text, published)` looks at every non-blank line of the text and gives it
one role (models.Segment kinds): body, heading, caption, chrome, or a dateline prefix split
off a body line. It also cuts the page into stories when the text runs on into a second,
unrelated article. The line patterns are data (coder/data/layout.toml), validated on load.

The sequence, top to bottom:
1. `_lines`         non-blank lines with their offsets (stripped)
2. `_classify_line` each line on its own: chrome / end marker / caption / heading / body
3. `_credit_context` a credit-only line makes its picture-describing neighbours captions
4. `_assign_stories` walk the lines: end markers close a story's body, and a heading that
                     opens a new page block (caption or repeated heading, then body) after
                     a body starts a new story
5. `_segments`      one segment per line; a dateline prefix becomes its own segment
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import tomllib
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Literal

from coder.errors import DataFileError
from coder.models import Segment, Story
from coder.prefilter import Clauses, LiteralIndex, clauses_present, needed_clauses

Role = Literal["chrome", "end", "credit", "wire_caption", "picture_verb", "dateline"]
ROLES: frozenset[str] = frozenset({"chrome", "end", "credit", "wire_caption", "picture_verb", "dateline"})
PATTERN_KEYS = frozenset({"id", "role", "regex", "flags", "description", "match", "no_match"})
SETTINGS_KEYS = {"heading_max_words": int, "short_line_max_chars": int, "label_max_words": int}
TOP_KEYS = frozenset({"settings", "pattern"})
FLAG_BITS = {"i": re.IGNORECASE}

LAYOUT_FILE = "data/layout.toml"


@dataclass(frozen=True)
class LayoutPattern:
    id: str
    role: Role
    regex: re.Pattern[str]
    description: str = ""
    match: tuple[str, ...] = ()
    no_match: tuple[str, ...] = ()


@dataclass(frozen=True)
class LayoutRules:
    patterns: tuple[LayoutPattern, ...]
    heading_max_words: int = 25
    short_line_max_chars: int = 3
    label_max_words: int = 4

    def by_role(self, role: str) -> tuple[LayoutPattern, ...]:
        return self._roles.get(role, ())

    @functools.cached_property
    def _roles(self) -> dict[str, tuple[LayoutPattern, ...]]:
        """The patterns of each role, in file order (made once: by_role is asked for every line)."""
        roles: dict[str, list[LayoutPattern]] = {}
        for p in self.patterns:
            roles.setdefault(p.role, []).append(p)
        return {role: tuple(ps) for role, ps in roles.items()}


def parse_layout_rules(raw: dict, file: str) -> LayoutRules:
    """Validate a parsed layout TOML document; raise DataFileError naming file and pattern id."""
    unknown = set(raw) - TOP_KEYS
    if unknown:
        raise DataFileError(file, "top level", f"unknown key(s) {sorted(unknown)}")
    settings = raw.get("settings", {})
    if not isinstance(settings, dict):
        raise DataFileError(file, "settings", "must be a table")
    for key, value in settings.items():
        if key not in SETTINGS_KEYS:
            raise DataFileError(file, "settings", f"unknown key {key!r}")
        if not isinstance(value, SETTINGS_KEYS[key]) or value < 0:
            raise DataFileError(file, f"settings.{key}", f"must be a non-negative integer, got {value!r}")
    entries = raw.get("pattern", [])
    if not isinstance(entries, list) or not entries:
        raise DataFileError(file, "pattern", "need a non-empty [[pattern]] list")
    patterns: list[LayoutPattern] = []
    seen: set[str] = set()
    for n, entry in enumerate(entries):
        pid = entry.get("id") if isinstance(entry, dict) else None
        where = f"pattern {pid!r}" if pid else f"pattern #{n + 1}"
        if not isinstance(entry, dict):
            raise DataFileError(file, where, "must be a table")
        if not isinstance(pid, str) or not pid.strip():
            raise DataFileError(file, where, "missing or empty 'id'")
        if pid in seen:
            raise DataFileError(file, where, "duplicate id")
        seen.add(pid)
        unknown = set(entry) - PATTERN_KEYS
        if unknown:
            raise DataFileError(file, where, f"unknown key(s) {sorted(unknown)}")
        role = entry.get("role")
        if role not in ROLES:
            raise DataFileError(file, where, f"role {role!r} is not one of {sorted(ROLES)}")
        source = entry.get("regex")
        if not isinstance(source, str) or not source.strip():
            raise DataFileError(file, where, "missing or empty 'regex'")
        flags = 0
        for flag in entry.get("flags", []):
            if flag not in FLAG_BITS:
                raise DataFileError(file, where, f"unknown flag {flag!r} (known: {sorted(FLAG_BITS)})")
            flags |= FLAG_BITS[flag]
        try:
            compiled = re.compile(source, flags)
        except re.error as exc:
            raise DataFileError(file, where, f"bad regex: {exc}") from exc
        if compiled.fullmatch(""):
            raise DataFileError(file, where, "regex matches the empty string")
        if role == "dateline" and "place" not in compiled.groupindex:
            raise DataFileError(file, where, "a dateline regex needs a (?P<place>...) group")
        examples = {}
        for key in ("match", "no_match"):
            value = entry.get(key, [])
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise DataFileError(file, where, f"'{key}' must be a list of strings")
            examples[key] = tuple(value)
        patterns.append(LayoutPattern(
            id=pid, role=role, regex=compiled, description=str(entry.get("description", "")),
            match=examples["match"], no_match=examples["no_match"],
        ))
    return LayoutRules(patterns=tuple(patterns), **settings)


def load_layout_rules(path: str | Path | None = None) -> LayoutRules:
    """Load and validate layout patterns (the packaged file unless `path` is given)."""
    if path is None:
        return _packaged_rules()
    p = Path(path)
    try:
        raw = tomllib.loads(p.read_text("utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise DataFileError(str(p), "toml", str(exc)) from exc
    return parse_layout_rules(raw, str(p))


@cache
def _packaged_rules() -> LayoutRules:
    text = resources.files("coder").joinpath(LAYOUT_FILE).read_text("utf-8")
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise DataFileError(LAYOUT_FILE, "toml", str(exc)) from exc
    return parse_layout_rules(raw, LAYOUT_FILE)


# ---------------------------------------------------------------------------
# line classification
# ---------------------------------------------------------------------------

LineKind = Literal["body", "heading", "caption", "chrome", "end", "credit_only"]

_MIN_PROSE_WORDS = 8  # a story's first body paragraph must be at least this long
_TERMINAL = re.compile(r"[.!?…]$")
_TRAILING_CLOSERS = "\"'”’»)]*"
_WORD = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*")
# A sentence end inside a line: ". " + capital, unless the dot closes an abbreviation.
_SENTENCE_END = re.compile(r"[.!?][\"”’)]*\s+(?=[\"“‘(]?[A-Z])")
_ABBREVIATIONS = frozenset(
    "jan feb mar apr jun jul aug sep sept oct nov dec gen col maj capt lt sgt mr mrs ms dr st sen rep "
    "gov prof no jr sr u.s u.n u.k".split()
)


@dataclass
class Line:
    start: int
    end: int
    text: str
    kind: LineKind = "body"
    reason: str = ""
    story: int = 0
    extra: dict = field(default_factory=dict)  # scratch flags set while assigning stories


def _lines(text: str) -> list[Line]:
    out = []
    for m in re.finditer(r"[^\r\n]+", text):
        raw = m.group()
        stripped = raw.strip()
        if not stripped:
            continue
        lead = len(raw) - len(raw.lstrip())
        start = m.start() + lead
        out.append(Line(start=start, end=start + len(stripped), text=stripped))
    return out


def is_title_case(line: str) -> bool:
    """Most longer words capitalised, as in "UAE, Bahrain and Israel: Peace or Discord?"."""
    long_words = [w for w in _WORD.findall(line) if len(w) >= 4]
    return bool(long_words) and sum(w[0].isupper() for w in long_words) / len(long_words) >= 0.6


def is_heading_like(line: str, rules: LayoutRules, n_words: int | None = None) -> bool:
    """Short, and without terminal sentence punctuation (after closing quotes/brackets),
    unless it is a title-case question or exclamation ("Peace or Discord?"). `n_words`: the line's number of
    _WORD words, when the caller has counted them."""
    core = line.rstrip(_TRAILING_CLOSERS + " ")
    if not core or (len(_WORD.findall(line)) if n_words is None else n_words) > rules.heading_max_words:
        return False
    if not _TERMINAL.search(core):
        return True
    return core[-1] in "?!" and is_title_case(core)


def is_sentence_like(line: str) -> bool:
    """A body paragraph that reads as prose: several words and terminal punctuation."""
    core = line.rstrip(_TRAILING_CLOSERS + " ")
    return len(_WORD.findall(line)) >= _MIN_PROSE_WORDS and bool(_TERMINAL.search(core))


def first_sentence(line: str) -> str:
    """The line up to its first sentence end (a quick cut; sentences.py does the real split)."""
    for m in _SENTENCE_END.finditer(line):
        token = line[: m.start()].rsplit(None, 1)[-1] if line[: m.start()].strip() else ""
        token = token.lstrip("\"“‘(").lower()
        if len(token) <= 1 or token in _ABBREVIATIONS or "." in token:
            continue
        return line[: m.start() + 1]
    return line


def _first(patterns: tuple[LayoutPattern, ...], text: str) -> LayoutPattern | None:
    return next((p for p in patterns if p.regex.search(text)), None)


_CHECKED: dict[int, tuple[LayoutRules, dict[str, tuple[tuple[LayoutPattern, Clauses], ...]], LiteralIndex]] = {}


def _checked(rules: LayoutRules) -> tuple[dict[str, tuple[tuple[LayoutPattern, Clauses], ...]], LiteralIndex]:
    """The patterns of each role with the sets of literals a line must hold for the pattern to match in it
    (coder.prefilter.needed_clauses), and one automaton for all of them; made once per rule set."""
    hit = _CHECKED.get(id(rules))
    if hit is None or hit[0] is not rules:
        by_role = {role: tuple((p, needed_clauses(p.regex)) for p in rules.by_role(role)) for role in ROLES}
        hit = _CHECKED[id(rules)] = (rules, by_role, LiteralIndex(n for ps in by_role.values() for _, n in ps))
    return hit[1], hit[2]


def _first_checked(patterns: tuple[tuple[LayoutPattern, Clauses], ...], text: str, found: set[str]
                   ) -> LayoutPattern | None:
    """`_first`, searching only the patterns whose needed literals are among `found` (those of `text` or of a
    text holding it)."""
    return next((p for p, needs in patterns if clauses_present(needs, found) and p.regex.search(text)), None)


def _classify_line(line: Line, rules: LayoutRules) -> None:
    text = line.text
    words = _WORD.findall(text)
    if len(text) <= rules.short_line_max_chars or not words:
        line.kind, line.reason = "chrome", "too short / no words"
        return
    by_role, index = _checked(rules)
    found = index.found(text.lower())
    if (p := _first_checked(by_role["end"], text, found)) is not None:
        line.kind, line.reason = "end", f"end marker: {p.id}"
        return
    for p, needs in by_role["chrome"]:
        if p.id == "chrome.label" and len(words) > rules.label_max_words:
            continue
        if clauses_present(needs, found) and p.regex.search(text):
            line.kind, line.reason = "chrome", f"chrome: {p.id}"
            return
    for p, needs in by_role["credit"]:
        m = p.regex.search(text) if clauses_present(needs, found) else None
        if m is None:
            continue
        rest = (text[: m.start()] + text[m.end():]).strip(" |-–—,.")
        if len(_WORD.findall(rest)) < 2:
            line.kind, line.reason = "credit_only", f"photo credit line: {p.id}"
        else:
            line.kind, line.reason = "caption", f"photo credit: {p.id}"
        return
    head = first_sentence(text)  # a prefix of the line: its literals are among the line's
    wire = _first_checked(by_role["wire_caption"], head, found)
    if wire is not None and _first_checked(by_role["picture_verb"], head, found) is not None:
        line.kind, line.reason = "caption", f"wire caption: {wire.id}"
        return
    if is_heading_like(text, rules, len(words)):
        line.kind, line.reason = "heading", "title-like: short, no end punctuation"
        return
    line.kind, line.reason = "body", ""


def _credit_context(lines: list[Line], rules: LayoutRules) -> None:
    """Lines around a credit-only line that describe the picture become captions.

    A neighbour describes the picture when it has a present-tense picture verb or when the
    same text stands on both sides of the credit (alt text and caption of one image).
    """
    verbs = rules.by_role("picture_verb")
    for i, line in enumerate(lines):
        if line.kind != "credit_only":
            continue
        line.kind = "chrome"
        before = lines[i - 1] if i > 0 else None
        after = lines[i + 1] if i + 1 < len(lines) else None
        twin = before is not None and after is not None and before.text == after.text
        for nb in (before, after):
            if nb is None or nb.kind not in ("heading", "body"):
                continue
            if twin or _first(verbs, first_sentence(nb.text)) is not None:
                nb.kind, nb.reason = "caption", f"describes the picture next to a credit ({line.reason})"


# ---------------------------------------------------------------------------
# stories
# ---------------------------------------------------------------------------

_LOOKAHEAD = 8  # lines scanned after a heading to decide whether it opens a new page block


def _opens_story(lines: list[Line], i: int, rules: LayoutRules) -> str | None:
    """Does the heading at `i` open a new article block? Return the reason, or None.

    A new block is the page template of an article: its heading followed by a photo
    caption and/or the heading repeated, then body text; or (after an end marker) a
    heading followed directly by a datelined body paragraph. A subheading followed
    directly by body text is part of the same article.
    """
    head = lines[i]
    saw_caption = saw_repeat = False
    for j in range(i + 1, min(len(lines), i + 1 + _LOOKAHEAD)):
        nxt = lines[j]
        if nxt.kind == "chrome":
            continue
        if nxt.kind == "caption":
            saw_caption = True
            continue
        if nxt.kind == "heading" and nxt.text == head.text:
            saw_repeat = True
            continue
        if nxt.kind != "body" or not is_sentence_like(nxt.text):
            return None
        if saw_caption or saw_repeat:
            return "heading of a new page block (" + ("photo caption" if saw_caption else "repeated heading") + ") followed by body"
        if head.extra.get("after_end") and _dateline_match(nxt.text, rules) is not None:
            return "heading after an end-of-article marker, followed by a datelined body"
        return None
    return None


def _assign_stories(lines: list[Line], rules: LayoutRules) -> list[tuple[int, str]]:
    """Set each line's story and turn post-end-marker lines into chrome.

    Returns (line index, reason) for the first line of each story after story 0.
    """
    starts: list[tuple[int, str]] = []
    story = 0
    body_begun = ended = False
    end_reason = ""
    for i, line in enumerate(lines):
        if line.kind == "heading" and (body_begun or ended):
            line.extra["after_end"] = ended
            reason = _opens_story(lines, i, rules)
            if reason is not None:
                story += 1
                starts.append((i, reason))
                body_begun = ended = False
        line.story = story
        if ended:
            line.kind, line.reason = "chrome", f"after end-of-article marker ({end_reason})"
            continue
        if line.kind == "end":
            line.kind = "chrome"
            if body_begun:
                ended, end_reason = True, line.reason
            continue
        if line.kind == "body":
            body_begun = True
    return starts


# ---------------------------------------------------------------------------
# datelines and segments
# ---------------------------------------------------------------------------


def _dateline_match(text: str, rules: LayoutRules) -> re.Match[str] | None:
    for p in rules.by_role("dateline"):
        m = p.regex.match(text)
        if m is not None and m.end() < len(text):
            return m
    return None


def dateline_place(text: str, rules: LayoutRules | None = None) -> str | None:
    """The place word of a dateline ("BAGHDAD (AP) —" -> "BAGHDAD"), or None."""
    rules = rules or load_layout_rules()
    for p in rules.by_role("dateline"):
        m = p.regex.match(text.strip() + " x")
        if m is not None:
            return m.group("place")
    return None


def _segments(lines: list[Line], rules: LayoutRules) -> list[Segment]:
    segments: list[Segment] = []
    for line in lines:
        kind = line.kind if line.kind in ("body", "heading", "caption", "chrome") else "chrome"
        if kind == "body":
            m = _dateline_match(line.text, rules)
            if m is not None:
                dl_text = m.group().rstrip()
                segments.append(Segment(start=line.start, end=line.start + len(dl_text), kind="dateline",
                                        story=line.story, reason=f"dateline: {m.group('place')}"))
                segments.append(Segment(start=line.start + m.end(), end=line.end, kind="body", story=line.story))
                continue
        segments.append(Segment(start=line.start, end=line.end, kind=kind, story=line.story, reason=line.reason))
    return segments


def analyse_layout(
    text: str, published: dt.date | None, rules: LayoutRules | None = None
) -> tuple[list[Segment], list[Story]]:
    """Segments (one per non-blank line; datelines split off) and stories of a page text.

    Story 0 starts at the first line and gets `published` as reference date; an appended
    story's reference date is None (the page's date is not its date).
    """
    rules = rules or load_layout_rules()
    lines = _lines(text)
    if not lines:
        return [], []
    for line in lines:
        _classify_line(line, rules)
    _credit_context(lines, rules)
    starts = _assign_stories(lines, rules)
    segments = _segments(lines, rules)
    bounds = [(0, "main story")] + starts
    stories: list[Story] = []
    for n, (first, reason) in enumerate(bounds):
        last = (bounds[n + 1][0] - 1) if n + 1 < len(bounds) else len(lines) - 1
        stories.append(Story(
            index=n, start=lines[first].start, end=lines[last].end,
            reference_date=published if n == 0 else None, reason=reason,
        ))
    return segments, stories

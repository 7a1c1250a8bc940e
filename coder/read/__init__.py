"""Stage 1: read input files into Articles (text + metadata + page layout).

`read_inputs(inputs, manifest)` is the entry point. INPUT items are files, folders
(walked recursively in sorted order) or globs. Files are read by the reader registered
for their suffix in READERS; adding a format is one module and one line there.

Metadata comes from manifests: a `manifest.jsonl` in an input folder (or beside a file
given directly or by glob) is read automatically and is itself never an article; the
`manifest` argument names one elsewhere, whose entries win. Each entry has `file`
(relative to the manifest's folder, or a bare file name, or a JSONL line id) and any of
outlet, url, published, language; other fields are ignored.

Every problem becomes a Reject (code from coder/errors.py); one bad file never stops the
others. Only a path or glob that matches nothing raises (InputNotFound).
"""

from __future__ import annotations

import glob
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from coder.errors import E_DUPLICATE_ID, E_MANIFEST, E_UNSUPPORTED
from coder.models import Article, ArticleRef, Reject
from coder.read.html import read_html
from coder.read.jsonl import iter_json_objects, read_jsonl
from coder.read.text import ArticleMeta, ReadError, parse_published, read_text

__all__ = [
    "READERS", "ArticleMeta", "FileTask", "InputNotFound", "Plan", "ReadResult", "duplicate_id", "plan_inputs",
    "read_inputs", "read_manifest", "read_task",
    "read_html", "read_jsonl", "read_text",
]

STAGE = "read"
MANIFEST_NAME = "manifest.jsonl"
# Files a folder may hold beside its articles (docs, expected outputs): skipped silently
# when walking a folder; named explicitly they are rejected as unsupported.
COMPANION_SUFFIXES = frozenset({".md", ".json", ".csv", ".toml", ".yaml", ".yml", ".rst"})
MANIFEST_FIELDS = ("outlet", "url", "published", "language", "country")

Reader = Callable[[Path, ArticleMeta, Mapping[str, ArticleMeta]], tuple[list[Article], list[Reject]]]


class InputNotFound(Exception):
    """An input path or glob matched nothing at all."""

    def __init__(self, path: str):
        self.path = path
        super().__init__(f"{path}: no such file or directory (or the glob matched nothing)")


@dataclass
class ReadResult:
    articles: list[Article] = field(default_factory=list)
    rejects: list[Reject] = field(default_factory=list)
    inputs_seen: list[str] = field(default_factory=list)


def _single(read_one: Callable[[Path, ArticleMeta], Article]) -> Reader:
    """Adapt a one-article reader to the registry's (articles, rejects) shape."""

    def reader(path: Path, meta: ArticleMeta, meta_by_id: Mapping[str, ArticleMeta]) -> tuple[list[Article], list[Reject]]:
        try:
            return [read_one(path, meta)], []
        except ReadError as exc:
            return [], [Reject(path=str(path), article_id=meta.article_id, stage=STAGE, code=exc.code, message=exc.message)]

    reader.__name__ = read_one.__name__
    reader.__doc__ = read_one.__doc__
    return reader


def _jsonl_reader(path: Path, meta: ArticleMeta, meta_by_id: Mapping[str, ArticleMeta]) -> tuple[list[Article], list[Reject]]:
    return read_jsonl(path, meta_by_id, file_meta=meta)


READERS: dict[str, Reader] = {
    ".txt": _single(read_text),
    ".html": _single(read_html),
    ".htm": _single(read_html),
    ".jsonl": _jsonl_reader,
}


# ---------------------------------------------------------------------------
# manifests
# ---------------------------------------------------------------------------


@dataclass
class Manifest:
    """Metadata entries of one manifest file, addressable by resolved path, file name or id."""

    path: Path
    by_path: dict[Path, ArticleMeta] = field(default_factory=dict)
    by_name: dict[str, ArticleMeta] = field(default_factory=dict)
    by_key: dict[str, ArticleMeta] = field(default_factory=dict)  # the `file` value as written

    def lookup(self, file: Path) -> ArticleMeta | None:
        return self.by_path.get(file.resolve()) or self.by_name.get(file.name)


def _manifest_reject(path: Path, line: int, detail: str, article_id: str | None = None) -> Reject:
    return Reject(path=str(path), article_id=article_id, stage=STAGE, code=E_MANIFEST.code,
                  message=E_MANIFEST.format(path=path, line=line, detail=detail))


def read_manifest(path: Path | str) -> tuple[Manifest, list[Reject]]:
    """Parse a manifest.jsonl; bad lines and bad fields become E008 rejects.

    A bad `published` rejects only that field: the entry is kept without a date.
    """
    path = Path(path)
    manifest = Manifest(path=path)
    try:
        raw = path.read_text("utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        return manifest, [_manifest_reject(path, 0, f"cannot read the manifest: {exc}")]
    rejects: list[Reject] = []
    for number, obj, problem in iter_json_objects(raw):
        if problem:
            rejects.append(_manifest_reject(path, number, problem))
            continue
        file = obj.get("file")
        if not isinstance(file, str) or not file.strip():
            rejects.append(_manifest_reject(path, number, "missing or empty `file`"))
            continue
        values: dict[str, object] = {}
        for key in MANIFEST_FIELDS:
            value = obj.get(key)
            if value is not None and not isinstance(value, str):
                rejects.append(_manifest_reject(path, number, f"`{key}` must be a string, got {value!r}", file))
                value = None
            values[key] = value or None
        try:
            values["published"] = parse_published(values["published"])
        except ValueError as exc:
            rejects.append(_manifest_reject(path, number, f"{exc}; read without a publication date", file))
            values["published"] = None
        meta = ArticleMeta(article_id="", **values)  # type: ignore[arg-type]
        manifest.by_key[file] = meta
        manifest.by_path[(path.parent / file).resolve()] = meta
        manifest.by_name.setdefault(Path(file).name, meta)
    return manifest, rejects


# ---------------------------------------------------------------------------
# expanding inputs
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Found:
    path: Path
    article_id: str
    explicit: bool  # named directly or by glob (an unsupported suffix is then an error)
    base: Path | None = None  # the input folder it was found in

    def manifest_folders(self) -> list[Path]:
        """Folders whose manifest.jsonl may describe this file, nearest first."""
        folders = [self.path.parent]
        if self.base is not None:
            for parent in self.path.parent.parents:
                if self.base.resolve() not in (parent.resolve(), *parent.resolve().parents):
                    break
                folders.append(parent)
        return folders


def _is_hidden(path: Path, base: Path) -> bool:
    return any(part.startswith(".") for part in path.relative_to(base).parts)


def _walk(folder: Path) -> list[Found]:
    found = []
    for path in sorted(folder.rglob("*")):
        if path.is_file() and not _is_hidden(path, folder):
            found.append(Found(path, path.relative_to(folder).as_posix(), explicit=False, base=folder))
    return found


def _glob_base(pattern: str) -> Path:
    """The literal folder part of a glob ("data/**/*.txt" -> "data")."""
    parts = []
    for part in Path(pattern).parts:
        if glob.has_magic(part):
            break
        parts.append(part)
    return Path(*parts) if parts else Path(".")


def _expand(item: str) -> list[Found]:
    path = Path(item)
    if path.is_dir():
        return _walk(path)
    if path.is_file():
        return [Found(path, path.name, explicit=True)]
    if glob.has_magic(item):
        base = _glob_base(item)
        found: list[Found] = []
        for match in sorted(glob.glob(item, recursive=True)):
            m = Path(match)
            if m.is_dir():
                found.extend(_walk(m))
            elif m.is_file():
                try:
                    article_id = m.relative_to(base).as_posix()
                except ValueError:
                    article_id = m.name
                found.append(Found(m, article_id, explicit=True))
        if found:
            return found
    raise InputNotFound(item)


@dataclass(frozen=True)
class FileTask:
    """One input file, or a range of lines of a JSONL file, with the metadata planning found for it.
    `path` is the path as the user named it (it labels articles and messages); `abspath` is where any process
    on a machine that sees the same files opens it."""

    path: str
    abspath: str
    meta: ArticleMeta
    meta_by_id: Mapping[str, ArticleMeta] = field(default_factory=dict)
    start: int = 0  # byte range of a JSONL part; end None: to the end of the file
    end: int | None = None
    first_line: int = 1
    lines: int = 1  # articles it may hold (non-blank lines of a JSONL part; 1 for other files)


@dataclass
class Plan:
    """What a run will read: tasks in input order, and the problems found while planning."""

    tasks: list[FileTask] = field(default_factory=list)
    rejects: list[Reject] = field(default_factory=list)
    inputs_seen: list[str] = field(default_factory=list)

    @property
    def articles_expected(self) -> int:
        return sum(t.lines for t in self.tasks)


def plan_inputs(inputs: list[str], manifest: str | None = None, lines_per_task: int = 0) -> Plan:
    """Expand the inputs into read tasks (a JSONL file longer than `lines_per_task` lines is split into parts of
    that many lines; 0: never split) without reading any article. Manifests are read here.

    Raises InputNotFound (before anything is planned) when an input matches nothing.
    """
    found: list[Found] = []
    for item in inputs:
        found.extend(_expand(item))

    plan = Plan()
    manifests: dict[Path, Manifest] = {}

    def manifest_at(path: Path) -> Manifest:
        key = path.resolve()
        if key not in manifests:
            parsed, rejects = read_manifest(path)
            manifests[key] = parsed
            plan.rejects.extend(rejects)
        return manifests[key]

    explicit = manifest_at(Path(manifest)) if manifest else None
    seen_paths: set[Path] = set()
    for item in found:
        resolved = item.path.resolve()
        if resolved in seen_paths:
            continue
        seen_paths.add(resolved)
        if item.path.name == MANIFEST_NAME:
            manifest_at(item.path)
            continue
        suffix = item.path.suffix.lower()
        if suffix not in READERS and not item.explicit and suffix in COMPANION_SUFFIXES:
            continue
        plan.inputs_seen.append(str(item.path))
        if suffix not in READERS:
            plan.rejects.append(Reject(path=str(item.path), article_id=item.article_id, stage=STAGE,
                                       code=E_UNSUPPORTED.code,
                                       message=E_UNSUPPORTED.format(path=item.path, suffix=item.path.suffix)))
            continue
        local = [manifest_at(f / MANIFEST_NAME) for f in item.manifest_folders() if (f / MANIFEST_NAME).is_file()]
        sources = ([explicit] if explicit else []) + local  # first wins
        meta = ArticleMeta(article_id=item.article_id)
        for source in sources:
            entry = source.lookup(item.path)
            if entry is not None:
                meta = meta.filled_from(entry)
        meta_by_id: dict[str, ArticleMeta] = {}
        if suffix == ".jsonl":
            for source in reversed(sources):  # explicit manifest last: it wins
                meta_by_id.update(source.by_key)
            plan.tasks.extend(_jsonl_tasks(item.path, resolved, meta, meta_by_id, lines_per_task))
        else:
            plan.tasks.append(FileTask(str(item.path), str(resolved), meta))
    return plan


def _jsonl_tasks(path: Path, resolved: Path, meta: ArticleMeta, meta_by_id: dict[str, ArticleMeta],
                 lines_per_task: int) -> list[FileTask]:
    """A JSONL file as tasks of at most `lines_per_task` non-blank lines, found by scanning its bytes for line
    ends (nothing is parsed or kept)."""
    whole = FileTask(str(path), str(resolved), meta, meta_by_id)
    tasks: list[FileTask] = []
    try:
        handle = open(resolved, "rb")  # noqa: SIM115
    except OSError:
        return [whole]  # reading it reports the problem
    with handle:
        start, first, number, count, pos = 0, 1, 0, 0, 0
        for line in handle:
            number += 1
            pos += len(line)
            if line.strip():
                count += 1
            if lines_per_task and count >= lines_per_task:
                tasks.append(FileTask(str(path), str(resolved), meta, meta_by_id, start, pos, first, count))
                start, first, count = pos, number + 1, 0
        if count or not tasks:
            tasks.append(FileTask(str(path), str(resolved), meta, meta_by_id, start, None if not tasks else pos,
                                  first, max(count, 1) if not tasks else count))
    return tasks


def read_task(task: FileTask) -> tuple[list[Article], list[Reject]]:
    """The articles of one task, and rejects for what could not be read."""
    suffix = Path(task.path).suffix.lower()
    if suffix == ".jsonl":
        return read_jsonl(Path(task.path), task.meta_by_id, file_meta=task.meta, abspath=task.abspath,
                          start=task.start, end=task.end, first_line=task.first_line)
    one = _BY_PATH.get(suffix)
    if one is not None:  # open the absolute path (a worker's working folder may differ), label with the given one
        try:
            return [one(Path(task.path), task.meta, opened=task.abspath)], []
        except ReadError as exc:
            return [], [Reject(path=task.path, article_id=task.meta.article_id, stage=STAGE, code=exc.code,
                               message=exc.message)]
    return READERS[suffix](Path(task.path), task.meta, task.meta_by_id)


_BY_PATH = {".txt": read_text, ".html": read_html, ".htm": read_html}


def read_inputs(inputs: list[str], manifest: str | None = None) -> ReadResult:
    """Read every article the inputs name; rejects collect every problem found (all in memory: for a corpus,
    a run reads `plan_inputs` tasks one batch at a time).

    Raises InputNotFound (before reading anything) when an input matches nothing.
    """
    plan = plan_inputs(inputs, manifest)
    result = ReadResult(rejects=list(plan.rejects), inputs_seen=list(plan.inputs_seen))
    seen_ids: set[str] = set()
    for task in plan.tasks:
        articles, rejects = read_task(task)
        result.rejects.extend(rejects)
        for article in articles:
            reject = duplicate_id(article, seen_ids)
            if reject is not None:
                result.rejects.append(reject)
                continue
            result.articles.append(article)
    return result


def duplicate_id(article: Article | ArticleRef, seen_ids: set[str]) -> Reject | None:
    """An E007 reject when an article of the same id was read before (else the id is noted)."""
    if article.article_id in seen_ids:
        return Reject(path=article.source_path, article_id=article.article_id, stage=STAGE,
                      code=E_DUPLICATE_ID.code,
                      message=E_DUPLICATE_ID.format(path=article.source_path, article_id=article.article_id))
    seen_ids.add(article.article_id)
    return None

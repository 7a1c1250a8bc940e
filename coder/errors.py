"""One catalogue of error and skip codes, each with a message template and a hint.

Readers, loaders and stages report problems by code; tests assert on the codes.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Code:
    code: str
    message: str
    hint: str = ""

    def format(self, **kw: object) -> str:
        return self.message.format(**kw)


# Input (read stage): the article could not be read at all.
E_NOT_FOUND = Code("E001", "{path}: no such file or directory", "check the path or glob")
E_EMPTY = Code("E002", "{path}: file is empty", "")
E_BINARY = Code("E003", "{path}: binary content (NUL bytes or non-text data)", "pass .txt, .html/.htm or .jsonl files")
E_ENCODING = Code("E004", "{path}: not valid UTF-8 ({detail})", "re-encode the file as UTF-8")
E_JSONL_LINE = Code("E005", "{path}:{line}: malformed JSONL line ({detail})", "each line must be one JSON object with `text` or `html`")
E_NO_TEXT = Code("E006", "{path}: no article text after removing page chrome", "")
E_UNSUPPORTED = Code("E007", "{path}: unsupported file type {suffix!r}", "use .txt, .html, .htm or .jsonl")
E_MANIFEST = Code("E008", "{path}:{line}: bad manifest entry ({detail})", "fields: file, outlet, url, published, language")
E_DUPLICATE_ID = Code("E009", "{path}: article id {article_id!r} already read from another input", "give JSONL lines unique ids")
E_STAGE_FAILED = Code("E010", "{path}: stage {stage} failed: {detail}", "this is a bug; please report it with the article")

# Data files (rules, actors, gazetteer): refused when they load.
E_DATA = Code("E101", "{file}: {where}: {detail}", "fix the data file; see schemas/ for its shape")

# Mentions seen and deliberately not coded (run report `skipped`).
S_BACKGROUND = Code("S201", "background: dated {date} ({kind}), before the story's news window", "")
S_NO_DATE = Code("S202", "no date can be resolved for this story", "")
S_NO_LOCATION = Code("S203", "no location below country level for a violent event", "")
S_CAPTION = Code("S204", "photo caption: never the sole basis of an event", "")
S_FILTERED = Code("S205", "trigger {trigger!r} not an event: {filter_id}", "")
S_NO_ACTOR = Code("S206", "no actor could be coded", "")

ALL_CODES = {c.code: c for c in globals().values() if isinstance(c, Code)}


class DataFileError(ValueError):
    """A rules, actor or gazetteer file was refused when it loaded."""

    def __init__(self, file: str, where: str, detail: str):
        self.file, self.where, self.detail = file, where, detail
        super().__init__(E_DATA.format(file=file, where=where, detail=detail))

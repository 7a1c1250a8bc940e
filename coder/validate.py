"""Check a dataset against the published schema, collecting every problem (row, column, problem).

Like frictionless/pandera: validation never stops at the first error; it returns a report.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
from pydantic import ValidationError

from coder.record import ARROW_SCHEMA, COLUMNS, EventRecord, row_problems


class DatasetUnreadable(Exception):
    """The file is missing or is not a Parquet file."""


@dataclass(frozen=True)
class Problem:
    row: int | None  # None: the whole column / file
    column: str
    problem: str

    def __str__(self) -> str:
        where = "all rows" if self.row is None else f"row {self.row}"
        return f"{where}, column {self.column}: {self.problem}"


@dataclass
class ValidationReport:
    path: str
    rows: int = 0
    problems: list[Problem] = field(default_factory=list)
    metadata: dict[str, str] = field(default_factory=dict)

    @property
    def valid(self) -> bool:
        return not self.problems


def _same_kind(expected: pa.DataType, actual: pa.DataType) -> bool:
    """Logical type equality: dictionary-encoded text equals plain text, any int width equals int."""
    if pa.types.is_dictionary(expected):
        expected = expected.value_type
    if pa.types.is_dictionary(actual):
        actual = actual.value_type
    if pa.types.is_integer(expected):
        return pa.types.is_integer(actual)
    if pa.types.is_floating(expected):
        return pa.types.is_floating(actual)
    if pa.types.is_string(expected):
        return pa.types.is_string(actual) or pa.types.is_large_string(actual)
    if pa.types.is_list(expected):
        return (pa.types.is_list(actual) or pa.types.is_large_list(actual)) and _same_kind(
            expected.value_type, actual.value_type)
    if pa.types.is_struct(expected):
        if not pa.types.is_struct(actual):
            return False
        fields = {f.name: f.type for f in actual}
        return all(f.name in fields and _same_kind(f.type, fields[f.name]) for f in expected)
    return expected.equals(actual)


def validate_table(table: pa.Table, path: str = "<table>") -> ValidationReport:
    report = ValidationReport(path=path, rows=table.num_rows)
    report.metadata = {k.decode(): v.decode() for k, v in (table.schema.metadata or {}).items()}
    present = table.column_names
    for name in COLUMNS:
        if name not in present:
            report.problems.append(Problem(None, name, "missing column"))
    for name in present:
        if name not in COLUMNS:
            report.problems.append(Problem(None, name, "unexpected column (not in the schema)"))
    expected_order = [c for c in COLUMNS if c in present]
    if [c for c in present if c in COLUMNS] != expected_order:
        report.problems.append(Problem(None, "*", "columns are not in ACLED order"))
    for f in ARROW_SCHEMA:
        if f.name in present and not _same_kind(f.type, table.schema.field(f.name).type):
            report.problems.append(Problem(None, f.name, f"type {table.schema.field(f.name).type} where {f.type} is expected"))

    seen_ids: dict[str, int] = {}
    for i, row in enumerate(table.to_pylist()):
        row = {k: v for k, v in row.items() if k in COLUMNS}
        try:
            record = EventRecord.model_validate(row, strict=True)
        except ValidationError as err:
            for e in err.errors():
                loc = e["loc"]
                column = str(loc[0]) if loc else "*"
                detail = e["msg"] if len(loc) <= 1 else f"{'.'.join(map(str, loc[1:]))}: {e['msg']}"
                if e["type"] == "missing" and column in COLUMNS and not any(
                        p.row is None and p.column == column for p in report.problems):
                    detail = "missing value"
                if not (e["type"] == "missing" and any(p.row is None and p.column == column for p in report.problems)):
                    report.problems.append(Problem(i, column, f"{detail} (got {e.get('input')!r})" if e["type"] != "missing" else detail))
            continue
        for column, problem in row_problems(record):
            report.problems.append(Problem(i, column, problem))
        if record.event_id_cnty in seen_ids:
            report.problems.append(Problem(i, "event_id_cnty", f"duplicate of row {seen_ids[record.event_id_cnty]}"))
        seen_ids.setdefault(record.event_id_cnty, i)
    return report


def validate_dataset(path: str | Path) -> ValidationReport:
    """Validate a dataset: an events Parquet file, a partitioned events folder, or a dataset folder holding
    either. Raises DatasetUnreadable when it cannot be read at all."""
    from coder.store import EVENTS_DIR, EVENTS_FILE, read_events

    path = Path(path)
    if not path.exists():
        raise DatasetUnreadable(f"{path}: no such file or folder")
    if path.is_dir() and not (path / EVENTS_FILE).exists() and not (path / EVENTS_DIR).exists() \
            and not any(path.rglob("*.parquet")):
        raise DatasetUnreadable(f"{path}: a folder with neither {EVENTS_FILE} nor {EVENTS_DIR}/ nor Parquet files")
    try:
        table = pq.read_table(path) if path.is_file() else read_events(path)
    except (pa.ArrowInvalid, pa.ArrowException, OSError, KeyError, ValueError) as err:
        raise DatasetUnreadable(f"{path}: not a readable Parquet {'file' if path.is_file() else 'dataset'} ({err})") from err
    return validate_table(table, str(path))

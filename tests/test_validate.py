"""The record model, the Arrow schema and `coder validate` on good and corrupted datasets."""

from __future__ import annotations

import datetime as dt

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from coder.cli import app
from coder.models import Citation
from coder.record import ARROW_SCHEMA, COLUMNS, EventRecord, records_to_table
from coder.validate import validate_dataset, validate_table


def make_record(**over) -> EventRecord:
    base = dict(
        event_id_cnty="IRQ1", event_date=dt.date(2020, 10, 10), year=2020, time_precision=1,
        disorder_type="Political violence", event_type="Explosions/Remote violence",
        sub_event_type="Remote explosive/landmine/IED", actor1="Unidentified Armed Group (Iraq)",
        inter1="Political militia", actor2="Civilians (Iraq)", inter2="Civilians",
        interaction="Political militia-Civilians", civilian_targeting="Civilian targeting", iso=368,
        region="Middle East", country="Iraq", admin1="Al-Anbar", admin2="Ana", admin3="Rawa",
        location="Rawa", latitude=34.4823, longitude=41.919, geo_precision=2, source="Example Wire",
        source_scale="National", notes="On 10 October 2020, an IED exploded in Rawa. One fatality reported.",
        fatalities=1, tags=None, timestamp=1602374400, inter1_code=3, inter2_code=7, interaction_code=37,
        citations=[Citation(article_id="a.txt", quote="A bomb exploded in Rawa.", start=0, end=24,
                            supports=["event", "location"])],
    )
    base.update(over)
    return EventRecord(**base)


def write(tmp_path, table: pa.Table):
    path = tmp_path / "events.parquet"
    pq.write_table(table, path)
    return path


def test_columns_are_acled_order_plus_codes_and_citations():
    assert COLUMNS[:3] == ("event_id_cnty", "event_date", "year")
    assert COLUMNS[29:31] == ("tags", "timestamp")
    assert COLUMNS[31:] == ("inter1_code", "inter2_code", "interaction_code", "citations")
    assert len(COLUMNS) == 35


def test_valid_dataset_round_trips(tmp_path):
    records = [make_record(), make_record(event_id_cnty="IRQ2", fatalities=0)]
    path = write(tmp_path, records_to_table(records))
    report = validate_dataset(path)
    assert report.valid, [str(p) for p in report.problems]
    back = pq.read_table(path)
    assert back.schema.field("event_type").type == ARROW_SCHEMA.field("event_type").type
    assert pa.types.is_dictionary(back.schema.field("event_type").type)
    assert back.schema.field("event_date").type == pa.date32()
    again = [EventRecord.model_validate(r, strict=True) for r in back.to_pylist()]
    assert again == records


CORRUPTIONS = [
    ("missing column", lambda t: t.drop_columns(["fatalities"]), None, "fatalities", "missing column"),
    ("wrong type", lambda t: t.set_column(t.schema.get_field_index("fatalities"), "fatalities",
                                          pa.array(["one", "0"])), 0, "fatalities", "integer"),
    ("event type outside taxonomy", lambda t: t.set_column(t.schema.get_field_index("event_type"), "event_type",
                                                            pa.array(["Explosions/Remote violence", "Terrorism"])),
     1, "event_type", "Input should be"),
    ("negative fatalities", lambda t: t.set_column(t.schema.get_field_index("fatalities"), "fatalities",
                                                   pa.array([1, -3], pa.int32())), 1, "fatalities", "greater than or equal to 0"),
    ("sub-event of another type", lambda t: t.set_column(t.schema.get_field_index("sub_event_type"), "sub_event_type",
                                                         pa.array(["Remote explosive/landmine/IED", "Peaceful protest"])),
     1, "sub_event_type", "belongs to"),
    ("duplicate id", lambda t: t.set_column(0, "event_id_cnty", pa.array(["IRQ1", "IRQ1"])), 1, "event_id_cnty", "duplicate"),
]


@pytest.mark.parametrize("label,corrupt,row,column,fragment", CORRUPTIONS, ids=[c[0] for c in CORRUPTIONS])
def test_corrupted_dataset_names_row_and_column(tmp_path, label, corrupt, row, column, fragment):
    table = corrupt(records_to_table([make_record(), make_record(event_id_cnty="IRQ2")]))
    path = write(tmp_path, table)
    report = validate_dataset(path)
    assert not report.valid
    hits = [p for p in report.problems if p.column == column and (row is None or p.row == row)]
    assert hits, [str(p) for p in report.problems]
    assert any(fragment in p.problem for p in hits), [str(p) for p in hits]

    result = CliRunner().invoke(app, ["validate", str(path)])
    assert result.exit_code == 1
    where = "all rows" if row is None else f"row {row}"
    assert f"{where}, column {column}" in result.output


def test_validate_cli_exit_codes(tmp_path):
    good = write(tmp_path, records_to_table([make_record()]))
    assert CliRunner().invoke(app, ["validate", str(good)]).exit_code == 0
    junk = tmp_path / "junk.parquet"
    junk.write_bytes(b"not parquet at all")
    result = CliRunner().invoke(app, ["validate", str(junk)])
    assert result.exit_code == 2 and "not a readable Parquet file" in result.output
    assert CliRunner().invoke(app, ["validate", str(tmp_path / "absent.parquet")]).exit_code == 2


def test_interaction_must_match_inter_codes():
    table = records_to_table([make_record(interaction="State forces-Civilians")])
    report = validate_table(table)
    assert [(p.row, p.column) for p in report.problems] == [(0, "interaction")]

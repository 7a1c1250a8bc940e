"""schemas/ is generated from the models: it must not drift, and `coder schema` prints it."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from coder.cli import app
from coder.record import COLUMNS
from coder.schema import SCHEMAS_DIR, json_schemas, render


@pytest.mark.parametrize("name", sorted(json_schemas()))
def test_committed_schema_matches_models(name):
    path = SCHEMAS_DIR / f"{name}.schema.json"
    assert path.exists(), f"{path} missing: run `coder schema --write`"
    assert path.read_text("utf-8") == render(json_schemas()[name]), f"{path} drifted from the models: run `coder schema --write`"


def test_cli_prints_event_schema():
    result = CliRunner().invoke(app, ["schema"])
    assert result.exit_code == 0
    schema = json.loads(result.output)
    assert list(schema["properties"]) == list(COLUMNS)
    assert schema["x-column-order"] == list(COLUMNS)


# ---------------------------------------------------------------------------
# The numeric inter columns (the pre-2024 layout) next to the text labels
# ---------------------------------------------------------------------------

def test_numeric_inter_columns_follow_acleds_31():
    from coder.record import ARROW_SCHEMA

    assert COLUMNS.index("timestamp") == 30  # ACLED's 31 columns keep their positions
    assert COLUMNS[31:34] == ("inter1_code", "inter2_code", "interaction_code")
    schema = json_schemas()["event-record"]
    assert schema["properties"]["inter2_code"]["anyOf"][0] == {"maximum": 8, "minimum": 1, "type": "integer"}
    assert set(schema["required"]) >= {"inter1_code", "interaction_code"} and "inter2_code" not in schema["required"]
    assert not ARROW_SCHEMA.field("inter1_code").nullable and ARROW_SCHEMA.field("inter2_code").nullable


@pytest.mark.parametrize(("inter1", "inter2", "code"), [(3, 7, 37), (7, 3, 37), (8, 1, 18), (2, 2, 22), (2, None, 20),
                                                        (6, None, 60), (1, 8, 18)])
def test_interaction_code_smaller_digit_first(inter1, inter2, code):
    from coder.record import interaction_code

    assert interaction_code(inter1, inter2) == code


@pytest.mark.parametrize(
    ("over", "columns"),
    [
        ({}, []),
        ({"inter1_code": 2}, ["inter1_code", "interaction_code"]),
        ({"inter2_code": None}, ["inter2_code", "interaction_code"]),
        ({"interaction_code": 73}, ["interaction_code"]),
        ({"actor2": None, "inter2": None, "interaction": "Political militia only", "inter2_code": None,
          "interaction_code": 30, "civilian_targeting": None}, []),
    ],
)
def test_codes_must_agree_with_labels(over, columns):
    from coder.record import row_problems
    from test_validate import make_record

    assert [c for c, _ in row_problems(make_record(**over))] == columns

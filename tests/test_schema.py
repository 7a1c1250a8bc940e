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

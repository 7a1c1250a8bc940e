"""JSON Schemas generated from the models. `schemas/` holds them; a test fails when they drift."""

from __future__ import annotations

import json
from pathlib import Path

from coder import SCHEMA_VERSION
from coder.models import Citation
from coder.record import COLUMNS, EventRecord

SCHEMAS_DIR = Path(__file__).resolve().parents[1] / "schemas"


def _models() -> dict[str, type]:
    from coder.actors import ActorFile
    from coder.rules import RuleFile

    return {
        "event-record": EventRecord,
        "citation": Citation,
        "rule-file": RuleFile,
        "actor-file": ActorFile,
    }


def json_schemas() -> dict[str, dict]:
    """name -> JSON Schema (draft 2020-12) of each published model."""
    out = {}
    for name, model in _models().items():
        schema = model.model_json_schema()
        schema = {"$schema": "https://json-schema.org/draft/2020-12/schema",
                  "$id": f"acled-coder/{name}/{SCHEMA_VERSION}", **schema}
        if name == "event-record":
            schema["x-column-order"] = list(COLUMNS)
            schema["x-schema-version"] = SCHEMA_VERSION
        out[name] = schema
    return out


def render(schema: dict) -> str:
    return json.dumps(schema, indent=2, sort_keys=False, ensure_ascii=False) + "\n"


def write_schemas(directory: Path = SCHEMAS_DIR) -> list[Path]:
    directory.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, schema in json_schemas().items():
        path = directory / f"{name}.schema.json"
        path.write_text(render(schema), "utf-8")
        paths.append(path)
    return paths

"""run.json's lists are written item by item with coder.pipeline._indented, which must give exactly what
json.dumps(indent=2, ensure_ascii=False, default=str) gives (the report's bytes do not depend on the writer)."""

from __future__ import annotations

import datetime as dt
import json
from collections import OrderedDict

from hypothesis import given, settings
from hypothesis import strategies as st

from coder.pipeline import _indented

SCALARS = (st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True, allow_infinity=True)
           | st.text() | st.dates())
KEYS = st.text() | st.integers() | st.booleans() | st.none() | st.floats(allow_nan=False)
VALUES = st.recursive(SCALARS, lambda inner: st.lists(inner, max_size=4) | st.tuples(inner, inner)
                      | st.dictionaries(KEYS, inner, max_size=4), max_leaves=25)


def _reference(item, level: int) -> str:
    text = json.dumps(item, indent=2, ensure_ascii=False, default=str)
    return "\n".join("  " * level + line for line in text.split("\n"))


def _ours(item, level: int) -> str:
    parts = ["  " * level]
    _indented(item, level, parts)
    return "".join(parts)


@settings(max_examples=400, deadline=None)
@given(VALUES, st.integers(min_value=0, max_value=3))
def test_indented_writes_what_json_dumps_writes(item, level):
    assert _ours(item, level) == _reference(item, level)


def test_indented_edge_cases():
    for item in [{}, [], (), "é\"\\\n\t\u2028\x00", {"a": [], "b": {}, 1: 2.5, 2.0: float("nan"), True: None,
                 False: [float("inf"), -float("inf"), -0.0, 1e300]}, OrderedDict([("b", 1), ("a", dt.date(2020, 1, 2))]),
                 {"x": {1, 2}}, [[[]], [{}]], 3, None]:
        for level in (0, 2):
            assert _ours(item, level) == _reference(item, level)

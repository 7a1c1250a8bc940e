"""The built gazetteer matches its manifest and is reproducible from ../shared/gazetteer-sources."""

from __future__ import annotations

import gzip
import hashlib
import json

import pytest

from coder.gazetteer_build import COLUMNS, build_gazetteer
from coder.places import default_gazetteer_dir
from conftest import SHARED, require_shared

GAZ = default_gazetteer_dir()
BUILT = ["places.tsv.gz", "names.marisa", "countries.tsv", "ATTRIBUTION.md"]


def _manifest() -> dict:
    return json.loads((GAZ / "MANIFEST.json").read_text("utf-8"))


@pytest.mark.parametrize("name", BUILT)
def test_manifest_checksums_match_built_files(name):
    entry = _manifest()["files"][name]
    assert hashlib.sha256((GAZ / name).read_bytes()).hexdigest() == entry["sha256"]


def test_manifest_row_counts_and_version():
    m = _manifest()
    with gzip.open(GAZ / "places.tsv.gz", "rt", encoding="utf-8") as f:
        lines = f.read().splitlines()
    assert lines[0].split("\t") == list(COLUMNS)
    assert len(lines) - 1 == m["files"]["places.tsv.gz"]["rows"]
    expected = hashlib.sha256("".join(m["files"][k]["sha256"] for k in sorted(m["files"])).encode()).hexdigest()
    assert m["version"] == expected
    assert all(s["licence"] and len(s["sha256"]) == 64 for s in m["sources"])


@pytest.mark.parametrize("place_id, name, feature, admin1, admin2", [
    ("ocha:IQG01", "Al-Anbar", "admin1", "Al-Anbar", ""),
    ("ocha:IQG01Q05", "Ana", "admin2", "Al-Anbar", "Ana"),
    ("sup:IQ-SUP-0002", "Al-Tobji", "neighbourhood", "Baghdad", "Al-Kadhmiyah"),
    ("sup:IQ-SUP-0007", "Rawa district", "admin2", "Al-Anbar", "Ana"),
    ("country:SYR", "Syria", "country", "", ""),
    # world layer: GeoNames admin units by code, named without their unit noun
    ("gn:1138958", "Kabul", "city", "Kabul", "Kabul"),
    ("gn:1147707", "Badghis", "admin1", "Badghis", ""),
    # WOF countries: admin units by point-in-polygon, named as in GeoNames
    ("wof:85678381", "Deir ez-Zor", "admin1", "Deir ez-Zor", ""),
])
def test_known_rows(place_id, name, feature, admin1, admin2):
    with gzip.open(GAZ / "places.tsv.gz", "rt", encoding="utf-8") as f:
        rows = {line.split("\t")[0]: line.split("\t") for line in f}
    row = dict(zip(COLUMNS, rows[place_id]))
    assert (row["name"], row["feature"], row["admin1"], row["admin2"]) == (name, feature, admin1, admin2)


def test_size_is_modest():
    """The world (about 410,000 places, 1.1 million name keys) stays small enough to commit and ship."""
    assert sum((GAZ / n).stat().st_size for n in BUILT) < 40_000_000


def test_name_trie_points_at_rows():
    import marisa_trie

    from coder.places import NAME_RECORD, fold_key

    trie = marisa_trie.RecordTrie(NAME_RECORD)
    trie.mmap(str(GAZ / "names.marisa"))
    with gzip.open(GAZ / "places.tsv.gz", "rt", encoding="utf-8") as f:
        rows = [line.rstrip("\n").split("\t") for line in f][1:]
    for name in ("Fallujah", "Kabul", "Deir ez-Zor", "Maiduguri"):
        hits = trie.get(fold_key(name))
        assert hits, name
        assert any(fold_key(rows[i][1]) == fold_key(name) and primary for i, primary in hits), name


def test_rebuild_is_byte_identical(tmp_path):
    """Build from ../shared into a temp dir: every built file equals the committed one (about 10 s)."""
    sources = require_shared(SHARED / "gazetteer-sources")
    manifest = build_gazetteer(sources, tmp_path)
    for name in BUILT + ["MANIFEST.json"]:
        assert (tmp_path / name).read_bytes() == (GAZ / name).read_bytes(), name
    assert manifest == _manifest()

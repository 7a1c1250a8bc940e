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


@pytest.mark.parametrize("name, feature, expected", [
    ("Qaryat az Zuhayrat", "village", {"Az Zuhayrat"}),  # "village of": the article then starts the name
    ("Nahiyat Abi Sayda", "village", {"Abi Sayda"}),  # "subdistrict of"
    ("'Arab Farhatiyah", "village", {"Farhatiyah"}),
    ("Hay al Jihad", "neighbourhood", {"Al Jihad"}),
    ("Hay River", "town", set()),  # "Hay" only before an Arabic article
    ("Qaryat Tall adh Dhahab as Sufla", "village", {"Tall adh Dhahab as Sufla"}),  # size/position words stay
    ("Kani Masi as Saghirah", "village", set()),
    ("Qaryat Abu", "village", set()),  # too short to stand alone
    ("Al Asad Airport", "landmark", {"Al Asad Air Base", "Al Asad Airbase", "Al Asad Airfield"}),
    ("Al Asad Airport", "village", set()),  # airfield forms only for a landmark
    ("قرية الزهيرات", "village", set()),  # other scripts are not indexed
])
def test_variant_names(name, feature, expected):
    from coder.gazetteer_build import variant_names

    assert variant_names(name, feature) == expected


def _trie_and_rows():
    import marisa_trie

    from coder.places import NAME_RECORD

    trie = marisa_trie.RecordTrie(NAME_RECORD)
    trie.mmap(str(GAZ / "names.marisa"))
    with gzip.open(GAZ / "places.tsv.gz", "rt", encoding="utf-8") as f:
        rows = [dict(zip(COLUMNS, line.rstrip("\n").split("\t"))) for line in f][1:]
    return trie, rows


def test_former_villages_are_kept_under_free_names():
    """WOF localities marked not current (abandoned or destroyed villages) are places reports still name; each
    is indexed only under names no current place of its country has."""
    from coder.places import fold_key

    trie, rows = _trie_and_rows()
    hits = [rows[i] for i, _ in trie.get(fold_key("Umm al-Hintah"), [])]
    assert [(r["name"], r["admin1"], r["admin2"], r["feature"]) for r in hits if r["iso3"] == "IRQ"] == [
        ("Umm al Hintah", "Diyala", "Khanaqin", "village")]
    assert any(r["name"] == "Artis" and r["admin1"] == "Duhok" for r in (rows[i] for i, _ in trie.get("artish", [])))
    # Abu Ghraib is a current town: its superseded WOF record (1125924245), all of whose names current places
    # have, adds no second Abu Ghraib
    assert "wof:1125924245" not in {r["id"] for r in rows}


def test_generic_word_variants_fill_gaps_only():
    """'Qaryat az Zuhayrat' answers to 'Zuhayrat' (no Iraqi place is called so), but 'Qaryat Jazirah' does not
    answer to 'Jazirah', a name other Iraqi places have."""
    from coder.places import fold_key

    trie, rows = _trie_and_rows()
    zuh = [rows[i]["name"] for i, _ in trie.get(fold_key("Zuhayrat"), []) if rows[i]["iso3"] == "IRQ"]
    assert zuh == ["Qaryat az Zuhayrat"]
    jaz = {rows[i]["name"] for i, _ in trie.get(fold_key("Jazirah"), []) if rows[i]["iso3"] == "IRQ"}
    assert jaz and "Qaryat Jazirah" not in jaz


def test_airfield_names():
    """Al Asad Airport answers to 'Al Asad Air Base'; Al Taqaddum Airport no longer carries WOF's alternate
    name 'Al Asad Airport', which is the other base's own name."""
    from coder.places import fold_key

    trie, rows = _trie_and_rows()
    asad = {rows[i]["name"] for i, _ in trie.get(fold_key("Al Asad Air Base"), [])}
    assert asad == {"Al Asad Airport"}
    assert {rows[i]["name"] for i, _ in trie.get(fold_key("Al Asad Airport"), [])} == {"Al Asad Airport"}


@pytest.mark.parametrize("name, expected", [
    ("Fish Khabur", {"Fishkhabur"}),
    ("Kēl-a Shīn", {"Kēlashīn"}),  # a Kurdish izafe between two words
    ("Al Qaim", set()),  # an article never joins
    ("Tall Abu Jabbar", set()),  # three full words stay apart
    ("Qaryat Jabbar", {"Jabbar"}),
])
def test_joined_variant_names(name, expected):
    from coder.gazetteer_build import variant_names

    assert variant_names(name, "village", joined=True) == expected
    assert "Fishkhabur" not in variant_names("Fish Khabur", "village")  # focus countries only


def test_neighbourhood_after_hay():
    """A neighbourhood of a focus country also answers to "Hay <name>" (quarter), as reports write it."""
    from coder.gazetteer_build import variant_names
    from coder.places import fold_key

    assert variant_names("Jihad", "neighbourhood", joined=True) == {"Hay Jihad"}
    assert fold_key("Hay Jihad") == fold_key("Hay al-Jihad") == fold_key("Hai al-Jihad")
    assert variant_names("Jihad", "village", joined=True) == set()

"""`--gazetteer-extra`: a user's CSV of places and aliases, checked when it loads and used in resolution."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from coder.errors import DataFileError
from coder.gazetteer_extra import read_extra
from coder.places import Gazetteer, PlaceContext, find_place_mentions

HEADER = "name,feature,lat,lon,country,admin1,admin2,admin3,population,aliases,alias_of\n"
GOOD = HEADER + (
    "Umm Khudayrat,village,34.312,45.401,IRQ,,,,,Um Khudairat,\n"
    "Kesan Valley,landmark,37.30,43.05,IRQ,Duhok,Zakho,,,,\n"
    ",,,,,,,,,Slemani Governorate,ocha:IQG06\n"
)


@pytest.fixture(scope="module")
def gaz(tmp_path_factory):
    path = tmp_path_factory.mktemp("extra") / "extra.csv"
    path.write_text(GOOD, "utf-8")
    return Gazetteer.load(extra=path)


@pytest.mark.parametrize("text, name, feature, admin1", [
    # a new village: admin units taken from the nearest known town (Khanaqin district, Diyala)
    ("Gunmen attacked the village of Umm Khudayrat in Diyala on Monday.", "Umm Khudayrat", "village", "Diyala"),
    ("Gunmen attacked the village of Um Khudairat in Diyala on Monday.", "Umm Khudayrat", "village", "Diyala"),
    # admin units as given
    ("Turkish jets struck the Kesan Valley near Zakho.", "Kesan Valley", "landmark", "Duhok"),
    # an alias of an existing province
    ("Protests continued across Slemani Governorate on Friday.", "Al-Sulaymaniyah", "admin1", "Al-Sulaymaniyah"),
])
def test_extra_places_and_aliases_resolve(gaz, text, name, feature, admin1):
    found = [m.place for m in find_place_mentions(text, 0, gaz, PlaceContext(iso3="IRQ")) if m.place]
    assert any((p.name, p.feature, p.admin1) == (name, feature, admin1) for p in found), found


def test_extra_place_gets_admin_units_from_nearest_town(gaz):
    p = gaz.by_id("extra:2")
    assert (p.admin1, p.admin2, p.source) == ("Diyala", "Khanaqin", "extra")
    assert gaz.extra_version and len(gaz.extra_version) == 64


@pytest.mark.parametrize("body, where, problem", [
    ("name,feature,lat\n", "header", "missing column"),
    (HEADER.replace("alias_of", "alias_of,colour"), "header", "unknown column"),
    (HEADER + "X,hamlet,34,45,IRQ,,,,,,\n", "line 2, column feature", "is not one of"),
    (HEADER + "X,village,north,45,IRQ,,,,,,\n", "line 2, column lat/lon", "not numbers"),
    (HEADER + "X,village,95,45,IRQ,,,,,,\n", "line 2, column lat/lon", "out of range"),
    (HEADER + "X,village,34,45,Iraq,,,,,,\n", "line 2, column country", "not an ISO3"),
    (HEADER + "X,village,34,,IRQ,,,,,,\n", "line 2, column lon", "required"),
    (HEADER + "X,village,34,45,IRQ,,,,many,,\n", "line 2, column population", "whole number"),
    (HEADER + ",,,,,,,,,,gn:98463\n", "line 2, column aliases", "at least one alias"),
    (HEADER + "X,,,,,,,,,Y,gn:98463\n", "line 2", "must leave"),
    (HEADER + "X,village,34,45,IRQ,,,,,,,extra\n", "line 2", "more fields"),
])
def test_bad_rows_are_refused_with_file_line_and_column(tmp_path, body, where, problem):
    path = tmp_path / "extra.csv"
    path.write_text(body, "utf-8")
    with pytest.raises(DataFileError) as err:
        read_extra(path, {"IRQ"})
    assert err.value.file == str(path) and err.value.where == where and problem in err.value.detail


def test_alias_of_an_unknown_id_is_refused(tmp_path):
    path = tmp_path / "extra.csv"
    path.write_text(HEADER + ",,,,,,,,,Somewhere,gn:does-not-exist\n", "utf-8")
    with pytest.raises(DataFileError, match="line 2, column alias_of"):
        Gazetteer.load(extra=path)


def test_cli_uses_the_extra_file_and_refuses_a_bad_one(tmp_path):
    art = tmp_path / "in"
    art.mkdir()
    (art / "a.txt").write_text("Gunmen killed two farmers in the village of Umm Khudayrat in Diyala on Monday, "
                               "police said.\n", "utf-8")
    (art / "manifest.jsonl").write_text(json.dumps({"file": "a.txt", "published": "2021-03-10"}) + "\n", "utf-8")
    good = tmp_path / "extra.csv"
    good.write_text(GOOD, "utf-8")
    out = tmp_path / "out"
    done = subprocess.run([sys.executable, "-m", "coder.cli", "run", str(art), "--out", str(out),
                           "--gazetteer-extra", str(good), "--quiet"], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    report = json.loads((out / "run.json").read_text("utf-8"))
    assert report["resources"]["gazetteer_extra"]["sha256"] == read_extra(good, {"IRQ"}).sha256
    import pandas as pd

    events = pd.read_parquet(out / "events.parquet")
    assert list(events["location"]) == ["Umm Khudayrat"] and list(events["geo_precision"]) == [1]
    bad = tmp_path / "bad.csv"
    bad.write_text(HEADER + "X,hamlet,34,45,IRQ,,,,,,\n", "utf-8")
    done = subprocess.run([sys.executable, "-m", "coder.cli", "run", str(art), "--out", str(tmp_path / "o2"),
                           "--gazetteer-extra", str(bad)], capture_output=True, text=True)
    assert done.returncode == 2 and str(bad) in done.stderr and "line 2, column feature" in done.stderr

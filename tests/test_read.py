"""Reading inputs: formats, bad files, manifests, article ids (small fixtures and the seed corpus)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from coder.read import READERS, InputNotFound, read_inputs, read_manifest
from coder.read.jsonl import read_jsonl
from coder.read.text import ArticleMeta, parse_published, read_text
from conftest import SEEDS, require_shared

FIXTURES = Path(__file__).parent / "fixtures"
HTML_FIXTURE = FIXTURES / "read_borno_article.html"

ARTICLE = (
    "Car bomb kills three in Afrin\n\n"
    "AFRIN, Syria (Reuters) - A car bomb exploded in a busy market in the northern Syrian town of Afrin "
    "on Tuesday, killing three civilians, a war monitor said.\n\n"
    "No group claimed responsibility for the blast.\n"
)
ARTICLE_2 = "Houthi drone hits Marib\n\nA drone launched by Houthi forces struck a military camp in Marib on Friday, officials said.\n"


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, "utf-8")
    return path


def codes(result) -> list[str]:
    return [r.code for r in result.rejects]


def test_registry_covers_formats():
    assert set(READERS) == {".txt", ".html", ".htm", ".jsonl"}


# --- bad inputs --------------------------------------------------------------------------------

@pytest.mark.parametrize(
    "name, content, code",
    [
        ("empty.txt", b"", "E002"),
        ("blank.txt", b"  \n\n\t\n", "E002"),
        ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "E003"),
        ("latin1.txt", "Explosión en el mercado de Afrín, según la policía.".encode("latin-1"), "E004"),
        ("nav-only.txt", b"Home\nSubscribe\nShare\n2 min read\n", "E006"),
        ("no-text.html", b"<html><head><title></title></head><body><nav><a href='/'>Home</a></nav></body></html>", "E006"),
        ("report.pdf", b"%PDF-1.4 fake", "E007"),
    ],
)
def test_bad_file_is_rejected_and_others_still_read(tmp_path, name, content, code):
    bad = write(tmp_path / name, content)
    good = write(tmp_path / "good.txt", ARTICLE)
    result = read_inputs([str(bad), str(good)])
    assert codes(result) == [code]
    assert result.rejects[0].path == str(bad)
    assert result.rejects[0].stage == "read"
    assert [a.article_id for a in result.articles] == ["good.txt"]
    assert result.inputs_seen == [str(bad), str(good)]


@pytest.mark.parametrize("missing", ["no/such/file.txt", "no/such/folder/*.txt", "nothing-*.jsonl"])
def test_missing_input_raises(tmp_path, monkeypatch, missing):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(InputNotFound) as err:
        read_inputs([missing])
    assert err.value.path == missing


def test_malformed_jsonl_line_among_good_ones(tmp_path):
    lines = [
        json.dumps({"id": "afrin-1", "text": ARTICLE, "published": "2021-03-02", "outlet": "Reuters"}),
        '{"id": "broken", "text": "unterminated',
        json.dumps(["not", "an", "object"]),
        json.dumps({"id": "no-text", "outlet": "AFP"}),
        "",
        json.dumps({"text": ARTICLE_2, "published": "2021-03-05T08:00:00Z"}),
        json.dumps({"id": "bad-date", "text": ARTICLE_2, "published": "last Tuesday"}),
    ]
    path = write(tmp_path / "feed.jsonl", "\n".join(lines) + "\n")
    result = read_inputs([str(path)])
    assert [a.article_id for a in result.articles] == ["afrin-1", "feed.jsonl:6", "bad-date"]
    assert [(r.code, r.message.split(": ", 1)[0]) for r in result.rejects] == [
        ("E005", f"{path}:2"), ("E005", f"{path}:3"), ("E005", f"{path}:4"), ("E008", f"{path}:7"),
    ]
    first, sixth, bad_date = result.articles
    assert first.outlet == "Reuters" and first.published == dt.date(2021, 3, 2) and first.format == "jsonl"
    assert sixth.published == dt.date(2021, 3, 5)
    assert bad_date.published is None


def test_jsonl_html_field_and_html_without_text(tmp_path):
    html = HTML_FIXTURE.read_text("utf-8")
    lines = [json.dumps({"id": "borno", "html": html}), json.dumps({"id": "empty-page", "html": "<html><body></body></html>"})]
    articles, rejects = read_jsonl(write(tmp_path / "pages.jsonl", "\n".join(lines)))
    assert [a.article_id for a in articles] == ["borno"]
    assert articles[0].outlet == "Lake Chad Monitor"
    assert [(r.code, r.article_id) for r in rejects] == [("E006", "empty-page")]


def test_duplicate_ids_rejected(tmp_path):
    line = json.dumps({"id": "same", "text": ARTICLE})
    write(tmp_path / "a.jsonl", line)
    write(tmp_path / "b.jsonl", line)
    result = read_inputs([str(tmp_path)])
    assert [a.article_id for a in result.articles] == ["same"]
    assert codes(result) == ["E009"]


# --- formats -------------------------------------------------------------------------------------

def test_html_reader_extracts_main_text_and_metadata():
    article = read_inputs([str(HTML_FIXTURE)]).articles[0]
    assert article.format == "html"
    assert article.outlet == "Lake Chad Monitor"
    assert article.published == dt.date(2021, 3, 2)
    assert "Gunmen killed five farmers" in article.text
    assert "Great article" not in article.text  # comments left out
    assert "Sign in" not in article.text
    assert "\n\n" in article.text  # paragraphs separated by blank lines
    kinds = [(article.text[s.start:s.end], s.kind) for s in article.segments]
    assert ("MAIDUGURI, Nigeria (AP) —", "dateline") in kinds
    assert ("Attacks on the rise", "heading") in kinds


def test_manifest_wins_over_html_metadata(tmp_path):
    write(tmp_path / "page.html", HTML_FIXTURE.read_text("utf-8"))
    write(tmp_path / "manifest.jsonl", json.dumps({"file": "page.html", "outlet": "Borno Wire", "language": "en"}))
    article = read_inputs([str(tmp_path)]).articles[0]
    assert (article.outlet, article.published, article.language) == ("Borno Wire", dt.date(2021, 3, 2), "en")


def test_read_text_keeps_text_exactly(tmp_path):
    path = write(tmp_path / "x.txt", ARTICLE)
    article = read_text(path, ArticleMeta(article_id="x.txt", published=dt.date(2021, 3, 2)))
    assert article.text == ARTICLE
    assert article.stories[0].reference_date == dt.date(2021, 3, 2)


@pytest.mark.parametrize(
    "value, expected",
    [("2020-10-11", dt.date(2020, 10, 11)), ("2020-10-11T08:00:00Z", dt.date(2020, 10, 11)),
     ("2020-10-11T23:30:00+03:00", dt.date(2020, 10, 11)), (None, None), ("", None)],
)
def test_parse_published(value, expected):
    assert parse_published(value) == expected


@pytest.mark.parametrize("value", ["11/10/2020", "Sunday", "2020-13-01", 20201011])
def test_parse_published_refuses(value):
    with pytest.raises(ValueError):
        parse_published(value)


# --- folders, manifests, ids ---------------------------------------------------------------------

def make_corpus(root: Path) -> Path:
    write(root / "syria" / "afrin.txt", ARTICLE)
    write(root / "yemen" / "marib.txt", ARTICLE_2)
    write(root / "README.md", "# notes\n")
    write(root / ".hidden" / "skip.txt", ARTICLE)
    write(root / "manifest.jsonl", "\n".join([
        json.dumps({"file": "syria/afrin.txt", "outlet": "Reuters", "published": "2021-03-02", "note": "ignored"}),
        json.dumps({"file": "yemen/marib.txt", "published": "5 March"}),
        json.dumps({"outlet": "no file field"}),
        "{not json",
    ]) + "\n")
    return root


def test_folder_is_walked_sorted_with_manifest(tmp_path):
    root = make_corpus(tmp_path / "corpus")
    result = read_inputs([str(root)])
    assert [a.article_id for a in result.articles] == ["syria/afrin.txt", "yemen/marib.txt"]
    afrin, marib = result.articles
    assert (afrin.outlet, afrin.published) == ("Reuters", dt.date(2021, 3, 2))
    assert marib.published is None  # bad manifest date: field rejected, article still read
    assert sorted(codes(result)) == ["E008", "E008", "E008"]
    assert all(r.path == str(root / "manifest.jsonl") for r in result.rejects)
    assert result.inputs_seen == [str(root / "syria" / "afrin.txt"), str(root / "yemen" / "marib.txt")]


def test_explicit_manifest_elsewhere_matches_by_relative_path_or_name(tmp_path):
    data = tmp_path / "data"
    write(data / "afrin.txt", ARTICLE)
    write(data / "marib.txt", ARTICLE_2)
    meta = write(tmp_path / "meta" / "list.jsonl", "\n".join([
        json.dumps({"file": "../data/afrin.txt", "outlet": "Reuters"}),
        json.dumps({"file": "marib.txt", "outlet": "Saba", "url": "https://example.org/marib"}),
    ]))
    result = read_inputs([str(data / "*.txt")], manifest=str(meta))
    assert [(a.article_id, a.outlet) for a in result.articles] == [("afrin.txt", "Reuters"), ("marib.txt", "Saba")]
    assert result.articles[1].url == "https://example.org/marib"


def test_explicit_manifest_wins_over_folder_manifest(tmp_path):
    root = make_corpus(tmp_path / "corpus")
    meta = write(tmp_path / "override.jsonl", json.dumps({"file": "afrin.txt", "outlet": "AFP"}))
    result = read_inputs([str(root)], manifest=str(meta))
    afrin = result.articles[0]
    assert (afrin.outlet, afrin.published) == ("AFP", dt.date(2021, 3, 2))


def test_manifest_feeds_jsonl_ids(tmp_path):
    write(tmp_path / "feed.jsonl", json.dumps({"id": "afrin-1", "text": ARTICLE, "outlet": "line outlet"}))
    write(tmp_path / "manifest.jsonl", json.dumps({"file": "afrin-1", "outlet": "Reuters", "published": "2021-03-02"}))
    article = read_inputs([str(tmp_path)]).articles[0]
    assert (article.article_id, article.outlet, article.published) == ("afrin-1", "Reuters", dt.date(2021, 3, 2))


@pytest.mark.parametrize(
    "inputs, ids",
    [
        (["{root}/syria/afrin.txt"], ["afrin.txt"]),
        (["{root}/syria"], ["afrin.txt"]),
        (["{root}"], ["syria/afrin.txt", "yemen/marib.txt"]),
        (["{root}/**/*.txt"], ["syria/afrin.txt", "yemen/marib.txt"]),
        (["{root}/yemen/*.txt", "{root}/syria/afrin.txt"], ["marib.txt", "afrin.txt"]),
        (["{root}", "{root}/syria/afrin.txt"], ["syria/afrin.txt", "yemen/marib.txt"]),  # same file once
    ],
)
def test_article_ids(tmp_path, inputs, ids):
    root = make_corpus(tmp_path / "corpus")
    result = read_inputs([i.format(root=root) for i in inputs])
    assert [a.article_id for a in result.articles] == ids


def test_read_manifest_alone(tmp_path):
    manifest, rejects = read_manifest(make_corpus(tmp_path) / "manifest.jsonl")
    assert set(manifest.by_key) == {"syria/afrin.txt", "yemen/marib.txt"}
    assert [r.message.split(": ")[0] for r in rejects] == [f"{tmp_path / 'manifest.jsonl'}:{n}" for n in (2, 3, 4)]


# --- the seed corpus -----------------------------------------------------------------------------

def test_seed_folder_reads_all_five_with_manifest():
    require_shared(SEEDS)
    result = read_inputs([str(SEEDS)])
    assert result.rejects == []
    assert [a.article_id[:3] for a in result.articles] == ["000", "001", "002", "003", "004"]
    by_id = {a.article_id[:3]: a for a in result.articles}
    assert all(a.published == dt.date(2020, 10, 11) for a in result.articles)
    assert by_id["001"].outlet == "Associated Press"
    assert by_id["003"].url.startswith("https://sputniknews.com/")
    assert by_id["000"].outlet is None
    assert len(by_id["004"].stories) == 2 and by_id["004"].stories[1].reference_date is None


def test_seed_glob_reads_manifest_beside_files():
    require_shared(SEEDS)
    result = read_inputs([str(SEEDS / "00*.txt")])
    assert len(result.articles) == 5
    assert all(a.published == dt.date(2020, 10, 11) for a in result.articles)

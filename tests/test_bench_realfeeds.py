"""bench/realfeeds.py: copying the two projects' test files and counting what our parsers make of them,
on our own fictional feed and page (tests/data/ingest) laid out as in feedparser's and trafilatura's
repositories."""

import json
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

import realfeeds  # noqa: E402 (bench/ is not a package)

DATA = ROOT / "tests" / "data" / "ingest"


def checkouts(tmp_path):
    feedparser = tmp_path / "feedparser" / "tests"
    (feedparser / "wellformed" / "rss").mkdir(parents=True)
    shutil.copyfile(DATA / "feed.rss", feedparser / "wellformed" / "rss" / "feed.xml")
    shutil.copyfile(DATA / "not-a-feed.xml", feedparser / "wellformed" / "rss" / "not-a-feed.xml")
    (feedparser / "helpers.py").write_text("# not a feed\n")
    trafilatura = tmp_path / "trafilatura" / "tests"
    (trafilatura / "cache").mkdir(parents=True)
    shutil.copyfile(DATA / "page.html", trafilatura / "cache" / "ledger.example.library.html")
    evaldata = {
        "https://ledger.example/2025/09/library-reopens": {
            "file": "ledger.example.library.html",
            "title": "Library reopens in Ardel",
            "author": "Tobias Renn",
            "date": "2025-09-10",
            "with": ["eighteen months of repairs", "story hours on Saturdays"],
            "without": ["All rights reserved", "Sport"],
        },
        "https://ledger.example/gone": {"file": "gone.html", "with": [], "without": []},
    }
    (trafilatura / "evaldata.json").write_text(json.dumps(evaldata), encoding="utf-8")
    return tmp_path / "feedparser", tmp_path / "trafilatura"


def test_copy_and_measure(tmp_path):
    out = tmp_path / "realnews"
    assert realfeeds.copy(*checkouts(tmp_path), out) == (2, 1)
    assert sorted(p.name for p in (out / "feeds").rglob("*") if p.is_file()) == ["feed.xml", "not-a-feed.xml"]
    assert sorted(p.name for p in (out / "pages").iterdir()) == ["evaldata.json", "ledger.example.library.html"]

    figures = {}  # "feeds: articles" -> 2
    for line in realfeeds.measure(out):
        if not line.startswith(" "):
            section = line.split(":")[0]
        label, _, count = line.rstrip().rpartition("  ")
        if count.replace(",", "").isdigit():
            figures[f"{section}: {label.strip()}"] = int(count.replace(",", ""))
    assert figures["feeds: files"] == 2
    assert figures["feeds: entries feedparser reports"] == 2 + 1  # feedparser finds an <item> in the non-feed
    assert figures["feeds: with a title and a text"] == 2
    assert figures["feeds: articles"] == 2
    assert figures["feeds: file rejections"] == 1
    assert figures["feeds: entries lost without a word"] == 0
    assert figures["pages: pages"] == figures["pages: articles"] == 1
    assert figures["pages: 'with' snippets"] == 2 and figures["pages: found in the body"] == 2
    assert figures["pages: 'without' snippets (navigation, footers, …)"] == 2
    assert figures["pages: byline = that author (same words)"] == 1


def test_measure_without_the_files(tmp_path):
    lines = realfeeds.measure(tmp_path)
    assert lines[0].startswith("feeds: not found") and lines[1].startswith("pages: not found")

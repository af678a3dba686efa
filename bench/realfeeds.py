#!/usr/bin/env python
"""Real feeds and pages through the archive's parsers: the baseline for issue 13.4 (made for issue 13.1).

    python bench/realfeeds.py copy FEEDPARSER TRAFILATURA OUT   # OUT: $NEWSARCHIVE_REALNEWS
    python bench/realfeeds.py measure OUT                       # what `make bench SECTIONS=feeds` prints

`copy` takes the test data of two public repositories, from checkouts (git clone
https://github.com/kurtmckee/feedparser and https://github.com/adbar/trafilatura):
  - OUT/feeds/: feedparser's test feeds (tests/**/*.xml, tests/json/*.json), ~2,100 small files, each
    testing one feature of RSS, Atom, RDF or CDF, well-formed or not, in many encodings;
  - OUT/pages/: trafilatura's evaluation pages (the files tests/evaldata.json names, from tests/cache or
    tests/eval: ~990 real web pages in many languages, news among them) and evaldata.json itself, which
    gives for most pages the title, author, date and text snippets that must ("with") and must not
    ("without": navigation, footers) be in the extracted text.

`measure` reads every file with articles/ingest/formats.read_input — exactly what `manage.py ingest
FILE` parses, nothing stored — and counts:
  feeds: files read; entries feedparser itself reports in them and how many of those became an article
    or an entry rejection (the rest are lost without a word); feeds feedparser calls not well-formed
    ("bozo") that were taken without a rejection; articles sharing a URL with another article of the
    same feed (one of them would overwrite the other on ingest); text with an entity left escaped
    ("&amp;ouml;", "&lt;p&gt;"); rejections, grouped by reason.
  pages: pages read, articles and rejections by reason; headline equal to the page's title (as
    evaldata gives it) and headline that is that title plus a " | Site" style suffix; the "with"
    snippets found in the body and the "without" snippets (chrome) that got in; byline present, equal
    to the author, present where evaldata has no author; outlet present and outlet that looks like a
    copyright line, a domain or a title; date equal to evaldata's.
"""

from __future__ import annotations

import json
import re
import shutil
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

ENTITY_LEFT = re.compile(r"&(?:amp;)*(?:[a-z]{2,8}|#\d{2,5}|#x[0-9a-f]{2,4});", re.I)
SUFFIX_START = re.compile(r"^\s*[|–—•·»:\-/]")
DOMAIN = re.compile(r"^(?:www\.)?[\w-]+(?:\.[\w-]+)+$", re.I)


FEED_FIGURES = (
    "files",
    "feeds (feedparser finds a version)",
    "entries feedparser reports",
    "  with a title and a text",
    "articles",
    "entry rejections",
    "file rejections",
    "entries lost without a word",
    "files with entries lost",
    "not well-formed (bozo), taken without a rejection",
    "articles sharing a URL within their feed",
    "articles without a URL",
    "articles with an entity left escaped",
    "JSON files read as articles",
)
PAGE_FIGURES = (
    "pages",
    "articles",
    "pages with a title in evaldata",
    "  headline = that title",
    "  headline = title + ' | Site' style suffix",
    "'with' snippets",
    "  found in the body",
    "'without' snippets (navigation, footers, …)",
    "  in the body all the same",
    "byline present",
    "pages with an author in evaldata",
    "  byline = that author (same words)",
    "byline where evaldata has no author",
    "outlet present",
    "  outlet like a copyright line, domain or title",
    "pages with a date in evaldata",
    "  date = that date",
)


# --- copy -----------------------------------------------------------------------------------------


def copy(feedparser_dir: Path, trafilatura_dir: Path, out: Path) -> tuple[int, int]:
    feeds, pages = out / "feeds", out / "pages"
    for folder in (feeds, pages):
        if folder.exists():
            shutil.rmtree(folder)
        folder.mkdir(parents=True)
    tests = feedparser_dir / "tests"
    n_feeds = 0
    for path in sorted([*tests.rglob("*.xml"), *(tests / "json").glob("*.json")]):
        target = feeds / path.relative_to(tests)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, target)
        n_feeds += 1
    tests = trafilatura_dir / "tests"
    evaldata = json.loads((tests / "evaldata.json").read_text(encoding="utf-8"))
    n_pages = 0
    for item in evaldata.values():
        found = [tests / d / item["file"] for d in ("cache", "eval") if (tests / d / item["file"]).is_file()]
        source = found[0] if found else None
        if source is not None:
            shutil.copyfile(source, pages / item["file"])
            n_pages += 1
    shutil.copyfile(tests / "evaldata.json", pages / "evaldata.json")
    return n_feeds, n_pages


# --- measure --------------------------------------------------------------------------------------


def _reason(text: str) -> str:
    """A rejection's reason with its particulars (quoted values, bytes, numbers) left out, to group by."""
    text = re.sub(r"'[^']*'|\"[^\"]*\"|“[^”]*”", "…", text)
    text = re.sub(r"\b0x[0-9a-f]+\b", "…", text, flags=re.I)
    return re.sub(r"(?<![\w-])\d[\d,.]*(?![\w-])", "N", text)[:110]


def _norm(text) -> str:
    if isinstance(text, list):  # evaldata gives several authors as a list
        text = "; ".join(map(str, text))
    return re.sub(r"\s+", " ", str(text or "")).strip()


def _words(text: str) -> set[str]:
    return set(re.findall(r"\w+", text.casefold()))


def measure_feeds(folder: Path) -> list[str]:
    import io

    import feedparser

    from articles.ingest.formats import Options, ParsedArticle, read_input

    files = sorted(p for p in folder.rglob("*") if p.is_file())
    tally: Counter = Counter(dict.fromkeys(FEED_FIGURES, 0))
    reasons: Counter = Counter()
    started = time.perf_counter()
    for path in files:
        results = list(read_input(str(path), Options()))
        articles = [r for r in results if isinstance(r, ParsedArticle)]
        rejections = [r for r in results if not isinstance(r, ParsedArticle)]
        theirs = feedparser.parse(io.BytesIO(path.read_bytes()))
        reported = len(theirs.entries)
        accounted = len(articles) + sum("#entry" in r.origin for r in rejections)
        if any("#entry" not in r.origin for r in rejections):
            accounted = reported  # the file was refused, with its reason
        tally["files"] += 1
        tally["feeds (feedparser finds a version)"] += bool(theirs.get("version"))
        tally["entries feedparser reports"] += reported
        tally["  with a title and a text"] += sum(
            bool(e.get("title", "").strip() and (e.get("content") or e.get("summary", "").strip()))
            for e in theirs.entries
        )
        tally["articles"] += len(articles)
        tally["entry rejections"] += sum("#entry" in r.origin for r in rejections)
        tally["file rejections"] += sum("#entry" not in r.origin for r in rejections)
        tally["entries lost without a word"] += max(0, reported - accounted)
        tally["files with entries lost"] += reported > accounted
        if theirs.get("bozo") and articles and not rejections:
            tally["not well-formed (bozo), taken without a rejection"] += 1
        urls = Counter(a.url for a in articles if a.url)
        tally["articles sharing a URL within their feed"] += sum(n for n in urls.values() if n > 1)
        tally["articles without a URL"] += sum(not a.url for a in articles)
        tally["articles with an entity left escaped"] += sum(
            bool(ENTITY_LEFT.search(a.headline) or ENTITY_LEFT.search(a.body_text)) for a in articles
        )
        tally["JSON files read as articles"] += path.suffix == ".json" and bool(articles)
        reasons.update(_reason(r.reason) for r in rejections)
    seconds = time.perf_counter() - started
    lines = [f"feeds: {folder} ({seconds:.0f} s)"]
    lines += [f"  {what:<52}{count:>7,}" for what, count in tally.items()]
    lines.append("  rejections by reason:")
    lines += [f"    {count:>6,}  {reason}" for reason, count in reasons.most_common(15)]
    if len(reasons) > 15:
        lines.append(f"    {sum(reasons.values()) - sum(n for _, n in reasons.most_common(15)):>6,}  (other reasons)")
    return lines


def measure_pages(folder: Path) -> list[str]:
    from articles.ingest.formats import Options, ParsedArticle, read_input

    evaldata_path = folder / "evaldata.json"
    evaldata = json.loads(evaldata_path.read_text(encoding="utf-8")) if evaldata_path.is_file() else {}
    by_file = {item["file"]: item for item in evaldata.values()}
    files = sorted(p for p in folder.iterdir() if p.is_file() and p.name != "evaldata.json")
    tally: Counter = Counter(dict.fromkeys(PAGE_FIGURES, 0))
    reasons: Counter = Counter()
    started = time.perf_counter()
    for path in files:
        item = by_file.get(path.name, {})
        results = list(read_input(str(path), Options(format="html")))
        tally["pages"] += 1
        article = next((r for r in results if isinstance(r, ParsedArticle)), None)
        reasons.update(_reason(r.reason) for r in results if not isinstance(r, ParsedArticle))
        if article is None:
            continue
        tally["articles"] += 1
        body = _norm(article.body_text)
        title = _norm(item.get("title"))
        headline = _norm(article.headline)
        if title:
            tally["pages with a title in evaldata"] += 1
            tally["  headline = that title"] += headline.casefold() == title.casefold()
            rest = headline[len(title) :] if headline.casefold().startswith(title.casefold()) else ""
            tally["  headline = title + ' | Site' style suffix"] += bool(rest and SUFFIX_START.match(rest))
        withs, withouts = item.get("with", []), item.get("without", [])
        tally["'with' snippets"] += len(withs)
        tally["  found in the body"] += sum(_norm(w) in body for w in withs)
        tally["'without' snippets (navigation, footers, …)"] += len(withouts)
        tally["  in the body all the same"] += sum(_norm(w) in body for w in withouts)
        author = _norm(item.get("author"))
        byline = _norm(article.byline)
        tally["byline present"] += bool(byline)
        if author:
            tally["pages with an author in evaldata"] += 1
            tally["  byline = that author (same words)"] += _words(byline) == _words(author)
        else:
            tally["byline where evaldata has no author"] += bool(byline)
        source = _norm(article.source)
        tally["outlet present"] += bool(source)
        tally["  outlet like a copyright line, domain or title"] += bool(
            re.search(r"©|copyright|rights reserved", source, re.I)
            or DOMAIN.match(source)
            or (title and source.casefold() == title.casefold())
        )
        if item.get("date"):
            tally["pages with a date in evaldata"] += 1
            tally["  date = that date"] += str(article.published or "") == str(item["date"])[:10]
    seconds = time.perf_counter() - started
    lines = [f"pages: {folder} ({seconds:.0f} s)"]
    lines += [f"  {what:<52}{count:>7,}" for what, count in tally.items()]
    lines.append("  rejections by reason:")
    lines += [f"    {count:>6,}  {reason}" for reason, count in reasons.most_common(10)]
    return lines


def measure(out: Path) -> list[str]:
    lines = []
    for name, fn in (("feeds", measure_feeds), ("pages", measure_pages)):
        folder = out / name
        if folder.is_dir():
            lines += fn(folder)
        else:
            lines.append(f"{name}: not found in {out} (python bench/realfeeds.py copy FEEDPARSER TRAFILATURA {out})")
    return lines


def main(argv: list[str]) -> int:
    if len(argv) == 4 and argv[0] == "copy":
        n_feeds, n_pages = copy(Path(argv[1]), Path(argv[2]), Path(argv[3]))
        print(f"{n_feeds} feeds -> {Path(argv[3]) / 'feeds'}, {n_pages} pages -> {Path(argv[3]) / 'pages'}")
        return 0
    if len(argv) == 2 and argv[0] == "measure":
        import os

        import django

        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsarchive.settings_test")
        django.setup()  # the parsers read field limits from the models (no database is used)
        print("\n".join(measure(Path(argv[1]))))
        return 0
    print(__doc__.split("\n\n")[1], file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

"""The page cache while articles arrive (issue 15.3): hit rate and pages per second for article and
person pages read at random while `manage.py ingest` stores new articles in the same database.

Readers ask for the same 1,000 articles and 200 people again and again (a site's popular pages),
from a warm cache; an ingest process writes fresh articles meanwhile. A request served with one
query (the stamp check) is a hit. The ingested articles are deleted again afterwards and the tables vacuumed, so
the corpus stays as it was.
"""

from __future__ import annotations

import random
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import ingest_speed
from django.conf import settings
from django.core.cache import caches
from django.db import connection
from django.test import Client, override_settings

ROOT = Path(__file__).resolve().parent.parent
ARTICLES_READ, PEOPLE_READ, INGESTED = 1000, 200, 6000


def _paths(rng: random.Random) -> tuple[list[str], list[str]]:
    from articles.models import Article, Person

    top = Article.objects.order_by("-id").values_list("id", flat=True)[0]
    ids = rng.sample(range(1, top + 1), ARTICLES_READ * 2)
    articles = [f"/articles/{pk}/{slug}/" for pk, slug in Article.objects.filter(pk__in=ids).values_list("pk", "slug")]
    people_top = Person.objects.order_by("-id").values_list("id", flat=True)[0]
    pids = rng.sample(range(1, people_top + 1), min(people_top, PEOPLE_READ * 2))
    people = [f"/people/{slug}/" for slug in Person.objects.filter(pk__in=pids).values_list("slug", flat=True)]
    return articles[:ARTICLES_READ], people[:PEOPLE_READ]


def _read(client: Client, kinds: dict[str, list[str]], rng: random.Random, until) -> dict[str, tuple[int, int, float]]:
    """{kind: (requests, hits, seconds)} reading a random path of each kind in turn until until() is true: the
    kinds share the same stretch of the ingest, however long it lasts (one after the other, a faster ingest had
    ended before the person pages' turn came, and they were read 0 times)."""
    tally = {kind: [0, 0, 0.0] for kind in kinds}
    queries = [0]

    def count(execute, sql, params, many, context):
        queries[0] += 1
        return execute(sql, params, many, context)

    with connection.execute_wrapper(count):
        while not until():
            for kind, paths in kinds.items():
                queries[0] = 0
                started = time.perf_counter()
                response = client.get(rng.choice(paths))
                assert response.status_code == 200, response.status_code
                tally[kind][0] += 1
                tally[kind][1] += queries[0] == 1
                tally[kind][2] += time.perf_counter() - started
    return {kind: tuple(counts) for kind, counts in tally.items()}


def measure() -> None:
    rng = random.Random(15)
    articles, people = _paths(rng)
    pages = {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "bench", "TIMEOUT": None}
    pages["OPTIONS"] = {"MAX_ENTRIES": 10_000}
    with override_settings(PAGE_CACHE_ENTRIES=10_000, CACHES={**settings.CACHES, "pages": pages}):
        caches["pages"].clear()
        client = Client()
        for path in articles + people:  # warm: every page rendered once
            client.get(path)
        quiet = _read(client, {"article": articles}, rng, _for(10))["article"]
        with tempfile.TemporaryDirectory() as folder:
            source = ingest_speed.write_articles(INGESTED, Path(folder), seed=int(time.time()))
            stamp = f"https://bench-cache-{int(time.time())}.example/"
            text = source.read_text(encoding="utf-8").replace("https://bench.example/", stamp)
            source.write_text(re.sub(r'"headline": "', '"headline": "Cache bench: ', text), encoding="utf-8")
            started = time.perf_counter()
            ingest = subprocess.Popen(
                [sys.executable, "manage.py", "ingest", str(source)],
                cwd=ROOT,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            time.sleep(3)  # past its start-up: reading while it stores
            busy = _read(
                client,
                {"article": articles, "person": people},
                rng,
                lambda: ingest.poll() is not None or _elapsed(started) > 60,
            )
            ingest.wait()
            seconds = _elapsed(started)
        from articles.models import Article

        stored = Article.objects.filter(url__startswith=stamp).count()
        print(f"ingest meanwhile: {stored:,} articles in {seconds:.0f} s = {stored / seconds:,.0f} articles/s")
        for label, (requests, hits, spent) in (
            ("article pages, no ingest", quiet),
            ("article pages during ingest", busy["article"]),
            ("person pages during ingest", busy["person"]),
        ):
            rate = hits / requests if requests else 0.0
            print(f"{label + ':':<30} hit rate {rate:.1%} (target >= 80%), {requests / spent:,.0f} pages/s, one reader")
        print("(pages/s: one reader's requests over the time spent in them; during ingest it reads both kinds in turn)")
        Article.objects.filter(url__startswith=stamp).delete()
        # The deleted rows and the flags the copies flipped leave dead tuples that autovacuum leaves alone until a
        # fifth of a table is dead: quotation pages of the sections run after this one took 3x as long (p50 9.8 ->
        # 26.8 ms at 1M articles, 6.2 after VACUUM), their index-only scans reading the heap again.
        with connection.cursor() as cursor:
            cursor.execute(
                "VACUUM (ANALYZE) articles_article, articles_quote, articles_mention, articles_article_topics,"
                " articles_personmonth"
            )


def _for(seconds: float):
    end = time.perf_counter() + seconds
    return lambda: time.perf_counter() > end


def _elapsed(started: float) -> float:
    return time.perf_counter() - started

"""Ingest speed: sample-sized articles from JSON Lines, end to end (parse, extract, store).

The articles are built from our own demo and evaluation texts: two bodies joined make an
article of about the reference sample's length (~450 words), each with its own headline and URL.
Those texts name ~100 people, so after the first articles everyone is known; with
`new_people`, each article's people get surnames of their own ("Ruiz" -> "Ruizkalo"), so every
article brings new people to create, as a feed from a new beat would.
"""

from __future__ import annotations

import json
import os
import random
import re
import resource
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def source_texts() -> list[dict]:
    demo = ROOT / "articles" / "demo"
    cast = [person["name"] for person in json.loads((demo / "people.json").read_text())]
    texts = [json.loads(line) for line in (demo / "articles.jsonl").read_text().splitlines()]
    for text in texts:
        text["people"] = [name for name in cast if name.split()[-1] in text["body"]]
    for path in sorted((ROOT / "bench" / "eval").glob("*.json")):
        case = json.loads(path.read_text())
        texts.append(
            {"headline": case["headline"], "body": case["body"], "source": "Evaluation Wire", "people": case["people"]}
        )
    return texts


_SYLLABLES = ("ka", "lo", "mer", "vin", "do", "sa", "ri", "tul", "ben", "zo", "pa", "gel", "nor", "shi", "vat", "qu")


def _suffix(n: int) -> str:
    """A pronounceable suffix of its own for each article number."""
    out = _SYLLABLES[n % 16]
    while n := n // 16:
        out += _SYLLABLES[n % 16]
    return out


def write_articles(count: int, folder: Path, seed: int = 7, new_people: bool = False) -> Path:
    rng = random.Random(seed)
    texts = source_texts()
    path = folder / f"bench-{count}{'-new-people' if new_people else ''}.jsonl"
    with open(path, "w", encoding="utf-8") as out:
        for n in range(count):
            first, second = rng.sample(texts, 2)
            body = first["body"] + "\n\n" + second["body"]
            if new_people:
                # Sorted: a set's order changes with the hash seed, and so would the texts.
                surnames = {name.split()[-1] for name in first.get("people", []) + second.get("people", [])}
                for surname in sorted(surnames):
                    body = re.sub(rf"\b{re.escape(surname)}\b", surname + _suffix(n), body)
            record = {
                "headline": f"{first['headline']} ({n})",
                "body": body,
                "source": first.get("source") or "Evaluation Wire",
                "published": f"20{10 + n % 16:02d}-{1 + n % 12:02d}-{1 + n % 28:02d}",
                "url": f"https://bench.example/{n}",
            }
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path


# PolNeAR only: the Gender Gap Tracker set is the held-out check, read by nothing but the quality figures.
REALNEWS_SETS = ("polnear-train", "polnear-dev")


def write_realnews(folder: Path, root: Path, seed: int = 7) -> Path:
    """Real news as JSON Lines: the articles of REALNEWS_SETS under root ($NEWSARCHIVE_REALNEWS; 920 of ~700
    words, each its own story), and for one in ten a wire copy (another outlet's, its last paragraph cut).
    The bench's own articles are pairs of ~60 texts, so each shares half its text with ~130 others: every
    batch's near-duplicate look-up finds most of the archive. News is not like that; this is the check."""
    rng = random.Random(seed)
    texts = [json.loads(path.read_text()) for name in REALNEWS_SETS for path in sorted((root / name).glob("*.json"))]
    path = folder / "bench-realnews.jsonl"
    with open(path, "w", encoding="utf-8") as out:
        for n, text in enumerate(texts):
            text["headline"] = text.get("headline") or f"Article {text['id']}"
            published = f"20{10 + n % 16:02d}-{1 + n % 12:02d}-{1 + n % 28:02d}"
            record = {"headline": text["headline"], "body": text["body"], "source": text.get("style") or "Real News"}
            out.write(json.dumps(record | {"published": published, "url": f"https://real.example/{n}"}) + "\n")
            paragraphs = text["body"].split("\n\n")
            if rng.random() < 0.1 and len(paragraphs) > 2:
                copy = {"headline": text["headline"] + " (wire)", "body": "\n\n".join(paragraphs[:-1])}
                out.write(
                    json.dumps(
                        copy | {"source": "Bench Wire Desk", "published": published, "url": f"https://wire.example/{n}"}
                    )
                    + "\n"
                )
    return path


def _cpu(usage) -> float:
    return usage.ru_utime + usage.ru_stime


def _backend_cpu_seconds() -> float:
    """CPU time of this connection's PostgreSQL server process (same machine, Linux)."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        pid = cursor.fetchone()[0]
    seconds = process_cpu_seconds(pid)
    return float("nan") if seconds is None else seconds


def process_cpu_seconds(pid: int) -> float | None:
    """User and system CPU seconds the process `pid` has used (Linux: /proc/<pid>/stat), None when it is gone."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def measure(
    counts: tuple[int, ...] = (1000, 4000), new_people: bool = False, realnews: Path | None = None
) -> list[tuple[int, float, str]]:
    """Ingest each count into an emptied archive; returns (count, articles/s, summary). With realnews
    (a folder), the real articles of write_realnews() instead, all of them once (counts ignored).

    The summary adds where the CPU went, per article: this process (parse, resolve, store),
    the extraction workers, and the PostgreSQL server process — on a busy machine the rate
    falls but these stay put, and 2 cores / their sum is the rate an idle machine allows."""
    from django.db import connection

    from articles.ingest import pipeline
    from articles.ingest.formats import Options

    results = []
    with tempfile.TemporaryDirectory() as folder:
        for count in (None,) if realnews else counts:
            # TRUNCATE, not DELETE: repeated runs must not measure a table bloated by the last one.
            with connection.cursor() as cursor:
                cursor.execute(
                    "TRUNCATE articles_article, articles_person, articles_source, articles_topic "
                    "RESTART IDENTITY CASCADE"
                )
            if realnews:
                path = write_realnews(Path(folder), realnews)
                count = len(path.read_text().splitlines())
            else:
                path = write_articles(count, Path(folder), new_people=new_people)
            self_before = resource.getrusage(resource.RUSAGE_SELF)
            children_before = resource.getrusage(resource.RUSAGE_CHILDREN)
            backend_before = _backend_cpu_seconds()
            report = pipeline.run([str(path)], Options(format="json"))
            assert not report.rejected, report.rejected[:3]
            main = _cpu(resource.getrusage(resource.RUSAGE_SELF)) - _cpu(self_before)
            workers = _cpu(resource.getrusage(resource.RUSAGE_CHILDREN)) - _cpu(children_before)
            backend = _backend_cpu_seconds() - backend_before
            per = 1000 / count
            cpu = (
                f"CPU per article: main {main * per:.2f} ms, extraction workers {workers * per:.2f} ms, "
                f"PostgreSQL {backend * per:.2f} ms -> an idle 2-core machine allows "
                f"{2 / ((main + workers + backend) / count):,.0f} articles/s"
            )
            results.append((count, report.per_second, f"{report.summary()}; {cpu}"))
    return results

"""A run of `ingest`: read every input, extract in worker processes, store in batches, report.

Storing goes through articles.archive (the archive's one write path); this module reads, extracts,
previews (dry run, the admin's paste page) and counts.
"""

from __future__ import annotations

import collections
import contextlib
import dataclasses
import gc
import itertools
import multiprocessing
import os
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

import numpy as np

from articles import wire
from articles.archive import Context, analyze_archive, database_gone, search_text, speaker_kind, store_articles
from articles.export import export_record
from articles.ingest import formats, language, name_data, name_genders
from articles.ingest.extract import Extracted, extract_article
from articles.ingest.formats import Options, ParsedArticle, ParsedQuote, Rejection
from articles.ingest.topics import topics_for_text
from articles.models import fingerprint


def preview_record(parsed: ParsedArticle, context: Context, extracted: Extracted | None = None) -> dict:
    """The export-format record this article would be stored as, storing nothing."""
    extracted = extracted or extract_article(parsed)
    canonical: dict[str, str | None] = {}  # None: a name staff said is not a person
    for name, _role, _count, variants, _evidence in extracted.people:
        resolved = context.people.resolve(name, variants=variants, create=False)
        canonical[name] = None if resolved.not_person else resolved.name
    for name, _role, _count, variants, _evidence in extracted.unconfirmed:  # kept only when known (see archive)
        known = context.people.find(name, variants)
        if known is not None and known.matched_by in ("name", "alias"):
            canonical[name] = known.name
    for q, _ in extracted.quotes:
        if q.speaker and q.speaker not in canonical and (known := context.people.find(q.speaker)):
            canonical[q.speaker] = None if known.not_person else known.name
    people = sorted({name for name in canonical.values() if name})
    quotes = []
    for q, _ in sorted(extracted.quotes, key=lambda item: item[1]):
        speaker = canonical.get(q.speaker, q.speaker) if q.speaker else None
        quotes.append(
            {
                "text": q.text,
                "speaker": speaker,
                "speaker_as_written": q.speaker_as_written,
                "speaker_kind": str(speaker_kind(q, speaker is not None)),
                "partial": q.partial,
            }
        )
    text = search_text(people, [q["text"] for q in quotes])
    topics = {t.name for t in topics_for_text(parsed.headline, text, parsed.body_text)}
    topics |= set(parsed.topics or [])
    return export_record(
        headline=parsed.headline,
        body=parsed.body_text,
        body_html=parsed.body_html,
        source=parsed.source or None,
        via=parsed.via or None,
        published=parsed.published,
        published_precision=parsed.published_precision,
        published_at=parsed.published_at,
        url=parsed.url,
        feed_url=parsed.feed_url,
        entry_id=parsed.entry_id,
        byline=parsed.byline,
        people=people,
        topics=sorted(topics),
        quotes=quotes,
    )


@dataclass
class Report:
    read: int = 0
    created: int = 0
    updated: int = 0
    skipped: int = 0
    rejected: list[Rejection] = field(default_factory=list)
    seconds: float = 0.0
    details: list[str] = field(default_factory=list)  # a line per article skipped or updated (-v 2)
    # Set when the run stopped because the database could not be used (see database_gone()): the
    # counts are what was stored before it; the batch being stored then was not.
    database_error: Exception | None = None

    @property
    def per_second(self) -> float:
        return self.read / self.seconds if self.seconds else 0.0

    def summary(self, dry_run: bool = False) -> str:
        if dry_run:
            return (
                f"Dry run: read {self.read}, nothing stored, rejected {len(self.rejected)} "
                f"in {self.seconds:.1f} s ({self.per_second:,.0f} articles/s)"
            )
        return (
            f"read {self.read}, stored {self.created}, updated {self.updated}, skipped {self.skipped}, "
            f"rejected {len(self.rejected)} in {self.seconds:.1f} s ({self.per_second:,.0f} articles/s)"
        )


# Articles stored per transaction. Each batch looks its articles' wire-copy candidates up, refreshes their groups'
# flags and fires the tables' statement triggers once; a story's copies in one batch are grouped in memory. On the
# ingest bench (quiet 2-core machine, two rounds) 400 stored 420-435 articles/s against 397-414 for 200 and
# 362-434 for 800: past 400 the first batch waits longer for its extraction before anything is stored.
BATCH_SIZE = 400
# A run that stored this many articles brings the planner's statistics up to date (see analyze_archive).
ANALYZE_AFTER = 10_000
PARALLEL_AFTER = 64  # a shorter run is extracted in this process: a pool would cost more than it saves


def run(targets: Iterable[str], options: Options, **kwargs) -> Report:
    """Read every input, store (or, dry run, preview) every article, report the rest (see run_items)."""
    return run_items(_parse_all(targets, options), **kwargs)


def run_items(
    items: Iterable[ParsedArticle | Rejection],
    *,
    dry_run: bool = False,
    on_record: Callable[[dict], None] | None = None,
    on_rejection: Callable[[Rejection], None] | None = None,
    on_progress: Callable[[int], None] | None = None,
    workers: int | None = None,
) -> Report:
    """Store (or, dry run, preview) every article parsed, report the rest: the inputs of `ingest`, or
    the entries of a feed the collector fetched (articles/collect.py).

    Extraction, the CPU-heavy step, runs in worker processes (one per core) while this
    process parses and stores; articles are stored in batches of BATCH_SIZE. When the database can't
    be used (unreachable, or gone mid-run) the run stops and says so in `report.database_error`:
    articles of the batches committed before it count as stored."""
    started = time.perf_counter()
    report = Report()

    def reject(rejection: Rejection) -> None:
        report.rejected.append(rejection)
        if on_rejection:
            on_rejection(rejection)

    def flush(batch: list[tuple[ParsedArticle, Extracted]]) -> None:
        with _gc_paused():
            results = store_articles(batch, context=context)
        for (parsed, _), result in zip(batch, results, strict=True):
            if result.status == "rejected":
                reject(Rejection(parsed.origin, result.detail))
                continue
            setattr(report, result.status, getattr(report, result.status) + 1)
            if result.status == "skipped":
                report.details.append(f"skipped {parsed.origin}: {result.detail}")
            elif result.status == "updated":
                report.details.append(f"updated {parsed.origin}: article {result.article_id}")
        if on_progress:
            on_progress(len(batch))
        batch.clear()

    batch: list[tuple[ParsedArticle, Extracted]] = []
    articles = _articles(items, reject)
    try:
        context = Context()
        # closing(): a run the database stopped ends its extraction workers now, not when collected.
        with contextlib.closing(_extract_all(articles, workers or os.cpu_count() or 1)) as extracted_articles:
            for parsed, extracted in extracted_articles:
                report.read += 1
                if isinstance(extracted, str):
                    reject(Rejection(parsed.origin, f"not stored: extraction failed: {extracted}"))
                elif dry_run:
                    report.created += 1
                    if on_record:
                        on_record(preview_record(parsed, context, extracted))
                    if on_progress:
                        on_progress(1)
                else:
                    batch.append((parsed, extracted))
                    if len(batch) >= BATCH_SIZE:
                        flush(batch)
        if batch:
            flush(batch)
        if not dry_run and report.created + report.updated >= ANALYZE_AFTER:
            analyze_archive()
    except Exception as exc:
        if not database_gone(exc):
            raise
        report.database_error = exc
    report.seconds = time.perf_counter() - started
    return report


@contextlib.contextmanager
def _gc_paused():
    """Python's cycle collector off while a batch is stored: storing allocates tens of thousands of small
    containers (rows, tuples, the person index's sets), and the collector walked them again and again as they
    survived its generations, ~0.1-0.2 ms of the main process an article on the ingest bench (~0.35 with
    people new to the archive). Nothing stored makes cycles that must go before the batch ends; after it the
    collector runs as usual (and finds them then)."""
    if not gc.isenabled():  # a caller turned it off: leave it so
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def _parse_all(targets: Iterable[str], options: Options) -> Iterator[ParsedArticle | Rejection]:
    for target in formats.expand_inputs(targets):
        if isinstance(target, Rejection):
            yield target
        else:
            yield from formats.read_input(target, options)


def _articles(items: Iterable[ParsedArticle | Rejection], reject: Callable[[Rejection], None]):
    for item in items:
        if isinstance(item, Rejection):
            reject(item)
        else:
            yield item


def _extract_safely(parsed: ParsedArticle) -> tuple[ParsedArticle, Extracted | str]:
    return parsed, _extract_only(parsed)


def _extract_only(parsed: ParsedArticle) -> Extracted | str:
    try:
        extracted = extract_article(parsed)
        extracted.fingerprint = fingerprint(parsed.headline, parsed.body_text)
        extracted.wire_bands, extracted.wire_shingles = wire.signature(parsed.body_text)
        return extracted
    except Exception as exc:  # noqa: BLE001 - one article's failure must not stop the run
        return f"{exc.__class__.__name__}: {exc}"


def _extract_batch(tasks: list[tuple[str, str] | ParsedArticle]) -> list[tuple | Extracted | str]:
    """In a worker: a batch of articles (see _extract_packed), their languages detected first, all together.

    The detector walks a 57 MB table (float32 weights): interleaved with extraction, each evicts the other from the
    CPU's caches. 1,000 bench articles took 0.87 s of CPU detected and extracted one by one, 0.75 s in batches
    of 32 (extraction alone 0.54 s)."""
    languages = [language.detect(*task) if isinstance(task, tuple) else None for task in tasks]
    return [_extract_packed(task, lang) for task, lang in zip(tasks, languages, strict=True)]


def _extract_packed(task: tuple[str, str] | ParsedArticle, lang: str | None = None) -> tuple | Extracted | str:
    """In a worker: extraction of (headline, body text) as plain tuples, which cross the process boundary
    several times cheaper than dataclasses; an article carrying its own results comes whole. lang: its
    language, if known (else detected)."""
    if not isinstance(task, tuple):
        return _extract_only(task)
    headline, body_text = task
    try:
        from articles.ingest.quotes import extract

        found = extract(headline, body_text, lang)
        body_lower = body_text.lower()  # (lowered once for both)
        bands, shingles = wire.signature(body_text, body_lower)
        return (
            fingerprint(headline, body_text, body_lower),
            bands,
            None if shingles is None else shingles.tobytes(),  # bytes cross the boundary cheaper than an array
            [(p.name, p.role, p.count, p.variants, p.evidence) for p in found.people],
            [
                (q.text, q.speaker, q.speaker_as_written, q.partial, q.position, q.evidence, q.speaker_kind)
                for q in found.quotes
            ],
            found.language,
            [(p.name, p.role, p.count, p.variants, p.evidence) for p in found.unconfirmed],
        )
    except Exception as exc:  # noqa: BLE001 - one article's failure must not stop the run
        return f"{exc.__class__.__name__}: {exc}"


def _unpack(result: tuple | Extracted | str) -> Extracted | str:
    if not isinstance(result, tuple):
        return result
    digest, bands, shingles, people, quotes, lang, unconfirmed = result
    return Extracted(
        people=people,
        quotes=[
            (ParsedQuote(text, speaker, written, partial, why, kind), at)
            for text, speaker, written, partial, at, why, kind in quotes
        ],
        fingerprint=digest,
        wire_bands=bands,
        wire_shingles=None if shingles is None else np.frombuffer(shingles, dtype=np.uint64),
        language=lang,
        unconfirmed=unconfirmed,
    )


def _extract_all(articles, workers: int):
    head = list(itertools.islice(articles, PARALLEL_AFTER))
    if len(head) < PARALLEL_AFTER or workers < 2:
        yield from map(_extract_safely, itertools.chain(head, articles))
        return
    # Workers get what extraction reads (headline and text, no HTML) and send back only what they
    # found: the article itself waits here, in order, instead of crossing the process boundary twice.
    waiting: collections.deque[ParsedArticle] = collections.deque()

    def tasks(items):
        for parsed in items:
            waiting.append(parsed)
            if parsed.quotes is None and parsed.people is None:
                yield parsed.headline, parsed.body_text
            else:
                yield dataclasses.replace(parsed, body_html="")

    # fork: workers inherit the loaded code, the language model, the people extractor's name data and the given
    # names' genders (read once, here: their pages are shared); they never touch the database connection.
    language.load()
    name_data.load()
    name_genders.load()
    # gc.freeze(): what this process holds now (the code, the model, the name data: ~74,000 tracked objects) is
    # moved out of the collector's reach in the workers. Their collections walked it again and again (~0.055 ms
    # of a worker's ~2 ms an article on the ingest bench; 0.004 frozen), and writing the walked objects' headers
    # made the workers copy pages they share with this process. Unfrozen here once the workers are forked.
    gc.freeze()
    try:
        pool = multiprocessing.get_context("fork").Pool(workers, initializer=_lower_priority)
    finally:
        gc.unfreeze()
    with pool:
        for results in pool.imap(_extract_batch, _batches(tasks(itertools.chain(head, articles)), CHUNK_SIZE)):
            for result in results:
                yield waiting.popleft(), _unpack(result)


def _batches(items, size: int):
    iterator = iter(items)
    while batch := list(itertools.islice(iterator, size)):
        yield batch


CHUNK_SIZE = 32  # articles sent to a worker at a time
# Storing is the sequential part of a run: this process and its PostgreSQL server process take turns
# on each batch. Extraction workers run ahead of it, so they are the ones to wait when both want a
# core: on 2 cores this raised the bench's 4,000-article rate by about a quarter (5 of 5 runs).
WORKER_NICENESS = 10


def _lower_priority() -> None:
    try:
        os.nice(WORKER_NICENESS)
    except (AttributeError, OSError):  # no os.nice on this platform, or not allowed: run as is
        pass

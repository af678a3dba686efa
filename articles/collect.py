"""Collecting: workers poll the feeds staff subscribed to (Feed rows) when they are due (`manage.py collect`),
and run the jobs staff queued in the admin (Job rows, articles/jobs.py: a pasted URL, a re-tag, a
re-extraction), taking turns between the two.

The Feed rows are the work queue; PostgreSQL is the only server involved. A worker claims a due feed
in a short transaction (SELECT … FOR UPDATE SKIP LOCKED, then a lease: claimed_until), fetches and
stores outside any transaction, and writes back what it found and when the feed is due again. So:

- two workers, on one machine or several, never fetch the same feed at once: the row lock keeps a
  second worker off a feed while the first claims it, the lease afterwards; a worker that dies
  lets go when its lease passes (LEASE);
- one request at a time per host, and HOST_GAP between them: a claim takes a lock on the feed's host
  (an advisory lock for the claim's transaction) and then checks that no feed of that host is taken or
  was fetched within HOST_GAP;
- fetching is articles.ingest.fetch (SSRF rules, deadline, User-Agent), conditional on the feed's
  ETag and Last-Modified: a 304 is not parsed at all;
- entries go through the ingest path (formats.read_fetched, pipeline.run_items, archive): an entry is
  its guid within its feed, so a poll that finds nothing new stores nothing;
- the interval follows how often the feed publishes (interval_for), within MIN_INTERVAL and
  MAX_INTERVAL; a failing feed backs off (backoff): its interval, doubled after each further failure, up to MAX_BACKOFF.

Each poll logs one line on the "articles.collect" logger, with its fields also as `extra` attributes.

Why not procrastinate or django-tasks' database backend: both are queues of jobs, and a feed is not a
job but a schedule with state (due, validators, errors) that a job would have to read and write anyway.
On a job queue, something must also enqueue the due feeds (a periodic scheduler, with its own
deduplication) and politeness per host would still be ours; procrastinate needs psycopg 3 beside our
psycopg2 and its own schema, django-tasks-db its own table and worker. Claiming the Feed rows
themselves gives exactly-once fetching with no second copy of the schedule. The jobs are then a table
claimed the same way in the same loop (a few dozen lines), not a second queue with a worker of its own.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
import os
import socket
import threading
import time
import uuid
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from django.conf import settings
from django.db import connection, transaction
from django.db.models import DateTimeField, F, Func
from django.utils import timezone

from articles import jobs
from articles.ingest import fetch as fetching
from articles.ingest import formats, pipeline
from articles.ingest.formats import Options, ParsedArticle, Rejection
from articles.models import Article, Feed, Worker

logger = logging.getLogger("articles.collect")

MIN_INTERVAL = dt.timedelta(minutes=15)  # however often a feed publishes, no more often than this
MAX_INTERVAL = dt.timedelta(hours=24)  # a feed that published nothing for a week: once a day
MAX_BACKOFF = dt.timedelta(hours=24)
HOST_GAP = dt.timedelta(seconds=2)  # between the end of one request to a host and the start of the next
EXTRA_LEASE = dt.timedelta(minutes=10)  # beyond FETCH_DEADLINE: parsing, extracting and storing a feed
CANDIDATES = 20  # due feeds a claim looks at (a feed whose host is busy is passed over for the next)
LOCK_CLASS = 15_001  # first key of the advisory locks on hosts (the second is the host's hash)
IDLE_SECONDS = 10.0  # longest a worker waits before looking again (a "fetch now" waits at most this)
BUSY_SECONDS = 0.5  # wait when feeds are due but their hosts are busy
# Feeds set to fetch pages (Feed.fetch_pages): an entry with less text than this is a summary, and at most
# MAX_PAGES pages are fetched a poll (within the lease: each may take FETCH_DEADLINE).
SUMMARY_CHARS = 1000
MAX_PAGES = 15


@dataclass
class Poll:
    """What one poll of a feed did, as logged."""

    feed_id: int
    url: str
    outcome: str  # "stored" (the feed was read), "not-modified" (304) or "error"
    http_status: int | None = None
    new: int = 0
    updated: int = 0
    skipped: int = 0
    rejected: int = 0
    seconds: float = 0.0
    error: str = ""
    next_due: dt.datetime | None = None

    def log_line(self) -> str:
        due = self.next_due.isoformat(timespec="seconds") if self.next_due else "-"
        line = (
            f"poll feed={self.feed_id} outcome={self.outcome} http={self.http_status or '-'} new={self.new} "
            f"updated={self.updated} skipped={self.skipped} rejected={self.rejected} "
            f"ms={self.seconds * 1000:.0f} next_due={due} url={self.url}"
        )
        return f"{line} error={self.error!r}" if self.error else line


def worker_name() -> str:
    """Who holds a claim (Feed.claimed_by): the machine, the process and a token for this worker."""
    return f"{socket.gethostname()[:100]} pid {os.getpid()} {uuid.uuid4().hex[:8]}"


# The database's clock, so that workers on several machines agree; the statement's time, not the
# transaction's (now()), which in a long transaction would lag.
_NOW = Func(function="statement_timestamp", output_field=DateTimeField())


# --- Claiming ----------------------------------------------------------------------------------


def claim(worker: str) -> Feed | None:
    """A due feed, taken for this worker until its lease passes, or None when no due feed may be taken now."""
    lease = dt.timedelta(seconds=settings.FETCH_DEADLINE) + EXTRA_LEASE
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(
            """SELECT id, host FROM articles_feed
               WHERE active AND next_due <= statement_timestamp()
                 AND (claimed_until IS NULL OR claimed_until < statement_timestamp())
               ORDER BY next_due, id LIMIT %s FOR UPDATE SKIP LOCKED""",
            [CANDIDATES],
        )
        tried: set[str] = set()
        for feed_id, host in cursor.fetchall():
            if host in tried:
                continue
            tried.add(host)
            # Held until this transaction commits the lease: a worker claiming another feed of the host
            # meanwhile is refused the lock, and one that gets it after the commit sees the lease below
            # (a new statement, so a new snapshot: the check must not be in the locking statement).
            cursor.execute("SELECT pg_try_advisory_xact_lock(%s, hashtext(%s))", [LOCK_CLASS, host])
            if not cursor.fetchone()[0]:
                continue
            cursor.execute(
                """SELECT EXISTS (SELECT 1 FROM articles_feed WHERE host = %s
                   AND (claimed_until > statement_timestamp() OR last_fetched > statement_timestamp() - %s))""",
                [host, HOST_GAP],
            )
            if cursor.fetchone()[0]:
                continue
            cursor.execute(
                "UPDATE articles_feed SET claimed_until = statement_timestamp() + %s, claimed_by = %s WHERE id = %s",
                [lease, worker, feed_id],
            )
            return Feed.objects.select_related("source").get(pk=feed_id)
    return None


def due_waiting() -> float | None:
    """Seconds until the next active feed not taken by a worker is due (0 or less: due now), None for none."""
    with connection.cursor() as cursor:
        cursor.execute(
            """SELECT EXTRACT(EPOCH FROM min(next_due) - statement_timestamp()) FROM articles_feed
               WHERE active AND (claimed_until IS NULL OR claimed_until < statement_timestamp())"""
        )
        seconds = cursor.fetchone()[0]
    return None if seconds is None else float(seconds)


# --- Polling -----------------------------------------------------------------------------------


def poll(feed: Feed) -> Poll:
    """Fetch a claimed feed (conditionally), store its entries, write back its state and let go of it."""
    started = time.perf_counter()
    result = Poll(feed.pk, feed.url, "error")
    dates: list[dt.datetime] = []
    fetched = None
    try:
        fetched = fetching.fetch(feed.url, etag=feed.etag, last_modified=feed.last_modified)
        result.http_status = fetched.status
        if fetched.not_modified:
            result.outcome = "not-modified"
        else:
            options = Options(source=feed.source.name if feed.source_id else "")
            items = _noting_dates(formats.read_fetched(fetched, feed.url, options), dates)
            known = 0
            if feed.fetch_pages:
                items, known = with_pages(list(items), options)
            report = pipeline.run_items(items, workers=1)
            if report.database_error is not None:
                raise report.database_error
            result.new, result.updated, result.skipped = report.created, report.updated, report.skipped + known
            result.rejected = len(report.rejected)
            whole = [r for r in report.rejected if r.origin == feed.url]  # the feed itself, not one entry
            if whole and not report.read:
                result.error = whole[0].reason
            else:
                result.outcome = "stored"
                for rejection in report.rejected:
                    logger.warning("feed %s: %s", feed.pk, rejection)
    except fetching.InputError as exc:
        result.error = str(exc)
    except Exception as exc:
        if _database_gone(exc):
            raise  # not the feed's fault: the worker waits for the database, the lease lets go of the feed
        logger.exception("feed %s: polling failed", feed.pk)  # a bug of ours: the feed backs off, others go on
        result.error = f"{exc.__class__.__name__}: {exc}"
    result.seconds = time.perf_counter() - started
    result.next_due = _write_back(feed, result, fetched, dates)
    fields = {k: v for k, v in vars(result).items() if k != "url"}
    logger.log(logging.WARNING if result.error else logging.INFO, result.log_line(), extra={"poll": fields})
    return result


def with_pages(items: list[ParsedArticle | Rejection], options: Options) -> tuple[list, int]:
    """A feed's entries, each new one that carries only a summary (under SUMMARY_CHARS of text) with the
    text of its page instead (at most MAX_PAGES a poll; the others keep their summary), and how many
    entries were left out because they are stored already: read again from the feed, their summary would
    replace the page's text."""
    parsed = [item for item in items if isinstance(item, ParsedArticle)]
    known = set(
        Article.objects.filter(
            feed_url__in={p.feed_url for p in parsed}, entry_id__in=[p.entry_id for p in parsed]
        ).values_list("feed_url", "entry_id")
    )
    kept, pages = [], 0
    for item in items:
        if isinstance(item, ParsedArticle):
            if (item.feed_url, item.entry_id) in known:
                continue
            if item.url and len(item.body_text) < SUMMARY_CHARS and pages < MAX_PAGES:
                pages += 1
                item = _with_page(item, options)
        kept.append(item)
    return kept, len(items) - len(kept)


def _with_page(entry: ParsedArticle, options: Options) -> ParsedArticle:
    """The entry with its page's text when the page gives more of it; else as it is (the reason logged)."""
    time.sleep(HOST_GAP.total_seconds())  # pages are mostly on the feed's host, which this poll holds
    try:
        page = fetching.fetch(entry.url)
    except fetching.InputError as exc:
        logger.warning("page %s of %s kept as a summary: %s", entry.url, entry.origin, exc)
        return entry
    found = next(formats.read_fetched(page, entry.url, Options(format="html", source=options.source)), None)
    if not isinstance(found, ParsedArticle) or len(found.body_text) <= len(entry.body_text):
        logger.warning("page %s of %s kept as a summary: %s", entry.url, entry.origin, found or "no text")
        return entry
    return dataclasses.replace(
        entry, body_html=found.body_html, body_text=found.body_text, byline=entry.byline or found.byline
    )


def _noting_dates(items: Iterable[ParsedArticle | Rejection], dates: list[dt.datetime]) -> Iterator:
    for item in items:
        if isinstance(item, ParsedArticle):
            if item.published_at:
                dates.append(item.published_at)
            elif item.published:
                dates.append(dt.datetime.combine(item.published, dt.time(12), dt.UTC))
        yield item


def _write_back(feed: Feed, result: Poll, fetched: fetching.Fetched | None, dates: list[dt.datetime]) -> dt.datetime:
    now = timezone.now()
    changes: dict = {"claimed_until": None, "claimed_by": "", "last_fetched": _NOW, "last_status": result.http_status}
    if result.error:
        errors = feed.consecutive_errors + 1
        wait = backoff(errors, feed.interval)
        changes.update(consecutive_errors=errors, last_error=result.error[:2000])
    else:
        wait = feed.interval
        if result.outcome == "stored":
            changes.update(etag=fetched.etag, last_modified=fetched.last_modified)
            if dates:
                wait, changes["per_day"] = interval_for(dates, now)
                changes["interval"] = wait
        changes.update(consecutive_errors=0, last_error="", articles_found=F("articles_found") + result.new)
    changes["next_due"] = _NOW + wait
    Feed.objects.filter(pk=feed.pk).update(**changes)
    return now + wait


def interval_for(dates: list[dt.datetime], now: dt.datetime) -> tuple[dt.timedelta, float]:
    """How long to wait before polling again, and entries a day: the mean gap between the entries of the
    last week, within MIN_INTERVAL and MAX_INTERVAL. The gap, not a week over the count (Miniflux's
    measure): a feed listing only its latest 10 entries, all of today, publishes ten a day, not ten a
    week. A feed with one entry in the last week counts as one a week; quiet for a week, MAX_INTERVAL."""
    week = dt.timedelta(days=7)
    recent = sorted(when for when in dates if now - week <= when <= now + dt.timedelta(hours=1))
    if not recent:
        return MAX_INTERVAL, 0.0
    gap = (recent[-1] - recent[0]) / (len(recent) - 1) if len(recent) > 1 else week
    gap = max(gap, dt.timedelta(seconds=1))  # entries all dated the same second
    return min(max(gap, MIN_INTERVAL), MAX_INTERVAL), dt.timedelta(days=1) / gap


def backoff(errors: int, interval: dt.timedelta) -> dt.timedelta:
    """The wait after the errors-th failure in a row: the feed's interval, doubled after each further
    failure, up to MAX_BACKOFF (and never less than the interval: an error must not make a feed polled
    more often)."""
    return max(interval, min(interval * 2 ** min(errors - 1, 20), MAX_BACKOFF))


def _database_gone(exc: BaseException) -> bool:
    from articles.archive import database_gone

    return database_gone(exc)


# --- The worker --------------------------------------------------------------------------------


def run_worker(*, stop: threading.Event | None = None, once: bool = False, name: str | None = None) -> int:
    """Poll feeds as they fall due and run the jobs staff queued (articles/jobs.py) until `stop` is set;
    with once, do all that is due now and return. Returns the number of polls and jobs run. Feeds and
    jobs take turns, so a long job holds up polling by one job at most. The database going away is
    waited out, not a crash."""
    stop = stop or threading.Event()
    name = name or worker_name()
    polls, beaten = 0, 0.0
    while not stop.is_set():
        try:
            beaten = beat(name, polls, beaten)
            job = jobs.claim(name)
            if job is not None:
                jobs.run(job, name, stop)
                polls += 1
            feed = claim(name) if not stop.is_set() else None
            if feed is not None:
                poll(feed)
                polls += 1
            if job is not None or feed is not None:
                continue
            waiting = min((w for w in (due_waiting(), jobs.waiting()) if w is not None), default=None)
        except Exception as exc:
            if not _database_gone(exc):
                raise
            logger.warning("collect: the database can't be used (%s); trying again in %.0f s", exc, IDLE_SECONDS)
            connection.close()
            stop.wait(IDLE_SECONDS)
            continue
        if once and (waiting is None or waiting > 0):
            break  # nothing due now that another worker has not taken
        if waiting is None:
            stop.wait(IDLE_SECONDS)  # no feeds or jobs (or all taken): look again for new ones, or "fetch now"
        elif waiting <= 0:
            stop.wait(BUSY_SECONDS)  # due, but its host is busy or was asked a moment ago
        else:
            stop.wait(min(waiting, IDLE_SECONDS))
    return polls


WORKER_BEAT = 30.0  # seconds between a worker's heartbeats (the health endpoint reads them)


def beat(name: str, polls: int, last: float) -> float:
    """Note that this worker's loop still comes round (at most every WORKER_BEAT seconds); returns when.
    Workers silent for a day are forgotten."""
    now = time.monotonic()
    if last and now - last < WORKER_BEAT:
        return last
    stamp = timezone.now()
    Worker.objects.update_or_create(
        name=name, defaults={"beat": stamp, "polls": polls}, create_defaults={"beat": stamp}
    )
    Worker.objects.filter(beat__lt=stamp - dt.timedelta(days=1)).delete()
    jobs.prune()
    return now


# --- Subscriptions: OPML ------------------------------------------------------------------------


@dataclass
class OpmlImport:
    added: list[str]
    already: list[str]  # subscribed before
    refused: list[str]  # "url: reason"


def import_opml(data: bytes) -> OpmlImport:
    """Subscribe to every feed an OPML file lists (its outlines' xmlUrl), keeping those subscribed already;
    an address that isn't http(s) is refused with its reason. A file that is no OPML is an InputError."""
    import listparser

    parsed = listparser.parse(bytes(data))  # bytes, never a str: listparser would fetch a str that is a URL
    if not parsed.version and not parsed.feeds:
        raise fetching.InputError("not an OPML subscription list")
    if not parsed.feeds:
        raise fetching.InputError("the OPML file lists no feeds (outlines with an xmlUrl)")
    wanted: dict[str, str] = {}
    refused = []
    for entry in parsed.feeds:
        address = entry.url.strip()
        if reason := feed_url_problem(address):
            refused.append(f"{address or '(empty)'}: {reason}")
        else:
            wanted.setdefault(address, " ".join((entry.title or "").split())[:300])
    already = set(Feed.objects.filter(url__in=wanted).values_list("url", flat=True))
    new = [Feed(url=address, title=title) for address, title in wanted.items() if address not in already]
    Feed.objects.bulk_create(new, ignore_conflicts=True)  # another import may add the same feed meanwhile
    return OpmlImport([f.url for f in new], sorted(already), refused)


def feed_url_problem(address: str) -> str | None:
    """Why `address` can't be a feed's URL (the form's and the import's check), or None."""
    from django.core.exceptions import ValidationError
    from django.core.validators import URLValidator

    if len(address) > Feed._meta.get_field("url").max_length:
        return "longer than 1,000 characters"
    try:
        URLValidator(schemes=["http", "https"])(address)
    except ValidationError:
        return "not an http or https URL"
    return None


def export_opml(feeds: Iterable[Feed]) -> bytes:
    """The feeds as an OPML 2.0 subscription list, which feed readers and import_opml read back."""
    from xml.etree import ElementTree

    root = ElementTree.Element("opml", version="2.0")
    head = ElementTree.SubElement(root, "head")
    ElementTree.SubElement(head, "title").text = "NewsArchive feeds"
    ElementTree.SubElement(head, "dateCreated").text = timezone.now().strftime("%a, %d %b %Y %H:%M:%S +0000")
    body = ElementTree.SubElement(root, "body")
    for feed in feeds:
        name = feed.title or (feed.source.name if feed.source_id else "") or feed.url
        ElementTree.SubElement(body, "outline", type="rss", text=name, title=name, xmlUrl=feed.url)
    ElementTree.indent(root)
    return ElementTree.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"

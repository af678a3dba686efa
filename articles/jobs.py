"""Jobs: work staff ask for in the admin that is too long for a web request, done by the `collect` worker.

A paste of a URL (a fetch that may take FETCH_DEADLINE), a re-tag of every article after a topic rule
changed, a re-extraction of articles: the admin enqueues a Job row and shows its page, the worker that
polls feeds (articles/collect.py, run_worker) takes jobs between polls. The rows are claimed as feeds
are: SELECT … FOR UPDATE SKIP LOCKED, then a lease (claimed_until), so

- two workers never run the same job;
- a job whose worker died is taken over when its lease passes, at most MAX_ATTEMPTS times in all;
- a job that fails is tried again after RETRY_WAIT, doubled after each further failure, up to
  MAX_ATTEMPTS; a failure retrying cannot mend (a page with no article in it) fails it at once (Permanent);
- a re-extraction saves its progress (the last article done) after each batch and renews its lease
  then, so a worker taking it over carries on where the other stopped.

Operators' commands (`retag`, `reextract`) run the same functions synchronously.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone
from psycopg2.extras import Json

from articles import archive
from articles.ingest import fetch as fetching
from articles.ingest import formats
from articles.ingest.formats import Options, ParsedArticle
from articles.models import Article, Job, Worker

logger = logging.getLogger("articles.collect.jobs")  # a child of the poll log: `collect` shows both

MAX_ATTEMPTS = 4
RETRY_WAIT = dt.timedelta(seconds=30)  # after the first failure; doubled after each further one
KEEP = dt.timedelta(days=30)  # finished jobs are forgotten after this
BATCH = 50  # articles re-extracted between two saves of the progress
# How long a worker holds a job before another may take it over. A re-tag is one transaction with no
# progress to save meanwhile (31 s at 1M articles); a re-extraction renews its lease after each batch.
LEASES = {
    Job.Kind.PASTE: lambda: dt.timedelta(seconds=settings.FETCH_DEADLINE) + dt.timedelta(minutes=10),
    Job.Kind.RETAG: lambda: dt.timedelta(minutes=30),
    Job.Kind.REEXTRACT: lambda: dt.timedelta(minutes=10),
}


class Permanent(Exception):
    """A failure that trying again cannot mend: the job fails at once, with this as its error."""


class Stopped(Exception):
    """The worker was asked to stop (SIGTERM, a deploy) in the middle of a job that saves its progress: the
    job waits for the next worker, which carries on from there."""


class LeaseLost(Exception):
    """Another worker took the job over (this one was too slow to renew its lease): stop, record nothing."""


# --- Enqueueing (the admin) ----------------------------------------------------------------------


def enqueue(kind: str, arguments: dict | None = None, *, user=None) -> Job:
    """A new job, or for a re-tag the one already waiting (it reads the rules when it starts)."""
    user_id = user.pk if user is not None and user.is_authenticated else None
    job = Job(kind=kind, arguments=arguments or {}, requested_by_id=user_id)
    if kind != Job.Kind.RETAG:
        job.save()
        return job
    for _ in range(3):  # a worker may take the waiting one between our insert and our look-up
        Job.objects.bulk_create([job], ignore_conflicts=True)  # job_one_retag_waiting
        waiting = Job.objects.filter(kind=kind, state=Job.State.QUEUED, attempts=0).first()
        if waiting is not None:
            return waiting
        job.pk = None
    raise RuntimeError("could not enqueue a re-tag")


# --- Claiming and running (the worker) -------------------------------------------------------------


def claim(worker: str) -> Job | None:
    """A job that may run now (waiting and due, or running on a worker whose lease passed), taken for this
    worker; None when there is none. Pastes first: someone is waiting on the page for them."""
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(
            """SELECT id, kind, state, attempts FROM articles_job
               WHERE state IN ('queued', 'running')
                 AND ((state = 'queued' AND run_after <= statement_timestamp())
                      OR (state = 'running' AND claimed_until < statement_timestamp()))
               ORDER BY kind <> 'paste', run_after, id LIMIT 10 FOR UPDATE SKIP LOCKED"""
        )
        for job_id, kind, state, attempts in cursor.fetchall():
            if state == Job.State.RUNNING:  # its worker stopped (died, or lost the database) mid-way
                lost = f"attempt {attempts}: its worker stopped before finishing (the lease passed)"
                if attempts >= MAX_ATTEMPTS:
                    _set(cursor, job_id, state="failed", finished=True, error=lost)
                    logger.warning("job %s (%s) failed: %s", job_id, kind, lost)
                    continue
                cursor.execute("UPDATE articles_job SET error = %s WHERE id = %s", [lost, job_id])
            cursor.execute(
                """UPDATE articles_job SET state = 'running', attempts = attempts + 1,
                   started = coalesce(started, statement_timestamp()),
                   claimed_until = statement_timestamp() + %s, claimed_by = %s WHERE id = %s""",
                [LEASES[kind](), worker, job_id],
            )
            return Job.objects.select_related("requested_by").get(pk=job_id)
    return None


def waiting() -> float | None:
    """Seconds until a job may be taken (0 or less: now), None when no job is waiting or running."""
    with connection.cursor() as cursor:
        cursor.execute(
            """SELECT EXTRACT(EPOCH FROM min(CASE WHEN state = 'queued' THEN run_after ELSE claimed_until END)
                      - statement_timestamp())
               FROM articles_job WHERE state IN ('queued', 'running')"""
        )
        seconds = cursor.fetchone()[0]
    return None if seconds is None else float(seconds)


def run(job: Job, worker: str, stop: threading.Event | None = None) -> str:
    """Run a claimed job and record how it ended (done, failed, or waiting to be tried again); returns
    the state it was left in. The database going away is raised: the lease lets go of the job. A job
    that saves its progress (a re-extraction) stops at its next save once `stop` is set."""
    try:
        result = RUNNERS[job.kind](job, worker, stop or threading.Event())
    except LeaseLost:
        logger.warning("job %s (%s): another worker took it over", job.pk, job.kind)
        return Job.State.RUNNING
    except Stopped:
        # Not a failure: the attempt is given back, and the job may be taken again at once.
        with connection.cursor() as cursor:
            cursor.execute("UPDATE articles_job SET attempts = attempts - 1 WHERE id = %s", [job.pk])
            _set(cursor, job.pk, worker=worker, state="queued", run_after=dt.timedelta(0))
        logger.info("job %s (%s): stopped with the worker; its progress is kept", job.pk, job.kind)
        return Job.State.QUEUED
    except Exception as exc:
        if archive.database_gone(exc):
            raise
        if not isinstance(exc, Permanent | fetching.InputError):
            logger.exception("job %s (%s) failed", job.pk, job.kind)  # a bug of ours: it says so, others go on
        error = str(exc) if isinstance(exc, Permanent | fetching.InputError) else f"{type(exc).__name__}: {exc}"
        retry = not isinstance(exc, Permanent) and job.attempts < MAX_ATTEMPTS
        with connection.cursor() as cursor:
            if retry:
                wait = RETRY_WAIT * 2 ** (job.attempts - 1)
                _set(cursor, job.pk, worker=worker, state="queued", error=error, run_after=wait)
            else:
                _set(cursor, job.pk, worker=worker, state="failed", error=error, finished=True)
        state = "queued" if retry else "failed"
        logger.warning("job %s (%s) attempt %s failed (%s): %s", job.pk, job.kind, job.attempts, state, error)
        return state
    with connection.cursor() as cursor:
        _set(cursor, job.pk, worker=worker, state="done", error="", result=result, finished=True)
    logger.info("job %s (%s) done: %s", job.pk, job.kind, result)
    return Job.State.DONE


def _set(
    cursor,
    job_id: int,
    *,
    state: str,
    worker: str | None = None,
    error: str | None = None,
    result: dict | None = None,
    run_after: dt.timedelta | None = None,
    finished: bool = False,
) -> None:
    """Let go of a job in its new state; only the worker holding it may (worker None: a claim's takeover)."""
    sets = ["state = %s", "claimed_until = NULL", "claimed_by = ''"]
    params: list = [state]
    if error is not None:
        sets.append("error = %s")
        params.append(error[:4000])
    if result is not None:
        sets.append("result = %s")
        params.append(Json(result))
    if run_after is not None:
        sets.append("run_after = statement_timestamp() + %s")
        params.append(run_after)
    if finished:
        sets.append("finished = statement_timestamp()")
    where = "id = %s" + ("" if worker is None else " AND claimed_by = %s AND state = 'running'")
    params += [job_id] if worker is None else [job_id, worker]
    cursor.execute(f"UPDATE articles_job SET {', '.join(sets)} WHERE {where}", params)  # noqa: S608 - fixed names


def renew(job: Job, worker: str, result: dict) -> None:
    """Save a running job's progress and extend its lease; LeaseLost if another worker has it now. The
    worker's heartbeat too: its loop does not come round during a long job, and /health/ reads the beat."""
    now = timezone.now()
    taken = Job.objects.filter(pk=job.pk, state=Job.State.RUNNING, claimed_by=worker).update(
        result=result, claimed_until=now + LEASES[job.kind]()
    )
    if not taken:
        raise LeaseLost
    Worker.objects.filter(name=worker).update(beat=now)


def prune() -> int:
    """Forget jobs finished more than KEEP ago; returns how many."""
    return Job.objects.filter(state__in=["done", "failed"], finished__lt=timezone.now() - KEEP).delete()[0]


# --- The jobs -----------------------------------------------------------------------------------


def paste_url(job: Job, worker: str, stop: threading.Event) -> dict:
    """Fetch a URL staff gave on the paste page and store its article as `ingest` would. A fetch that fails
    is tried again (the site may be back); a page with no article, at once a failure."""
    from articles.admin import store_pasted  # the admin imports this module

    url = job.arguments["url"]
    published = job.arguments.get("published")
    options = Options(date=dt.date.fromisoformat(published) if published else None)
    try:
        fetched = fetching.fetch(url)
    except fetching.InputError as exc:
        if not may_pass(exc):
            raise Permanent(str(exc)) from None
        raise
    parsed = next(formats.read_fetched(fetched, url, options), None)
    if not isinstance(parsed, ParsedArticle):
        raise Permanent(f"nothing to store: {parsed.reason if parsed else 'no article found'}")
    import reversion
    from django.contrib.admin.models import ADDITION, LogEntry

    with reversion.create_revision():
        stored = store_pasted(parsed=parsed, corrections={}, context=archive.Context())
        if stored.status == "created":
            article = Article.objects.get(pk=stored.article_id)
            reversion.set_user(job.requested_by)
            reversion.set_comment("Pasted from a URL.")
            reversion.add_to_revision(article)
            if job.requested_by_id:  # the admin's history names who added it, as for a paste of text
                LogEntry.objects.log_actions(
                    job.requested_by_id, [article], ADDITION, [{"added": {}}], single_object=True
                )
    if stored.article_id is None:
        raise Permanent(f"not stored: {stored.detail or stored.status}")
    headline = Article.objects.values_list("headline", flat=True).get(pk=stored.article_id)
    return {"article_id": stored.article_id, "headline": headline, "stored": stored.status, "detail": stored.detail}


# Fetch failures that may pass by themselves (fetch.py's messages): the site down, slow or overloaded. A
# refusal (SSRF rules), a malformed URL, a page too large or a 404 fails the same way every time.
TRANSIENT = (
    "took longer than",
    "TLS failed",
    "the server closed",
    "the answer was cut short",
    "broken HTTP answer",
    "unreachable",
    "cannot be fetched",
)


def may_pass(exc: fetching.InputError) -> bool:
    message = str(exc)
    if status := re.match(r"HTTP error (\d+)", message):
        return int(status[1]) >= 500 or int(status[1]) in (408, 429)
    return message.startswith(TRANSIENT)


def retag(job: Job, worker: str, stop: threading.Event) -> dict:
    from articles.ingest.topics import retag_all

    done = retag_all()
    return {
        "articles_changed": done.articles_changed,
        "added": done.added,
        "removed": done.removed,
        "per_topic": {name: list(change) for name, change in done.per_topic.items()},
    }


def reextract_job(job: Job, worker: str, stop: threading.Event) -> dict:
    """arguments: {"article_ids": [...]}, {"speaker_names": [...]} (the articles whose unattributed quotations
    give one of these names as written, found when the job starts), or {} for every article."""
    progress = dict(job.result)  # carried on from where a worker that stopped left it
    ids = job.arguments.get("article_ids")  # None: every article
    if "speaker_names" in job.arguments:
        ids = progress.setdefault("article_ids", quoting_unattributed(job.arguments["speaker_names"]))
    progress.setdefault("total", len(ids) if ids is not None else Article.objects.count())

    def saved(report: Reextracted, last_id: int) -> None:
        renew(job, worker, {**progress, **report.as_dict(), "last_id": last_id})
        if stop.is_set():
            raise Stopped

    done = reextract(
        ids,
        after=progress.get("last_id", 0),
        report=Reextracted(progress.get("done", 0), progress.get("failures", 0), progress.get("failed", {})),
        progress=saved,
    )
    return {**progress, **done.as_dict()}


def quoting_unattributed(names: list[str]) -> list[int]:
    """Articles with a quotation credited to no person under one of these names as written (accents, case
    and punctuation aside): those a name no longer barred from being a person (NotAPerson) may change."""
    from django.db.models import Func

    from articles.models import Quote, normalize_name

    wanted = sorted({normalize_name(name) for name in names} - {""})
    rows = (
        Quote.objects.filter(person__isnull=True)
        .alias(written=Func("speaker_as_written", function="na_normalize"))
        .filter(written__in=wanted)
        .order_by("article_id")
        .values_list("article_id", flat=True)
        .distinct()
    )
    return list(rows)


@dataclass
class Reextracted:
    done: int = 0
    failures: int = 0
    failed: dict[str, str] = field(default_factory=dict)  # article id -> why (the first FAILED_KEPT)

    FAILED_KEPT = 20

    def as_dict(self) -> dict:
        return {"done": self.done, "failures": self.failures, "failed": self.failed}


def reextract(
    article_ids: Iterable[int] | None,
    *,
    after: int = 0,
    report: Reextracted | None = None,
    progress: Callable[[Reextracted, int], None] | None = None,
) -> Reextracted:
    """Extract the quotations and people of these articles again (None: of every article), in order of id
    from `after` on, as archive.update_article does when staff change a text: the rows staff added or
    corrected are kept. An article that fails is noted and the others go on. `progress` is called after
    each batch of BATCH with the report so far and the last article done."""
    report = report or Reextracted()
    articles = Article.objects.order_by("pk").only("pk", "headline", "body_text", "body_html")
    if article_ids is not None:
        articles = articles.filter(pk__in=list(article_ids))
    context = archive.Context()
    last = after
    while batch := list(articles.filter(pk__gt=last)[:BATCH]):
        for article in batch:
            try:
                archive.update_article(article, context=context)
            except Exception as exc:
                if archive.database_gone(exc):
                    raise
                report.failures += 1
                if len(report.failed) < Reextracted.FAILED_KEPT:
                    report.failed[str(article.pk)] = f"{type(exc).__name__}: {exc}"[:300]
            else:
                report.done += 1
        last = batch[-1].pk
        if progress is not None:
            progress(report, last)
    if report.done >= 10_000:  # as a large ingest does (pipeline.ANALYZE_AFTER)
        archive.analyze_archive()
    return report


RUNNERS: dict[str, Callable[[Job, str, threading.Event], dict]] = {
    Job.Kind.PASTE: paste_url,
    Job.Kind.RETAG: retag,
    Job.Kind.REEXTRACT: reextract_job,
}


# --- In words (the admin) -------------------------------------------------------------------------


def outcome(job: Job) -> str:
    """What became of a job, in words: waiting, how far it got, what it made, or why it failed."""
    result = job.result or {}
    if job.state == Job.State.QUEUED:
        if job.attempts:
            when = timezone.localtime(job.run_after).strftime("%H:%M:%S")
            return f"attempt {job.attempts} of {MAX_ATTEMPTS} failed: {job.error}. Trying again at {when}."
        return "waiting for a worker (manage.py collect)"
    if job.state == Job.State.RUNNING:
        if "total" in result:
            return f"running: {result.get('done', 0):,} of {result['total']:,} articles done"
        return "running"
    if job.state == Job.State.FAILED:
        return f"failed after {job.attempts} attempt{'s' if job.attempts != 1 else ''}: {job.error}"
    if job.kind == Job.Kind.PASTE:
        if result.get("stored") == "created":
            return f"fetched → article #{result['article_id']} “{result['headline']}”"
        return f"already in the archive → article #{result['article_id']} “{result['headline']}” ({result['detail']})"
    if job.kind == Job.Kind.RETAG:
        if not result["per_topic"]:
            return "re-tagged all articles: nothing changed"
        changes = "; ".join(
            f"{name}: {gained} gained, {lost} lost" for name, (gained, lost) in result["per_topic"].items()
        )
        return f"re-tagged all articles: {result['articles_changed']:,} changed. {changes}".strip()
    failed = ", ".join(f"#{pk}: {why}" for pk, why in result.get("failed", {}).items())
    return f"re-extracted {result['done']:,} articles" + (f"; {result['failures']} failed: {failed}" if failed else "")

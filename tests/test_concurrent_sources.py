"""Two writers creating the same new outlet at once (issue 15: several `collect` workers, or an ingest
beside a worker): both get the one outlet, neither fails on its unique name or slug.

Each writer is a thread with its own database connection, so the test commits (transaction=True).
Theirs creates the outlet and keeps its transaction open; ours, which could not see that outlet yet,
then tries to create it too and has to wait for theirs (the test watches pg_stat_activity for that
wait, never the clock); theirs commits. Before outlets were inserted with ON CONFLICT DO NOTHING,
ours failed there with a unique violation (source_name_ci_unique, or source_slug_unique for another
name of the same slug), and the article being stored with it was lost or tried again.

Every outlet here is invented.
"""

import threading
from unittest import mock

import pytest
from django.db import OperationalError, connection, transaction

from articles import archive
from articles.ingest.formats import ParsedArticle
from articles.models import Article, Source

pytestmark = pytest.mark.django_db(transaction=True)

THEIRS = "Harbour Gazette"
WAIT = 30  # seconds before a stuck thread gives up: a safety net, not a measurement


def race(ours: str) -> tuple[int, int | Exception]:
    """Theirs creates THEIRS and commits only once ours waits to create `ours`. Their outlet's id, and
    ours (or the error ours raised)."""
    created, ours_waits, ours_pid = threading.Event(), threading.Event(), []
    result: dict[str, int | Exception] = {}

    def theirs_thread():
        try:
            with transaction.atomic():
                result["theirs"] = archive.SourceCache().get(THEIRS)
                created.set()
                ours_waits.wait(WAIT)
        finally:
            connection.close()

    def ours_thread():
        try:
            created.wait(WAIT)
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_backend_pid()")
                ours_pid.append(cursor.fetchone()[0])
            with transaction.atomic():
                cache = archive.SourceCache()  # loaded now: their uncommitted outlet is not in it
                result["ours"] = cache.get(ours)
        except Exception as exc:  # noqa: BLE001 - what the test reports
            result["ours"] = exc
        finally:
            connection.close()

    threads = [threading.Thread(target=theirs_thread), threading.Thread(target=ours_thread)]
    for thread in threads:
        thread.start()
    try:
        waiting_for_theirs(ours_pid)
    finally:
        ours_waits.set()
        for thread in threads:
            thread.join(WAIT)
    return result["theirs"], result["ours"]


def waiting_for_theirs(ours_pid: list[int]) -> None:
    """Returns once ours waits for a lock (their uncommitted outlet), or when it is done without waiting."""
    done = threading.Event()
    while not done.wait(0.01):
        if not ours_pid:
            continue
        with connection.cursor() as cursor:
            cursor.execute("SELECT state, wait_event_type FROM pg_stat_activity WHERE pid = %s", ours_pid)
            state, wait = cursor.fetchone() or ("gone", None)
        if wait == "Lock" or state in ("idle", "gone"):
            return


@pytest.mark.parametrize("ours", ["Harbour Gazette", "HARBOUR  gazette"])
def test_two_writers_creating_one_new_outlet_at_once_both_get_it(ours):
    theirs_id, ours_id = race(ours)
    assert ours_id == theirs_id, ours_id
    assert list(Source.objects.values_list("name", "slug")) == [("Harbour Gazette", "harbour-gazette")]


def test_an_outlet_whose_slug_another_writer_took_meanwhile_gets_the_next_slug():
    theirs_id, ours_id = race("Harbour-Gazette")  # another outlet, whose name makes the same slug
    assert isinstance(ours_id, int) and ours_id != theirs_id, ours_id
    slugs = dict(Source.objects.values_list("name", "slug"))
    assert slugs == {"Harbour Gazette": "harbour-gazette", "Harbour-Gazette": "harbour-gazette-2"}


def test_an_outlet_created_once_is_found_again_without_a_query(django_assert_num_queries):
    cache = archive.SourceCache()
    gazette = cache.get("Harbour Gazette")
    with django_assert_num_queries(0):
        assert cache.get("harbour   GAZETTE") == gazette
    assert archive.SourceCache().get("HARBOUR GAZETTE") == gazette  # a new run finds it in the database
    assert cache.get("Valley Courier", create=False) is None and Source.objects.count() == 1


# Two articles naming the same two new outlets in opposite orders: one from the Harbour Gazette carried
# via the Valley Courier, one from the Valley Courier via the Harbour Gazette.
CROSSED = [("Harbour Gazette", "Valley Courier"), ("Valley Courier", "Harbour Gazette")]


def crossed_article(n: int) -> ParsedArticle:
    source, via = CROSSED[n]
    return ParsedArticle(
        headline=f"Ferry timetable changes for the winter, notice {n}",
        body_text=f"The harbour office published winter notice {n} on Monday. Crossings start an hour later.",
        body_html="",
        origin=f"test {n}",
        source=source,
        via=via,
        url=f"https://gazette.example/winter-notice-{n}",
    )


def test_two_articles_creating_the_same_two_outlets_in_opposite_orders_are_both_stored():
    """Each writer creates its article's outlet, then (once the other has created its own) its via outlet,
    which the other has just created and not committed: each waits for the other, and PostgreSQL ends the
    deadlock by failing one of them (40P01). That one is stored again and finds the other's outlets.
    Before store_article tried again, that article was lost: the admin's paste of a URL and the worker
    failed on "deadlock detected"."""
    first_created = threading.Barrier(2, timeout=WAIT)
    created_by = threading.local()
    find_or_create = archive.SourceCache._find_or_create
    deadlocks, results = [], {}

    def creating(name):
        pk = find_or_create(name)
        if not getattr(created_by, "one", False):  # the first outlet of the first attempt: wait for the other's
            created_by.one = True
            first_created.wait()
        return pk

    def watching_store(store_batch):
        def store(items, context):
            try:
                return store_batch(items, context)
            except OperationalError as exc:
                deadlocks.append(archive.lost_race(exc))
                raise

        return store

    def writer(n):
        try:
            results[n] = archive.store_article(parsed=crossed_article(n), context=archive.Context())
        except Exception as exc:  # noqa: BLE001 - what the test reports
            results[n] = exc
        finally:
            connection.close()

    with (
        mock.patch.object(archive.SourceCache, "_find_or_create", side_effect=creating),
        mock.patch.object(archive, "_store_batch", side_effect=watching_store(archive._store_batch)),
    ):
        threads = [threading.Thread(target=writer, args=(n,)) for n in (0, 1)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(WAIT * 2)

    assert deadlocks == [True], deadlocks  # the race happened: one writer was failed as a deadlock's victim
    assert [getattr(results[n], "status", results[n]) for n in (0, 1)] == ["created", "created"]
    stored = Article.objects.order_by("url").values_list("url", "source__name", "via__name")
    assert list(stored) == [
        ("https://gazette.example/winter-notice-0", "Harbour Gazette", "Valley Courier"),
        ("https://gazette.example/winter-notice-1", "Valley Courier", "Harbour Gazette"),
    ]
    assert sorted(Source.objects.values_list("name", flat=True)) == ["Harbour Gazette", "Valley Courier"]

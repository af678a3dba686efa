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

import pytest
from django.db import connection, transaction

from articles import archive
from articles.models import Source

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

"""The collector (articles/collect.py, `manage.py collect`): workers poll subscribed feeds served by real HTTP
servers on 127.0.0.1 (FETCH_ALLOWED_HOSTS lets them be reached; invented names resolve there through a patched
socket.getaddrinfo, as in test_fetch.py).

The outlets, people and events in the feeds are invented.
"""

import datetime as dt
import itertools
import logging
import signal
import socket
import threading
import time
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from unittest import mock
from xml.sax.saxutils import escape

import pytest
from django.core.management import call_command
from django.db import connection
from django.utils import timezone

from articles import collect
from articles.ingest import fetch as fetching
from articles.ingest import formats
from articles.models import Article, Feed, Source

NOW = timezone.now()


def rss(title: str, entries: list[tuple[str, str, str, dt.datetime]]) -> bytes:
    """An RSS 2.0 feed of (guid, headline, text, published) entries."""
    items = "".join(
        f'<item><guid isPermaLink="false">{escape(guid)}</guid><title>{escape(headline)}</title>'
        f"<link>https://harbour.example/{escape(guid)}</link>"
        f"<pubDate>{when.strftime('%a, %d %b %Y %H:%M:%S +0000')}</pubDate>"
        f"<description>{escape(text)}</description></item>"
        for guid, headline, text, when in entries
    )
    return (
        f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>{escape(title)}</title>'
        f"<link>https://harbour.example/</link>{items}</channel></rss>"
    ).encode()


FERRY = (
    "ferry-1",
    "Night ferry to Saltcombe returns",
    "The night ferry to Saltcombe sails again from Monday, the harbour office of Port Elden said.",
    NOW - dt.timedelta(hours=30),
)
BRIDGE = (
    "bridge-2",
    "Marrowby bridge closed for repairs",
    "The old bridge at Marrowby will be closed for six weeks while its arches are repaired.",
    NOW - dt.timedelta(hours=20),
)
LIBRARY = (
    "library-3",
    "Dunholm library opens on Sundays",
    "From next month the library in Dunholm opens on Sunday afternoons, the town council decided.",
    NOW - dt.timedelta(hours=2),
)


@dataclass
class Seen:
    path: str
    host: str
    user_agent: str
    if_none_match: str | None
    started: float


class FeedSite(BaseHTTPRequestHandler):
    """Answers from server.routes: path -> (body, etag) or an error status. Honours If-None-Match. Records
    every request (server.seen) and the most requests in flight at once per host (server.most)."""

    def do_GET(self):
        server = self.server
        host = (self.headers.get("Host") or "").rsplit(":", 1)[0]
        with server.lock:
            server.seen.append(
                Seen(self.path, host, self.headers.get("User-Agent"), self.headers.get("If-None-Match"), time.time())
            )
            server.in_flight[host] = server.in_flight.get(host, 0) + 1
            server.most[host] = max(server.most.get(host, 0), server.in_flight[host])
        try:
            server.stop.wait(server.delay)  # a slow answer, so two workers would overlap if they could
            route = server.routes.get(self.path, 404)
            if isinstance(route, int):
                self.send_response(route)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            body, etag = route
            if etag and self.headers.get("If-None-Match") == etag:
                self.send_response(304)
                self.send_header("ETag", etag)
                self.end_headers()
                return
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            if etag:
                self.send_header("ETag", etag)
            self.end_headers()
            self.wfile.write(body)
        finally:
            with server.lock:
                server.in_flight[host] -= 1

    def log_message(self, *args):
        pass


@pytest.fixture
def site():
    server = ThreadingHTTPServer(("127.0.0.1", 0), FeedSite)
    server.routes, server.seen, server.in_flight, server.most = {}, [], {}, {}
    server.lock, server.stop, server.delay = threading.Lock(), threading.Event(), 0
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
    yield server
    server.stop.set()
    server.shutdown()
    server.server_close()


def url(server, path: str, host: str = "127.0.0.1") -> str:
    return f"http://{host}:{server.server_port}{path}"


@pytest.fixture
def loopback(settings, monkeypatch):
    """Loopback may be fetched (as FETCH_ALLOWED_HOSTS allows), and *.example names resolve to it."""
    settings.FETCH_ALLOWED_HOSTS = ["127.0.0.1"]
    settings.FETCH_DEADLINE = 5
    real = socket.getaddrinfo

    def resolve(host, port, *args, **kwargs):
        return real("127.0.0.1" if host.endswith(".example") else host, port, *args, **kwargs)

    monkeypatch.setattr(fetching.socket, "getaddrinfo", resolve)
    monkeypatch.setattr(collect, "HOST_GAP", dt.timedelta(0))
    return settings


def due_again(feed: Feed) -> None:
    Feed.objects.filter(pk=feed.pk).update(next_due=timezone.now() - dt.timedelta(seconds=1))


# --- Polling one feed ---------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_worker_stores_new_entries_as_they_appear_without_an_ingest_command(site, loopback):
    site.routes["/news.xml"] = (rss("Harbour Gazette", [FERRY, BRIDGE]), None)
    feed = Feed.objects.create(url=url(site, "/news.xml"))

    assert collect.run_worker(once=True) == 1

    stored = Article.objects.filter(feed_url=feed.url)
    assert sorted(stored.values_list("entry_id", flat=True)) == ["bridge-2", "ferry-1"]
    assert stored.first().source.name == "Harbour Gazette"
    feed.refresh_from_db()
    assert (feed.articles_found, feed.last_status, feed.consecutive_errors, feed.last_error) == (2, 200, 0, "")
    assert feed.next_due > timezone.now() and feed.claimed_until is None and feed.claimed_by == ""
    assert collect.run_worker(once=True) == 0  # not due again yet

    site.routes["/news.xml"] = (rss("Harbour Gazette", [LIBRARY, FERRY, BRIDGE]), None)
    due_again(feed)
    assert collect.run_worker(once=True) == 1
    assert stored.count() == 3
    feed.refresh_from_db()
    assert feed.articles_found == 3
    assert [s.user_agent for s in site.seen] == [fetching.USER_AGENT] * 2


@pytest.mark.django_db
def test_a_feed_read_again_unchanged_stores_nothing(site, loopback):
    site.routes["/news.xml"] = (rss("Harbour Gazette", [FERRY, BRIDGE]), None)  # no ETag: read in full again
    feed = Feed.objects.create(url=url(site, "/news.xml"), source=Source.objects.create(name="Valley Courier"))
    collect.poll(collect.claim("test"))
    due_again(feed)

    again = collect.poll(collect.claim("test"))

    assert (again.outcome, again.new, again.updated, again.skipped) == ("stored", 0, 0, 2)
    assert Article.objects.filter(feed_url=feed.url, source__name="Valley Courier").count() == 2


@pytest.mark.django_db
def test_a_304_costs_no_parsing(site, loopback):
    site.routes["/news.xml"] = (rss("Harbour Gazette", [FERRY]), '"v1"')
    feed = Feed.objects.create(url=url(site, "/news.xml"))
    collect.run_worker(once=True)
    feed.refresh_from_db()
    assert feed.etag == '"v1"'
    due_again(feed)

    with mock.patch.object(formats, "read_fetched", autospec=True) as read_fetched:
        result = collect.poll(collect.claim("test"))

    assert site.seen[-1].if_none_match == '"v1"'
    read_fetched.assert_not_called()
    assert (result.outcome, result.http_status, result.new) == ("not-modified", 304, 0)
    feed.refresh_from_db()
    assert (feed.last_status, feed.etag, feed.articles_found) == (304, '"v1"', 1)


@pytest.mark.django_db
def test_a_failing_feed_backs_off_and_recovers(site, loopback):
    site.routes["/news.xml"] = 503
    feed = Feed.objects.create(url=url(site, "/news.xml"))
    waits = []
    for _ in range(3):
        due_again(feed)
        result = collect.poll(collect.claim("test"))
        feed.refresh_from_db()
        waits.append(feed.next_due - feed.last_fetched)
        assert result.outcome == "error"

    assert feed.consecutive_errors == 3
    assert feed.last_error == "HTTP error 503 Service Unavailable"
    assert waits == [feed.interval, 2 * feed.interval, 4 * feed.interval]
    assert collect.run_worker(once=True) == 0  # backing off: not due

    site.routes["/news.xml"] = (rss("Harbour Gazette", [FERRY]), None)
    due_again(feed)
    collect.run_worker(once=True)
    feed.refresh_from_db()
    assert (feed.consecutive_errors, feed.last_error, feed.articles_found) == (0, "", 1)


@pytest.mark.django_db
def test_a_document_that_is_not_a_feed_is_the_feeds_error(site, loopback):
    site.routes["/news.xml"] = (b"<rss><channel><title>cut", None)
    feed = Feed.objects.create(url=url(site, "/news.xml"))
    result = collect.poll(collect.claim("test"))
    feed.refresh_from_db()
    assert result.outcome == "error" and feed.consecutive_errors == 1
    assert feed.last_error.startswith("not well-formed XML")


@pytest.mark.django_db
def test_a_feed_on_an_internal_address_is_never_fetched(site, settings):
    settings.FETCH_ALLOWED_HOSTS = []  # the default: loopback is not public
    feed = Feed.objects.create(url=url(site, "/news.xml"))
    collect.run_worker(once=True)
    feed.refresh_from_db()
    assert feed.last_error == "refused: 127.0.0.1 is a loopback address (set FETCH_ALLOWED_HOSTS to allow it)"
    assert site.seen == [] and feed.consecutive_errors == 1


@pytest.mark.django_db
def test_paused_feeds_are_not_polled(site, loopback):
    site.routes["/news.xml"] = (rss("Harbour Gazette", [FERRY]), None)
    Feed.objects.create(url=url(site, "/news.xml"), active=False)
    assert collect.run_worker(once=True) == 0
    assert site.seen == []


@pytest.mark.django_db
def test_each_poll_logs_one_structured_line(site, loopback, caplog):
    site.routes["/news.xml"] = (rss("Harbour Gazette", [FERRY, BRIDGE]), None)
    feed = Feed.objects.create(url=url(site, "/news.xml"))
    with caplog.at_level(logging.INFO, logger="articles.collect"):
        collect.run_worker(once=True)
    (record,) = [r for r in caplog.records if r.name == "articles.collect"]
    assert record.poll["feed_id"] == feed.pk
    assert (record.poll["outcome"], record.poll["http_status"], record.poll["new"], record.poll["updated"]) == (
        "stored",
        200,
        2,
        0,
    )
    assert record.poll["seconds"] > 0
    assert record.getMessage().startswith(f"poll feed={feed.pk} outcome=stored http=200 new=2 updated=0 ")


@pytest.mark.django_db
def test_collect_command_polls_due_feeds_once(site, loopback):
    site.routes["/news.xml"] = (rss("Harbour Gazette", [FERRY]), None)
    Feed.objects.create(url=url(site, "/news.xml"))
    handlers = signal.getsignal(signal.SIGINT), signal.getsignal(signal.SIGTERM)
    call_command("collect", "--once", verbosity=0)
    assert Article.objects.filter(entry_id="ferry-1").exists()
    assert (signal.getsignal(signal.SIGINT), signal.getsignal(signal.SIGTERM)) == handlers  # put back


def test_interval_follows_how_often_a_feed_publishes():
    daily = [NOW - dt.timedelta(days=d) for d in range(7)]
    assert collect.interval_for(daily, NOW) == (dt.timedelta(days=1), 1.0)
    twice_a_day = [NOW - dt.timedelta(hours=12 * n) for n in range(14)]
    assert collect.interval_for(twice_a_day, NOW) == (dt.timedelta(hours=12), 2.0)
    latest_ten_of_today = [NOW - dt.timedelta(hours=2 * n) for n in range(10)]  # all the feed still lists
    assert collect.interval_for(latest_ten_of_today, NOW) == (dt.timedelta(hours=2), 12.0)
    busy = [NOW - dt.timedelta(minutes=n) for n in range(1000)]
    assert collect.interval_for(busy, NOW) == (collect.MIN_INTERVAL, 1440.0)
    once_this_week = [NOW - dt.timedelta(days=3), NOW - dt.timedelta(days=40)]
    assert collect.interval_for(once_this_week, NOW) == (collect.MAX_INTERVAL, 1 / 7)
    quiet = [NOW - dt.timedelta(days=40)]
    assert collect.interval_for(quiet, NOW) == (collect.MAX_INTERVAL, 0.0)


def test_backoff_doubles_up_to_its_bound_and_never_below_the_interval():
    hour = dt.timedelta(hours=1)
    assert [collect.backoff(n, hour / 4) for n in (1, 2, 3)] == [hour / 4, hour / 2, hour]
    assert collect.backoff(50, hour) == collect.MAX_BACKOFF
    assert collect.backoff(3, collect.MAX_INTERVAL) == collect.MAX_INTERVAL


# --- Several workers --------------------------------------------------------------------------


def workers(count: int, **kwargs) -> list[int]:
    """count workers in threads, each with its own database connection, each polling until nothing is due."""
    polls = [0] * count
    start = threading.Barrier(count)

    def work(i):
        try:
            start.wait()
            polls[i] = collect.run_worker(once=True, name=f"worker {i}", **kwargs)
        finally:
            connection.close()

    threads = [threading.Thread(target=work, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert not any(thread.is_alive() for thread in threads)
    return polls


@pytest.mark.django_db(transaction=True)
def test_two_workers_never_fetch_the_same_feed(site, loopback):
    site.delay = 0.2
    hosts = ["a.example", "b.example", "c.example", "d.example"]
    for n in range(8):
        path = f"/feed-{n}.xml"
        site.routes[path] = (
            rss(f"Outlet {n}", [(f"{n}-{g}", f"Story {g} of outlet {n}", FERRY[2], NOW) for g in "ab"]),
            None,
        )
        Feed.objects.create(url=url(site, path, hosts[n % 4]))

    polls = workers(2)

    assert sum(polls) == 8
    assert sorted(s.path for s in site.seen) == sorted(f"/feed-{n}.xml" for n in range(8))
    assert Article.objects.count() == 16
    assert set(Feed.objects.values_list("articles_found", flat=True)) == {2}


@pytest.mark.django_db(transaction=True)
def test_workers_ask_one_host_one_request_at_a_time_with_a_gap(site, loopback, monkeypatch):
    gap = dt.timedelta(seconds=0.3)
    monkeypatch.setattr(collect, "HOST_GAP", gap)
    for n in range(4):
        site.routes[f"/feed-{n}.xml"] = (rss("Harbour Gazette", [(f"{n}", f"Story {n}", FERRY[2], NOW)]), None)
        Feed.objects.create(url=url(site, f"/feed-{n}.xml", "harbour.example"))

    workers(3)

    assert len(site.seen) == 4 and site.most == {"harbour.example": 1}
    starts = sorted(s.started for s in site.seen)
    assert all(later - earlier >= gap.total_seconds() for earlier, later in itertools.pairwise(starts))


# --- Feeds that carry only a summary: the page's text (Feed.fetch_pages) --------------------------

STORY_PAGE = b"""<!doctype html><html><head><title>Night ferry to Saltcombe returns | Harbour Gazette</title></head>
<body><nav><a href="/">Home</a> <a href="/sport">Sport</a></nav><article><h1>Night ferry to Saltcombe returns</h1>
<p>The night ferry to Saltcombe sails again from Monday, the harbour office of Port Elden said on Friday.</p>
<p>The crossing was stopped in March after the old ferry's engine failed halfway across the bay on a stormy night.</p>
<p>"We have missed the late boat more than we can say," said Wenna Tregoss, who runs the fish stall at the quay.</p>
<p>A second-hand ferry bought from a northern island service has been refitted over the summer in Marrowby.</p>
<p>Tickets cost the same as before, and islanders with a season pass travel free during the first week.</p>
<p>The harbour office said the timetable would be reviewed at Christmas, when winter storms usually begin.</p>
</article><footer>Harbour Gazette, 12 Quay Street</footer></body></html>"""


def summary_feed(site):
    entry = ("ferry-1", FERRY[1], "The night ferry sails again.", FERRY[3])
    body = rss("Harbour Gazette", [entry]).replace(b"https://harbour.example/ferry-1", url(site, "/ferry").encode())
    site.routes["/news.xml"] = (body, None)


@pytest.mark.django_db
def test_a_feed_of_summaries_stores_each_new_entrys_page_once(site, loopback):
    summary_feed(site)
    site.routes["/ferry"] = (STORY_PAGE, None)
    feed = Feed.objects.create(url=url(site, "/news.xml"), fetch_pages=True)

    collect.run_worker(once=True)

    article = Article.objects.get(entry_id="ferry-1")
    assert "Wenna Tregoss" in article.body_text and "Quay Street" not in article.body_text
    assert (article.headline, article.feed_url) == (FERRY[1], feed.url)
    due_again(feed)
    again = collect.poll(collect.claim("test"))
    assert (again.new, again.updated, again.skipped) == (0, 0, 1)
    assert [s.path for s in site.seen] == ["/news.xml", "/ferry", "/news.xml"]  # the page once
    assert "Wenna Tregoss" in Article.objects.get(entry_id="ferry-1").body_text  # not the summary again


@pytest.mark.django_db
def test_a_page_that_cannot_be_fetched_leaves_the_summary(site, loopback):
    summary_feed(site)
    site.routes["/ferry"] = 404
    Feed.objects.create(url=url(site, "/news.xml"), fetch_pages=True)
    collect.run_worker(once=True)
    assert Article.objects.get(entry_id="ferry-1").body_text == "The night ferry sails again."


@pytest.mark.django_db
def test_without_fetch_pages_only_the_feed_is_read(site, loopback):
    summary_feed(site)
    site.routes["/ferry"] = (STORY_PAGE, None)
    Feed.objects.create(url=url(site, "/news.xml"))
    collect.run_worker(once=True)
    assert Article.objects.get(entry_id="ferry-1").body_text == "The night ferry sails again."
    assert [s.path for s in site.seen] == ["/news.xml"]

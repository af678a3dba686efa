"""The page cache (articles/page_cache.py): fast repeat views, never a page out of date, and an
article's or person's page kept while other articles arrive (issue 15.3).

These tests commit (transaction=True): the content version only moves when a write commits.
"""

import datetime

import pytest
from django.core.cache import caches
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from articles import page_cache
from articles.archive import Context, store_article
from articles.ingest.formats import ParsedArticle
from articles.models import Article, ContentVersion, Quote, Source, Topic
from tests.conftest import make_article, make_person

pytestmark = pytest.mark.django_db(transaction=True)


def get_counting(client, url, params=None):
    """(response, number of queries it took)."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, params)
    return response, len(queries)


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE_ENTRIES = 2000
    caches["pages"].clear()
    yield
    caches["pages"].clear()


def test_a_page_seen_again_costs_one_query(client, django_assert_num_queries):
    article = make_article(headline="Ferry timetable changes", quotes=[(make_person("Mara Tolle"), "We are ready.")])
    first = client.get(article.get_absolute_url())
    assert first.status_code == 200
    with django_assert_num_queries(1):  # the content version
        again = client.get(article.get_absolute_url())
    assert again.status_code == 200
    assert again.content == first.content
    assert again["Content-Type"] == first["Content-Type"]


def test_an_edited_article_is_shown_as_edited(client):
    article = make_article(headline="Ferry timetable changes")
    assert b"Ferry timetable changes" in client.get(article.get_absolute_url()).content
    Article.objects.filter(pk=article.pk).update(headline="Ferry timetable postponed")
    page = client.get(article.get_absolute_url()).content
    assert b"Ferry timetable postponed" in page
    assert b"Ferry timetable changes" not in page


def test_renaming_a_person_changes_the_pages_that_name_them(client):
    person = make_person("Mara Tolle")
    article = make_article(quotes=[(person, "We are ready.")], published=datetime.date.today())
    assert b"Mara Tolle" in client.get(article.get_absolute_url()).content
    assert b"Mara Tolle" in client.get("/").content
    person.name = "Mara Tolle-Brandt"
    person.save()
    assert b"Mara Tolle-Brandt" in client.get(article.get_absolute_url()).content
    assert b"Mara Tolle-Brandt" in client.get("/").content  # most quoted of the last 30 days


def test_an_ingested_article_appears_on_the_home_page_at_once(client):
    make_article(headline="An older story")
    assert b"Harbour crane collapses" not in client.get("/").content
    parsed = ParsedArticle(
        headline="Harbour crane collapses",
        body_text="A crane fell at the east quay on Monday.",
        body_html="<p>A crane fell at the east quay on Monday.</p>",
        origin="test",
        source="Valley Courier",
    )
    store_article(parsed=parsed, context=Context())
    assert b"Harbour crane collapses" in client.get("/").content


def test_the_version_moves_when_a_write_commits_not_before():
    before = ContentVersion.current()
    with transaction.atomic():
        make_article()
        # Still inside the transaction: a reader would not see the article, nor a new version.
        assert ContentVersion.current() == before
    assert ContentVersion.current() not in (before, None)


def test_a_rolled_back_write_leaves_the_version_alone():
    before = ContentVersion.current()
    with pytest.raises(RuntimeError), transaction.atomic():
        make_article()
        raise RuntimeError("the editor cancelled")
    assert ContentVersion.current() == before


def test_one_transaction_of_many_statements_leaves_no_marks_behind():
    before = ContentVersion.current()
    with transaction.atomic():
        for _ in range(3):
            make_article(quotes=[(make_person(), "Yes.")])
    assert ContentVersion.current() not in (before, None)
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM na_content_change")
        assert cursor.fetchone() == (0,)


@pytest.mark.parametrize(
    ("url", "params", "status"),
    [
        ("/articles/999999/nothing/", None, 404),
        ("/articles/{pk}/old-slug/", None, 301),
        ("/articles/", {"year": "x"}, 400),
    ],
)
def test_errors_and_redirects_are_not_kept(client, url, params, status):
    article = make_article(headline="Ferry timetable changes")
    url = url.format(pk=article.pk)
    for _ in range(2):
        response, queries = get_counting(client, url, params)
        assert response.status_code == status
        assert queries >= 2  # rendered each time, not served from the cache


def test_query_strings_are_part_of_the_key(client):
    make_article(headline="January story", published=datetime.date(2025, 1, 10))
    make_article(headline="February story", published=datetime.date(2025, 2, 10))
    newest = client.get("/articles/", {"sort": "newest"}).content
    oldest = client.get("/articles/", {"sort": "oldest"}).content
    assert newest.index(b"February story") < newest.index(b"January story")
    assert oldest.index(b"January story") < oldest.index(b"February story")


def test_off_when_configured_off(client, settings):
    settings.PAGE_CACHE_ENTRIES = 0
    article = make_article()
    client.get(article.get_absolute_url())
    # Rendered again (the article page's statement), not served from the cache (a hit reads the page's stamps).
    with CaptureQueriesContext(connection) as queries:
        client.get(article.get_absolute_url())
    assert queries.captured_queries
    assert not [query for query in queries.captured_queries if "na_page_stamp" in query["sql"]]


def ingest(headline: str, body: str, source: str = "Valley Courier") -> Article:
    parsed = ParsedArticle(
        headline=headline,
        body_text=body,
        body_html="".join(f"<p>{p}</p>" for p in body.split("\n\n")),
        origin="test",
        source=source,
    )
    store_article(parsed=parsed, context=Context())
    return Article.objects.get(headline=headline)


def test_an_article_page_stays_cached_while_other_articles_arrive(client, django_assert_num_queries):
    mara = make_person("Mara Tolle")
    article = make_article(headline="Ferry timetable changes", quotes=[(mara, "We are ready.")])
    first = client.get(article.get_absolute_url()).content
    ingest("Harbour crane collapses", "A crane fell at the east quay.\n\n“Nobody was hurt,” said Ivo Brandt.")
    with django_assert_num_queries(1):  # the stamps of its own objects: none moved
        assert client.get(article.get_absolute_url()).content == first
    # Lists show every new article: they are rendered again.
    assert b"Harbour crane collapses" in client.get("/articles/").content


def test_a_new_quotation_shows_on_its_article_and_its_speakers_page_at_once(client):
    mara = make_person("Mara Tolle")
    article = make_article(headline="Ferry timetable changes", quotes=[(mara, "We are ready.")])
    other = make_article(headline="Bridge repairs", quotes=[(make_person("Ivo Brandt"), "Soon.")])
    for url in (article.get_absolute_url(), other.get_absolute_url(), mara.get_absolute_url()):
        client.get(url)
    Quote.objects.create(article=article, person=mara, text="The second crossing starts in May.", position=99)
    assert b"The second crossing starts in May." in client.get(article.get_absolute_url()).content
    assert b"The second crossing starts in May." in client.get(mara.get_absolute_url()).content
    _, queries = get_counting(client, other.get_absolute_url())
    assert queries == 1  # untouched: still served from the cache


def test_an_ingest_quoting_a_person_changes_their_page(client):
    mara = make_person("Mara Tolle")
    make_article(headline="Ferry timetable changes", quotes=[(mara, "We are ready.")])
    assert b"Tickets go on sale in March" not in client.get(mara.get_absolute_url()).content
    ingest("Ferry tickets", "Harbour master Mara Tolle spoke on Monday.\n\n“Tickets go on sale in March,” Tolle said.")
    assert b"Tickets go on sale in March" in client.get(mara.get_absolute_url()).content


def test_an_outlet_or_topic_renamed_shows_on_the_article_page(client):
    topic = Topic.objects.create(name="Ferries", slug="ferries")
    article = make_article(headline="Ferry timetable changes", topics=[topic])
    assert b"Ferries" in client.get(article.get_absolute_url()).content
    Source.objects.filter(pk=article.source_id).update(name="Elden Evening Post")
    Topic.objects.filter(pk=topic.pk).update(name="Sea crossings")
    page = client.get(article.get_absolute_url()).content
    assert b"Elden Evening Post" in page
    assert b"Sea crossings" in page


def test_a_write_committed_after_the_render_began_is_never_served_as_current():
    """The entry keeps the snapshot taken before the view read anything: a write that committed
    after it (even while the page was rendering) makes the entry stale."""
    article = make_article()
    keys = page_cache.keys(articles=[article.pk])
    before = page_cache._snapshot()
    assert not page_cache._changed_since(keys, before)
    Article.objects.filter(pk=article.pk).update(headline="Edited while a reader's page was rendering")
    assert page_cache._changed_since(keys, before)
    assert not page_cache._changed_since(keys, page_cache._snapshot())
    assert not page_cache._changed_since(page_cache.keys(articles=[article.pk + 1]), before)


def test_a_table_emptied_makes_every_page_stale():
    article = make_article()
    before = page_cache._snapshot()
    with connection.cursor() as cursor:
        cursor.execute("TRUNCATE articles_topic CASCADE")
    assert page_cache._changed_since(page_cache.keys(articles=[article.pk]), before)


def test_related_articles_lag_at_most_the_max_age(client, settings):
    mara = make_person("Mara Tolle")
    article = make_article(headline="Ferry timetable changes", people=[mara])
    client.get(article.get_absolute_url())
    make_article(headline="Ferry fares rise", people=[mara])  # related, but not one of the page's objects
    assert b"Ferry fares rise" not in client.get(article.get_absolute_url()).content
    settings.PAGE_CACHE_MAX_AGE = 0
    assert b"Ferry fares rise" in client.get(article.get_absolute_url()).content


def test_a_client_with_the_page_gets_304(client):
    article = make_article(headline="Ferry timetable changes")
    first = client.get(article.get_absolute_url())
    assert first.has_header("ETag")
    again = client.get(article.get_absolute_url(), headers={"If-None-Match": first["ETag"]})
    assert again.status_code == 304
    assert again.content == b""
    Article.objects.filter(pk=article.pk).update(headline="Ferry timetable postponed")
    changed = client.get(article.get_absolute_url(), headers={"If-None-Match": first["ETag"]})
    assert changed.status_code == 200
    assert b"Ferry timetable postponed" in changed.content


@pytest.fixture
def redis_server(tmp_path):
    """A Redis of the test's own (Debian's redis-server, on a free port, keeping nothing on disk)."""
    import shutil
    import socket
    import subprocess
    import time

    binary = shutil.which("redis-server")
    assert binary, "the Redis page-cache test needs redis-server (Debian package redis-server)"
    with socket.socket() as free:
        free.bind(("127.0.0.1", 0))
        port = free.getsockname()[1]
    server = subprocess.Popen(
        [
            binary,
            "--port",
            str(port),
            "--bind",
            "127.0.0.1",
            "--save",
            "",
            "--appendonly",
            "no",
            "--dir",
            str(tmp_path),
        ],
        stdout=subprocess.DEVNULL,
    )
    try:
        for _ in range(100):
            with socket.socket() as probe:
                if probe.connect_ex(("127.0.0.1", port)) == 0:
                    break
            time.sleep(0.05)
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_pages_cached_in_redis_are_shared_and_still_never_stale(client, settings, redis_server):
    """With REDIS_URL every web process reads the pages one of them rendered (here: a fresh cache
    connection stands for another process), and a write still makes its pages stale."""
    from django.test import override_settings

    pages = {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": redis_server}
    with override_settings(CACHES={**settings.CACHES, "pages": pages}):
        article = make_article(headline="Ferry timetable changes")
        client.get(article.get_absolute_url())
        caches["pages"].close()  # as another process would, with its own connection
        response, queries = get_counting(client, article.get_absolute_url())
        assert queries == 1
        assert b"Ferry timetable changes" in response.content
        Article.objects.filter(pk=article.pk).update(headline="Ferry timetable postponed")
        assert b"Ferry timetable postponed" in client.get(article.get_absolute_url()).content

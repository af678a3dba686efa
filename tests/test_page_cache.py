"""The page cache (articles.views.cached_page): fast repeat views, never a page out of date.

These tests commit (transaction=True): the content version only moves when a write commits.
"""

import datetime

import pytest
from django.core.cache import caches
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from articles.archive import Context, store_article
from articles.ingest.formats import ParsedArticle
from articles.models import Article, ContentVersion
from tests.conftest import make_article, make_person

pytestmark = pytest.mark.django_db(transaction=True)


def get_counting(client, url, params=None):
    """(response, number of queries it took)."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, params)
    return response, len(queries)


@pytest.fixture(autouse=True)
def page_cache(settings):
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
    assert get_counting(client, article.get_absolute_url())[1] >= 3

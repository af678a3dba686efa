"""The front page, topics, outlets, error pages and the sitemap."""

import datetime

import pytest
from django.template.loader import render_to_string
from django.urls import reverse

from tests.conftest import make_article, make_person, make_source, make_topic

pytestmark = pytest.mark.django_db


def test_home_shows_latest_most_quoted_topics_outlets_and_search(client, archive):
    response = client.get(reverse("home"))
    html = response.content.decode()
    assert [a.headline for a in response.context["articles"]][:2] == [
        "Harbour strike enters second week",
        "Council debates rent caps",
    ]
    # Window: the 30 days up to the newest article (10 March 2025); the ferry quote is older.
    assert [(p.name, p.quote_count) for p in response.context["quoted"]] == [("Selim Erdoğlu", 2), ("Ines Varga", 1)]
    assert '<a href="/topics/housing/">Housing</a>' in html
    assert '<a href="/sources/valley-courier/">Valley Courier</a>' in html
    assert 'action="/search/"' in html and 'name="q"' in html
    assert '<link rel="alternate" type="application/atom+xml"' in html


def test_home_ignores_future_dated_articles_for_the_window(client, archive):
    make_article(published=datetime.date.today() + datetime.timedelta(days=400))
    response = client.get(reverse("home"))
    assert response.context["until"] == datetime.date(2025, 3, 10)


def test_topic_and_source_pages(client, archive):
    response = client.get(archive["topics"]["transport"].get_absolute_url())
    assert [a.headline for a in response.context["page"]] == [
        "Harbour strike enters second week",
        "New ferry timetable published",
    ]
    assert b'href="/topics/transport/feed/"' in response.content
    response = client.get(archive["sources"]["courier"].get_absolute_url())
    assert [a.headline for a in response.context["page"]] == [
        "Council debates rent caps",
        "New ferry timetable published",
        "Letters to the editor",
    ]
    assert b'href="https://courier.example/"' in response.content
    assert b"Homes, rents and planning." in client.get(reverse("topic_list")).content
    assert b"Newswire Digest" in client.get(reverse("source_list")).content


def test_unknown_slugs_are_friendly_404s(client, archive):
    for url in ["/topics/nope/", "/sources/nope/", "/people/nope/", "/nowhere/", "/topics/nope/feed/"]:
        response = client.get(url)
        assert response.status_code == 404, url


def test_404_page_is_in_the_site_style_with_a_search_box(client):
    response = client.get("/no/such/page/")
    assert response.status_code == 404
    assert b"find that page" in response.content and b'action="/search/"' in response.content
    assert b"/static/css/site.css" in response.content


def test_500_page_renders_without_a_request_or_database():
    html = render_to_string("500.html")
    assert "Something went wrong" in html and "site.css" in html


def test_sitemap_lists_articles_people_topics_and_outlets(client, archive):
    index = client.get("/sitemap.xml").content.decode()
    for section in ["articles", "people", "topics", "sources"]:
        assert f"/sitemap-{section}.xml" in index
    articles = client.get("/sitemap-articles.xml").content.decode()
    assert archive["articles"]["strike"].get_absolute_url() in articles
    assert "/people/ines-varga/" in client.get("/sitemap-people.xml").content.decode()
    assert client.get("/sitemap-articles.xml?p=99").status_code == 404


@pytest.mark.parametrize("size", [3, 30])
def test_front_page_query_budget(client, django_assert_max_num_queries, size):
    people = [make_person() for _ in range(4)]
    for i in range(size):
        make_source()
        make_topic()
        make_article(
            published=datetime.date(2025, 1, 1) + datetime.timedelta(days=i), quotes=[(people[i % 4], f"Quote {i}")]
        )
    # newest date, latest articles, most quoted, topics, outlets = 5
    with django_assert_max_num_queries(5):
        assert client.get(reverse("home")).status_code == 200


@pytest.mark.parametrize("size", [3, 30])
def test_topic_and_source_pages_query_budget(client, grow_archive, django_assert_max_num_queries, size):
    article = grow_archive(size)[0]
    topic = article.topics.get()
    # object, count, rows = 3
    with django_assert_max_num_queries(3):
        client.get(topic.get_absolute_url())
    with django_assert_max_num_queries(3):
        client.get(article.source.get_absolute_url())
    with django_assert_max_num_queries(2):
        client.get(reverse("topic_list"))
    with django_assert_max_num_queries(2):
        client.get(reverse("source_list"))


def test_outlet_list_pages(client):
    for i in range(105):
        make_source(f"Outlet {i:03}")
    response = client.get(reverse("source_list"), {"page": "2"})
    assert [s.name for s in response.context["page"]] == [
        "Outlet 100",
        "Outlet 101",
        "Outlet 102",
        "Outlet 103",
        "Outlet 104",
    ]
    assert make_source  # keeps the import used

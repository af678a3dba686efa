"""Atom feeds of the latest articles, each outlet, person and topic, and any search."""

import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse

from tests.conftest import make_article

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"


def entries(client, url, **params):
    response = client.get(url, params)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.content)
    return [entry.find(f"{ATOM}title").text for entry in feed.findall(f"{ATOM}entry")], feed


def test_latest_feed_is_newest_first_with_links(client, archive):
    titles, feed = entries(client, reverse("latest_feed"))
    assert titles[:3] == [
        "Harbour strike enters second week",
        "Council debates rent caps",
        "New ferry timetable published",
    ]
    first = feed.find(f"{ATOM}entry")
    assert first.find(f"{ATOM}link").get("href").endswith(archive["articles"]["strike"].get_absolute_url())
    assert first.find(f"{ATOM}author/{ATOM}name").text == "Mara Quill"


def test_outlet_person_and_topic_feeds(client, archive):
    assert entries(client, reverse("source_feed", args=["harbour-gazette"]))[0] == ["Harbour strike enters second week"]
    assert entries(client, reverse("person_feed", args=["selim-erdoglu"]))[0] == [
        "Harbour strike enters second week",
        "Council debates rent caps",
    ]
    assert entries(client, reverse("topic_feed", args=["housing"]))[0] == ["Council debates rent caps"]


def test_search_feed_follows_query_and_filters(client, archive):
    titles, feed = entries(client, reverse("search_feed"), q="ferry", source="valley-courier")
    assert titles == ["New ferry timetable published", "Letters to the editor"]
    assert "ferry" in feed.find(f"{ATOM}title").text


def test_feed_content_is_plain_text_so_markup_cannot_leak(client):
    make_article(
        headline="Quay <b>news</b>", body_text="harbour <script>alert(1)</script> <img src=x onerror=alert(2)>"
    )
    response = client.get(reverse("latest_feed"))
    entry = ET.fromstring(response.content).find(f"{ATOM}entry")
    summary = entry.find(f"{ATOM}summary")
    # The summary is HTML (type="html"): what a feed reader renders must be the text, escaped.
    assert summary.get("type") == "html"
    assert summary.text == "harbour &lt;script&gt;alert(1)&lt;/script&gt; &lt;img src=x onerror=alert(2)&gt;"
    assert entry.find(f"{ATOM}title").text == "Quay <b>news</b>"  # Atom's default title type is text


def test_search_feed_describes_itself_with_its_query(client, archive):
    response = client.get(reverse("search_feed"), {"q": "ferry", "page": "2"})
    feed = ET.fromstring(response.content)
    self_link = [link.get("href") for link in feed.findall(f"{ATOM}link") if link.get("rel") == "self"]
    assert self_link == ["http://testserver/search/feed/?q=ferry"]
    assert feed.find(f"{ATOM}subtitle").text == "The newest articles matching this search."


@pytest.mark.parametrize("params", [{"source": "nope"}, {"year": "x"}, {"q": "a\x00"}])
def test_search_feed_with_bad_parameters_is_404(client, archive, params):
    assert client.get(reverse("search_feed"), params).status_code == 404


def test_pages_link_their_feeds(client, archive):
    page = client.get(reverse("search"), {"q": "ferry", "page": "2"}).content.decode()
    assert (
        '<link rel="alternate" type="application/atom+xml" title="NewsArchive: this search" '
        'href="/search/feed/?q=ferry">' in page
    )
    topic = client.get(archive["topics"]["housing"].get_absolute_url()).content.decode()
    assert 'href="/topics/housing/feed/"' in topic


# --- Wire copies (issue 14.3): a story published by three outlets is one entry, as the lists show it ----------


def test_feeds_list_a_wire_story_once_saying_it_was_also_published_by_two_outlets(
    client, django_assert_max_num_queries
):
    from articles.models import Article, Topic
    from tests.test_wire_copies import BEACON, COURIER, LEDGER, store

    store(COURIER, LEDGER, BEACON)
    island = Topic.objects.create(name="Island life", slug="island-life")
    for article in Article.objects.all():
        article.topics.add(island)
    feeds = [
        (reverse("latest_feed"), {}),
        (reverse("person_feed", args=["orla-fenwick"]), {}),
        (reverse("topic_feed", args=["island-life"]), {}),
        (reverse("search_feed"), {"q": "Sellholm ferry ramp"}),
    ]
    for url, params in feeds:
        # The object (person, topic; none for the latest), then the entries with their outlets: copies add none.
        with django_assert_max_num_queries(2):
            titles, feed = entries(client, url, **params)
        assert titles == [COURIER.headline], url  # the first published, as /articles/ and /search/ list it
        summary = feed.find(f"{ATOM}entry/{ATOM}summary").text
        assert summary.endswith("(also published by 2 outlets)"), (url, summary)


def test_an_outlets_feed_lists_its_own_copy_of_a_wire_story(client):
    from tests.test_wire_copies import BEACON, COURIER, LEDGER, store

    store(COURIER, LEDGER, BEACON)
    # As the outlet's page lists it: the Ledger's own article, its copy, not the Courier's.
    titles, feed = entries(client, reverse("source_feed", args=["northfield-ledger"]))
    assert titles == [LEDGER.headline]
    assert "also published" not in feed.find(f"{ATOM}entry/{ATOM}summary").text
    titles, _ = entries(client, reverse("search_feed"), q="Sellholm ferry", source="northfield-ledger")
    assert titles == [LEDGER.headline]


def test_a_feed_summary_cuts_a_long_opening_after_a_whole_word(client):
    # 400 characters of the text are shown: 14 repeats of these 28 make 392, and the 400th falls inside the 15th's
    # "harbour", which is left out with " …" after "the", never "the harb"
    make_article(headline="Board meets", body_text="the harbour board met again " * 20)
    summary = ET.fromstring(client.get(reverse("latest_feed")).content).find(f"{ATOM}entry/{ATOM}summary").text
    assert summary == "the harbour board met again " * 14 + "the …"

"""Feeds in the admin (articles/admin.py FeedAdmin): subscribe, OPML in and out, pause, fetch now, status.

The outlets and feeds are invented.
"""

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from articles import collect
from articles.models import Article, Feed, Source
from tests.test_collect import FERRY, loopback, rss, site, url  # noqa: F401 (fixtures)

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:articles_feed_changelist")

OPML = b"""<?xml version="1.0" encoding="utf-8"?>
<opml version="2.0"><head><title>My reader</title></head><body>
  <outline text="Local">
    <outline type="rss" text="Harbour Gazette" xmlUrl="https://harbour.example/feed.xml"/>
    <outline type="rss" text="Valley Courier" xmlUrl="https://courier.example/rss"/>
  </outline>
  <outline type="rss" text="Old archive" xmlUrl="ftp://files.example/news"/>
</body></opml>
"""


def test_staff_add_a_feed_and_only_http_addresses_are_taken(admin_client):
    courier = Source.objects.create(name="Valley Courier", slug="valley-courier")
    add = reverse("admin:articles_feed_add")

    refused = admin_client.post(add, {"url": "ftp://courier.example/rss", "title": "", "active": "on"})
    assert refused.status_code == 200
    assert "This address can&#x27;t be polled: not an http or https URL." in refused.text

    response = admin_client.post(
        add, {"url": "courier.example/rss", "title": "Courier", "source": courier.pk, "active": "on"}
    )
    assert response.status_code == 302
    feed = Feed.objects.get()
    assert (feed.url, feed.source, feed.active, feed.host) == (
        "https://courier.example/rss",
        courier,
        True,
        "courier.example",
    )
    assert feed.next_due <= timezone.now()  # due at once: the worker's first fetch


def test_the_list_shows_status_errors_and_articles_a_day(admin_client, django_assert_max_num_queries):
    source = Source.objects.create(name="Harbour Gazette", slug="harbour-gazette")
    Feed.objects.create(url="https://harbour.example/feed.xml", source=source, per_day=2.5, articles_found=40,
                        last_fetched=timezone.now(), last_status=200)  # fmt: skip
    Feed.objects.create(url="https://broken.example/rss", consecutive_errors=3, last_error="HTTP error 503 Busy",
                        last_fetched=timezone.now())  # fmt: skip
    Feed.objects.create(url="https://quiet.example/rss", active=False)
    for n in range(10):
        Feed.objects.create(url=f"https://more.example/{n}.xml", source=source)

    # session, user, count, count all, the feeds with their outlets (one join, however many rows)
    with django_assert_max_num_queries(8):
        page = admin_client.get(CHANGELIST)

    assert page.status_code == 200
    text = page.text
    assert "failing (3 in a row)" in text and "HTTP error 503 Busy" in text
    assert "paused" in text and "2.5" in text and "40" in text
    assert "Import OPML" in text and "Export OPML" in text

    failing = admin_client.get(CHANGELIST, {"state": "failing"})
    assert list(failing.context["cl"].result_list.values_list("url", flat=True)) == ["https://broken.example/rss"]


def test_fetch_now_queues_a_feed_that_the_worker_then_fetches(admin_client, site, loopback):  # noqa: F811
    site.routes["/news.xml"] = (rss("Harbour Gazette", [FERRY]), None)
    later = timezone.now() + dt.timedelta(hours=5)
    feed = Feed.objects.create(url=url(site, "/news.xml"), next_due=later)
    assert collect.run_worker(once=True) == 0  # not due

    response = admin_client.post(CHANGELIST, {"action": "fetch_now", "_selected_action": [feed.pk]}, follow=True)
    assert "1 queued" in response.text

    assert collect.run_worker(once=True) == 1
    assert Article.objects.filter(feed_url=feed.url, entry_id="ferry-1").exists()


def test_pause_and_resume(admin_client, site, loopback):  # noqa: F811
    site.routes["/news.xml"] = (rss("Harbour Gazette", [FERRY]), None)
    feed = Feed.objects.create(url=url(site, "/news.xml"))

    admin_client.post(CHANGELIST, {"action": "pause", "_selected_action": [feed.pk]})
    assert collect.run_worker(once=True) == 0 and site.seen == []
    response = admin_client.post(CHANGELIST, {"action": "fetch_now", "_selected_action": [feed.pk]}, follow=True)
    assert "1 paused: resume them to fetch them." in response.text

    admin_client.post(CHANGELIST, {"action": "resume", "_selected_action": [feed.pk]})
    assert collect.run_worker(once=True) == 1


def test_opml_import_subscribes_to_its_feeds_once_and_says_what_it_refused(admin_client):
    Feed.objects.create(url="https://courier.example/rss", title="Courier (mine)")
    page = reverse("admin:articles_feed_import")
    assert admin_client.get(page).status_code == 200

    response = admin_client.post(page, {"file": SimpleUploadedFile("reader.opml", OPML)}, follow=True)

    assert "Imported 1 feeds, 1 already subscribed." in response.text
    assert "Not imported: ftp://files.example/news: not an http or https URL" in response.text
    assert dict(Feed.objects.values_list("url", "title")) == {
        "https://harbour.example/feed.xml": "Harbour Gazette",
        "https://courier.example/rss": "Courier (mine)",  # kept as it was
    }


def test_a_file_that_is_no_opml_imports_nothing_and_says_why(admin_client):
    page = reverse("admin:articles_feed_import")
    response = admin_client.post(page, {"file": SimpleUploadedFile("notes.txt", b"shopping: bread, milk")})
    assert response.status_code == 200
    assert "Nothing imported: not an OPML subscription list." in response.text
    assert not Feed.objects.exists()


def test_opml_export_reads_back_in(admin_client):
    source = Source.objects.create(name="Harbour Gazette", slug="harbour-gazette")
    Feed.objects.create(url="https://harbour.example/feed.xml", source=source)
    Feed.objects.create(url="https://courier.example/rss?lang=en&page=1", title="Courier")

    response = admin_client.get(reverse("admin:articles_feed_export"))

    assert response.status_code == 200 and response["Content-Type"].startswith("text/x-opml")
    assert "attachment" in response["Content-Disposition"]
    exported = response.content
    Feed.objects.all().delete()
    result = collect.import_opml(exported)
    assert sorted(result.added) == ["https://courier.example/rss?lang=en&page=1", "https://harbour.example/feed.xml"]
    assert dict(Feed.objects.values_list("url", "title"))["https://harbour.example/feed.xml"] == "Harbour Gazette"


def test_viewers_without_feed_permissions_cannot_import(client):
    from django.contrib.auth.models import User

    client.force_login(User.objects.create_user("viewer", password="pw", is_staff=True))
    response = client.post(reverse("admin:articles_feed_import"), {"file": SimpleUploadedFile("r.opml", OPML)})
    assert response.status_code == 403
    assert not Feed.objects.exists()


def test_editors_manage_feeds_and_viewers_only_see_them(client):
    from tests.test_admin import staff

    client.force_login(staff("Editors"))
    response = client.post(reverse("admin:articles_feed_import"), {"file": SimpleUploadedFile("r.opml", OPML)})
    assert response.status_code == 302 and Feed.objects.count() == 2
    feed = Feed.objects.first()
    client.post(CHANGELIST, {"action": "pause", "_selected_action": [feed.pk]})
    assert not Feed.objects.get(pk=feed.pk).active

    client.force_login(staff("Viewers"))
    assert client.get(CHANGELIST).status_code == 200
    assert client.get(reverse("admin:articles_feed_export")).status_code == 200
    assert client.get(reverse("admin:articles_feed_import")).status_code == 403
    assert client.get(reverse("admin:articles_feed_add")).status_code == 403

"""GET /health/ (issue 15.6): what a monitor reads — the database, replicas, the collect worker, feeds."""

import datetime as dt

import pytest
from django.db import connections
from django.utils import timezone

from articles import collect
from articles.models import Feed, Worker

pytestmark = pytest.mark.django_db


def test_a_healthy_archive_says_ok(client, django_assert_max_num_queries):
    with django_assert_max_num_queries(4):
        response = client.get("/health/")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok" and body["problems"] == []
    assert body["database"]["ok"] is True
    assert body["replicas"] == {}
    assert body["feeds"] == {"active": 0, "failing": 0}
    assert "no-cache" in response["Cache-Control"]


def test_feeds_to_follow_and_no_worker_is_degraded_until_a_worker_beats(client):
    Feed.objects.create(url="https://news.example/feed.xml", next_due=timezone.now() + dt.timedelta(hours=1))
    body = client.get("/health/").json()
    assert body["status"] == "degraded"
    assert body["problems"] == ["worker"]
    assert body["worker"]["last_beat"] is None

    assert collect.run_worker(once=True, name="box:1:test") == 0  # nothing due: it only beats
    body = client.get("/health/").json()
    assert body["status"] == "ok"
    assert body["worker"]["seconds_ago"] < 60
    assert Worker.objects.get().name == "box:1:test"


def test_a_worker_silent_too_long_is_reported(client, settings):
    Feed.objects.create(url="https://news.example/feed.xml")
    Worker.objects.create(
        name="box:1:old", beat=timezone.now() - dt.timedelta(seconds=settings.HEALTH_WORKER_SILENCE + 5)
    )
    assert client.get("/health/").json()["problems"] == ["worker"]


def test_failing_feeds_are_counted_not_alarmed(client):
    Worker.objects.create(name="box:1:now")
    Feed.objects.create(url="https://news.example/a.xml", consecutive_errors=3, last_error="HTTP 500")
    Feed.objects.create(url="https://news.example/b.xml")
    body = client.get("/health/").json()
    assert body["feeds"] == {"active": 2, "failing": 1}
    assert body["status"] == "ok"


@pytest.mark.django_db(transaction=True)
def test_the_database_out_of_reach_is_503_in_json(client):
    primary = connections["default"]
    name = primary.settings_dict["NAME"]
    primary.close()
    primary.settings_dict["NAME"] = "newsarchive_no_such_database"
    try:
        response = client.get("/health/")
    finally:
        primary.close()
        primary.settings_dict["NAME"] = name
    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "down"
    assert "newsarchive_no_such_database" in body["database"]["error"]

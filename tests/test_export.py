"""Export → empty database → ingest → export gives byte-identical output."""

import json

import pytest
from django.core.management import call_command

from articles.models import Article, Person, Quote, Source, Topic
from tests.conftest import make_article, make_person, make_topic

pytestmark = pytest.mark.django_db


def export(tmp_path, name: str) -> bytes:
    path = tmp_path / name
    call_command("export", output=str(path))
    return path.read_bytes()


def empty_archive() -> None:
    Article.objects.all().delete()
    Person.objects.all().delete()
    Topic.objects.all().delete()
    Source.objects.all().delete()


def test_export_format_fields(tmp_path):
    ruiz = make_person("Ana Ruiz")
    make_article(
        headline="Ferry returns",
        body_text="The ferry is back.\n\n“Glad,” said Ruiz. “Very glad.”",
        url="https://courier.example/ferry",
        byline="Lena Marsh",
        quotes=[(ruiz, "Glad,"), (None, "Very glad.")],
        topics=[make_topic("Transport")],
    )
    [line] = export(tmp_path, "a.jsonl").decode().splitlines()
    record = json.loads(line)
    assert list(record) == [
        "headline",
        "body",
        "body_html",
        "source",
        "via",
        "published",
        "published_at",
        "url",
        "feed_url",
        "entry_id",
        "byline",
        "people",
        "topics",
        "quotes",
    ]
    assert record["body"] == "The ferry is back.\n\n“Glad,” said Ruiz. “Very glad.”"
    assert record["people"] == ["Ana Ruiz"] and record["topics"] == ["Transport"] and record["via"] is None
    assert record["quotes"] == [
        {"text": "Glad,", "speaker": "Ana Ruiz", "speaker_as_written": "Ana Ruiz", "partial": False},
        {"text": "Very glad.", "speaker": None, "speaker_as_written": "", "partial": False},
    ]


def test_demo_archive_round_trips_byte_for_byte(tmp_path):
    call_command("load_demo")
    assert Article.objects.count() == 30
    assert Quote.objects.filter(person__isnull=False).count() > 30
    first = export(tmp_path, "first.jsonl")
    empty_archive()
    call_command("ingest", str(tmp_path / "first.jsonl"))
    second = export(tmp_path, "second.jsonl")
    assert first == second
    assert len(first.splitlines()) == 30


def test_load_demo_twice_changes_nothing(tmp_path):
    call_command("load_demo")
    before = export(tmp_path, "before.jsonl")
    counts = (Article.objects.count(), Person.objects.count(), Quote.objects.count(), Topic.objects.count())
    call_command("load_demo")
    assert export(tmp_path, "after.jsonl") == before
    assert (Article.objects.count(), Person.objects.count(), Quote.objects.count(), Topic.objects.count()) == counts

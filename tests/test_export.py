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
        {
            "text": "Glad,",
            "speaker": "Ana Ruiz",
            "speaker_as_written": "Ana Ruiz",
            "speaker_kind": "person",
            "partial": False,
        },
        {"text": "Very glad.", "speaker": None, "speaker_as_written": "", "speaker_kind": "unknown", "partial": False},
    ]


def test_an_organisation_quoted_is_still_one_after_export_and_ingest(tmp_path):
    """The export says what speaks when no person is named, and ingest reads it back (else "unknown")."""
    ruiz = make_person("Ana Ruiz")
    article = make_article(
        headline="Ferry returns to Marrow Bay",
        body_text="The ferry is back.\n\n“Glad,” said Ruiz. “No further delays,” the harbour board said. "
        "“Fares stay,” a spokeswoman said.",
        quotes=[(ruiz, "Glad,"), (None, "No further delays,"), (None, "Fares stay,")],
    )
    Quote.objects.filter(article=article, position=1).update(
        speaker_as_written="the harbour board", speaker_kind=Quote.SpeakerKind.ORGANISATION
    )
    Quote.objects.filter(article=article, position=2).update(
        speaker_as_written="a spokeswoman", speaker_kind=Quote.SpeakerKind.PERSON
    )
    first = export(tmp_path, "first.jsonl")
    assert [q["speaker_kind"] for q in json.loads(first)["quotes"]] == ["person", "organisation", "person"]
    empty_archive()
    call_command("ingest", str(tmp_path / "first.jsonl"), stdout=open("/dev/null", "w"))
    assert list(Quote.objects.order_by("position").values_list("speaker_as_written", "speaker_kind")) == [
        ("Ana Ruiz", "person"),
        ("the harbour board", "organisation"),
        ("a spokeswoman", "person"),
    ]
    assert export(tmp_path, "second.jsonl") == first


def test_demo_archive_round_trips_byte_for_byte(tmp_path):
    call_command("load_demo")
    assert Article.objects.count() == 32  # articles/demo/articles.jsonl: 30 stories, and two wire copies of one
    assert Quote.objects.filter(person__isnull=False).count() > 30
    first = export(tmp_path, "first.jsonl")
    empty_archive()
    call_command("ingest", str(tmp_path / "first.jsonl"))
    second = export(tmp_path, "second.jsonl")
    assert first == second
    assert len(first.splitlines()) == 32


def test_load_demo_twice_changes_nothing(tmp_path):
    call_command("load_demo")
    before = export(tmp_path, "before.jsonl")
    counts = (Article.objects.count(), Person.objects.count(), Quote.objects.count(), Topic.objects.count())
    call_command("load_demo")
    assert export(tmp_path, "after.jsonl") == before
    assert (Article.objects.count(), Person.objects.count(), Quote.objects.count(), Topic.objects.count()) == counts

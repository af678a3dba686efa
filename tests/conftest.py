"""Shared test helpers. Tests run against real PostgreSQL (the private cluster, or DATABASE_URL)."""

import itertools

import pytest

from articles.models import Article, Mention, Person, Quote, Source, Topic, unique_slug

_counter = itertools.count(1)


def make_source(name: str | None = None, **fields) -> Source:
    name = name or f"Test Outlet {next(_counter)}"
    return Source.objects.create(name=name, slug=fields.pop("slug", None) or unique_slug(Source, name), **fields)


def make_person(name: str | None = None, **fields) -> Person:
    name = name or f"Person Number{next(_counter)}"
    return Person.objects.create(name=name, slug=fields.pop("slug", None) or unique_slug(Person, name), **fields)


def make_topic(name: str | None = None, **fields) -> Topic:
    name = name or f"Topic {next(_counter)}"
    return Topic.objects.create(name=name, slug=fields.pop("slug", None) or unique_slug(Topic, name), **fields)


def make_article(**overrides) -> Article:
    """An article with sensible defaults; pass quotes=[(person_or_None, text), ...] and people=[...]."""
    n = next(_counter)
    quotes = overrides.pop("quotes", [])
    people = overrides.pop("people", [])
    topics = overrides.pop("topics", [])
    body_text = overrides.pop("body_text", f"Body of test article number {n}.")
    fields = {
        "headline": f"Test headline {n}",
        "body_text": body_text,
        "body_html": "".join(f"<p>{p}</p>" for p in body_text.split("\n\n")),
        "published": None,
    }
    if "source" not in overrides:
        fields["source"] = make_source()
    fields.update(overrides)
    article = Article.objects.create(**fields)
    quoted = {person.pk for person, _ in quotes if person}
    for person in {*people, *(p for p, _ in quotes if p)}:
        Mention.objects.create(article=article, person=person, quoted=person.pk in quoted)
    for position, (person, text) in enumerate(quotes):
        Quote.objects.create(article=article, person=person, text=text, position=position,
                             speaker_as_written=person.name if person else "")
    if topics:
        article.topics.set(topics)
    return article


@pytest.fixture
def article_factory(db):
    return make_article

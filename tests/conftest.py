"""Shared test helpers. Tests run against real PostgreSQL (the private cluster, or DATABASE_URL)."""

import itertools

import pytest

from articles import archive as archive_module  # the fixture below is called `archive`
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
        Quote.objects.create(
            article=article,
            person=person,
            text=text,
            position=position,
            speaker_as_written=person.name if person else "",
        )
    if topics:
        article.topics.set(topics)
    if quotes or people:  # rows written here, as the admin's inlines write them: the archive derives the rest
        archive_module.refresh_search_text([article.pk])
    return article


@pytest.fixture
def article_factory(db):
    return make_article


# --- The public site (issue 4): a small fictional archive ------------------------------------
@pytest.fixture
def archive(db):
    """Two outlets and an aggregator, three people (one with an alias), two topics, four articles.

    Everyone here is invented; quotations are invented for invented people only.
    """
    import datetime

    from articles.models import Alias

    courier = make_source("Valley Courier", homepage="https://courier.example/")
    gazette = make_source("Harbour Gazette")
    wire = make_source("Newswire Digest")
    selim = make_person("Selim Erdoğlu", description="Mayor of Port Ardent")
    ines = make_person("Ines Varga", description="Harbour workers' union")
    tomasz = make_person("Tomasz Brell", description="Ferry operator")
    Alias.objects.create(person=selim, name="Mayor Erdoglu")
    housing = make_topic("Housing", description="Homes, rents and planning.")
    transport = make_topic("Transport")
    day = datetime.date(2025, 3, 10)
    strike = make_article(
        headline="Harbour strike enters second week",
        source=gazette,
        via=wire,
        published=day,
        byline="Mara Quill",
        body_text="Dock workers kept the harbour closed.\n\nThe ferry timetable was cut again.",
        quotes=[(ines, "We will not go back without a contract"), (selim, "The port must reopen")],
        people=[tomasz],
        topics=[transport],
    )
    rents = make_article(
        headline="Council debates rent caps",
        source=courier,
        published=day - datetime.timedelta(days=3),
        body_text="Rents rose for the fifth year in Port Ardent.",
        quotes=[(selim, "Rents are the first problem of this city")],
        topics=[housing],
    )
    ferry = make_article(
        headline="New ferry timetable published",
        source=courier,
        published=day - datetime.timedelta(days=40),
        body_text="The ferry will call twice a day.",
        quotes=[(tomasz, "Two crossings a day is what we can do")],
        topics=[transport],
    )
    undated = make_article(
        headline="Letters to the editor",
        source=courier,
        published=None,
        body_text="Readers wrote about the harbour and the ferry.",
    )
    return {
        "sources": {"courier": courier, "gazette": gazette, "wire": wire},
        "people": {"selim": selim, "ines": ines, "tomasz": tomasz},
        "topics": {"housing": housing, "transport": transport},
        "articles": {"strike": strike, "rents": rents, "ferry": ferry, "undated": undated},
    }


@pytest.fixture
def grow_archive(db):
    """Adds `n` articles, each with two people (one quoted), an outlet and a topic, for query budgets."""
    import datetime

    def grow(n: int) -> list[Article]:
        sources = [make_source() for _ in range(3)]
        people = [make_person() for _ in range(4)]
        topics = [make_topic() for _ in range(2)]
        return [
            make_article(
                headline=f"Harbour report {i}",
                source=sources[i % 3],
                via=sources[(i + 1) % 3],
                published=datetime.date(2024, 1, 1) + datetime.timedelta(days=i * 11),
                body_text=f"The harbour story number {i} about ferries and rents.",
                quotes=[(people[i % 4], f"Harbour quotation number {i}")],
                people=[people[(i + 1) % 4]],
                topics=[topics[i % 2]],
            )
            for i in range(n)
        ]

    return grow

"""Data quality (issue 14.5): what extraction or input got wrong or left out, for staff to put right.

Five checks, each a list staff page through: quotations with no speaker, people who look like
duplicates, "people" named once whose name looks like an organisation's, articles without a
date or an outlet, and groups of wire copies. Each is a queryset (or a counted, sliceable SQL query)
read a page at a time, so the page costs the same few queries whatever the archive holds; the admin
(articles.admin_site) shows them with a link to the form that fixes each row.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.core.paginator import Page, Paginator
from django.db import connection
from django.db.models import BooleanField, Count, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.db.models.expressions import RawSQL
from django.db.models.functions import Coalesce

from articles.ingest.people import NON_PERSON_WORDS
from articles.models import Article, Mention, Person, Quote

PER_PAGE = 20

# First names of one surname are "similar" when one starts with the other ("J", "Jan"; "Ana",
# "Ana Maria") or they share this much of their trigrams (pg_trgm: "Katarzyna", "Katarzina").
FIRST_NAME_SIMILARITY = 0.4


def unattributed_quotes() -> QuerySet[Quote]:
    """Quotations no person is credited with, newest first: quote_person_published_idx reads them in order
    (person IS NULL, then its published and article columns)."""
    return (
        Quote.objects.filter(person__isnull=True)
        .select_related("article")
        .only("text", "speaker_as_written", "article__headline", "article__published", "article__published_precision")
        .order_by("-published", "-article_id", "position")
    )


def undated_or_unsourced_articles() -> QuerySet[Article]:
    """Articles without a publication date or without an outlet, latest stored first."""
    return (
        Article.objects.filter(Q(published__isnull=True) | Q(source__isnull=True))
        .select_related("source")
        .only("headline", "published", "published_precision", "source__name")
        .order_by("-id")
    )


def wire_copy_groups() -> QuerySet[Article]:
    """Wire-copy groups (issue 14.3): each group's head, latest stored first, with its copies (`copies`,
    one query a page) for staff to check that they are one story. Heads are found from
    article_copy_of_idx, which holds only the copies."""
    copies = Article.objects.select_related("source").only(
        "headline", "published", "published_precision", "copy_of", "source__name"
    )
    return (
        Article.objects.filter(pk__in=Article.objects.filter(copy_of__isnull=False).values("copy_of"))
        .select_related("source")
        .only("headline", "published", "published_precision", "copy_outlets", "source__name")
        .prefetch_related(Prefetch("copies", queryset=copies.order_by("published", "pk")))
        .order_by("-id")
    )


# A name holding one of the extractor's words that give a capitalised run away as no person's name
# ("Harbour Authority", "Valley Ferries"), or a trade's workers ("Dockworkers"). The words are split
# from the name in SQL and looked up in the list as a hashed ANY (20 ms over 5,000 people; a
# case-blind regex of the ~430 words took 300 ms, array overlap 100).
ORGANISATION_NAME = """EXISTS (
    SELECT FROM regexp_split_to_table(lower(articles_person.name), '[^[:alpha:]]+') AS word
    WHERE word = ANY(%s) OR word LIKE '_%%workers'
)"""


def organisation_like_people() -> QuerySet[Person]:
    """People named in one article only whose name holds an organisation's or a place's word: most
    are a name the extractor took for a person ("Port Authority"), to be declared not people. A wire
    story is one article however many outlets ran it (issue 14.3): counted by its group's head."""
    story = Coalesce("article__copy_of_id", "article_id")
    mentions = (
        Mention.objects.filter(person=OuterRef("pk"))
        .order_by()
        .values("person")
        .annotate(n=Count(story, distinct=True))
    )
    return (
        Person.objects.filter(RawSQL(ORGANISATION_NAME, [sorted(NON_PERSON_WORDS)], output_field=BooleanField()))
        .annotate(n_mentions=Subquery(mentions.values("n")))
        .filter(n_mentions=1)
        .order_by("name", "pk")
    )


@dataclass(frozen=True)
class LikelyDuplicate:
    """Two people who may be one: `reason` says why."""

    person_id: int
    person_name: str
    other_id: int
    other_name: str
    reason: str


# Pairs of people who may be one person: the same surname (the last word of the name as
# na_normalize() compares names) with similar first names, or a name that is another person's alias.
# The surname pairs come from one hash join of the people on their surname.
DUPLICATES_SQL = """
WITH normalized AS (
    SELECT id, name, na_normalize(name) AS n FROM articles_person  -- once a row: unaccent is the cost
), named AS (
    SELECT id, name, split_part(n, ' ', -1) AS surname, regexp_replace(n, '\\s*\\S+$', '') AS given
    FROM normalized
)
SELECT a.id, a.name, b.id, b.name, 'same surname, similar first names' AS reason
FROM named a JOIN named b ON b.surname = a.surname AND b.id > a.id
WHERE a.given <> '' AND b.given <> '' AND left(a.given, 1) = left(b.given, 1)
  AND (starts_with(a.given, b.given) OR starts_with(b.given, a.given) OR similarity(a.given, b.given) >= %s)
UNION ALL
SELECT p.id, p.name, q.id, q.name, 'name is an alias of the other' AS reason
FROM articles_alias alias
JOIN articles_person q ON q.id = alias.person_id
JOIN articles_person p ON na_normalize(p.name) = alias.normalized AND p.id <> alias.person_id
"""


class LikelyDuplicates:
    """DUPLICATES_SQL as Paginator reads a list: count() once, then one slice (LIMIT/OFFSET)."""

    def __init__(self) -> None:
        self.params = [FIRST_NAME_SIMILARITY]

    def count(self) -> int:
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT count(*) FROM ({DUPLICATES_SQL}) AS pairs", self.params)
            return cursor.fetchone()[0]

    def __getitem__(self, window: slice) -> list[LikelyDuplicate]:
        with connection.cursor() as cursor:
            cursor.execute(
                f"{DUPLICATES_SQL} ORDER BY 2, 4, 1, 3 LIMIT %s OFFSET %s",
                [*self.params, window.stop - window.start, window.start],
            )
            return [LikelyDuplicate(*row) for row in cursor.fetchall()]

    def __len__(self) -> int:
        return self.count()


@dataclass(frozen=True)
class Check:
    key: str
    title: str
    fix: str  # what staff do about a row, in a sentence
    rows: object  # a queryset or LikelyDuplicates

    def page(self, number: str | int | None) -> Page:
        """The page asked for; a page number that is not one gives the first or the last page."""
        return Paginator(self.rows, PER_PAGE).get_page(number)

    def count(self) -> int:
        return self.rows.count()


def checks() -> list[Check]:
    return [
        Check(
            "unattributed",
            "Quotations with no speaker",
            "Open the article and choose the speaker in its quotations.",
            unattributed_quotes(),
        ),
        Check(
            "duplicates",
            "People who look like duplicates",
            "Select both in the list of people and merge them, or leave them if they are two people.",
            LikelyDuplicates(),
        ),
        Check(
            "organisations",
            "“People” named once who look like organisations",
            "Select them in the list of people and declare them not people, or leave them.",
            organisation_like_people(),
        ),
        Check(
            "undated",
            "Articles without a date or outlet",
            "Open the article and give its date and outlet.",
            undated_or_unsourced_articles(),
        ),
        Check(
            "wire",
            "Wire copies to confirm",
            "Open the articles and check that each copy is the story its group heads; the first published "
            "heads the group, and lists show it alone, “also published by” the others' outlets.",
            wire_copy_groups(),
        ),
    ]

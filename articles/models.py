"""The archive's data: outlets, people, topics, articles, their quotations and mentions.

Invariants live in the database (named constraints); forms only repeat them to give a
friendlier message. The search document is a generated column the database keeps current.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import re
import unicodedata
from datetime import date

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex, HashIndex, OpClass
from django.contrib.postgres.search import (
    SearchQuery,
    SearchVector,
    SearchVectorField,
    TrigramSimilarity,
    TrigramWordSimilarity,
)
from django.db import connections, models
from django.db.models import Exists, F, Func, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce, Greatest, Left, Lower, Now, Upper
from django.urls import NoReverseMatch, get_script_prefix, reverse
from django.utils import timezone
from django.utils.dates import MONTHS, MONTHS_3
from django.utils.text import slugify

from newsarchive.replicas import read_alias


@functools.lru_cache(maxsize=65536)
def normalize_name(name: str) -> str:
    """Lower-case, accents folded, punctuation dropped, spaces collapsed: 'Erdoğan ' -> 'erdogan'.

    Mirrors the database function na_normalize() from migration 0001, which the unique
    constraint on Alias.normalized relies on; tests check the two agree.
    """
    return " ".join(fold(name).translate(_DROP).replace("-", " ").split())


def fold(text: str) -> str:
    """Lower case with accents folded as PostgreSQL's unaccent folds them ('İstanbul' -> 'istanbul')."""
    folded = unicodedata.normalize("NFKD", text)
    return "".join(c for c in folded if not unicodedata.combining(c)).lower().translate(_FOLD)


# Letters that don't decompose in NFKD but that unaccent folds; and punctuation dropped.
_FOLD = str.maketrans({"ı": "i", "ł": "l", "ø": "o", "đ": "d", "ß": "ss", "æ": "ae", "œ": "oe", "ð": "d", "þ": "th"})
NAME_PUNCTUATION = ".,'’‘\"“”()[]!?;:"
_DROP = str.maketrans("", "", NAME_PUNCTUATION)


def slug_base(text: str, max_length: int, empty: str) -> str:
    """`text` as a slug of at most max_length characters; `empty` when nothing of it is left."""
    return slugify(text)[:max_length].strip("-") or empty


def unique_slug(model: type[models.Model], text: str, max_length: int = 100) -> str:
    """A slug for `text` not yet used by `model` (adds -2, -3… on collision)."""
    return unique_slugs(model, [text], max_length)[0]


def unique_slugs(model: type[models.Model], texts: list[str], max_length: int = 100) -> list[str]:
    """A slug for each text, unused by `model` and by each other (adds -2, -3… on collision);
    one query per round of collisions, however many texts."""
    bases = [slug_base(text, max_length - 6, "item") for text in texts]
    slugs, tries, taken = list(bases), [2] * len(texts), set()
    pending = list(range(len(texts)))
    while pending:
        taken |= set(model.objects.filter(slug__in=[slugs[i] for i in pending]).values_list("slug", flat=True))
        again = []
        for i in pending:
            if slugs[i] in taken:
                slugs[i], tries[i] = f"{bases[i]}-{tries[i]}", tries[i] + 1
                again.append(i)
            else:
                taken.add(slugs[i])  # a later text with the same base must not take it too
        pending = again
    return slugs


def url_for(name: str, *args) -> str:
    """reverse(name, args), fast: a reverse() costs ~40 us, and a person page links ~70 people, articles and
    outlets, an article page ~25, most of them new to the process (remembering each URL, as url_for did,
    left ~8 reverse() calls an article page at 1M articles: 13% of its Python instructions). The URL's
    pattern is reversed once with markers for its arguments (per script prefix, which reverse() depends on)
    and filled in; export.Links builds a download's URLs with it too. Only whole numbers >= 0 and slug-like
    text, which Django's URL converters write as they are, fill a pattern; any other argument goes through
    reverse() itself (tests/test_url_for.py holds the two equal for every URL of the site)."""
    pattern = _url_pattern(get_script_prefix(), name, tuple(map(type, args)))
    if pattern is None or not all(_plain_argument(arg) for arg in args):
        return reverse(name, args=args)
    parts = [pattern[0]]
    for arg, after in zip(args, pattern[1:], strict=True):
        parts += (str(arg), after)
    return "".join(parts)


_SLUG_CHARACTERS = re.compile(r"[-a-zA-Z0-9_]+")


def _plain_argument(arg) -> bool:
    return (type(arg) is int and arg >= 0) or (type(arg) is str and _SLUG_CHARACTERS.fullmatch(arg) is not None)


@functools.lru_cache(maxsize=256)
def _url_pattern(prefix: str, name: str, kinds: tuple[type, ...]) -> tuple[str, ...] | None:
    """reverse(name) cut where its arguments go: (before the first, between the first and second, …, after the
    last); None when a marker of the arguments' kinds is refused (reverse() will say why) or is not found once."""
    if not all(kind in (int, str) for kind in kinds):
        return None
    markers = [f"9073519{i:03d}" if kind is int else f"zq9073519mark{i:03d}" for i, kind in enumerate(kinds)]
    try:
        url = reverse(name, args=markers)
    except NoReverseMatch:
        return None
    if any(url.count(marker) != 1 for marker in markers):
        return None
    pieces = []
    for marker in markers:
        before, found, url = url.partition(marker)
        if not found:  # not in the order of the arguments
            return None
        pieces.append(before)
    return (*pieces, url)


class PersonQuerySet(models.QuerySet):
    def matching_name(self, text: str) -> PersonQuerySet:
        """People whose name or an alias is close to `text`: typos forgiven, accents folded.

        Trigram word similarity of the normalised text (na_normalize: unaccented, lower case)
        against the normalised name (person_name_normalized_trgm, migration 0002) and against
        Alias.normalized (alias_normalized_trgm); one UNION so each side uses its index.
        Annotates `score` (0..1) and orders best first.
        """
        wanted = normalize_name(text)[:100]
        if not wanted:
            return self.none()
        # Word similarity (>= 0.6) finds a surname inside a full name; plain similarity (>= 0.3)
        # forgives a dropped letter in a short name ("Erdglu"). Both are served by the same index.
        by_name = (
            Person.objects.annotate(normalized=NormalizedName("name"))
            .filter(Q(normalized__trigram_word_similar=wanted) | Q(normalized__trigram_similar=wanted))
            .order_by()
            .values("pk")
        )
        by_alias = (
            Alias.objects.filter(Q(normalized__trigram_word_similar=wanted) | Q(normalized__trigram_similar=wanted))
            .order_by()
            .values("person_id")
        )
        alias_score = (
            Alias.objects.filter(person=OuterRef("pk"))
            .annotate(s=_closeness(wanted, F("normalized")))
            .order_by("-s")
            .values("s")[:1]
        )
        return (
            self.filter(pk__in=by_name.union(by_alias))
            .annotate(score=Greatest(_closeness(wanted, NormalizedName("name")), Coalesce(Subquery(alias_score), 0.0)))
            .order_by("-score", "name")
        )

    def named_exactly(self, text: str) -> PersonQuerySet:
        """People whose name or an alias is `text`, ignoring case, accents and punctuation."""
        wanted = normalize_name(text)[:200]
        if not wanted:
            return self.none()
        # A UNION, not an OR, so each side uses its index (person_name_normalized_trgm serves "=").
        by_name = Person.objects.annotate(normalized=NormalizedName("name")).filter(normalized=wanted).values("pk")
        by_alias = Alias.objects.filter(normalized=wanted).order_by().values("person_id")
        return self.filter(pk__in=by_name.order_by().union(by_alias))

    def with_surname(self, text: str) -> PersonQuerySet:
        """People whose last name is the one word `text`, ignoring case and accents as named_exactly()
        does ("erdoglu" finds Selim Erdoğlu); person_name_normalized_trgm serves the LIKE."""
        surname = normalize_name(text)
        if " " in surname or len(surname) < 3:
            return self.none()
        return self.annotate(normalized=NormalizedName("name")).filter(normalized__endswith=f" {surname}")


def _closeness(wanted: str, expression) -> Greatest:
    return Greatest(TrigramWordSimilarity(Value(wanted), expression), TrigramSimilarity(expression, Value(wanted)))


class NormalizedName(models.Func):
    """na_normalize(name): the expression person_name_normalized_trgm indexes."""

    function = "na_normalize"
    output_field = models.CharField()


class Source(models.Model):
    """An outlet that publishes articles, or an aggregator/feed they reach us through."""

    name = models.CharField(max_length=200)
    slug = models.SlugField(db_index=False, max_length=200)
    homepage = models.URLField(blank=True)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]
        verbose_name = "outlet"  # as the public pages say
        constraints = [
            models.UniqueConstraint(fields=["slug"], name="source_slug_unique"),
            models.UniqueConstraint(Upper("name"), name="source_name_ci_unique"),
            models.CheckConstraint(condition=~Q(name=""), name="source_name_not_empty"),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return url_for("source_detail", self.slug)


class Person(models.Model):
    name = models.CharField(max_length=200, help_text="Canonical name, without titles.")
    slug = models.SlugField(db_index=False, max_length=200)
    description = models.CharField(max_length=300, blank=True, help_text='Role, e.g. "US Secretary of State".')
    created = models.DateTimeField(auto_now_add=True)

    objects = PersonQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "people"
        permissions = [("merge_person", "Can merge people")]
        constraints = [
            models.UniqueConstraint(fields=["slug"], name="person_slug_unique"),
            # One person per name as resolution compares names (na_normalize: case, accents and
            # punctuation folded), so two ingests at once can't both create "Ana Ruiz" (issue 11);
            # ingest inserts with ON CONFLICT DO NOTHING and takes the other's row (resolve.py).
            models.UniqueConstraint(
                models.Func(F("name"), function="na_normalize"),
                name="person_name_normalized_unique",
                violation_error_message="There is already a person of this name (ignoring case, accents and "
                "punctuation): edit that person, or add this spelling to them as an alias.",
            ),
            models.CheckConstraint(condition=~Q(name=""), name="person_name_not_empty"),
        ]
        indexes = [
            # Fuzzy person look-up ("vladmir putn"): trigram similarity on the name.
            GinIndex(OpClass(Upper("name"), name="gin_trgm_ops"), name="person_name_trgm"),
            # Person search forgiving typos and accents: matching_name(), named_exactly() and
            # with_surname() compare na_normalize(name) with the normalised query (%>, = and LIKE).
            GinIndex(
                OpClass(models.Func(F("name"), function="na_normalize"), name="gin_trgm_ops"),
                name="person_name_normalized_trgm",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return url_for("person_detail", self.slug)


class Alias(models.Model):
    """Another way a person is written: a spelling, a surname-only form, a misspelling."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="aliases")
    name = models.CharField(max_length=200)
    # Kept by the database (na_normalize, migration 0001) so uniqueness can't be bypassed.
    normalized = models.GeneratedField(
        expression=models.Func(F("name"), function="na_normalize"),
        output_field=models.CharField(max_length=200),
        db_persist=True,
    )

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "aliases"
        constraints = [
            models.UniqueConstraint(fields=["normalized"], name="alias_normalized_unique"),
            models.CheckConstraint(condition=~Q(name=""), name="alias_name_not_empty"),
        ]
        indexes = [
            # Fuzzy alias look-up, as for Person.name.
            GinIndex(OpClass("normalized", name="gin_trgm_ops"), name="alias_normalized_trgm"),
        ]

    def __str__(self) -> str:
        return self.name


class NotAPerson(models.Model):
    """A name staff decided is not a person ("Federal Reserve", "Election Day"): extraction never makes
    a person of it again, on the next ingest or re-extraction; a quotation it is credited with keeps
    the name as written, unattributed."""

    name = models.CharField(max_length=200)
    normalized = models.GeneratedField(
        expression=models.Func(F("name"), function="na_normalize"),
        output_field=models.CharField(max_length=200),
        db_persist=True,
    )
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]
        verbose_name = "name that is not a person"
        verbose_name_plural = "names that are not people"
        constraints = [
            models.UniqueConstraint(fields=["normalized"], name="notaperson_normalized_unique"),
            models.CheckConstraint(condition=~Q(name=""), name="notaperson_name_not_empty"),
        ]

    def __str__(self) -> str:
        return self.name


class Topic(models.Model):
    name = models.CharField(max_length=100)
    slug = models.SlugField(db_index=False, max_length=100)
    description = models.TextField(blank=True)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["slug"], name="topic_slug_unique"),
            models.UniqueConstraint(Upper("name"), name="topic_name_ci_unique"),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return url_for("topic_detail", self.slug)


class TopicRule(models.Model):
    """A keyword or phrase; an article whose text matches it (stemmed, accents folded) gets the topic."""

    topic = models.ForeignKey(Topic, on_delete=models.CASCADE, related_name="rules")
    keyword = models.CharField(max_length=200)

    class Meta:
        ordering = ["keyword"]
        constraints = [
            models.UniqueConstraint(fields=["topic", "keyword"], name="topicrule_topic_keyword_unique"),
            models.CheckConstraint(condition=~Q(keyword=""), name="topicrule_keyword_not_empty"),
        ]

    def __str__(self) -> str:
        return self.keyword


def fingerprint(headline: str, body_text: str, body_lower: str | None = None) -> str:
    """Identity of an article's content: the same text from two feeds is stored once. body_lower: body_text.lower(),
    when the caller has it (the extraction workers lower it for wire.signature too)."""
    # (lowering the two apart is lowering them joined: str.lower reads no context across the line break, not even
    # for a final sigma)
    body_lower = body_text.lower() if body_lower is None else body_lower
    canonical = " ".join(f"{headline.lower()}\n{body_lower}".split())
    return hashlib.sha256(canonical.encode()).hexdigest()


def article_slug(headline: str) -> str:
    """The slug in an article's URL (not unique: the URL carries the id too)."""
    return slug_base(headline, 120, "article")


class DatePrecision(models.TextChoices):
    """How much of an article's date is known. An approximate date is stored as the first day of its month
    or year (Article.published), so it sorts and is indexed with the rest; unknown is no date at all.
    The values are those the ingest parsers give (articles.ingest.formats.DAY, MONTH, YEAR)."""

    DAY = "day", "the day"
    MONTH = "month", "the month only"
    YEAR = "year", "the year only"


def dated(day: date | None, precision: str, *, short: bool = False) -> tuple[str, str]:
    """(ISO 8601 value, words) of a publication date as far as it is known: ("2017-04-05", "5 April 2017"),
    ("2017-04", "April 2017"), ("2017", "2017"), or ("", "date unknown"); `short` writes "5 Apr 2017".
    The one place dates are written for readers, for <time datetime>, citations, downloads and the API."""
    if day is None:
        return "", "date unknown"
    if precision == DatePrecision.YEAR:
        return f"{day.year:04d}", str(day.year)
    month = MONTHS_3[day.month].title() if short else MONTHS[day.month]
    if precision == DatePrecision.MONTH:
        return f"{day.year:04d}-{day.month:02d}", f"{month} {day.year}"
    return day.isoformat(), f"{day.day} {month} {day.year}"


def since_day(day: date, published: str = "published", precision: str = "published_precision") -> Q:
    """Rows whose date reaches `day` or later, its whole known period counted: an article of "April 2017"
    or of "2017" is in a range from 15 April 2017. `published` is the date (the article's, or a row's copy
    of it), `precision` the path to the article's precision from the same rows. A range's end needs no such
    rule: an approximate date is stored as its first day, so `published <= end` is already the overlap."""
    month, year = day.replace(day=1), day.replace(month=1, day=1)
    # Only two days can hold an approximate date overlapping from `day`: its month's first (a month alone) and
    # its year's (a year alone). Looked up first (an index look-up of two days' articles), so a range whose start
    # has none, nearly every one, stays one range of article_published_idx: walked oldest first, the wider range
    # from the year's start read every article before `day` (from 15 April: 184 ms against 40 at 1M articles).
    overlapping = Q(published=month, published_precision=DatePrecision.MONTH) | Q(
        published=year, published_precision=DatePrecision.YEAR
    )
    if day == year or not Article.objects.filter(overlapping).exists():
        return Q(**{f"{published}__gte": day})
    # The year's start bounds the index range; the precision is read only for the rows before `day`.
    return Q(**{f"{published}__gte": year}) & (
        Q(**{f"{published}__gte": day})
        | Q(**{precision: DatePrecision.YEAR})
        | Q(**{f"{published}__gte": month, precision: DatePrecision.MONTH})
    )


# Served by article_published_idx (scanned forwards or backwards).
NEWEST_FIRST = (F("published").desc(nulls_last=True), F("id").desc())
OLDEST_FIRST = (F("published").asc(nulls_first=True), F("id").asc())


# ArticleQuerySet.mentioning()'s alias: whether the article's mention of the person repeats its group's.
_REPEATED_FOR_PERSON = "person_mention_repeated"


EXCERPT_CHARS = 240  # characters of an article's opening on its card (ArticleQuerySet.with_excerpt)


def excerpt_of(opening: str, length: int = EXCERPT_CHARS) -> str:
    """An article's opening as a card or a feed shows it: `opening` is the first `length` + 1 characters of its
    text (with_excerpt()); a text that goes on is cut after its last whole word and ends with " …", so a card never
    ends in half a word ("the council's housing departm")."""
    if len(opening) <= length:
        return opening
    cut = opening[:length]
    if not opening[length].isspace():  # the cut falls inside a word: leave the word out (unless it is all there is)
        cut = re.sub(r"\S+\Z", "", cut) or cut
    return cut.rstrip() + " …"


class ArticleQuerySet(models.QuerySet):
    def for_listing(self) -> ArticleQuerySet:
        return self.select_related("source").defer(
            "body_html", "body_text", "search_text", "search_vector", "wire_bands"
        )

    def with_excerpt(self, length: int = EXCERPT_CHARS) -> ArticleQuerySet:
        """The opening of the plain text, for cards: cut in the database so body_text stays deferred. One
        character more than `length`, so that excerpt_of() can tell a text cut there from one that ends there."""
        return self.annotate(excerpt=Left("body_text", length + 1))

    def newest_first(self) -> ArticleQuerySet:
        return self.order_by(*NEWEST_FIRST)

    def oldest_first(self) -> ArticleQuerySet:
        return self.order_by(*OLDEST_FIRST)

    def search(self, text: str) -> ArticleQuerySet:
        """Articles matching `text` in websearch syntax ("quoted phrase", or, -word); article_search_gin."""
        return self.filter(search_vector=search_query(text))

    def mentioning(self, person: Person) -> ArticleQuerySet:
        """Articles naming `person`. Also carries, unused until one_per_story() asks, whether the article's
        mention of them repeats its wire group's (Mention.repeated): that story is then listed once where the
        person is first named, which may be a copy (a paragraph its outlet added), not the group's head."""
        repeated = Exists(Mention.objects.filter(article=OuterRef("pk"), person=person, repeated=True))
        return self.filter(mentions__person=person).alias(**{_REPEATED_FOR_PERSON: repeated})

    def naming(self, person: Person) -> ArticleQuerySet:
        """Articles whose search document holds every word of `person`'s name, from article_search_gin.

        A superset of mentioning(person): search_text carries the names of the people mentioned
        (triggers, migration 0001). Added beside mentioning() and the searched words, it lets
        the GIN index intersect the words with the name instead of the planner reading the
        document of each of the person's articles (~55 us each; 11,664 for a popular person).
        Only for names with words the index knows: a name made of stop words matches nothing.
        """
        return self.filter(search_vector=SearchQuery(person.name, search_type="plain", config=settings.SEARCH_CONFIG))

    def one_per_story(self) -> ArticleQuerySet:
        """Wire copies collapsed: each group's first-published article only (copy_of empty), which carries
        copy_outlets for "also published by N outlets". Narrowed to a person (mentioning()), the first of the
        group's articles naming them instead (issue 14.3): the head when it does, else the earliest copy that
        does, tested from mention_article_person_unique (one index probe per article)."""
        if _REPEATED_FOR_PERSON in self.query.annotations:
            return self.filter(**{_REPEATED_FOR_PERSON: False})
        return self.filter(copy_of__isnull=True)

    def with_quotes(self) -> ArticleQuerySet:
        return self.filter(Exists(Quote.objects.filter(article=OuterRef("pk"))))

    def without_quotes(self) -> ArticleQuerySet:
        return self.exclude(Exists(Quote.objects.filter(article=OuterRef("pk"))))


def search_query(text: str) -> SearchQuery:
    return SearchQuery(text, search_type="websearch", config=settings.SEARCH_CONFIG)


class Article(models.Model):
    headline = models.CharField(max_length=500)
    slug = models.SlugField(max_length=120, db_index=False)
    body_html = models.TextField("body", help_text="Sanitised HTML (articles.ingest.sanitize.clean_html).")
    body_text = models.TextField("plain text", help_text="Plain text: paragraphs separated by a blank line.")
    source = models.ForeignKey(
        Source,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="articles",
        db_index=False,  # article_source_published_idx serves look-ups by outlet
        verbose_name="outlet",
    )
    via = models.ForeignKey(
        Source,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="forwarded_articles",
        verbose_name="aggregator",
        help_text="Aggregator or feed the article came through.",
    )
    # The publisher's own date: the day in the time zone the input gave its time in (an entry dated
    # "Tue, 03 Jun 2025 22:30:00 -0500" is of 3 June, although it was 4 June in UTC).
    published = models.DateField(null=True, blank=True)
    # "2017" or "April 2017" when only that is known: `published` is then the first day of it.
    published_precision = models.CharField(
        "date known to",
        max_length=5,
        choices=DatePrecision,
        default=DatePrecision.DAY,
        db_default=DatePrecision.DAY,
        help_text="Only the month or the year when that is all the source says; the date is then its first day.",
    )
    published_at = models.DateTimeField(
        null=True,
        blank=True,
        help_text="The moment of publication, when the input gives a time (shown in the site's zone).",
    )
    url = models.URLField("URL", max_length=1000, blank=True)
    # A feed entry's identity: its guid/id (else its link, else a hash of its content) within the feed
    # it came from, so entries sharing a link (a podcast's episodes) are each an article and reading
    # the feed again finds them (archive._new_or_changed). Empty for articles not from a feed.
    feed_url = models.CharField(
        "feed URL",
        max_length=1000,
        blank=True,
        default="",
        db_default="",
        editable=False,
        help_text="The feed it came from.",
    )
    entry_id = models.CharField(
        "entry ID",
        max_length=500,
        blank=True,
        default="",
        db_default="",
        editable=False,
        help_text="Its id in that feed.",
    )
    byline = models.CharField(max_length=300, blank=True)
    fingerprint = models.CharField(max_length=64, editable=False)
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)
    people = models.ManyToManyField(Person, through="Mention", related_name="articles")
    # Through ArticleTopic, whose by_rule says which links the topic rules made.
    topics = models.ManyToManyField(
        Topic,
        through="ArticleTopic",
        related_name="articles",
        blank=True,
        help_text="Topics added here stay when the rules are re-applied; a topic a rule gives comes back "
        "on re-tagging unless the rule changes.",
    )
    # Names of the people mentioned and the quoted text, kept by database triggers on
    # Mention and Quote (migration 0001), so the search document weights them above the body.
    search_text = models.TextField(blank=True, default="", editable=False)
    search_vector = models.GeneratedField(
        expression=models.Func(F("headline"), F("search_text"), F("body_text"), function="na_search_document"),
        output_field=SearchVectorField(),
        db_persist=True,
    )
    # Detected when the text is stored or changed (articles.ingest.language): ISO 639-1, "" when unknown.
    language = models.CharField(
        max_length=2,
        blank=True,
        default="",
        db_default="",
        editable=False,
        help_text="Language of the text (ISO 639-1 code, detected); empty when unknown or too short to tell.",
    )

    # Wire copies (issue 14.3, articles/wire.py): the same story as another article, found by near-duplicate
    # text when stored. A group is its first-published article (copy_of empty) and the articles whose
    # copy_of is that one; lists show the first alone (ArticleQuerySet.one_per_story()), with copy_outlets.
    # Deleting articles regroups what is left (trigger article_wire_regroup, migration 0031): a deleted head's
    # oldest remaining copy heads the others, and copy_outlets follows. The database does it, not Django
    # (DO_NOTHING): SET_NULL emptied copy_of before the DELETE, leaving each copy alone, and a delete in SQL
    # (or any path skipping Django's collector) must regroup as well.
    copy_of = models.ForeignKey(
        "self",
        on_delete=models.DO_NOTHING,
        null=True,
        blank=True,
        related_name="copies",
        db_index=False,  # article_copy_of_idx
        verbose_name="copy of",
        help_text="The first-published article of the same story (a wire copy); empty for that one.",
    )
    copy_outlets = models.PositiveSmallIntegerField(
        default=0,
        db_default=0,
        editable=False,
        help_text="Outlets other than its own that published copies of it (kept by articles.archive).",
    )
    wire_bands = ArrayField(
        models.BigIntegerField(),
        null=True,
        blank=True,
        editable=False,
        help_text="LSH bands of its text (articles.wire); empty when too short, NULL when never computed.",
    )

    objects = ArticleQuerySet.as_manager()

    class Meta:
        ordering = ["-published", "-id"]
        constraints = [
            # One article per URL, except feed entries, which may share a link (they are one article per
            # entry: article_feed_entry_unique). Led by url, so it also serves look-ups by URL of any article.
            models.UniqueConstraint(
                fields=["url", "feed_url", "entry_id"], condition=~Q(url=""), name="article_url_unique"
            ),
            models.UniqueConstraint(
                fields=["feed_url", "entry_id"], condition=~Q(entry_id=""), name="article_feed_entry_unique"
            ),
            models.CheckConstraint(
                condition=Q(feed_url="", entry_id="") | (~Q(feed_url="") & ~Q(entry_id="")),
                name="article_feed_entry_together",
            ),
            # A month or a year alone is a date's first day, so it sorts, is indexed and matches ranges as its
            # period does (since_day); an approximate date needs a date (none at all is "date unknown").
            models.CheckConstraint(
                condition=Q(published_precision="day")
                | Q(published_precision="month", published__isnull=False, published__day=1)
                | Q(published_precision="year", published__isnull=False, published__month=1, published__day=1),
                name="article_published_precision",
            ),
            models.UniqueConstraint(fields=["fingerprint"], name="article_fingerprint_unique"),
            models.CheckConstraint(condition=~Q(headline=""), name="article_headline_not_empty"),
            models.CheckConstraint(
                condition=Q(fingerprint__regex=r"^[0-9a-f]{64}$"), name="article_fingerprint_sha256"
            ),
            models.CheckConstraint(condition=Q(language__regex=r"^([a-z]{2})?$"), name="article_language_iso639_1"),
            models.CheckConstraint(condition=~Q(copy_of=F("id")), name="article_not_own_copy"),
        ]
        indexes = [
            # Full-text search: WHERE search_vector @@ query.
            GinIndex(fields=["search_vector"], name="article_search_gin"),
            # Latest articles, and date filters: ORDER BY published DESC, id DESC.
            models.Index(F("published").desc(nulls_last=True), F("id").desc(), name="article_published_idx"),
            # An outlet's page: WHERE source_id = ? ORDER BY published DESC.
            models.Index(F("source"), F("published").desc(nulls_last=True), name="article_source_published_idx"),
            # Articles in one language, newest first (the language filter): WHERE language = ? ORDER BY published.
            models.Index(
                F("language"),
                F("published").desc(nulls_last=True),
                F("id").desc(),
                name="article_language_published_idx",
            ),
            # Wire copies: candidates for a batch of new articles (WHERE wire_bands && ARRAY[...]), one
            # indexed look-up per band value. Without fastupdate: a query scans the whole pending list
            # against each of its ~4,000 values, and a batch's look-up grew from 40 ms to 1.2 s at 200,000.
            GinIndex(fields=["wire_bands"], name="article_wire_bands_gin", fastupdate=False),
            # A group's copies (WHERE copy_of_id = ?): the article page, the counts, the data-quality page.
            models.Index(fields=["copy_of"], condition=Q(copy_of__isnull=False), name="article_copy_of_idx"),
            # Is this article a copy? (NOT EXISTS (… WHERE id = ? AND copy_of_id IS NOT NULL)): an index-only probe
            # for each of a person's latest mentions (page_queries.people_named_with). NOT IN over every copy's id
            # hashed them all for each page (270-540 ms with 100,000 copies); a join to the article read a heap
            # row for each (2-3 times the probe, on a loaded machine).
            models.Index(fields=["id"], condition=Q(copy_of__isnull=False), name="article_copy_idx"),
        ]

    def __str__(self) -> str:
        return self.headline

    def save(self, *args, **kwargs) -> None:
        self.fingerprint = fingerprint(self.headline, self.body_text)
        if not self.slug:
            self.slug = article_slug(self.headline)
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return url_for("article_detail", self.pk, self.slug)

    @property
    def date_known(self) -> tuple[str, str]:
        """(ISO value, words) of its date as far as it is known (models.dated)."""
        return dated(self.published, self.published_precision)


PUBLISHED_COPY = "The article's publication date (copied by the database)."


class ArticleTopic(models.Model):
    """An article's topic (Article.topics). by_rule: the link was made by a topic rule
    (articles.ingest.topics); only those links may be taken away when the rules are re-applied.
    Links staff add in the admin, or an input file gives, are by_rule false, the default, so
    Django's own inserts (.add(), .set(), the admin's inline) make links retag keeps.

    The table is the one Django made for the plain many-to-many field (migration 0013 only told
    Django about it), so its constraint and the foreign keys' indexes keep the names Django gave
    them then.
    """

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="topic_links")
    topic = models.ForeignKey(Topic, on_delete=models.CASCADE, related_name="article_links")
    by_rule = models.BooleanField(
        "by a rule",
        default=False,
        db_default=False,
        editable=False,
        help_text="Made by a topic rule; re-tagging may remove it.",
    )
    # The article's date, kept by the database (migration 0044) as Mention.published is: a topic's articles
    # newest first from topic_link_published_idx (a search of a topic alone walks it).
    published = models.DateField(null=True, blank=True, editable=False, help_text=PUBLISHED_COPY)

    class Meta:
        db_table = "articles_article_topics"
        verbose_name = "topic"
        constraints = [
            # Rule writers insert with ON CONFLICT (article_id, topic_id) DO NOTHING / UPDATE.
            models.UniqueConstraint(
                fields=["article", "topic"], name="articles_article_topics_article_id_topic_id_e17776b6_uniq"
            ),
        ]
        indexes = [
            # Related articles: a topic's most recently added (topic_id = ? ORDER BY article_id DESC).
            # Made by migration 0004 as article_topics_topic_article_idx, renamed by 0013 (Django
            # allows an index name 30 characters).
            models.Index(fields=["topic", "article"], name="articletopic_topic_article_idx"),
            models.Index(
                F("topic"), F("published").desc(nulls_last=True), F("article").desc(), name="topic_link_published_idx"
            ),
        ]

    def __str__(self) -> str:
        return str(self.topic)


# Foreign keys whose column leads a named composite index or unique constraint carry no index
# of their own (db_index=False): a second index on the same leading column costs every insert
# and serves no query.
# Mention.published and Quote.published: a copy of their article's date, kept by the database
# (migration 0008), so a person's quotations and articles come newest first straight from an
# index. Ordered through the article, a mid-ranked person's page read ~35,000 articles or sorted
# all 5,000 of theirs (80-270 ms at 1M articles). ArticleTopic.published likewise (0044).
MENTIONS_NEWEST_FIRST = (F("published").desc(nulls_last=True), F("article_id").desc())
QUOTES_NEWEST_FIRST = (*MENTIONS_NEWEST_FIRST, F("position").asc())


class Mention(models.Model):
    """A person named in an article: how often, and whether they are quoted."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="mentions", db_index=False)
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="mentions", db_index=False)
    count = models.PositiveIntegerField("times named", default=1)
    quoted = models.BooleanField(default=False)
    # Why the extractor took the name for a person and how it found them in the archive: shown to
    # staff, who correct what it got wrong ("not a person", "same person as").
    evidence = models.CharField(
        max_length=300,
        blank=True,
        default="",
        db_default="",
        editable=False,
        help_text='Why the extractor named this person: "title: Senator; found by alias". Empty for staff rows.',
    )
    # Set when staff add or change the row in the admin: re-extraction never replaces it.
    edited_by_staff = models.BooleanField(default=False, db_default=False)
    published = models.DateField(null=True, blank=True, editable=False, help_text=PUBLISHED_COPY)
    # Wire copies (issue 14.3), as Quote.repeated: computed by the database when a group or its mentions change
    # (migration 0036, na_mentions_repeated_refresh): in a copy, and its group's head or an earlier copy names
    # the same person. A person's lists and chart leave these out, so a story counts once, in the first of its
    # articles that names them (a person named only in a copy's own paragraph is counted in that copy).
    repeated = models.BooleanField(
        default=False,
        db_default=False,
        editable=False,
        help_text="In a wire copy whose group's first article, or an earlier copy, already names this person "
        "(kept by the database): listed and counted once, where first named.",
    )

    class Meta:
        # As the article's form names them, and so its change messages ("Changed Times named for person named …").
        verbose_name, verbose_name_plural = "person named", "people named"
        constraints = [
            models.UniqueConstraint(fields=["article", "person"], name="mention_article_person_unique"),
            models.CheckConstraint(condition=Q(count__gte=1), name="mention_count_positive"),
        ]
        indexes = [
            # A person's articles, newest published first: the person page, related articles, named_with.
            # `repeated` rides along (INCLUDE) so the person page's walks, which skip repeated mentions, read
            # the index alone: a first visit read a heap page for nearly every mention walked (migration 0042).
            models.Index(
                F("person"),
                F("published").desc(nulls_last=True),
                F("article").desc(),
                include=["repeated"],
                name="mention_person_published_idx",
            ),
        ]

    def __str__(self) -> str:
        return str(self.person)  # shown within its article (the admin's inline, change messages)


# The same quotation in other words' clothing: quotation marks, case, accents, whitespace and every
# other punctuation mark folded away ("“We won’t — go back,”" -> "we won t go back"). quote_text_key_hash
# indexes this expression, so it is written once here; articles.page_queries uses its SQL (QUOTE_KEY_SQL).
QUOTE_KEY_SQL = "na_normalize(regexp_replace({}, '[^[:alnum:][:space:]]+', ' ', 'g'))"


def quote_key(expression) -> models.Func:
    """QUOTE_KEY_SQL as an expression (the index's and the ORM's)."""
    stripped = models.Func(
        expression, Value("[^[:alnum:][:space:]]+"), Value(" "), Value("g"), function="regexp_replace"
    )
    return models.Func(stripped, function="na_normalize", output_field=models.TextField())


class QuoteQuerySet(models.QuerySet):
    def one_per_story(self) -> QuoteQuerySet:
        """A wire story's quotations once (issue 14.3): a copy's quotation is left out when its group already
        carries it (Quote.repeated); one only the copy carries stays."""
        return self.filter(repeated=False)

    def search(self, text: str) -> QuoteQuerySet:
        """Quotations whose own words match `text` (websearch syntax); quote_person_search_gin."""
        return self.filter(search_vector=search_query(text))

    def for_listing(self) -> QuoteQuerySet:
        """Quotations for cards: speaker, article and outlet in the same query; no article text or documents."""
        return (
            self.select_related("article__source", "person")
            .defer("search_vector")
            .defer("article__body_html", "article__body_text", "article__search_text", "article__search_vector")
        )


class Quote(models.Model):
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="quotes", db_index=False)
    text = models.TextField()
    person = models.ForeignKey(
        Person,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="quotes",
        verbose_name="speaker",
        help_text="The speaker, when resolved to a person.",
        db_index=False,  # quote_person_published_idx
    )
    speaker_as_written = models.CharField(max_length=300, blank=True, help_text='As printed: "Lavrov", "the ministry".')

    class SpeakerKind(models.TextChoices):
        PERSON = "person", "person"
        ORGANISATION = "organisation", "organisation"
        UNKNOWN = "unknown", "unknown"

    # What speaks, named or not: an organisation quoted ("the ministry said") is recorded as one, never as a person
    # (quotes.speaker_kind); "a spokeswoman" is a person the article leaves unnamed.
    speaker_kind = models.CharField(
        max_length=12,
        choices=SpeakerKind,
        default=SpeakerKind.UNKNOWN,
        db_default=SpeakerKind.UNKNOWN,
        help_text="A person (named or not), an organisation, or unknown (no attribution, a group, a document).",
    )
    partial = models.BooleanField(default=False, help_text="Quoted words inside a sentence, not a whole sentence.")
    position = models.PositiveIntegerField(help_text="Character offset of the quotation in the article's plain text.")
    evidence = models.CharField(
        max_length=300,
        blank=True,
        default="",
        db_default="",
        editable=False,
        help_text='Which extraction rule gave the speaker, on what words: "name next to the reporting verb: Ruiz".',
    )
    # Set when staff add or change the row in the admin: re-extraction never replaces it.
    edited_by_staff = models.BooleanField(default=False, db_default=False)
    published = models.DateField(null=True, blank=True, editable=False, help_text=PUBLISHED_COPY)
    # Wire copies (issue 14.3): computed by the database when a group or its quotations change (migration 0034,
    # na_quotes_repeated_refresh): in a copy, and its group's head or an earlier copy carries the same words
    # (quote_key) from the same speaker. A person's figures and lists leave these out (one_per_story()).
    repeated = models.BooleanField(
        default=False,
        db_default=False,
        editable=False,
        help_text="In a wire copy whose group already carries these words from this speaker (kept by the "
        "database): listed and counted once, in the group's first article.",
    )
    # The quotation's own search document (quotation search, /quotes/): its words only, stemmed with
    # accents folded as the articles' are (the "newsarchive" configuration, migration 0001).
    search_vector = models.GeneratedField(
        expression=SearchVector("text", config="newsarchive"),
        output_field=SearchVectorField(),
        db_persist=True,
    )

    objects = QuoteQuerySet.as_manager()

    class Meta:
        verbose_name = "quotation"  # as the site and the article's form say, and so its change messages
        ordering = ["article", "position"]
        constraints = [
            models.UniqueConstraint(fields=["article", "position"], name="quote_article_position_unique"),
            models.CheckConstraint(condition=~Q(text=""), name="quote_text_not_empty"),
            models.CheckConstraint(
                condition=Q(speaker_kind__in=["person", "organisation", "unknown"]), name="quote_speaker_kind_known"
            ),
            # A speaker resolved to a person is a person's words, whatever else the row says.
            models.CheckConstraint(
                condition=Q(person__isnull=True) | Q(speaker_kind="person"),
                name="quote_person_speaker_is_person",
                violation_error_message="A quotation whose speaker is a person has the speaker kind “person”.",
            ),
        ]
        indexes = [
            # A person's quotations, newest published first (QUOTES_NEWEST_FIRST). With `repeated` (INCLUDE), the
            # person page's capped count and its topics' window, which skip repeated quotations, read the index
            # alone: counting 1,001 quotations read ~660 heap pages, most of a first visit (migration 0042).
            models.Index(
                F("person"),
                F("published").desc(nulls_last=True),
                F("article").desc(),
                F("position"),
                include=["repeated"],
                name="quote_person_published_idx",
            ),
            # Most quoted of the last 30 days (home page): the window's speakers from the index alone.
            models.Index(
                fields=["-published"],
                include=["person"],
                condition=Q(person__isnull=False),
                name="quote_published_speaker_idx",
            ),
            # Quotation search: WHERE search_vector @@ query [AND person_id = ?::bigint]. The speaker is a column of
            # the same GIN index (btree_gin, migration 0022), so a speaker and a word are one intersection of
            # two posting lists: ANDed with quote_person_published_idx instead, a much-quoted speaker's
            # 260,000 entries went into a bitmap first (163 ms at 2.5M quotations, 68 ms this way). The
            # speaker must be compared as a bigint (btree_gin has no int8 = int4 operator).
            GinIndex(fields=["person", "search_vector"], name="quote_person_search_gin"),
            # The same words elsewhere, and "quoted in N outlets": WHERE <quote_key(text)> = <that of a quotation>.
            # A hash: equality is all it serves, and a quotation can be longer than a B-tree entry may be.
            HashIndex(quote_key(F("text")), name="quote_text_key_hash"),
        ]

    def __str__(self) -> str:
        return self.text[:80]

    def get_absolute_url(self) -> str:
        return url_for("quote_detail", self.pk)

    def clean(self) -> None:
        # A speaker chosen among the people is a person, whatever kind the row said before (staff correcting an
        # extracted "organisation" pick the person only): quote_person_speaker_is_person then holds.
        if self.person_id is not None:
            self.speaker_kind = self.SpeakerKind.PERSON


class PersonMonthQuerySet(models.QuerySet):
    def chart(self, person: Person) -> tuple[list[tuple[date, int]], list[tuple[int, int]]]:
        """(first day of month, articles naming `person`) for their articles dated to the month or the day,
        and (year, articles) for those dated to the year only, oldest first: both from one read of the
        summary (a few hundred rows) instead of counting the person's whole history."""
        rows = self.filter(person=person).order_by("month").values_list("month", "articles", "year_only")
        months, years = [], []
        for month, articles, year_only in rows:
            if articles > 0:
                months.append((month, articles))
            if year_only > 0:
                years.append((month.year, year_only))
        return months, years


class PersonMonth(models.Model):
    """How many dated articles name a person in a month: the person page's chart.

    Kept by the database (triggers on Mention inserts, updates and deletes and on changes of
    Article.published, migration 0006), so bulk writers (execute_values, COPY) keep it right too;
    the corpus generator, which skips the triggers, rebuilds it with na_person_month_rebuild().
    A wire story counts once (its copies not at all), and an article dated to the year only counts in
    `year_only` of its year's January row, never as January's (migration 0033).
    """

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="months", db_index=False)
    month = models.DateField(help_text="First day of the month.")
    articles = models.IntegerField(default=0)
    year_only = models.IntegerField(
        default=0,
        db_default=0,
        help_text="Articles of the month's year whose month is unknown (on the year's January row only).",
    )

    objects = PersonMonthQuerySet.as_manager()

    class Meta:
        constraints = [
            # The triggers' upsert key, and the person page's WHERE person_id = ? ORDER BY month.
            models.UniqueConstraint(fields=["person", "month"], name="personmonth_person_month_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.person_id} {self.month:%Y-%m}: {self.articles}"


class ContentVersion(models.Model):
    """A number that changes whenever anything a public page shows changes: the page cache's key.

    Kept by the database (migration 0007): every statement that writes an archive table marks
    its transaction, and at commit `version` becomes that transaction's id. The write is part of
    the commit, so a reader who sees the new version also sees the new content, and a page
    rendered under an older version is never served again.
    """

    id = models.SmallIntegerField(primary_key=True, default=1)
    version = models.BigIntegerField()
    changed = models.DateTimeField()

    class Meta:
        constraints = [models.CheckConstraint(condition=Q(id=1), name="contentversion_single_row")]

    def __str__(self) -> str:
        return f"content version {self.version}"

    @staticmethod
    def current() -> int | None:
        """The version now; None until the first write (nothing to cache then). Raw SQL: it is
        the only query of a page served from the cache. Read where the page reads (a replica, maybe)."""
        with connections[read_alias()].cursor() as cursor:
            cursor.execute("SELECT version FROM articles_contentversion WHERE id = 1")
            row = cursor.fetchone()
        return row[0] if row else None


class Feed(models.Model):
    """A feed the collector polls (articles/collect.py, `manage.py collect`): its schedule and its state.

    The rows are also the work queue: a worker claims a due feed with SELECT … FOR UPDATE SKIP LOCKED
    and marks it taken until `claimed_until`, so two workers never fetch the same feed at once."""

    url = models.URLField(max_length=1000, help_text="The feed's address (RSS, Atom or JSON Feed).")
    title = models.CharField(max_length=300, blank=True, help_text="A name for staff (the OPML file's, or yours).")
    source = models.ForeignKey(
        Source,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="feeds",
        verbose_name="outlet",
        help_text="The outlet its articles are stored under; empty: the outlet the feed names itself.",
    )
    active = models.BooleanField(default=True, db_default=True, help_text="Paused feeds are not polled.")
    fetch_pages = models.BooleanField(
        default=False,
        db_default=False,
        help_text="Fetch the page of each new entry that carries only a summary, and store the page's text. "
        "Entries stored already are then not updated from the feed.",
    )
    created = models.DateTimeField(auto_now_add=True)
    # The host name of the URL (lower case), for politeness: one request at a time per host.
    host = models.GeneratedField(
        expression=Lower(Func(F("url"), Value(r"^[A-Za-z][A-Za-z0-9+.-]*://(?:[^@/?#]*@)?(\[[^]]*\]|[^:/?#]*)"),
                              function="substring")),
        output_field=models.CharField(max_length=1000),
        db_persist=True,
    )  # fmt: skip
    # What the last poll found.
    last_fetched = models.DateTimeField(null=True, blank=True, editable=False)
    last_status = models.PositiveSmallIntegerField(
        null=True, blank=True, editable=False, help_text="HTTP status of the last answer (304: not modified)."
    )
    etag = models.CharField(max_length=500, blank=True, default="", db_default="", editable=False)
    last_modified = models.CharField(max_length=500, blank=True, default="", db_default="", editable=False)
    consecutive_errors = models.PositiveIntegerField(default=0, db_default=0, editable=False)
    last_error = models.TextField(blank=True, default="", db_default="", editable=False)
    articles_found = models.PositiveIntegerField(
        default=0, db_default=0, editable=False, help_text="Articles stored from it (new ones, not updates)."
    )
    per_day = models.FloatField(
        null=True, blank=True, editable=False, help_text="Entries a day it published lately, from their dates."
    )
    # The schedule: polled again at next_due; interval follows how often it publishes (collect.interval_for).
    interval = models.DurationField(default=dt.timedelta(hours=1), editable=False)
    next_due = models.DateTimeField(default=timezone.now, db_default=Now())
    # Taken by a worker (claimed_by) until claimed_until; a worker that died lets go when it passes.
    claimed_until = models.DateTimeField(null=True, blank=True, editable=False)
    claimed_by = models.CharField(max_length=200, blank=True, default="", db_default="", editable=False)

    class Meta:
        ordering = ["host", "url"]
        constraints = [
            models.UniqueConstraint(fields=["url"], name="feed_url_unique"),
            models.CheckConstraint(condition=Q(url__iregex=r"^https?://[^/?#]"), name="feed_url_http"),
        ]
        indexes = [
            # The worker's claim: WHERE active AND next_due <= now() ORDER BY next_due.
            models.Index(fields=["next_due"], condition=Q(active=True), name="feed_due_idx"),
            # Politeness: is another feed of this host taken, or fetched a moment ago? WHERE host = ?.
            models.Index(fields=["host"], name="feed_host_idx"),
        ]

    def __str__(self) -> str:
        return self.title or self.url


class Worker(models.Model):
    """A `collect` worker's heartbeat: the health endpoint (newsarchive/health.py) says when none beat lately."""

    name = models.CharField(max_length=200, unique=True, help_text="host:pid:random, as the worker names itself.")
    started = models.DateTimeField(default=timezone.now)
    beat = models.DateTimeField(default=timezone.now, help_text="Last time the worker's loop came round.")
    polls = models.PositiveIntegerField(default=0)

    def __str__(self) -> str:
        return self.name


class Job(models.Model):
    """Work staff asked for that is too long for a web request, done by a `collect` worker (articles/jobs.py):
    fetching and storing a pasted URL, re-tagging every article, re-extracting articles.

    The rows are a work queue claimed as feeds are (SELECT … FOR UPDATE SKIP LOCKED and a lease): two workers
    never run the same job, and a job whose worker died is taken over when its lease passes."""

    class Kind(models.TextChoices):
        PASTE = "paste", "fetch and store a URL"
        RETAG = "retag", "re-tag all articles"
        REEXTRACT = "reextract", "re-extract quotations and people"

    class State(models.TextChoices):
        QUEUED = "queued", "waiting for a worker"
        RUNNING = "running", "running"
        DONE = "done", "done"
        FAILED = "failed", "failed"

    kind = models.CharField(max_length=20, choices=Kind)
    arguments = models.JSONField(default=dict, blank=True)
    state = models.CharField(max_length=10, choices=State, default=State.QUEUED, db_default=State.QUEUED)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created = models.DateTimeField(default=timezone.now, db_default=Now())
    run_after = models.DateTimeField(
        default=timezone.now, db_default=Now(), help_text="Not run before this (a failed attempt waits to be retried)."
    )
    started = models.DateTimeField(null=True, blank=True)
    finished = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0, db_default=0, help_text="Times a worker took it.")
    error = models.TextField(blank=True, default="", db_default="", help_text="Why the last attempt failed.")
    # Progress while it runs (so a worker taking over carries on), the outcome when done.
    result = models.JSONField(default=dict, blank=True)
    claimed_until = models.DateTimeField(null=True, blank=True)
    claimed_by = models.CharField(max_length=200, blank=True, default="", db_default="")

    class Meta:
        ordering = ["-created", "-id"]
        constraints = [
            models.CheckConstraint(condition=Q(kind__in=["paste", "retag", "reextract"]), name="job_kind_known"),
            models.CheckConstraint(
                condition=Q(state__in=["queued", "running", "done", "failed"]), name="job_state_known"
            ),
            models.CheckConstraint(
                condition=~Q(state="running") | Q(claimed_until__isnull=False), name="job_running_has_lease"
            ),
            # One re-tag waiting is enough: it reads the rules when it starts, so edits to ten rules in a row
            # make one re-tag, not ten (jobs.enqueue).
            models.UniqueConstraint(
                fields=["kind"], condition=Q(kind="retag", state="queued", attempts=0), name="job_one_retag_waiting"
            ),
        ]
        indexes = [
            # The worker's claim: the jobs not finished, by when they may run.
            models.Index(fields=["run_after"], condition=Q(state__in=["queued", "running"]), name="job_pending_idx"),
        ]

    def __str__(self) -> str:
        return f"Job {self.pk}: {self.get_kind_display()}"

    @property
    def pending(self) -> bool:
        return self.state in (self.State.QUEUED, self.State.RUNNING)

"""search_quotes(): quotation search (/quotes/), over the quotations' own words only (Quote.search_vector,
quote_person_search_gin), beside search() for articles and built the same way: at most CAP + 1 matches are
fetched in one index-backed statement under the time limit, counted and faceted (speaker, outlet);
only the page shown is read in full.

Filters: speaker, outlet, topic, a date range (the quotation's copy of its article's date), language,
and "mentioning": quotations whose article names a person (a Mention), or whose own words hold their
surname.
"""

from __future__ import annotations

import datetime
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.contrib.postgres.expressions import ArraySubquery
from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank
from django.core.paginator import Page
from django.db import OperationalError
from django.db.models import BigIntegerField, Case, Exists, F, JSONField, OuterRef, Q, QuerySet, Value, When
from django.db.models.functions import Cast, Coalesce, JSONObject

from articles.models import (
    Article,
    ArticleTopic,
    Mention,
    Person,
    Quote,
    Source,
    Topic,
    quote_key,
    search_query,
    since_day,
)
from articles.search.highlight import START_SEL, STOP_SEL, highlight
from articles.search.pagination import CAP, paginate
from articles.search.text import has_search_words
from articles.search.time_limit import statement_cancelled, time_limit

QUOTE_SORTS = {"newest": "Newest first", "oldest": "Oldest first", "relevance": "Best match"}
STATEMENT_TIMEOUT_MS = 150  # as search(): past it the page says the search took too long
_NEWEST = (F("published").desc(nulls_last=True), F("article_id").desc(), F("position").asc())
_OLDEST = (F("published").asc(nulls_first=True), F("article_id").asc(), F("position").asc())
_ARTICLE_NEWEST = (F("article__published").desc(nulls_last=True), F("article_id").desc(), F("position").asc())
_ARTICLE_OLDEST = (F("article__published").asc(nulls_first=True), F("article_id").asc(), F("position").asc())


@dataclass(frozen=True)
class QuoteSearchRequest:
    """What to look for among the quotations: cleaned words (clean_query()), the order, the page, and
    the filters as validated values (QuoteFilter gives them)."""

    text: str = ""
    sort: str = "newest"  # a key of QUOTE_SORTS
    page: Any = 1
    speaker: Person | None = None
    mentioning: Person | None = None  # the quotation's article names them, or its words their surname
    source: Source | None = None
    topic: Topic | None = None
    date_from: datetime.date | None = None
    date_to: datetime.date | None = None
    language: str = ""

    def __post_init__(self) -> None:
        if self.sort not in QUOTE_SORTS:
            raise ValueError(f"sort must be one of {', '.join(QUOTE_SORTS)}, not {self.sort!r}")

    @property
    def filters(self) -> dict[str, Any]:
        """The filters set, by the name of their URL parameter."""
        values = {
            "speaker": self.speaker,
            "mentioning": self.mentioning,
            "source": self.source,
            "topic": self.topic,
            "date_from": self.date_from,
            "date_to": self.date_to,
            "language": self.language,
        }
        return {name: value for name, value in values.items() if value}


@dataclass
class QuoteSearchResult:
    request: QuoteSearchRequest
    page: Page  # of Quote rows read for cards, each with `outlets` and, with words, `marked`
    facets: dict[str, list[dict]] = field(default_factory=dict)  # speaker, source: {value, label, n}
    capped: bool = False  # more matched than were counted ("1,000+")
    partial: bool = False  # the time limit cut the search short: nothing is shown, and the page says so
    searchable: bool = True  # False when the words hold nothing to look for

    @property
    def total(self) -> int:
        return self.page.paginator.count


def matching_quotes(request: QuoteSearchRequest) -> QuerySet:
    """The quotations `request` asks for, unordered."""
    quotes = Quote.objects.search(request.text) if request.text else Quote.objects.all()
    if request.speaker:
        # As a bigint, so quote_person_search_gin can take it (btree_gin has no bigint = integer operator):
        # the speaker and the words are then one GIN scan.
        quotes = quotes.filter(person_id=Cast(Value(request.speaker.pk), BigIntegerField()))
    if request.source:
        quotes = quotes.filter(article__source=request.source)
    else:
        # A wire story's quotation once (issue 14.3), "quoted in N outlets"; an outlet's own all, as its page
        # lists all its own articles.
        quotes = quotes.one_per_story()
    if request.topic:
        quotes = quotes.filter(
            Exists(ArticleTopic.objects.filter(article_id=OuterRef("article_id"), topic=request.topic))
        )
    # The quotation's copy of its article's date with a speaker or words (quote_person_published_idx), else
    # the article's own (article_published_idx, which _bounded() then walks).
    published = "published" if request.text or request.speaker else "article__published"
    if request.date_from:  # an article's month or year alone counts when it overlaps the range (since_day)
        quotes = quotes.filter(since_day(request.date_from, published, "article__published_precision"))
    if request.date_to:
        quotes = quotes.filter(**{f"{published}__lte": request.date_to})
    if request.language:
        quotes = quotes.filter(article__language=request.language)
    if request.mentioning:
        named = Exists(Mention.objects.filter(article_id=OuterRef("article_id"), person=request.mentioning))
        # A surname of stop words only ("The") makes an empty query, which matches nothing.
        said = SearchQuery(request.mentioning.name.split()[-1], search_type="plain", config=settings.SEARCH_CONFIG)
        named = named | Q(search_vector=said)
        quotes = quotes.filter(named)
    return quotes


def search_quotes(request: QuoteSearchRequest) -> QuoteSearchResult:
    """Count, facet and page the quotations `request` asks for; a search cut short by the time limit
    comes back empty and `partial`, never as an error."""
    try:
        with time_limit(STATEMENT_TIMEOUT_MS):
            return _bounded(request)
    except OperationalError as exc:
        if not statement_cancelled(exc):
            raise
    return QuoteSearchResult(request=request, page=paginate([], 1, known_count=0), partial=True)


def _bounded(request: QuoteSearchRequest) -> QuoteSearchResult:
    """The first CAP + 1 matches by date (one statement: quote_person_search_gin for words, with or without
    a speaker, or quote_person_published_idx for a speaker alone), ranked after the cut for `relevance`,
    then the page's quotations read."""
    ranked = request.sort == "relevance" and bool(request.text)
    oldest = request.sort == "oldest"
    if request.text or request.speaker:
        order = _OLDEST if oldest else _NEWEST
    else:
        # Only the article's filters (outlet, dates, language, topic, mentioning): the same order read
        # through the article's date (Quote.published is its copy), so the planner walks
        # article_source_published_idx or article_published_idx and takes each article's quotations
        # until it has enough. Sorting the quotations by their own date first collected every one of an
        # outlet's (~8,000 of 2.5M) or a month's and ran past the time limit; this way 23 ms and 18 ms
        # at 1M articles (EXPLAIN ANALYZE). A topic alone, or words alone when common, still can.
        order = _ARTICLE_OLDEST if oldest else _ARTICLE_NEWEST
    matches = matching_quotes(request).order_by(*order)
    columns = ["pk", "published", "person__slug", "person__name", "article__source__slug", "article__source__name"]
    # With an outlet, its repeats are rows of their own: no other outlet to count.
    matches = matches.annotate(copied_by=Value(None, JSONField()) if request.source else _copied_by())
    columns.append("copied_by")
    if ranked:
        matches = matches.annotate(rank=SearchRank(F("search_vector"), search_query(request.text)))
        columns.append("rank")
    if oldest:  # the undated last: read after the dated, each from the index (whose order has them first)
        date = order[0].expression.name
        rows = list(matches.filter(**{f"{date}__isnull": False}).values_list(*columns)[: CAP + 1])
        if len(rows) <= CAP:
            rows += matches.filter(**{f"{date}__isnull": True}).values_list(*columns)[: CAP + 1 - len(rows)]
    else:
        rows = list(matches.values_list(*columns)[: CAP + 1])
    capped, rows = len(rows) > CAP, rows[:CAP]
    if ranked:  # best first, then newest: on the counted rows only
        rows.sort(key=lambda r: (-r[7], -(r[1].toordinal() if r[1] else 0)))
    page = paginate([row[0] for row in rows], request.page, known_count=len(rows) + capped)
    page.object_list = _page_quotes(list(page.object_list), request.text)
    searchable = bool(rows) or not request.text or has_search_words(request.text)
    return QuoteSearchResult(request=request, page=page, facets=_facets(rows), capped=capped, searchable=searchable)


def _page_quotes(ids: list[int], text: str) -> list[Quote]:
    """The page's quotations for cards, in `ids` order, with `marked` (the words found, <mark>ed)."""
    from articles.page_queries import with_outlet_counts  # page_queries imports this package

    if not ids:
        return []
    quotes = Quote.objects.for_listing().filter(pk__in=ids)
    if text:
        quotes = quotes.annotate(
            headline=SearchHeadline(
                F("text"),
                search_query(text),
                config=settings.SEARCH_CONFIG,
                start_sel=START_SEL,
                stop_sel=STOP_SEL,
                highlight_all=True,
            )
        )
    found = {q.pk: q for q in quotes}
    page = [found[pk] for pk in ids if pk in found]
    for q in page:
        q.marked = highlight(q.headline) if text else None
    return with_outlet_counts(page)


def _copied_by() -> Case:
    """The other outlets that ran the quotation in a wire copy of its article (issue 14.3), as
    [{"slug": …, "name": …}]: those with a copy in the group whose quotation repeats it (Quote.repeated:
    the same words, quote_key(), from the same speaker). Read in the statement finding the matches,
    only for the rows it returns (the LIMIT) and only for an article in a group (a copy, or a head with
    copies from other outlets, copy_outlets): NULL for the others without a look-up.

    The facet counts a quotation listed once (one_per_story()) under each of them as well as its own
    outlet: a filter by any of them finds it (an outlet's quotations include its repeats), so an outlet's
    count is what its link lists (unless a copy's own date, topics or language differ from the filters).

    A copy's quotations are compared as written first, and the words folded (quote_key(), in
    quote_text_key_hash) only for a copy carrying none as written: folding costs 10-20 us a text. For
    1,000 matches all in groups of three (a test's tables, a loaded 2-core machine) the statement took
    ~10 ms instead of ~3 with the copies carrying the words as written, ~130 ms with every copy restyling
    every one (folded: the worst case)."""
    speaker = Coalesce(OuterRef(OuterRef("person_id")), 0)
    repeats = Quote.objects.alias(speaker=Coalesce("person_id", 0)).filter(
        article=OuterRef("pk"), repeated=True, speaker=speaker
    )
    as_written = repeats.filter(text=OuterRef(OuterRef("text")))
    folded = repeats.alias(key=quote_key(F("text"))).filter(key=quote_key(OuterRef(OuterRef("text"))))
    copies = (
        Article.objects.filter(copy_of=Coalesce(OuterRef("article__copy_of"), OuterRef("article_id")))
        .exclude(source=None)
        .filter(Exists(as_written) | Exists(folded))  # in this order: OR stops at the first true
        .order_by()
        .values(outlet=JSONObject(slug="source__slug", name="source__name"))
    )
    return Case(
        When(Q(article__copy_of__isnull=True, article__copy_outlets=0), then=Value(None)),
        default=ArraySubquery(copies),
    )


def _facets(rows: list[tuple]) -> dict[str, list[dict]]:
    """Counts by speaker and by outlet over the counted matches, ten of each, largest first. A wire story's
    quotation, counted once for its speaker, counts for every outlet that ran it (_copied_by(), row[6])."""
    speakers = Counter((r[2], r[3]) for r in rows if r[2])
    sources = Counter((r[4], r[5]) for r in rows if r[4])
    for r in rows:  # each other outlet once, whatever its copies
        sources.update({(outlet["slug"], outlet["name"]) for outlet in r[6] or ()} - {(r[4], r[5])})

    def top(counts: Counter) -> list[dict]:
        ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0][1]))[:10]
        return [{"value": slug, "label": name, "n": n} for (slug, name), n in ranked]

    return {"speaker": top(speakers), "source": top(sources)}

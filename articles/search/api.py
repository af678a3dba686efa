"""search(): the one way into search. A SearchRequest (words, order, page and filters, as values)
goes in; a SearchResult (a page of hits with snippets, facets, the bounded count, whether the time
limit cut it short, the person card and suggestions) comes out.

Everything stays fast at a million articles by bounding the work: at most CAP + 1 matches are
fetched (by a cheap, index-backed order chosen in planner.py) and scored in the same pass, only
those are counted and faceted, ts_headline runs only for the rows of the page shown, and every
statement has a time limit with a cheaper plan behind it.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from django.core.paginator import Page
from django.db import OperationalError, connections
from django.utils.safestring import SafeString

from articles.models import EXCERPT_CHARS, QUOTES_NEWEST_FIRST, Article, Person, Quote, Source, Topic
from articles.search.facets import facets
from articles.search.highlight import highlight, snippet_sql
from articles.search.pagination import CAP, paginate
from articles.search.planner import first_matches, matching_every_copy
from articles.search.text import has_search_words
from articles.search.time_limit import statement_cancelled, time_limit
from newsarchive.replicas import read_alias

SORTS = {"relevance": "Best match", "newest": "Newest first", "oldest": "Oldest first"}
FALLBACK_CAP = 100  # matches shown, newest first and unranked, when the full plan runs out of time
# Hard ceiling per search statement (SET LOCAL statement_timeout); see search().
STATEMENT_TIMEOUT_MS = 150


@dataclass(frozen=True)
class SearchRequest:
    """What to look for: the cleaned words (clean_query()), the order, the page asked for and the
    filters, as validated values (the search page's SearchFilter gives them)."""

    text: str = ""
    sort: str = "relevance"  # a key of SORTS
    page: Any = 1  # as given: a non-numeric page is page 1, one past the end the last page
    source: Source | None = None
    person: Person | None = None  # articles mentioning them
    topic: Topic | None = None
    year: int | None = None
    language: str = ""  # an ISO 639-1 code: articles in that language
    dated: bool | None = None  # the planner's: only the dated articles (True) or the undated (False)
    named: Person | None = None  # the planner's: the person the words name (search() looks them up first)

    def __post_init__(self) -> None:
        if self.sort not in SORTS:
            raise ValueError(f"sort must be one of {', '.join(SORTS)}, not {self.sort!r}")

    @property
    def filters(self) -> dict[str, Any]:
        """The filters set, by name: source, person, topic, year, language."""
        values = {
            "source": self.source,
            "person": self.person,
            "topic": self.topic,
            "year": self.year,
            "language": self.language,
        }
        return {name: value for name, value in values.items() if value}

    @property
    def ranked(self) -> bool:
        """Best match first: words to rank by, and the relevance order."""
        return self.sort == "relevance" and bool(self.text)


class Hit(NamedTuple):
    article: Article  # read for a listing: outlet, no body, `excerpt` annotated
    snippet: SafeString | None  # the matched words in context, escaped and <mark>ed; None without words


@dataclass
class SearchResult:
    request: SearchRequest
    page: Page  # the page asked for, of the articles in `hits`
    hits: list[Hit]
    facets: dict[str, list[dict]]  # see facets.facets()
    capped: bool  # more matched than were counted: `total` is a lower bound ("1,000+")
    # True when the database ran out of time and a cheaper plan answered (newest matches,
    # unranked, fewer of them): the page says the results are partial.
    partial: bool = False
    searchable: bool = True  # False when the words hold nothing to look for ("&&&", "the")
    person: Person | None = None  # the person the words name, for a card above the results
    person_quote: Quote | None = None  # their latest quotation
    suggestions: list[Person] = field(default_factory=list)  # people the words nearly name, when nothing matched

    @property
    def total(self) -> int:
        """Matches counted, at most the cap (then `capped`)."""
        return self.page.paginator.count


def search(request: SearchRequest) -> SearchResult:
    """Rank, count, facet and page the articles `request` asks for.

    One index-backed pass takes the first CAP + 1 matches by date and scores them as it goes; the
    page is ordered from those scores. Every statement runs under STATEMENT_TIMEOUT_MS: if one is
    cancelled, the newest FALLBACK_CAP matches are shown unranked and `partial` is set, so the
    reader is told rather than kept waiting (or shown a 500).
    """
    if request.text:  # before the search: the planner estimates a name's matches from its mentions
        request = dataclasses.replace(request, named=_person_named(request.text))
    try:
        result = _bounded(request, cap=CAP)
    except OperationalError as exc:
        if not statement_cancelled(exc):
            raise
        result = _after_timeout(request)
    if request.text:
        result.person = request.named
        if result.person:
            result.person_quote = (
                Quote.objects.filter(person=result.person)
                .select_related("article")
                .order_by(*QUOTES_NEWEST_FIRST)  # quote_person_published_idx
                .first()
            )
        if not result.total and not result.partial:
            result.searchable = has_search_words(request.text)
            result.suggestions = list(Person.objects.matching_name(request.text)[:3])
    return result


def _bounded(request: SearchRequest, *, cap: int, fallback: bool = False) -> SearchResult:
    """One pass over the first cap + 1 matches by date, ranked after the cut, within the time limit.

    The fallback (`fallback`) is never ranked (newest first instead of best match) and counts
    outlets and years only.
    """
    plan = dataclasses.replace(request, sort="newest") if fallback and request.sort == "relevance" else request
    with time_limit(STATEMENT_TIMEOUT_MS):
        rows = first_matches(plan, limit=cap + 1, fallback=fallback)
        capped, rows = len(rows) > cap, rows[:cap]
        if plan.ranked:
            rows = _best_first(rows)
        ids = [row[0] for row in rows]
        page = paginate(ids, request.page, known_count=len(ids) + capped, cap=cap)
        hits = _hits(page, request.text)
        # Listed once under its head (no outlet filter), a wire story counts under its copies' outlets too.
        copies = None if request.source else matching_every_copy(request)
        counts = facets(rows, [] if fallback else ids, copies)
    return SearchResult(request=request, page=page, hits=hits, facets=counts, capped=capped)


def _after_timeout(request: SearchRequest) -> SearchResult:
    """The newest FALLBACK_CAP matches, marked partial; none when the fallback runs out of time too."""
    try:
        result = _bounded(request, cap=FALLBACK_CAP, fallback=True)
    except OperationalError as exc:
        if not statement_cancelled(exc):
            raise
        result = SearchResult(request=request, page=paginate([], 1, known_count=0), hits=[], facets={}, capped=False)
    result.partial = True
    return result


def _best_first(rows: list[tuple]) -> list[tuple]:
    """Best score first, then newest: the same order the database would give, on these rows only."""
    return sorted(rows, key=lambda r: (-r[5], -(r[1].toordinal() if r[1] else 0), -r[0]))


# A hit's card: the article's columns it shows, its outlet's, and the opening of its text (cut as
# ArticleQuerySet.with_excerpt() cuts it) or, with words, the snippet. One raw statement read into instances
# holding those columns (page_queries._instance), as the person page's cards are: through the ORM
# (for_listing(), with_excerpt(), a SearchHeadline), compiling it and building the instances of every
# listing column cost ~1.3 ms of Python a search, ~0.4 ms this way (20 hits at 1M articles).
_HIT_FIELDS = [
    "id",
    "headline",
    "slug",
    "published",
    "published_precision",
    "byline",
    "language",
    "source_id",
    "copy_outlets",
]
_HIT_SQL = f"""
    SELECT {", ".join(f"a.{name}" for name in _HIT_FIELDS)}, left(a.body_text, %(excerpt)s), s.name, s.slug{{snippet}}
      FROM articles_article a LEFT JOIN articles_source s ON s.id = a.source_id
     WHERE a.id = ANY(%(ids)s::bigint[])"""


def _hits(page: Page, text: str) -> list[Hit]:
    """The page's articles (its ids become the articles), each with its snippet for `text`."""
    from articles.page_queries import _instance  # here: page_queries imports articles.search (its time limit)

    ids = list(page.object_list)
    found = {}
    if ids:
        snippet, params = snippet_sql("a.body_text", text) if text else ("", {})
        db = read_alias()
        with connections[db].cursor() as cursor:
            cursor.execute(
                _HIT_SQL.format(snippet=f", {snippet}" if snippet else ""),
                {"ids": ids, "excerpt": EXCERPT_CHARS + 1, **params},  # as with_excerpt() cuts it
            )
            rows = cursor.fetchall()
        n = len(_HIT_FIELDS)
        for row in rows:
            article = _instance(Article, db, _HIT_FIELDS, row[:n])
            article.excerpt, source_name, source_slug, *snippets = row[n:]
            article.source = (
                _instance(Source, db, ["id", "name", "slug"], (article.source_id, source_name, source_slug))
                if article.source_id
                else None
            )
            found[article.pk] = (article, highlight(snippets[0]) if snippets and snippets[0] else None)
    page.object_list = [found[pk][0] for pk in ids if pk in found]
    return [Hit(*found[pk]) for pk in ids if pk in found]


def _person_named(text: str) -> Person | None:
    """The person the words name (name or alias, as typed); else, for one word, the only person with
    that surname ("szabadi"): with two or more of that surname, nobody (the card would be a guess)."""
    person = Person.objects.named_exactly(text).first()
    if person is None:
        people = list(Person.objects.with_surname(text)[:2])
        person = people[0] if len(people) == 1 else None
    return person

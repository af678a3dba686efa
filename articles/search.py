"""Full-text search and bounded listings, as plain functions testable without HTTP.

Everything here stays fast at a million articles by bounding the work: at most CAP + 1
matches are fetched (by a cheap, index-backed order) and scored in the same pass, only those
are counted and faceted, ts_headline runs only for the rows of the page shown, and every
statement has a time limit with a cheaper plan behind it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.contrib.postgres.search import SearchHeadline, SearchRank
from django.core.paginator import Page, Paginator
from django.db import OperationalError, connection, transaction
from django.db.models import Count, F, QuerySet, Value
from django.utils.functional import cached_property
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from articles.models import NEWEST_FIRST, OLDEST_FIRST, Article, Mention, Person, Quote, search_query

CAP = 1000  # matches fetched, ranked, counted and faceted at most; beyond it we show "1,000+"
FALLBACK_CAP = 100  # matches shown, newest first and unranked, when the full plan runs out of time
# Hard ceiling per search statement (SET LOCAL statement_timeout); see run_search().
STATEMENT_TIMEOUT_MS = 150
PER_PAGE = 20
MAX_QUERY_LENGTH = 200  # longer queries are cut (at a word) and the reader told

# ts_headline does not escape HTML, so it marks matches with these (text the archive will not
# contain); highlight() escapes the result and only then turns them into <mark>.
START_SEL = "zqxmarkstartxqz"
STOP_SEL = "zqxmarkstopxqz"

SORTS = {"relevance": "Best match", "newest": "Newest first", "oldest": "Oldest first"}

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


class BoundedPaginator(Paginator):
    """A Paginator whose count never reads more than cap + 1 rows.

    Past the cap the count shows as "1,000+" (`capped`) and pages stop at the cap: readers
    narrow by date, outlet or person instead of paging through a million rows.
    """

    def __init__(self, object_list, per_page: int = PER_PAGE, *, cap: int = CAP, known_count: int | None = None):
        super().__init__(object_list, per_page)
        self.cap = cap
        self.known_count = known_count

    @cached_property
    def bounded_count(self) -> int:
        if self.known_count is not None:
            return self.known_count
        # No ORDER BY: any cap + 1 rows answer "how many, up to the cap".
        return self.object_list.order_by()[: self.cap + 1].count()

    @cached_property
    def count(self) -> int:
        return min(self.bounded_count, self.cap)

    @property
    def capped(self) -> bool:
        return self.bounded_count > self.cap


def paginate(object_list, page_number: Any, **kwargs) -> Page:
    """The requested page; a non-numeric number gives page 1, one past the end the last page."""
    return BoundedPaginator(object_list, **kwargs).get_page(page_number)


def clean_query(raw: str | None) -> tuple[str, bool]:
    """The query as searched: control characters removed, spaces collapsed, cut to a sane length.

    Returns (text, shortened). PostgreSQL refuses NUL characters, so they must never reach it.
    """
    text = " ".join(_CONTROL.sub(" ", raw or "").split())
    if len(text) <= MAX_QUERY_LENGTH:
        return text, False
    cut = text[:MAX_QUERY_LENGTH]
    return (cut.rsplit(" ", 1)[0] if " " in cut else cut), True


def has_search_words(text: str) -> bool:
    """False for queries with nothing to look for: '&&&', '-', only stop words like 'the'."""
    if not text:
        return False
    with connection.cursor() as cursor:
        cursor.execute("SELECT numnode(websearch_to_tsquery(%s::regconfig, %s))", [settings.SEARCH_CONFIG, text])
        return cursor.fetchone()[0] > 0


def highlight(headline: str) -> SafeString:
    """ts_headline output made safe: escape everything, then turn the sentinels into <mark>."""
    return mark_safe(escape(headline).replace(START_SEL, "<mark>").replace(STOP_SEL, "</mark>"))


def facets(rows: list[tuple], article_ids: list[int]) -> dict[str, list[dict]]:
    """Counts by outlet, person, topic and year over the (bounded) matching articles.

    Outlet and year come from the candidate rows already fetched (id, published, outlet slug,
    outlet name); people and topics from one UNION over the link tables' (article, …) indexes.
    Each facet is a list of {"value": slug or year, "label": name, "n": count}, largest first
    (years newest first).
    """
    sources: dict[tuple[str, str], int] = {}
    years: dict[int, int] = {}
    for _pk, published, slug, name, *_ in rows:
        if slug is not None:
            sources[slug, name] = sources.get((slug, name), 0) + 1
        if published is not None:
            years[published.year] = years.get(published.year, 0) + 1
    result = {
        "source": [{"value": slug, "label": name, "n": n}
                   for (slug, name), n in sorted(sources.items(), key=lambda kv: (-kv[1], kv[0][1]))[:10]],
        "person": [], "topic": [],
        "year": [{"value": year, "n": n} for year, n in sorted(years.items(), reverse=True)],
    }
    if article_ids:
        people = (
            Mention.objects.filter(article_id__in=article_ids).order_by()
            .values(facet=Value("person"), value=F("person__slug"), label=F("person__name"))
            .annotate(n=Count("pk")).order_by("-n", "label")[:10]
        )
        topics = (
            Article.topics.through.objects.filter(article_id__in=article_ids).order_by()
            .values(facet=Value("topic"), value=F("topic__slug"), label=F("topic__name"))
            .annotate(n=Count("pk")).order_by("-n", "label")[:10]
        )
        for row in people.union(topics, all=True):
            result[row.pop("facet")].append(row)
        for name in ("person", "topic"):
            result[name].sort(key=lambda row: (-row["n"], row["label"]))
    return result


@dataclass
class SearchResults:
    text: str
    page: Page
    snippets: dict[int, SafeString]
    facets: dict[str, list[dict]]
    capped: bool
    person: Person | None = None
    person_quote: Quote | None = None
    suggestions: list[Person] = field(default_factory=list)
    searchable: bool = True
    # True when the database ran out of time and a cheaper plan answered (newest matches,
    # unranked, fewer of them): the page says the results are partial.
    partial: bool = False

    @property
    def rows(self) -> list[tuple[Article, SafeString | None]]:
        return [(article, self.snippets.get(article.pk)) for article in self.page]


def run_search(matches: QuerySet, text: str, *, sort: str = "relevance", page_number: Any = 1) -> SearchResults:
    """Rank, count, facet and page `matches` (already filtered by the text and the facets).

    One index-backed pass takes the first CAP + 1 matches by date and scores them as it goes
    (ts_rank reads each row's document, so ranking every match of a common word would read
    hundreds of thousands of rows); the page is ordered from those scores. Every statement runs
    under STATEMENT_TIMEOUT_MS: if one is cancelled, the newest FALLBACK_CAP matches are shown
    unranked and `partial` is set, so the reader is told rather than kept waiting (or shown a 500).
    """
    try:
        results = _bounded_search(matches, text, sort=sort, page_number=page_number, cap=CAP)
    except OperationalError as exc:
        if not _cancelled(exc):
            raise
        try:
            results = _bounded_search(matches, text, sort="newest" if sort == "relevance" else sort,
                                      page_number=page_number, cap=FALLBACK_CAP, with_facets=False)
        except OperationalError as exc:
            if not _cancelled(exc):
                raise
            results = SearchResults(text=text, page=paginate([], 1, known_count=0), snippets={},
                                    facets={}, capped=False)
        results.partial = True
    if text:
        results.person = Person.objects.named_exactly(text).first()
        if results.person:
            results.person_quote = (
                Quote.objects.filter(person=results.person).select_related("article")
                .order_by(F("article__published").desc(nulls_last=True), "-article_id", "position").first()
            )
        if not results.page.paginator.count and not results.partial:
            results.searchable = has_search_words(text)
            results.suggestions = list(Person.objects.matching_name(text)[:3])
    return results


def _bounded_search(matches: QuerySet, text: str, *, sort: str, page_number: Any, cap: int,
                    with_facets: bool = True) -> SearchResults:
    cheap_order = OLDEST_FIRST if sort == "oldest" else NEWEST_FIRST
    ranked = sort == "relevance" and bool(text)
    columns = ["pk", "published", "source__slug", "source__name"]
    with transaction.atomic():
        with connection.cursor() as cursor:
            # SET LOCAL: the limit ends with this transaction, so other queries keep the default.
            cursor.execute("SELECT set_config('statement_timeout', %s, true)", [f"{STATEMENT_TIMEOUT_MS}ms"])
        candidates = matches.order_by(*cheap_order)
        if ranked:
            candidates = candidates.annotate(rank=SearchRank(F("search_vector"), search_query(text)))
            columns.append("rank")
        rows = list(candidates.values_list(*columns)[: cap + 1])
        capped, rows = len(rows) > cap, rows[:cap]
        if ranked:
            # Best score first, then newest: the same order the database would give, on these rows only.
            rows.sort(key=lambda r: (-r[4], -(r[1].toordinal() if r[1] else 0), -r[0]))
        ids = [row[0] for row in rows]
        page = paginate(ids, page_number, known_count=len(ids) + capped, cap=cap)
        page_ids = list(page.object_list)
        found = {}
        if page_ids:
            found = {a.pk: a for a in _with_snippets(
                Article.objects.filter(pk__in=page_ids).for_listing().with_excerpt(), text)}
        page.object_list = [found[pk] for pk in page_ids if pk in found]
        snippet_map = {a.pk: highlight(a.snippet) for a in page.object_list if getattr(a, "snippet", None)}
        facet_rows = facets(rows, ids if with_facets else [])
    return SearchResults(text=text, page=page, snippets=snippet_map, facets=facet_rows, capped=capped)


def snippets(article_ids: list[int], text: str) -> dict[int, SafeString]:
    """Highlighted extracts of the plain text for these articles only (ts_headline is costly)."""
    if not article_ids or not text:
        return {}
    rows = _with_snippets(Article.objects.filter(pk__in=article_ids), text).values_list("pk", "snippet")
    return {pk: highlight(snippet) for pk, snippet in rows}


def _with_snippets(articles: QuerySet, text: str) -> QuerySet:
    """Highlighted extracts of the plain text, for the rows of one page only (ts_headline is costly)."""
    if not text:
        return articles
    return articles.annotate(snippet=SearchHeadline(
        F("body_text"), search_query(text), config=settings.SEARCH_CONFIG,
        start_sel=START_SEL, stop_sel=STOP_SEL, max_words=35, min_words=15,
        max_fragments=2, fragment_delimiter=" … ",
    ))


def _cancelled(exc: OperationalError) -> bool:
    """True when PostgreSQL cancelled the statement (statement_timeout): SQLSTATE 57014."""
    return getattr(exc.__cause__, "pgcode", None) == "57014"


def mark_quotes(body_html: str, quotes: list[Quote]) -> SafeString:
    """The article's sanitised HTML with each quotation's first occurrence wrapped in <mark>.

    body_html was cleaned on the way in (clean_html); the quotation is matched in escaped
    form, outside any tag, so marking can add <mark> elements but nothing else.
    """
    html = body_html
    for quote in quotes:
        text = quote.text.strip()
        minimal = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        for needle in dict.fromkeys([escape(text), minimal]):
            at = _find_in_text(html, needle)
            if at >= 0:
                html = f'{html[:at]}<mark class="quote-mark">{needle}</mark>{html[at + len(needle):]}'
                break
    return mark_safe(html)  # noqa: S308 - body_html is sanitised on ingest; only <mark> added


def _find_in_text(html: str, needle: str) -> int:
    """Index of `needle` in `html` outside tags (not inside <…>), or -1."""
    start = 0
    while needle and (at := html.find(needle, start)) >= 0:
        if html.rfind("<", 0, at) <= html.rfind(">", 0, at):
            return at
        start = at + 1
    return -1

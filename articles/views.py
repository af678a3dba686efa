"""The public archive: thin function views over QuerySet methods, articles.page_queries and
articles.search.

Each view parses input (a FilterSet), calls querysets, paginates and renders. An invalid
parameter renders the page with its errors and status 400, never a 500.
"""

from __future__ import annotations

import datetime

from django.db.models import Max, Q
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBadRequest, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.dates import MONTHS

from articles import export
from articles.citations import bibtex, csl_json, plain_text
from articles.filters import ArticleFilter, PersonFilter, QuoteFilter, SearchFilter, as_listed
from articles.models import (
    Article,
    Person,
    PersonMonth,
    Quote,
    Source,
    Topic,
)
from articles.page_cache import cached_object_page, cached_page, keys
from articles.page_queries import (
    SAME_WORDS_LIMIT,
    PersonQuotes,
    article_page,
    most_quoted_people,
    people_named_with,
    person_page,
    quoted_topics,
    same_words,
)
from articles.search import (
    QUOTE_SORTS,
    SORTS,
    QuoteSearchRequest,
    SearchRequest,
    clean_query,
    mark_quotes,
    paginate,
    search,
    search_quotes,
)
from articles.search.facets import facet_links
from articles.search.highlight import quote_in_context
from articles.search.pagination import CAP, UndatedLast
from articles.search.quotes import matching_quotes


@cached_page
def home(request: HttpRequest) -> HttpResponse:
    today = datetime.date.today()
    newest = Article.objects.filter(published__lte=today).aggregate(d=Max("published"))["d"] or today
    since = newest - datetime.timedelta(days=30)
    return render(
        request,
        "articles/home.html",
        {
            "articles": Article.objects.for_listing().with_excerpt().one_per_story().newest_first()[:10],
            "quoted": most_quoted_people(since),
            "since": since,
            "until": newest,
            "topics": Topic.objects.all()[:40],
            "sources": Source.objects.all()[:40],
        },
    )


@cached_page
def article_list(request: HttpRequest) -> HttpResponse:
    if "format" in request.GET:
        return article_download(request)
    articles = Article.objects.for_listing().with_excerpt().newest_first()
    filterset = ArticleFilter(request.GET, queryset=articles)
    if not filterset.is_valid():
        return render(request, "articles/article_list.html", {"filter": filterset}, status=400)
    listed = as_listed(filterset)
    if filterset.form.cleaned_data.get("sort") == "oldest":
        listed = UndatedLast(listed)  # oldest first, the undated last
    page = paginate(listed, request.GET.get("page"))
    return render(request, "articles/article_list.html", {"filter": filterset, "page": page})


@cached_object_page
def article_detail(request: HttpRequest, pk: int, slug: str) -> HttpResponse:
    # The article with its outlets, quotations, people, topics and related articles: one statement.
    page = article_page(pk)
    if page is None:
        raise Http404("No article with that number.")
    article, quotes, mentions, topics, related = page
    if slug != article.slug:
        return redirect(article, permanent=True)
    copies = wire_copies(article)
    response = render(
        request,
        "articles/article_detail.html",
        {
            "article": article,
            "body": mark_quotes(article.body_html, quotes, article.body_text),
            "quotes": quotes,
            "mentions": mentions,
            "topics": topics,
            "related": related,
            "copies": copies,
        },
    )
    response.page_keys = keys(
        articles=[article.pk, *(other.pk for other in copies)],
        people={m.person_id for m in mentions} | {q.person_id for q in quotes if q.person_id},
        sources=[article.source_id, article.via_id],
        topics=[t.pk for t in topics],
    )
    return response


def wire_copies(article: Article) -> list[Article]:
    """The other articles of its wire-copy group (issue 14.3), first published first; no query for an
    article in none (a head without copies from other outlets counts as none: copy_outlets is 0)."""
    if not (article.copy_of_id or article.copy_outlets):
        return []
    head = article.copy_of_id or article.pk
    group = Article.objects.filter(Q(pk=head) | Q(copy_of=head)).exclude(pk=article.pk)
    return list(group.select_related("source").only("headline", "slug", "published", "source__name").oldest_first())


def _offered_sorts(sorts: dict[str, str], text: str, asked: str) -> tuple[str, dict[str, str]]:
    """The order a search page shows and the orders its "Order:" line offers: without words there is nothing to rank,
    so no best match, and one asked for is shown as what the search gives then, the newest first."""
    offered = {key: label for key, label in sorts.items() if text or key != "relevance"}
    return (asked if asked in offered else "newest"), offered


def search_page(request: HttpRequest) -> HttpResponse:
    """/search/: the FilterSet validates the parameters (and shows its errors); search() does the rest."""
    if "format" in request.GET:
        return search_download(request)
    filterset = SearchFilter(request.GET)
    context = {"filter": filterset, "sorts": SORTS}
    if not filterset.is_valid():
        return render(request, "articles/search.html", context, status=400)
    data = filterset.form.cleaned_data
    text, shortened = clean_query(data.get("q"))
    query = SearchRequest(
        text=text,
        sort=data.get("sort") or "relevance",
        page=request.GET.get("page"),
        source=data.get("source"),
        person=data.get("person"),
        topic=data.get("topic"),
        year=data.get("year"),
        language=data.get("language") or "",
    )
    sort, sorts = _offered_sorts(SORTS, text, query.sort)
    context.update(text=text, shortened=shortened, active=query.filters, sort=sort, sorts=sorts)
    if text or query.filters:
        context["results"] = search(query)
        facet_links(request.GET, context["results"].facets)
    return render(request, "articles/search.html", context)


@cached_page
def person_list(request: HttpRequest) -> HttpResponse:
    filterset = PersonFilter(request.GET, queryset=Person.objects.all())
    if not filterset.is_valid():
        return render(request, "articles/person_list.html", {"filter": filterset}, status=400)
    data = filterset.form.cleaned_data
    page = paginate(filterset.qs.prefetch_related("aliases"), request.GET.get("page"), per_page=50)
    return render(
        request,
        "articles/person_list.html",
        {
            "filter": filterset,
            "page": page,
            "letters": "ABCDEFGHIJKLMNOPQRSTUVWXYZ",
            "letter": data.get("letter"),
            "q": clean_query(data.get("q"))[0],
        },
    )


def person_suggest(request: HttpRequest) -> JsonResponse:
    """Names for the as-you-type list on /people/ (static/js/site.js)."""
    text, _ = clean_query(request.GET.get("q"))
    people = Person.objects.matching_name(text)[:8] if len(text) >= 2 else []
    return JsonResponse(
        {"results": [{"name": p.name, "description": p.description, "url": p.get_absolute_url()} for p in people]}
    )


@cached_object_page
def person_detail(request: HttpRequest, slug: str) -> HttpResponse:
    # With their aliases, latest articles and quotations counted: one statement (page_queries.person_page).
    found = person_page(slug, cap=CAP)
    if found is None:
        raise Http404("No Person matches the given query.")
    person, articles, quote_count = found
    # A wire story's quotations once (issue 14.3): not again in each copy; "quoted in N outlets" shows the spread,
    # read in the page's statement (page_queries.PersonQuotes).
    page = paginate(PersonQuotes(person), request.GET.get("page"), known_count=quote_count)
    months, years = PersonMonth.objects.chart(person)
    response = render(
        request,
        "articles/person_detail.html",
        {
            "person": person,
            "page": page,
            "articles": articles,
            "named_with": people_named_with(person),
            "quoted_topics": quoted_topics(person),
            "chart": month_chart(months),
            # Articles dated to the year only: not drawn in any month, said under the chart.
            "month_unknown": [{"year": year, "count": count} for year, count in years],
        },
    )
    # The cards show the articles' outlets and headlines too: an outlet renamed or an article edited
    # reaches this page within PAGE_CACHE_MAX_AGE (their keys would be as many as the cards).
    response.page_keys = keys(people=[person.pk], people_pages=[person.pk])
    return response


@cached_page
def topic_list(request: HttpRequest) -> HttpResponse:
    page = paginate(Topic.objects.all(), request.GET.get("page"), per_page=100)
    return render(request, "articles/topic_list.html", {"page": page})


@cached_page
def topic_detail(request: HttpRequest, slug: str) -> HttpResponse:
    topic = get_object_or_404(Topic, slug=slug)
    articles = Article.objects.for_listing().with_excerpt().filter(topics=topic).one_per_story().newest_first()
    page = paginate(articles, request.GET.get("page"))
    return render(request, "articles/topic_detail.html", {"topic": topic, "page": page})


@cached_page
def source_list(request: HttpRequest) -> HttpResponse:
    page = paginate(Source.objects.all(), request.GET.get("page"), per_page=100)
    return render(request, "articles/source_list.html", {"page": page})


@cached_page
def source_detail(request: HttpRequest, slug: str) -> HttpResponse:
    source = get_object_or_404(Source, slug=slug)
    # article_source_published_idx serves this order.
    articles = Article.objects.for_listing().with_excerpt().filter(source=source).newest_first()
    page = paginate(articles, request.GET.get("page"))
    return render(request, "articles/source_detail.html", {"source": source, "page": page})


def quote_list(request: HttpRequest) -> HttpResponse:
    """/quotes/: quotation search. QuoteFilter validates the parameters (and shows its errors); search_quotes()
    does the rest. Nothing is searched without words or a filter (every quotation, newest first, would sort
    millions of rows for a page nobody asked for)."""
    if "format" in request.GET:
        return quote_download(request)
    filterset = QuoteFilter(request.GET)
    context = {"filter": filterset, "sorts": QUOTE_SORTS}
    if not filterset.is_valid():
        return render(request, "articles/quote_list.html", context, status=400)
    query = quote_search_request(filterset.form.cleaned_data, request.GET.get("page"))
    text, shortened = query.text, clean_query(filterset.form.cleaned_data.get("q"))[1]
    sort, sorts = _offered_sorts(QUOTE_SORTS, text, query.sort)
    context.update(text=text, shortened=shortened, active=query.filters, sort=sort, sorts=sorts)
    if text or query.filters:
        context["results"] = search_quotes(query)
    return render(request, "articles/quote_list.html", context)


def quote_search_request(data: dict, page=1) -> QuoteSearchRequest:
    """A quotation search from QuoteFilter's cleaned values: the page's, its download's and the API's."""
    return QuoteSearchRequest(
        text=clean_query(data.get("q"))[0],
        sort=data.get("sort") or "newest",
        page=page,
        speaker=data.get("speaker"),
        mentioning=data.get("mentioning"),
        source=data.get("source"),
        topic=data.get("topic"),
        date_from=data.get("date_from"),
        date_to=data.get("date_to"),
        language=data.get("language") or "",
    )


# --- Downloads: ?format=csv|jsonl on a list's URL gives every row its filters select (articles.export) -------
# On the list's own URL, so a download always has the page's filters, checked by the page's own FilterSet;
# outlet, topic and person pages link to the list they are a filter of (/articles/?topic=…, /quotes/?speaker=…).
# The page cache never sees them (page_cache._bypass): they stream.


def _refused(request: HttpRequest, filterset) -> HttpResponse | None:
    """400 and a plain message for an unknown format or a filter the page would refuse; None when all is well."""
    if request.GET["format"] not in export.FORMATS:
        return HttpResponseBadRequest(
            f"format must be one of {', '.join(export.FORMATS)}.", content_type="text/plain; charset=utf-8"
        )
    if not filterset.is_valid():
        problems = "; ".join(f"{name}: {' '.join(errors)}" for name, errors in filterset.errors.items())
        return HttpResponseBadRequest(f"Bad parameter: {problems}", content_type="text/plain; charset=utf-8")
    return None


def _links(request: HttpRequest) -> export.Links:
    return export.Links(request.build_absolute_uri("/").rstrip("/"))


def article_download(request: HttpRequest) -> HttpResponse:
    """/articles/?format=…: the filtered articles, newest (or oldest) first."""
    filterset = ArticleFilter(request.GET, queryset=Article.objects.all())
    if refused := _refused(request, filterset):
        return refused
    data = filterset.form.cleaned_data
    oldest = data.get("sort") == "oldest"
    if data.get("person"):  # ordered as ArticleFilter.filter_person orders them
        order = export.MENTIONS_OLDEST if oldest else export.MENTIONS_NEWEST
    else:
        order = export.ARTICLES_OLDEST if oldest else export.ARTICLES_NEWEST
    rows = export.article_rows(as_listed(filterset), order, _links(request))
    return export.download(rows, fmt=request.GET["format"], columns=export.ARTICLE_CSV_COLUMNS, filename="articles")


def search_download(request: HttpRequest) -> HttpResponse:
    """/search/?format=…: every match, not only the first 1,000 the page ranks: newest first (oldest first with
    sort=oldest), as the search feed lists them; ranking all of a million matches is not bounded work."""
    filterset = SearchFilter(request.GET, queryset=Article.objects.all())
    if refused := _refused(request, filterset):
        return refused
    oldest = filterset.form.cleaned_data.get("sort") == "oldest"
    order = export.ARTICLES_OLDEST if oldest else export.ARTICLES_NEWEST
    rows = export.article_rows(as_listed(filterset), order, _links(request))
    return export.download(rows, fmt=request.GET["format"], columns=export.ARTICLE_CSV_COLUMNS, filename="search")


def quote_download(request: HttpRequest) -> HttpResponse:
    """/quotes/?format=…: every quotation the search selects, newest (or oldest) first; with words and
    sort=relevance, newest first too."""
    filterset = QuoteFilter(request.GET)
    if refused := _refused(request, filterset):
        return refused
    query = quote_search_request(filterset.form.cleaned_data)
    if not (query.text or query.filters):
        # As the page: every quotation of the archive is `manage.py export`'s job, not a list's.
        return HttpResponseBadRequest(
            "Add words or a filter (speaker, outlet, topic, dates, language) to download quotations.",
            content_type="text/plain; charset=utf-8",
        )
    order, _ = export.quote_order(oldest=query.sort == "oldest", by_quotation=bool(query.text or query.speaker))
    rows = export.quote_rows(matching_quotes(query), order, _links(request))
    return export.download(rows, fmt=request.GET["format"], columns=export.QUOTE_COLUMNS, filename="quotations")


def _quote_for_page(pk: int) -> Quote:
    quote = get_object_or_404(
        Quote.objects.select_related("article__source", "person").defer(
            "search_vector", "article__body_html", "article__search_text", "article__search_vector"
        ),
        pk=pk,
    )
    return quote


@cached_page
def quote_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """/quotes/<id>/: the words, who said them where, the paragraph around them, how to cite them, and
    the same words in other articles, oldest first (page_queries.same_words())."""
    quote = _quote_for_page(pk)
    same, complete = same_words(quote)
    page_url = request.build_absolute_uri(quote.get_absolute_url())
    return render(
        request,
        "articles/quote_detail.html",
        {
            "quote": quote,
            "article": quote.article,
            "in_context": quote_in_context(quote.article.body_text, quote),
            "same": same,
            "elsewhere": [q for q in same if q.pk != quote.pk],
            "outlets": len({q.article.source_id for q in same if q.article.source_id}),
            "complete": complete,
            "truncated": len(same) >= SAME_WORDS_LIMIT,
            "citation": plain_text(quote, page_url),
            "csl": csl_json(quote, page_url),
            "bibtex": bibtex(quote, page_url),
        },
    )


_CITATIONS = {
    "json": (csl_json, "application/vnd.citationstyles.csl+json; charset=utf-8"),
    "bib": (bibtex, "application/x-bibtex; charset=utf-8"),
    "txt": (plain_text, "text/plain; charset=utf-8"),
}


def quote_citation(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    """/quotes/<id>/cite.<json|bib|txt>: the citation as a file (CSL-JSON, BibTeX, plain text)."""
    if fmt not in _CITATIONS:
        raise Http404("No such citation format.")
    quote = _quote_for_page(pk)
    write, content_type = _CITATIONS[fmt]
    page_url = request.build_absolute_uri(quote.get_absolute_url())
    response = HttpResponse(write(quote, page_url), content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="quotation-{quote.pk}.{fmt}"'
    return response


# --- Chart of mentions per month (server-rendered SVG) ------------------------------------


def month_chart(
    series: list[tuple[datetime.date, int]], *, months: int = 36, width: int = 720, height: int = 160
) -> dict | None:
    """Bars for the months up to the latest in `series` (12 to `months` of them), empty months included."""
    if not series:
        return None
    counts = dict(series)
    last = series[-1][0]
    end = last.year * 12 + last.month - 1
    first = series[0][0].year * 12 + series[0][0].month - 1
    # At least a year on the axis, so two months of data don't become two slabs.
    start = max(end - (months - 1), min(first, end - 11))
    span = [datetime.date(m // 12, m % 12 + 1, 1) for m in range(start, last.year * 12 + last.month)]
    top = max(counts.get(m, 0) for m in span) or 1
    slot = width / len(span)
    # Month names translated once, not through the date filter for each bar (36 of them: ~0.8 ms).
    names = {m: str(MONTHS[m]) for m in range(1, 13)}
    # Dicts, not objects: the template reads four values a bar, and a dict's are found at the first
    # try (an attribute only after a failed item lookup); the width is the same for every bar and the
    # tooltip one string (six values a bar as objects: 0.53 ms for 36 bars, four from dicts: see below).
    bars = []
    for i, m in enumerate(span):
        count, label = counts.get(m, 0), f"{names[m.month]} {m.year}"  # "March 2024", as "F Y" writes it
        bars.append(
            {
                "x": round(i * slot + slot * 0.1, 1),
                "y": round(height - count / top * height, 1),
                "height": round(count / top * height, 1),
                "month": m,
                "count": count,
                "label": label,
                "title": f"{label}: {count}",
            }
        )
    return {
        "bar_width": round(slot * 0.8, 1),
        "bars": bars,
        "width": width,
        "height": height,
        "max": top,
        "first": span[0],
        "last": span[-1],
        "total": sum(bar["count"] for bar in bars),
    }

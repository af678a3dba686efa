"""Atom feeds: latest articles, each outlet, person and topic, and any search.

A wire story (issue 14.3) is one entry, as the lists show it: its first-published article, whose summary says
"also published by N outlets" (Article.copy_outlets, a column: no query more). An outlet's feed, and a search
narrowed to an outlet, list that outlet's own copy, as its page does."""

from __future__ import annotations

import datetime

from django.contrib.syndication.views import Feed
from django.db.models import QuerySet
from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404
from django.template.defaultfilters import pluralize
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape
from django.utils.http import urlencode
from django.utils.xmlutils import SimplerXMLGenerator

from articles.filters import SearchFilter, as_listed
from articles.ingest.sanitize import strip_control
from articles.models import Article, Person, Source, Topic, excerpt_of
from articles.search import clean_query

FEED_SIZE = 30
FEED_EXCERPT_CHARS = 400  # characters of an entry's summary (its article's opening)


class _ControlFreeXMLGenerator(SimplerXMLGenerator):
    """XML 1.0 cannot carry C0 control characters and Django's generator raises on them, which
    made one stored article answer 500 on every feed it was in. Ingest and the admin strip them
    now (sanitize.strip_control); rows stored before that are cleaned here as they are written."""

    def characters(self, content):
        super().characters(strip_control(content))

    def startElement(self, name, attrs):
        super().startElement(name, {key: strip_control(value) for key, value in (attrs or {}).items()})


class ArchiveAtomFeed(Atom1Feed):
    def write(self, outfile, encoding):
        handler = _ControlFreeXMLGenerator(outfile, encoding, short_empty_elements=True)
        handler.startDocument()
        handler.startElement("feed", self.root_attributes())
        self.add_root_elements(handler)
        self.write_items(handler)
        handler.endElement("feed")


class LatestArticlesFeed(Feed):
    feed_type = ArchiveAtomFeed
    title = "NewsArchive: latest articles"
    subtitle = "The newest articles in the archive."

    def link(self, obj=None) -> str:
        return reverse("article_list")

    def articles(self, obj) -> QuerySet:
        return Article.objects.one_per_story()

    def items(self, obj=None):
        articles = self.articles(obj).for_listing().with_excerpt(FEED_EXCERPT_CHARS).select_related("via")
        return articles.newest_first()[:FEED_SIZE]

    def item_title(self, item: Article) -> str:
        return item.headline

    def item_description(self, item: Article) -> str:
        # Atom's <summary type="html"> is HTML: the plain text is escaped as HTML here, and the feed
        # generator escapes that again for XML, so a reader shows "<script>" as text, never runs it.
        summary = escape(excerpt_of(item.excerpt, FEED_EXCERPT_CHARS))
        if item.copy_outlets:
            summary += f" (also published by {item.copy_outlets} outlet{pluralize(item.copy_outlets)})"
        return summary

    def item_link(self, item: Article) -> str:
        return item.get_absolute_url()

    def item_author_name(self, item: Article) -> str | None:
        return item.byline or (item.source.name if item.source else None)

    def item_pubdate(self, item: Article) -> datetime.datetime | None:
        if not item.published:
            return None
        return datetime.datetime.combine(item.published, datetime.time(), tzinfo=datetime.UTC)

    def item_updateddate(self, item: Article) -> datetime.datetime:
        return item.updated


class SourceFeed(LatestArticlesFeed):
    def get_object(self, request: HttpRequest, slug: str) -> Source:
        return get_object_or_404(Source, slug=slug)

    def title(self, obj: Source) -> str:
        return f"NewsArchive: {obj.name}"

    def subtitle(self, obj: Source) -> str:
        return f"The newest articles from {obj.name}."

    def link(self, obj: Source) -> str:
        return obj.get_absolute_url()

    def articles(self, obj: Source) -> QuerySet:
        return Article.objects.filter(source=obj)  # its own copies too: each is its story once here


class PersonFeed(SourceFeed):
    def get_object(self, request: HttpRequest, slug: str) -> Person:
        return get_object_or_404(Person, slug=slug)

    def subtitle(self, obj: Person) -> str:
        return f"The newest articles mentioning {obj.name}."

    def articles(self, obj: Person) -> QuerySet:
        return Article.objects.mentioning(obj).one_per_story()


class TopicFeed(SourceFeed):
    def get_object(self, request: HttpRequest, slug: str) -> Topic:
        return get_object_or_404(Topic, slug=slug)

    def subtitle(self, obj: Topic) -> str:
        return f"The newest articles about {obj.name}."

    def articles(self, obj: Topic) -> QuerySet:
        return Article.objects.filter(topics=obj).one_per_story()


class SearchFeed(LatestArticlesFeed):
    """Newest articles matching a search and its filters: /search/feed/?q=harbour&source=..."""

    def get_object(self, request: HttpRequest) -> SearchFilter:
        filterset = SearchFilter(request.GET, queryset=Article.objects.all())
        if not filterset.is_valid():
            raise Http404("Invalid search")
        return filterset

    def title(self, obj: SearchFilter) -> str:
        text, _ = clean_query(obj.form.cleaned_data.get("q"))
        return f"NewsArchive: search for “{text}”" if text else "NewsArchive: search"

    def subtitle(self, obj: SearchFilter) -> str:
        return "The newest articles matching this search."

    def link(self, obj: SearchFilter) -> str:
        return reverse("search") + _query(obj)

    def feed_url(self, obj: SearchFilter) -> str:
        return reverse("search_feed") + _query(obj)

    def articles(self, obj: SearchFilter) -> QuerySet:
        return as_listed(obj)


def _query(filterset: SearchFilter) -> str:
    """The search's own parameters (nothing else a URL carried), as a query string."""
    params = {k: v for k, v in filterset.data.items() if k in filterset.filters and v}
    return "?" + urlencode(params) if params else ""

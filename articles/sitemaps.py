"""The sitemap: articles, people, topics and outlets (django.contrib.sitemaps)."""

from django.contrib.sitemaps import Sitemap

from articles.models import Article, Person, Source, Topic


class ArticleSitemap(Sitemap):
    changefreq = "monthly"
    limit = 10000  # per sitemap page; the index lists the pages

    def items(self):
        return Article.objects.only("id", "slug", "updated").order_by("id")

    def lastmod(self, item: Article):
        return item.updated


class PersonSitemap(Sitemap):
    changefreq = "weekly"
    limit = 10000

    def items(self):
        return Person.objects.only("id", "slug").order_by("id")


class TopicSitemap(PersonSitemap):
    def items(self):
        return Topic.objects.only("id", "slug").order_by("id")


class SourceSitemap(PersonSitemap):
    def items(self):
        return Source.objects.only("id", "slug").order_by("id")


SITEMAPS = {"articles": ArticleSitemap, "people": PersonSitemap, "topics": TopicSitemap, "sources": SourceSitemap}

"""models.url_for: reverse()'s URLs, filled into each URL's pattern reversed once with markers (issue 15.5: an
article page's ~8 reverse() calls for articles, quotations and people new to the process were 13% of its
Python instructions at 1M articles)."""

from unittest import mock

import pytest
from django.urls import NoReverseMatch, URLPattern, URLResolver, get_resolver, reverse
from django.urls.converters import IntConverter, PathConverter, SlugConverter, StringConverter
from django.urls.resolvers import RoutePattern

from articles.models import url_for

SAMPLES = {
    IntConverter: [0, 7, 2**62, "12"],
    SlugConverter: ["a", "harbour-strike_2", "Ferry-Times-9", 44],
    StringConverter: ["json", "a b", "quay.txt", "ü"],
    PathConverter: ["a/b", "x"],
}


def named_patterns(patterns=None, prefix=""):
    """(name, converters in the order of the arguments) of every named URL of the site outside the admin."""
    for entry in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(entry, URLResolver):
            if entry.namespace != "admin":
                yield from named_patterns(entry.url_patterns)
        elif isinstance(entry, URLPattern) and entry.name:
            yield entry.name, entry.pattern


def test_every_url_of_the_site_is_what_reverse_writes():
    checked = 0
    for name, pattern in named_patterns():
        assert isinstance(pattern, RoutePattern), f"{name}: a regex pattern; check url_for against it"
        converters = list(pattern.converters.values())
        # A converter of our own could refuse what the markers stand for: url_for would need to know.
        assert all(type(c) in SAMPLES for c in converters), f"{name}: a converter url_for was not checked with"
        for i in range(max((len(SAMPLES[type(c)]) for c in converters), default=1)):
            args = [SAMPLES[type(c)][i % len(SAMPLES[type(c)])] for c in converters]
            try:
                expected = reverse(name, args=args)
            except NoReverseMatch:
                with pytest.raises(NoReverseMatch):
                    url_for(name, *args)
                continue
            assert url_for(name, *args) == expected, (name, args)
            checked += 1
    assert checked > 40


@pytest.mark.parametrize(
    ("name", "args"),
    [
        ("article_detail", (-1, "quay")),  # the int converter takes no sign
        ("article_detail", (5, "")),
        ("person_detail", ("émile-brandt",)),  # the slug converter: ASCII
        ("article_detail", (True, "quay")),
    ],
)
def test_what_reverse_refuses_url_for_refuses(name, args):
    with pytest.raises(NoReverseMatch):
        reverse(name, args=args)
    with pytest.raises(NoReverseMatch):
        url_for(name, *args)


def test_links_to_many_articles_reverse_each_pattern_once():
    with mock.patch("articles.models.reverse", wraps=reverse) as reversed_:
        urls = [url_for("article_detail", pk, f"harbour-report-{pk}") for pk in range(1, 201)]
        urls += [url_for("quote_detail", pk) for pk in range(1, 201)]
    assert urls[41] == "/articles/42/harbour-report-42/"
    assert urls[241] == "/quotes/42/"
    assert reversed_.call_count <= 2  # once a pattern (if not known already), not once a URL


def test_a_script_prefix_is_part_of_the_url():
    from django.urls import set_script_prefix

    try:
        set_script_prefix("/archive/")
        assert (
            url_for("article_detail", 3, "ferry")
            == "/archive/articles/3/ferry/"
            == reverse("article_detail", args=[3, "ferry"])
        )
    finally:
        set_script_prefix("/")
    assert url_for("article_detail", 3, "ferry") == "/articles/3/ferry/"

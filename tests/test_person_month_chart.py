"""The person page's chart (PersonMonth, migration 0033): an article dated to the year only is never drawn
in January but said apart, and a wire story's copies are not counted again. Our own fictional people."""

import datetime as dt
import re

import pytest

from articles.models import Article, Mention, Person, PersonMonth, Source


def article(headline: str, day: dt.date | None, precision: str = "day", **fields) -> Article:
    return Article.objects.create(
        headline=headline,
        body_html=f"<p>{headline}</p>",
        body_text=headline,
        published=day,
        published_precision=precision,
        **fields,
    )


def naming(person: Person, *articles: Article) -> None:
    Mention.objects.bulk_create([Mention(article=a, person=person) for a in articles])


def bars(html: str) -> dict[str, int]:
    return {label: int(n) for label, n in re.findall(r"<title>([^<:]+): (\d+)</title>", html)}


@pytest.fixture
def keeper():
    return Person.objects.create(name="Edda Lindqvist", slug="edda-lindqvist")


@pytest.mark.django_db
def test_an_article_dated_to_the_year_only_is_not_drawn_in_january_but_said_apart(client, keeper):
    naming(
        keeper,
        article("Lighthouse keepers meet", dt.date(2016, 3, 9)),
        article("The keepers' almanac", dt.date(2016, 1, 1), "year"),
        article("A winter on the rock", dt.date(2016, 1, 1), "year"),
        article("Keepers of the north", dt.date(2015, 1, 1), "year"),
        article("The lamp is lit again", dt.date(2016, 5, 1), "month"),  # the month known: drawn in May
    )
    html = client.get(keeper.get_absolute_url()).content.decode()
    drawn = bars(html)
    assert drawn["January 2016"] == 0 and drawn["March 2016"] == 1 and drawn["May 2016"] == 1
    assert sum(drawn.values()) == 2
    assert "Also 1 article in 2015 and 2 in 2016 whose month is unknown, not drawn." in html
    assert PersonMonth.objects.chart(keeper) == (
        [(dt.date(2016, 3, 1), 1), (dt.date(2016, 5, 1), 1)],
        [(2015, 1), (2016, 2)],
    )

    # Dated to the day after all: the summary moves it from the year into its month.
    almanac = Article.objects.get(headline="The keepers' almanac")
    almanac.published, almanac.published_precision = dt.date(2016, 3, 20), "day"
    almanac.save()
    assert PersonMonth.objects.chart(keeper) == (
        [(dt.date(2016, 3, 1), 2), (dt.date(2016, 5, 1), 1)],
        [(2015, 1), (2016, 1)],
    )


@pytest.mark.django_db
def test_only_articles_dated_to_the_year_say_so_without_a_chart(client, keeper):
    naming(keeper, article("The keepers' almanac", dt.date(2016, 1, 1), "year"))
    html = client.get(keeper.get_absolute_url()).content.decode()
    assert "<svg" not in html.split('id="chart-title"', 1)[1].split("</section>", 1)[0]
    assert "1 article in 2016 whose month is unknown." in html


@pytest.mark.django_db
def test_a_wire_storys_copies_are_counted_once_and_follow_the_group(keeper):
    courier, ledger = (
        Source.objects.create(name="Strait Courier", slug="strait-courier"),
        Source.objects.create(name="Northfield Ledger", slug="northfield-ledger"),
    )
    head = article("Keepers leave the rock", dt.date(2024, 4, 2), source=courier)
    copy = article("The last keepers leave", dt.date(2024, 4, 3), source=ledger, copy_of=head)
    naming(keeper, head, copy)
    assert PersonMonth.objects.chart(keeper)[0] == [(dt.date(2024, 4, 1), 1)]
    Article.objects.filter(pk=copy.pk).update(copy_of=None)  # staff split it off: a story of its own
    assert PersonMonth.objects.chart(keeper)[0] == [(dt.date(2024, 4, 1), 2)]
    Article.objects.filter(pk=copy.pk).update(copy_of=head)
    head.delete()  # the copy heads what is left (migration 0031) and counts again
    assert Article.objects.get(pk=copy.pk).copy_of_id is None
    assert PersonMonth.objects.chart(keeper)[0] == [(dt.date(2024, 4, 1), 1)]

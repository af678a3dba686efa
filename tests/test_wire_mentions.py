"""Wire copies (issue 14.3): a person named only in a wire copy (a paragraph its outlet added) is in their lists and
counts, once: their page's articles and chart, /articles/?person= and /search/?person= list that copy. A person the
group's head names too counts once, in the head. Kept by the database (Mention.repeated, migration 0036) through
takeovers, regrouping on delete and mentions added by staff.

The story, the outlets and the people are our own fiction: the ferry story of tests/test_wire_copies.py, the
Beacon's paragraph about the school naming the parents' spokeswoman."""

import datetime as dt
import re

import pytest

from articles.models import Article, Mention, Person, PersonMonth
from tests.test_wire_copies import BEACON, COURIER, DAY, LEDGER, PARAGRAPHS, parsed, store, story

pytestmark = pytest.mark.django_db

SCHOOL = (
    "Maren Holloway, who speaks for the parents at the secondary school, said pupils would have to leave home an "
    "hour earlier to catch the first boat."
)
# The Beacon's copy with its own paragraph naming her; the Courier's (the head) and the Ledger's do not.
BEACON_SCHOOL = parsed(
    BEACON.headline, story(*PARAGRAPHS[:3], SCHOOL, *PARAGRAPHS[3:5]), "Harrow Beacon", BEACON.published
)
# Another later copy that names her too, and the agency's own first copy, published before all, stored last.
POST_SCHOOL = parsed(
    "Ferry ramp: the island waits", story(*PARAGRAPHS[:5], SCHOOL), "Sellholm Post", DAY + dt.timedelta(2)
)
FERRY_FIRST = parsed(COURIER.headline, COURIER.body_text, "Strait Courier", DAY - dt.timedelta(days=1))
SEPTEMBER = dt.date(2026, 9, 1)
# Queries of a page listing a person's articles (as before this test's fix, for a person the head names): the
# story-once test is part of the list's own statement.
PERSON_LIST_QUERIES = {"/articles/": 6, "/search/": 8}


def person(name: str) -> Person:
    return Person.objects.get(name=name)


def articles_section(html: str) -> str:
    return html.split("Articles mentioning", 1)[1].split("</section>", 1)[0]


def listed(html: str) -> list[str]:
    """The headlines of the wire story's articles on a page, each as often as it is listed."""
    found = re.findall(
        "|".join(re.escape(h) for h in {COURIER.headline, LEDGER.headline, BEACON.headline, POST_SCHOOL.headline}), html
    )
    return sorted(found)


def counted_in(name: str) -> list[str]:
    """The outlets whose article counts for the person (their mention not repeated)."""
    return sorted(
        Mention.objects.filter(person__name=name, repeated=False).values_list("article__source__name", flat=True)
    )


def test_a_person_named_only_in_a_copy_is_listed_there_once_on_their_page(client, django_assert_max_num_queries):
    store(COURIER, LEDGER, BEACON_SCHOOL)
    holloway = person("Maren Holloway")
    assert Article.objects.get(headline=BEACON.headline).copy_of_id  # the Beacon's is a copy
    with django_assert_max_num_queries(8):  # as tests/test_views_people.py pins it
        html = client.get(holloway.get_absolute_url()).content.decode()
    section = articles_section(html)
    assert "None yet." not in section
    assert listed(section) == [BEACON.headline]
    assert PersonMonth.objects.chart(holloway)[0] == [(SEPTEMBER, 1)]


def test_a_person_named_in_the_head_and_its_copies_counts_once_in_the_head(client, django_assert_max_num_queries):
    store(COURIER, LEDGER, BEACON_SCHOOL)
    fenwick = person("Orla Fenwick")
    assert Mention.objects.filter(person=fenwick).count() == 3
    assert counted_in("Orla Fenwick") == ["Strait Courier"]
    assert listed(articles_section(client.get(fenwick.get_absolute_url()).content.decode())) == [COURIER.headline]
    assert PersonMonth.objects.chart(fenwick)[0] == [(SEPTEMBER, 1)]
    for path, queries in PERSON_LIST_QUERIES.items():
        with django_assert_max_num_queries(queries):
            html = client.get(path, {"person": fenwick.slug}).content.decode()
        assert listed(html) == [COURIER.headline], path


def test_articles_and_search_by_person_list_the_copy_once(client, django_assert_max_num_queries):
    store(COURIER, LEDGER, BEACON_SCHOOL)
    holloway = person("Maren Holloway")
    for path, queries in PERSON_LIST_QUERIES.items():
        with django_assert_max_num_queries(queries):
            html = client.get(path, {"person": holloway.slug}).content.decode()
        assert listed(html) == [BEACON.headline], path
    # Narrowed to the outlet, its own copy as before.
    html = client.get("/articles/", {"person": holloway.slug, "source": "harrow-beacon"}).content.decode()
    assert listed(html) == [BEACON.headline]


def test_people_named_with_count_the_copy(client):
    store(COURIER, LEDGER, BEACON_SCHOOL)
    html = client.get(person("Maren Holloway").get_absolute_url()).content.decode()
    assert "Orla Fenwick" in html.split("Often named with", 1)[1].split("</section>", 1)[0]


def test_takeover_later_copies_deletion_and_staff_keep_the_story_counted_once(client):
    store(LEDGER, BEACON_SCHOOL, POST_SCHOOL)  # the Ledger heads the story; the Beacon names her first
    assert counted_in("Maren Holloway") == ["Harrow Beacon"]
    store(FERRY_FIRST)  # published first: takes the group over
    assert Article.objects.get(headline=BEACON.headline).copy_of.source.name == "Strait Courier"
    holloway = person("Maren Holloway")
    assert counted_in("Maren Holloway") == ["Harrow Beacon"]
    assert PersonMonth.objects.chart(holloway)[0] == [(SEPTEMBER, 1)]

    Article.objects.get(headline=BEACON.headline).delete()  # the Post's copy names her first now
    assert counted_in("Maren Holloway") == ["Sellholm Post"]
    assert PersonMonth.objects.chart(holloway)[0] == [(SEPTEMBER, 1)]
    assert listed(client.get("/articles/", {"person": holloway.slug}).content.decode()) == [POST_SCHOOL.headline]

    # Staff add her to the head: the story counts in the head, once, and the month moves with it.
    head = Article.objects.get(headline=COURIER.headline, copy_of__isnull=True)
    Mention.objects.create(article=head, person=holloway)
    assert counted_in("Maren Holloway") == ["Strait Courier"]
    assert PersonMonth.objects.chart(holloway)[0] == [(SEPTEMBER, 1)]
    assert listed(client.get("/search/", {"person": holloway.slug}).content.decode()) == [COURIER.headline]

    # Staff split the Post's copy off: a story of its own, counted apart.
    Article.objects.filter(headline=POST_SCHOOL.headline).update(copy_of=None)
    assert counted_in("Maren Holloway") == ["Sellholm Post", "Strait Courier"]
    assert PersonMonth.objects.chart(holloway)[0] == [(SEPTEMBER, 2)]
    Mention.objects.filter(article=head, person=holloway).delete()
    assert counted_in("Maren Holloway") == ["Sellholm Post"]
    assert PersonMonth.objects.chart(holloway)[0] == [(SEPTEMBER, 1)]

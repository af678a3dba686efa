"""Wire copies (issue 14.3): a copy published before its group's stored head, stored later, takes the group over,
and the story's quotations and articles still count once for the people in it.

A takeover moves the old head and all its copies to the new head in one UPDATE (archive.write_groups), a batch's
takeovers together; the quotations' `repeated` flags are refreshed once for the statement, each group once
(migration 0035), not once for each article moved. The stories, outlets and people are our own fiction: the
ferry story of tests/test_wire_copies.py and a second one written here."""

import datetime as dt

import pytest
from django.db import connection

from articles.models import Article, Person, Quote
from tests.test_wire_copies import BEACON, COURIER, DAY, LEDGER, PARAGRAPHS, SCHOOL_BUS, parsed, store, story

pytestmark = pytest.mark.django_db

# A second wire story, its quotations from another person: grouped and taken over beside the ferry story.
LIBRARY = [
    "The lending library in Marrowby will close its upper floor from next month, the district council said on "
    "Tuesday, after a survey found water coming through the roof above the reading room and the local archive.",
    "About two thousand readers use the library every week, among them the pupils of three primary schools who "
    "borrow books there on Fridays. The council said the children's room on the ground floor would stay open.",
    '"We would rather close a floor for a season than lose a single parish register to the damp," said Idris '
    'Calloway, the district librarian. "The archive boxes are going to the town hall cellar this weekend."',
    "Volunteers from the Marrowby history society offered to help carry the boxes, and a removal firm from "
    "Quillport lent two vans without charge, the council said.",
    "Roofers are to start in the first week of the month. Calloway said the upper floor should open again "
    "before the winter reading club begins, if the weather allows the work to go on without a break.",
]
LIBRARY_LEDGER = parsed(
    "Marrowby library shuts its upper floor", story(*LIBRARY), "Northfield Ledger", DAY + dt.timedelta(days=3)
)
LIBRARY_BEACON = parsed(
    "Leaking roof closes library reading room",
    story(*LIBRARY[:4], "Subscribe to the Harrow Beacon for district news every morning."),
    "Harrow Beacon",
    DAY + dt.timedelta(days=4),
)
# Published first (by the agency's own outlet), stored last: each takes its story's group over.
FERRY_FIRST = parsed(COURIER.headline, COURIER.body_text, "Strait Courier", DAY - dt.timedelta(days=1))
LIBRARY_FIRST = parsed(
    "Damp closes half of Marrowby library", story(*LIBRARY), "Strait Courier", DAY + dt.timedelta(days=2)
)
# A later copy of the ferry story carrying the quotation only the Beacon's had (tests/test_wire_copies.py).
POST = parsed(
    "Ferry ramp: the island waits", story(*PARAGRAPHS[:5], SCHOOL_BUS), "Sellholm Post", DAY + dt.timedelta(2)
)


def members(headline: str) -> tuple[str, list[str]]:
    """The outlet of the story's head, and the outlets of its copies."""
    article = Article.objects.get(headline=headline)
    head = Article.objects.get(pk=article.copy_of_id or article.pk)
    return head.source.name, sorted(Article.objects.filter(copy_of=head).values_list("source__name", flat=True))


def counted(person: str) -> dict[str, int]:
    """Each outlet's quotations of the person that count (not repeats of the story's words)."""
    found = Quote.objects.filter(person__name=person, repeated=False).values_list("article__source__name", flat=True)
    return {outlet: list(found).count(outlet) for outlet in sorted(set(found))}


def test_two_groups_taken_over_in_one_batch_count_each_storys_quotations_once(client):
    store(LEDGER, BEACON, LIBRARY_LEDGER, LIBRARY_BEACON)
    # Before: the Ledger heads both stories, its quotations are the ones that count.
    assert members(BEACON.headline) == ("Northfield Ledger", ["Harrow Beacon"])
    assert members(LIBRARY_BEACON.headline) == ("Northfield Ledger", ["Harrow Beacon"])
    assert counted("Orla Fenwick") == counted("Idris Calloway") == {"Northfield Ledger": 2}

    store(FERRY_FIRST, LIBRARY_FIRST)  # one batch: both takeovers in one statement

    assert members(BEACON.headline) == ("Strait Courier", ["Harrow Beacon", "Northfield Ledger"])
    assert members(LIBRARY_BEACON.headline) == ("Strait Courier", ["Harrow Beacon", "Northfield Ledger"])
    # Each story's words count once, in the article that now heads it; the Ledger's are repeats now.
    assert counted("Orla Fenwick") == counted("Idris Calloway") == {"Strait Courier": 2}
    for name in ("Orla Fenwick", "Idris Calloway"):
        person = Person.objects.get(name=name)
        assert person.quotes.count() == 6  # two in each outlet's copy
        assert list(person.months.values_list("month", "articles")) == [(DAY.replace(day=1), 1)]  # one story
        html = client.get(person.get_absolute_url()).content.decode()
        assert "2 quotations" in html and "quoted in 3 outlets" in html, name


def test_copies_leaving_two_groups_in_one_statement_count_their_own_quotations_again():
    # The Beacon's and the Post's copies of the ferry story both carry a quotation the Ledger's lacks: it counts
    # in the Beacon's, stored first, and is a repeat in the Post's.
    store(LEDGER, parsed(BEACON.headline, story(BEACON.body_text, SCHOOL_BUS), "Harrow Beacon", DAY + dt.timedelta(1)))
    store(POST, LIBRARY_LEDGER, LIBRARY_BEACON)
    assert members(POST.headline) == ("Northfield Ledger", ["Harrow Beacon", "Sellholm Post"])
    assert counted("Orla Fenwick") == {"Harrow Beacon": 1, "Northfield Ledger": 2}
    # Staff split both Beacon copies off in one statement: each is its own story again, its words its own, and the
    # Post's quotation the Beacon's carried counts now in the group the Beacon left.
    Article.objects.filter(headline__in=[BEACON.headline, LIBRARY_BEACON.headline]).update(copy_of=None)
    assert counted("Orla Fenwick") == {"Harrow Beacon": 3, "Northfield Ledger": 2, "Sellholm Post": 1}
    assert counted("Idris Calloway") == {"Harrow Beacon": 2, "Northfield Ledger": 2}
    # And joined to their stories again, in one statement too.
    pk = {a.headline: a.pk for a in Article.objects.all()}
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE articles_article a SET copy_of_id = v.head FROM (VALUES (%s, %s), (%s, %s)) v (id, head)"
            " WHERE a.id = v.id",
            [pk[BEACON.headline], pk[LEDGER.headline], pk[LIBRARY_BEACON.headline], pk[LIBRARY_LEDGER.headline]],
        )
    assert counted("Orla Fenwick") == {"Harrow Beacon": 1, "Northfield Ledger": 2}
    assert counted("Idris Calloway") == {"Northfield Ledger": 2}


def test_a_takeover_refreshes_the_groups_quotations_once_not_once_for_each_article_moved():
    copies = [
        parsed(f"{LEDGER.headline} ({n})", LEDGER.body_text, f"Island Weekly {n}", DAY + dt.timedelta(days=n))
        for n in range(1, 6)
    ]
    store(LEDGER, *copies)
    old_head = Article.objects.get(headline=LEDGER.headline)
    store(FERRY_FIRST)
    new_head = Article.objects.get(headline=FERRY_FIRST.headline)
    # The takeover as archive.write_groups() writes it, again: the old head and its five copies move in one UPDATE.
    Article.objects.filter(pk=old_head.pk).update(copy_of=None)
    Article.objects.filter(copy_of=new_head).update(copy_of=old_head)
    assert counted("Orla Fenwick") == {"Northfield Ledger": 2, "Strait Courier": 2}
    with connection.cursor() as cursor:
        cursor.execute(
            "EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF) UPDATE articles_article a SET copy_of_id = v.new"
            " FROM (VALUES (%s::bigint, %s::bigint)) v (old, new) WHERE (a.copy_of_id = v.old OR a.id = v.old)"
            " AND a.id <> v.new",
            [old_head.pk, new_head.pk],
        )
        plan = [line for (line,) in cursor.fetchall()]
    assert "Trigger article_quotes_regrouped: calls=1" in plan, plan  # was 6: the group's quotations keyed 6 times
    assert counted("Orla Fenwick") == {"Strait Courier": 2}


def test_an_ingest_batch_refreshes_its_groups_flags_once_after_all_its_writes():
    """Its quotations, its mentions and its takeovers each fired the refresh of the groups they touched (0034-0036);
    a batch now refreshes them once, at its end (0038, archive._refresh_repeated), to the same flags."""
    store(LEDGER, BEACON)
    with connection.cursor() as cursor:
        cursor.execute("SET track_functions = 'all'")  # the test's transaction takes it back
    store(FERRY_FIRST, LIBRARY_LEDGER, LIBRARY_BEACON)  # one batch: a takeover, and a new group of two
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT funcname, calls FROM pg_stat_xact_user_functions"
            " WHERE funcname IN ('na_quotes_repeated_refresh', 'na_mentions_repeated_refresh')"
        )
        calls = dict(cursor.fetchall())
    assert calls == {"na_quotes_repeated_refresh": 1, "na_mentions_repeated_refresh": 1}  # were 2 and 2
    assert members(BEACON.headline) == ("Strait Courier", ["Harrow Beacon", "Northfield Ledger"])
    assert members(LIBRARY_BEACON.headline) == ("Northfield Ledger", ["Harrow Beacon"])
    assert counted("Orla Fenwick") == {"Strait Courier": 2}
    assert counted("Idris Calloway") == {"Northfield Ledger": 2}
    assert list(Person.objects.get(name="Orla Fenwick").months.values_list("month", "articles")) == [
        (DAY.replace(day=1), 1)
    ]

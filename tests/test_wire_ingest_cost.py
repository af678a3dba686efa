"""What finding wire copies costs ingest (issue 14.3: "near-duplicate detection keeps ingest >= 500
articles/s"): a new copy goes into the table with its group (copy_of) in its one row version. Before, it was
inserted alone and then updated: every index entry of the row written again (the search document's GIN
among them), and PersonMonth's row trigger fired for each copy. The only article
rewritten now is a stored head, whose count of other outlets (copy_outlets) changes; a new head goes in with its
count, and a stored story a new one takes over has its members moved, each once.

The rows rewritten are read from PostgreSQL's counters for this test's own transaction
(pg_stat_xact_user_tables). The story and outlets are tests/test_wire_copies.py's fiction."""

import pytest
from django.db import connection

from articles.models import Article, Person
from tests.test_wire_copies import BEACON, COURIER, LEDGER, store
from tests.test_wire_takeover import FERRY_FIRST, members

pytestmark = pytest.mark.django_db


def articles_updated() -> int:
    with connection.cursor() as cursor:
        cursor.execute("SELECT n_tup_upd FROM pg_stat_xact_user_tables WHERE relname = 'articles_article'")
        return cursor.fetchone()[0]


def test_a_copy_of_a_stored_story_is_inserted_in_its_group_and_only_the_head_is_rewritten():
    store(COURIER)
    before = articles_updated()
    store(LEDGER)
    courier, ledger = (Article.objects.get(headline=p.headline) for p in (COURIER, LEDGER))
    assert (ledger.copy_of_id, courier.copy_of_id, courier.copy_outlets) == (courier.pk, None, 1)
    assert articles_updated() - before == 1  # the head's copy_outlets


def test_a_story_and_its_copies_stored_together_rewrite_only_the_head():
    before = articles_updated()
    store(COURIER, LEDGER, BEACON)
    courier = Article.objects.get(headline=COURIER.headline)
    copies = Article.objects.filter(copy_of=courier).values_list("headline", flat=True)
    assert sorted(copies) == sorted([LEDGER.headline, BEACON.headline])
    assert courier.copy_outlets == 2
    assert articles_updated() - before == 0  # the head went in with its count of other outlets
    # Counted as one story for the person quoted, and her words once: the insert's triggers saw the group.
    fenwick = Person.objects.get(name="Orla Fenwick")
    assert list(fenwick.months.values_list("articles", flat=True)) == [1]
    assert [q.repeated for q in fenwick.quotes.order_by("article_id", "position")].count(False) == 2


def rows_updated(table: str) -> int:
    with connection.cursor() as cursor:
        cursor.execute("SELECT n_tup_upd FROM pg_stat_xact_user_tables WHERE relname = %s", [table])
        return cursor.fetchone()[0]


@pytest.mark.parametrize("together", [False, True])
def test_a_new_copys_repeated_quotations_and_mentions_go_in_flagged_not_updated_after(together):
    """A copy's quotations and people that its story's head carries already are written as repeated: refreshing
    the group's flags after the batch finds nothing to change. Before, each went in unflagged and was updated
    (~1,700 quotations and ~700 mentions a batch of the ingest bench: every index entry of the row again, and
    PersonMonth's counts moved twice)."""
    before = {table: rows_updated(table) for table in ("articles_quote", "articles_mention")}
    if together:  # the head in the same batch
        store(COURIER, LEDGER)
    else:
        store(COURIER)
        store(LEDGER)
    fenwick = Person.objects.get(name="Orla Fenwick")
    ledger = Article.objects.get(headline=LEDGER.headline)
    assert ledger.copy_of_id is not None
    flags = list(fenwick.quotes.filter(article=ledger).values_list("repeated", flat=True))
    assert flags and all(flags)  # the Ledger's paragraphs are the Courier's: every quotation repeats
    assert list(fenwick.mentions.filter(article=ledger).values_list("repeated", flat=True)) == [True]
    assert list(fenwick.months.values_list("articles", flat=True)) == [1]
    assert {table: rows_updated(table) - n for table, n in before.items()} == {
        "articles_quote": 0,
        "articles_mention": 0,
    }


def test_a_new_head_taking_a_stored_story_over_goes_in_with_its_count_and_its_new_copies_flagged():
    """A copy published first takes the stored story over in a batch with another new copy: the new head goes in
    with its count of other outlets (the stored ones its group takes over among them), the new copy's rows go in
    flagged as repeats of the head's. What is rewritten is the stored head that becomes a copy: its row (copy_of),
    and the flags of its quotations and mentions that now repeat the new head's."""
    store(LEDGER)
    before = {table: rows_updated(table) for table in ("articles_article", "articles_quote", "articles_mention")}
    store(FERRY_FIRST, BEACON)
    assert members(BEACON.headline) == ("Strait Courier", ["Harrow Beacon", "Northfield Ledger"])
    head = Article.objects.get(headline=FERRY_FIRST.headline)
    ledger = Article.objects.get(headline=LEDGER.headline)
    assert (head.copy_of_id, head.copy_outlets, ledger.copy_of_id) == (None, 2, head.pk)
    beacon = Article.objects.get(headline=BEACON.headline)
    assert any(beacon.quotes.values_list("repeated", flat=True))
    assert {table: rows_updated(table) - n for table, n in before.items()} == {
        "articles_article": 1,
        "articles_quote": ledger.quotes.filter(repeated=True).count(),
        "articles_mention": ledger.mentions.filter(repeated=True).count(),
    }

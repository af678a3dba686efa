"""The database keeps the archive's invariants, whatever code path writes."""

import pytest
from django.db import IntegrityError, connection, transaction
from django.db.models import Count
from django.db.models.functions import TruncMonth

from articles import archive
from articles.models import Alias, Article, Mention, Quote, normalize_name
from tests.conftest import make_article, make_person, make_source, make_topic

pytestmark = pytest.mark.django_db


def test_same_url_cannot_be_stored_twice():
    make_article(url="https://courier.example/a")
    with pytest.raises(IntegrityError), transaction.atomic():
        make_article(url="https://courier.example/a")


def test_articles_without_url_may_coexist():
    make_article(url="")
    make_article(url="")
    assert Article.objects.filter(url="").count() == 2


def test_same_text_cannot_be_stored_twice_even_from_another_url():
    make_article(headline="Harbour closes", body_text="The harbour closed today.", url="https://a.example/1")
    with pytest.raises(IntegrityError), transaction.atomic():
        # Case and spacing differences don't make it another article.
        make_article(headline="HARBOUR closes", body_text="The  harbour closed today.", url="https://b.example/2")


def test_empty_headline_is_refused_by_the_database():
    with pytest.raises(IntegrityError), transaction.atomic():
        make_article(headline="")


def test_source_names_are_unique_ignoring_case():
    make_source("Valley Courier")
    with pytest.raises(IntegrityError), transaction.atomic():
        make_source("VALLEY COURIER", slug="other-slug")


def test_alias_unique_after_normalisation_across_people():
    ana = make_person("Ana Ruiz")
    other = make_person("Anna Ruis")
    Alias.objects.create(person=ana, name="Ana Ruíz")
    with pytest.raises(IntegrityError), transaction.atomic():
        Alias.objects.create(person=other, name="ana  ruiz")


@pytest.mark.parametrize(
    "name",
    [
        "Selim Erdoğlu",
        "  Zoë Halvorsen-Adeyemi ",
        "José Iñárritu-Vale",
        "O'Neill, Jr.",
        "Łukasz Ørsted",
        "Straße",
        # runs of whitespace and hyphens, each one space (0041 rewrites only the runs that change)
        "Ines\t Varga--Hollis",
        "- Tomas \n\n Kelden -",
        "Lena - Marrow",
        "Bram\r\nOstrow\f",
    ],
)
def test_python_and_database_normalisation_agree(name):
    with connection.cursor() as cursor:
        cursor.execute("SELECT na_normalize(%s)", [name])
        assert cursor.fetchone()[0] == normalize_name(name)


def test_normalisation_folds_accents_case_and_punctuation():
    assert normalize_name("Selim ERDOĞLU") == "selim erdoglu"
    assert normalize_name("Zoë Halvorsen-Adeyemi") == "zoe halvorsen adeyemi"


def test_mention_is_unique_per_article_and_person_and_counts_at_least_once():
    person = make_person()
    article = make_article(people=[person])
    with pytest.raises(IntegrityError), transaction.atomic():
        Mention.objects.create(article=article, person=person)
    with pytest.raises(IntegrityError), transaction.atomic():
        Mention.objects.create(article=make_article(), person=person, count=0)


def test_two_quotes_cannot_share_a_position():
    article = make_article()
    Quote.objects.create(article=article, text="We will rebuild", position=10)
    with pytest.raises(IntegrityError), transaction.atomic():
        Quote.objects.create(article=article, text="Another", position=10)


def search(text):
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT id FROM articles_article "
            "WHERE search_vector @@ websearch_to_tsquery('newsarchive', %s) ORDER BY id",
            [text],
        )
        return [row[0] for row in cursor.fetchall()]


def test_search_document_folds_accents():
    article = make_article(headline="Talks in Ankara", body_text="Selim Erdoğlu arrived for talks.")
    assert search("Erdoglu") == [article.pk]
    assert search("erdoğlu") == [article.pk]


def test_search_document_follows_edits_to_the_body():
    article = make_article(body_text="The ferry was late.")
    article.body_text = "The tram was late."
    article.save()
    assert search("tram") == [article.pk]
    assert search("ferry") == []


def test_quotes_and_people_enter_the_search_document_through_the_archive():
    person = make_person("Ines Varga")
    article = make_article(body_text="The council met.")
    assert search("marmalade") == []
    # As the admin's inlines save them; the admin then has the archive bring the search text up to date.
    Quote.objects.create(article=article, person=person, text="Marmalade is a public good", position=0)
    Mention.objects.create(article=article, person=person)
    archive.refresh_search_text([article.pk])
    assert search("marmalade") == [article.pk]
    assert search("Varga") == [article.pk]
    # Renaming the person and deleting them are followed too.
    person.name = "Ines Kovacs"
    archive.rename_person(person)
    assert (search("Kovacs"), search("Varga")) == ([article.pk], [])
    archive.delete_people([person])
    assert search("Kovacs") == []
    assert search("marmalade") == [article.pk]  # the quotation stays, unattributed


def test_headline_weighs_more_than_body():
    in_body = make_article(headline="Council news", body_text="A note about lighthouses.")
    in_headline = make_article(headline="Lighthouses reopen", body_text="The council voted.")
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT id FROM articles_article WHERE search_vector @@ to_tsquery('newsarchive', 'lighthouse') "
            "ORDER BY ts_rank(search_vector, to_tsquery('newsarchive', 'lighthouse')) DESC"
        )
        assert [r[0] for r in cursor.fetchall()] == [in_headline.pk, in_body.pk]


def test_topic_slug_unique():
    make_topic("Housing", slug="housing")
    with pytest.raises(IntegrityError), transaction.atomic():
        make_topic("Housing policy", slug="housing")


# --- PersonMonth: the person page's chart, kept by triggers (migration 0006) ----------------


def months_of(person):
    from articles.models import PersonMonth

    return dict(PersonMonth.objects.chart(person)[0])


def counted_months(person):
    """The truth the summary must match: articles naming `person`, counted per month."""
    rows = (
        Article.objects.mentioning(person)
        .filter(published__isnull=False)
        .annotate(month=TruncMonth("published"))
        .values("month")
        .annotate(n=Count("pk"))
    )
    return {row["month"]: row["n"] for row in rows}


def test_month_summary_follows_mentions_added_and_deleted():
    import datetime

    person, other = make_person(), make_person()
    march = make_article(published=datetime.date(2024, 3, 5), people=[person])
    make_article(published=datetime.date(2024, 3, 28), people=[person, other])
    may = make_article(published=datetime.date(2024, 5, 1))
    make_article(published=None, people=[person])  # undated: not on the chart
    assert months_of(person) == counted_months(person) == {datetime.date(2024, 3, 1): 2}

    Mention.objects.create(article=may, person=person)
    assert months_of(person) == counted_months(person) == {datetime.date(2024, 3, 1): 2, datetime.date(2024, 5, 1): 1}

    Mention.objects.filter(article=march, person=person).delete()
    may.delete()  # the article's mentions go with it
    assert months_of(person) == counted_months(person) == {datetime.date(2024, 3, 1): 1}
    assert months_of(other) == {datetime.date(2024, 3, 1): 1}


def test_month_summary_follows_bulk_inserts_moved_mentions_and_redated_articles():
    import datetime

    from psycopg2.extras import execute_values

    first, second = make_person(), make_person()
    articles = [make_article(published=datetime.date(2023, 1 + i % 3, 10)) for i in range(6)]
    with connection.cursor() as cursor:  # as the ingest pipeline writes mentions
        execute_values(
            cursor.cursor,
            "INSERT INTO articles_mention (article_id, person_id, count, quoted) VALUES %s",
            [(a.pk, first.pk, 1, False) for a in articles],
        )
    assert months_of(first) == counted_months(first) == {datetime.date(2023, m, 1): 2 for m in (1, 2, 3)}

    Mention.objects.filter(person=first, article__in=articles[:2]).update(person=second)  # a merge moves rows
    Mention.objects.filter(person=first).update(count=3)  # no move: no change
    articles[2].published = datetime.date(2025, 7, 4)
    articles[2].save()
    Article.objects.filter(pk=articles[3].pk).update(published=None)
    for person in (first, second):
        assert months_of(person) == counted_months(person)
    assert months_of(first) == {
        datetime.date(2023, 3, 1): 1,
        datetime.date(2023, 2, 1): 1,
        datetime.date(2025, 7, 1): 1,
    }


@pytest.mark.django_db(transaction=True)
def test_corpus_generator_leaves_the_month_summary_right():
    # COPY with the triggers deferred, then one rebuild at the end of generate().
    from articles.corpus import generate
    from articles.models import Person, PersonMonth

    generate(40, seed=3, workers=1)
    people = Person.objects.filter(mentions__isnull=False).distinct()
    assert people.exists()
    assert PersonMonth.objects.exists()
    for person in people:
        assert months_of(person) == counted_months(person)
    assert dates_out_of_step() == 0
    assert Quote.objects.filter(published__isnull=False).exists()


def dates_out_of_step() -> int:
    """Quotes and mentions whose published differs from their article's."""
    with connection.cursor() as cursor:
        cursor.execute(
            """SELECT (SELECT count(*) FROM articles_quote q JOIN articles_article a ON a.id = q.article_id
                        WHERE q.published IS DISTINCT FROM a.published)
                    + (SELECT count(*) FROM articles_mention m JOIN articles_article a ON a.id = m.article_id
                        WHERE m.published IS DISTINCT FROM a.published)"""
        )
        return cursor.fetchone()[0]


def test_quotes_and_mentions_carry_their_articles_date():
    import datetime

    from psycopg2.extras import execute_values

    person = make_person()
    dated = make_article(published=datetime.date(2024, 6, 2), quotes=[(person, "We will reopen the pier.")])
    undated = make_article(published=None, quotes=[(person, "Not this year.")])
    with connection.cursor() as cursor:  # a bulk writer that doesn't send the date
        execute_values(
            cursor.cursor,
            "INSERT INTO articles_mention (article_id, person_id, count, quoted) VALUES %s",
            [(a.pk, make_person().pk, 1, False) for a in (dated, undated)],
        )
    assert Quote.objects.get(article=dated).published == datetime.date(2024, 6, 2)
    assert Quote.objects.get(article=undated).published is None
    assert dates_out_of_step() == 0

    dated.published = datetime.date(2024, 7, 9)
    dated.save()
    Article.objects.filter(pk=undated.pk).update(published=datetime.date(2020, 1, 1))
    assert set(Mention.objects.filter(article=dated).values_list("published", flat=True)) == {datetime.date(2024, 7, 9)}
    assert dates_out_of_step() == 0

    quote = Quote.objects.get(article=dated)
    quote.article = undated  # moved to another article (staff correcting a mix-up)
    quote.position = 99
    quote.save()
    assert Quote.objects.get(pk=quote.pk).published == datetime.date(2020, 1, 1)
    assert dates_out_of_step() == 0


def test_ingested_quotes_and_mentions_carry_the_date():
    import datetime

    from articles.archive import Context, store_article
    from articles.ingest.formats import ParsedArticle

    body = "“We will reopen the pier by May,” Mayor Mara Tolle said on Tuesday."
    parsed = ParsedArticle(
        headline="Pier to reopen",
        body_text=body,
        body_html=f"<p>{body}</p>",
        origin="test",
        published=datetime.date(2025, 4, 1),
    )
    pk = store_article(parsed=parsed, context=Context()).article_id
    assert Quote.objects.get(article_id=pk).published == datetime.date(2025, 4, 1)
    assert Mention.objects.filter(article_id=pk, published=datetime.date(2025, 4, 1)).exists()
    assert dates_out_of_step() == 0

"""The database keeps the archive's invariants, whatever code path writes."""

import pytest
from django.db import IntegrityError, connection, transaction

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
    ["Selim Erdoğlu", "  Zoë Halvorsen-Adeyemi ", "José Iñárritu-Vale", "O'Neill, Jr.", "Łukasz Ørsted", "Straße"],
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


def test_quotes_and_people_enter_the_search_document_through_triggers():
    person = make_person("Ines Varga")
    article = make_article(body_text="The council met.")
    assert search("marmalade") == []
    Quote.objects.create(article=article, person=person, text="Marmalade is a public good", position=0)
    Mention.objects.create(article=article, person=person)
    assert search("marmalade") == [article.pk]
    assert search("Varga") == [article.pk]
    # Renaming the person and deleting the quotation are followed too.
    person.name = "Ines Kovacs"
    person.save()
    assert search("Kovacs") == [article.pk]
    Quote.objects.filter(article=article).delete()
    assert search("marmalade") == []


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

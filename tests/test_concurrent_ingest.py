"""One person per normalised name (issue 11 point 8): the database refuses a second, the admin says
so on its form, and migration 0011 merges the people already stored twice.

Everyone here is invented.
"""

import datetime as dt

import pytest
from django.db import IntegrityError, connection, transaction
from django.db.migrations.executor import MigrationExecutor
from django.urls import reverse

from articles.models import Alias, Article, Mention, Person, PersonMonth, Quote
from tests.conftest import make_article, make_person

committing = pytest.mark.django_db(transaction=True)


# --- Admin: a person's name is unique as resolution compares names ----------------------------------


@pytest.fixture
def staff_client(client, admin_user):
    client.force_login(admin_user)
    return client


def person_form(name: str) -> dict:
    return {
        "name": name,
        "description": "",
        "aliases-TOTAL_FORMS": 0,
        "aliases-INITIAL_FORMS": 0,
        "aliases-MIN_NUM_FORMS": 0,
        "aliases-MAX_NUM_FORMS": 1000,
    }


@pytest.mark.django_db
def test_admin_adding_or_renaming_to_a_name_in_use_is_a_form_error(staff_client):
    make_person("Selim Erdoğlu")
    added = staff_client.post(reverse("admin:articles_person_add"), person_form("selim erdoglu"))
    assert added.status_code == 200
    assert "There is already a person of this name" in added.content.decode()
    assert Person.objects.count() == 1
    other = make_person("Ines Varga")
    renamed = staff_client.post(reverse("admin:articles_person_change", args=[other.pk]), person_form("Selim Erdoglu"))
    assert renamed.status_code == 200
    assert "There is already a person of this name" in renamed.content.decode()
    assert Person.objects.get(pk=other.pk).name == "Ines Varga"
    kept = staff_client.post(reverse("admin:articles_person_change", args=[other.pk]), person_form("Inés Varga"))
    assert kept.status_code == 302  # a person's own name, respelled, is no clash
    assert Person.objects.get(pk=other.pk).name == "Inés Varga"


@pytest.mark.django_db
def test_the_database_refuses_a_second_person_of_one_normalised_name():
    make_person("Ana Ruiz")
    with pytest.raises(IntegrityError), transaction.atomic():
        Person.objects.create(name="ANA RUÍZ", slug="ana-ruiz-2")


# --- Migration 0011: people already stored twice are merged ----------------------------------------


@committing
def test_migration_merges_people_stored_twice_into_the_oldest_then_adds_the_constraint():
    executor = MigrationExecutor(connection)
    leaves = executor.loader.graph.leaf_nodes()
    executor.migrate([("articles", "0010_topic_links_by_rule")])
    try:
        keep = make_person("Ana Ruiz")
        twice = make_person("ana ruiz", description="Mayor of Port Elden")
        thrice = make_person("Ana Ruíz")
        bram = make_person("Bram Ostrow")
        Alias.objects.create(person=twice, name="Mayor Ana Ruiz")
        march, april, may = (make_article(published=dt.date(2025, month, 2)) for month in (3, 4, 5))
        Mention.objects.create(article=march, person=keep, count=2)
        Mention.objects.create(article=march, person=twice, count=3, quoted=True)
        Mention.objects.create(article=april, person=twice, count=1)
        Mention.objects.create(article=april, person=thrice, count=4, edited_by_staff=True)
        Mention.objects.create(article=may, person=thrice, count=1)
        Mention.objects.create(article=may, person=bram, count=1)
        Quote.objects.create(article=may, person=thrice, text="We are ready", position=0)
    finally:
        executor = MigrationExecutor(connection)
        executor.migrate(leaves)

    assert sorted(Person.objects.values_list("pk", flat=True)) == [keep.pk, bram.pk]
    keep.refresh_from_db()
    assert keep.description == "Mayor of Port Elden"
    mentions = {(m.article_id, m.person_id): (m.count, m.quoted, m.edited_by_staff) for m in Mention.objects.all()}
    assert mentions == {
        (march.pk, keep.pk): (5, True, False),
        (april.pk, keep.pk): (5, False, True),
        (may.pk, keep.pk): (1, False, False),
        (may.pk, bram.pk): (1, False, False),
    }
    assert Quote.objects.get().person_id == keep.pk
    assert list(Alias.objects.values_list("person_id", "name")) == [(keep.pk, "Mayor Ana Ruiz")]
    months = set(PersonMonth.objects.values_list("person_id", "month", "articles"))
    assert months == {
        (keep.pk, dt.date(2025, 3, 1), 1),
        (keep.pk, dt.date(2025, 4, 1), 1),
        (keep.pk, dt.date(2025, 5, 1), 1),
        (bram.pk, dt.date(2025, 5, 1), 1),
    }
    assert Article.objects.get(pk=may.pk).search_text == "Ana Ruiz Bram Ostrow We are ready"
    with pytest.raises(IntegrityError), transaction.atomic():
        Person.objects.create(name="ANA RUIZ", slug="ana-ruiz-9")

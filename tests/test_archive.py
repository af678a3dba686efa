"""The archive's one write path: the same article stored by `ingest`, by the admin's form and by the
corpus generator ends up as the same rows (issue 12); staff edits keep the derived text current."""

import datetime as dt
import json

import pytest
from django.contrib.auth.models import User
from django.db import connection
from django.urls import reverse

from articles import archive, corpus
from articles.ingest import pipeline
from articles.ingest.formats import Options
from articles.ingest.topics import retag_all
from articles.models import Article, Mention, Person, Quote, Source


def snapshot(article_id: int) -> dict:
    """Everything stored for one article, ids of people and outlets replaced by their names."""
    with connection.cursor() as cursor:
        cursor.execute(
            """SELECT a.headline, a.slug, a.body_html, a.body_text, s.name, a.published, a.url, a.fingerprint,
                      a.search_text, a.search_vector::text
                 FROM articles_article a LEFT JOIN articles_source s ON s.id = a.source_id WHERE a.id = %s""",
            [article_id],
        )
        columns = ["headline", "slug", "body_html", "body_text", "source", "published", "url", "fingerprint"]
        row = dict(zip([*columns, "search_text", "search_vector"], cursor.fetchone(), strict=True))
    row["mentions"] = sorted(
        Mention.objects.filter(article_id=article_id).values_list("person__name", "count", "quoted", "published")
    )
    row["quotes"] = list(
        Quote.objects.filter(article_id=article_id)
        .order_by("position")
        .values_list("text", "person__name", "speaker_as_written", "partial", "position", "published")
    )
    row["topics"] = sorted(Article.objects.get(pk=article_id).topics.values_list("name", flat=True))
    return row


def generated_article() -> int:
    """One article from the corpus generator, with its small world of people, outlets and topics."""
    world = corpus.build_world(7, vocabulary=3000, people=12, sources=2)
    person_ids, source_ids = corpus._ensure_cast(world)
    first_id = (Article.objects.order_by("-id").values_list("id", flat=True).first() or 0) + 1
    for offset in range(40):  # an article with at least one quotation and two people
        batch = corpus.make_batch(world, 7, 0, 1, first_id + offset, person_ids, source_ids)
        if batch["quotes"] and batch["mentions"].count("\n") >= 2:
            archive.store_generated(batch)
            retag_all()  # as generate_corpus does after the last batch
            return first_id + offset
    raise AssertionError("the generator made no article with quotations")


def admin_add(client, stored: dict) -> int:
    """The same article typed into the admin's add form by an editor."""
    page = client.get(reverse("admin:articles_article_add"))
    data = {
        "headline": stored["headline"],
        "body_html": stored["body_text"],  # plain paragraphs, as an editor types them
        "published": stored["published"].isoformat(),
        "url": stored["url"],
        "byline": "",
        "source": Source.objects.get(name=stored["source"]).pk,
        "via": "",
    }
    for formset in page.context["inline_admin_formsets"]:
        prefix = formset.formset.prefix
        data |= {f"{prefix}-TOTAL_FORMS": 0, f"{prefix}-INITIAL_FORMS": 0, f"{prefix}-MAX_NUM_FORMS": 1000}
    response = client.post(reverse("admin:articles_article_add"), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    return Article.objects.get(url=stored["url"]).pk


@pytest.mark.django_db
def test_the_same_article_by_ingest_the_admin_form_and_the_corpus_generator_is_stored_the_same(client, tmp_path):
    by_generator = snapshot(generated_article())
    assert by_generator["quotes"] and len(by_generator["mentions"]) >= 2
    people = Person.objects.count()

    Article.objects.all().delete()
    path = tmp_path / "same.jsonl"
    record = {
        "headline": by_generator["headline"],
        "body": by_generator["body_text"],
        "source": by_generator["source"],
        "published": by_generator["published"].isoformat(),
        "url": by_generator["url"],
    }
    path.write_text(json.dumps(record, ensure_ascii=False) + "\n")
    report = pipeline.run([str(path)], Options(), workers=1)
    assert (report.created, report.rejected) == (1, [])
    by_ingest = snapshot(Article.objects.get().pk)

    Article.objects.all().delete()
    editor = User.objects.create_superuser("editor", password="pw")
    client.force_login(editor)
    by_admin = snapshot(admin_add(client, by_generator))

    assert by_ingest == by_generator
    assert by_admin == by_generator
    assert Person.objects.count() == people  # nobody created twice under another spelling


@pytest.mark.django_db
def test_a_person_added_in_the_admin_makes_the_article_searchable_by_their_name(client):
    ines = Person.objects.create(name="Ines Varga", slug="ines-varga")
    bram = Person.objects.create(name="Bram Ostrow", slug="bram-ostrow")
    article = Article.objects.create(
        headline="Ferry timetable agreed",
        body_html="<p>“Two crossings a day,” said Ines Varga.</p>",
        body_text="“Two crossings a day,” said Ines Varga.",
        published=dt.date(2025, 4, 2),
    )
    archive.update_article(article)
    quote = Quote.objects.get(article=article)
    assert quote.person == ines
    assert not Article.objects.filter(search_vector="Ostrow").exists()

    client.force_login(User.objects.create_superuser("editor", password="pw"))
    change = reverse("admin:articles_article_change", args=[article.pk])
    page = client.get(change)
    data = {
        "headline": article.headline,
        "body_html": article.body_html,
        "published": "2025-04-02",
        "url": "",
        "byline": "",
        "source": "",
        "via": "",
    }
    for formset in page.context["inline_admin_formsets"]:
        fs = formset.formset
        data |= {
            f"{fs.prefix}-TOTAL_FORMS": fs.total_form_count(),
            f"{fs.prefix}-INITIAL_FORMS": fs.initial_form_count(),
        }
        data |= {f"{fs.prefix}-MAX_NUM_FORMS": 1000}
        for form in fs.forms:
            for name, field in form.fields.items():
                value = form.initial.get(name, field.initial)
                if value not in (None, False):
                    data[form.add_prefix(name)] = value.pk if hasattr(value, "pk") else value
    # The editor adds Bram Ostrow as a person the article names; nothing in its text changed.
    prefix = next(f.formset.prefix for f in page.context["inline_admin_formsets"] if f.formset.model is Mention)
    row = data[f"{prefix}-TOTAL_FORMS"]
    data |= {f"{prefix}-TOTAL_FORMS": row + 1, f"{prefix}-{row}-person": bram.pk, f"{prefix}-{row}-count": 1}
    response = client.post(change, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    assert Mention.objects.filter(article=article, person=bram, edited_by_staff=True).exists()
    assert list(Article.objects.filter(search_vector="Ostrow")) == [article]


@pytest.mark.django_db
def test_staff_see_why_the_extractor_chose_each_speaker_and_person(client, tmp_path):
    """Each stored quotation says which rule gave its speaker, each mention why the name is a person's
    and how the archive found them (issue 13.2); the article's admin page shows both."""
    Person.objects.create(name="Ines Varga", slug="ines-varga")
    body = (
        "Harbour master Ines Varga opened the new ferry pier on Tuesday.\n\n"
        "“Two crossings a day is what the island asked for,” Varga said.\n\n"
        "“We will add a third in summer.”"
    )
    path = tmp_path / "pier.jsonl"
    path.write_text(json.dumps({"headline": "Ferry pier opens", "body": body, "source": "Elden Gazette"}) + "\n")
    report = pipeline.run([str(path)], Options(), workers=1)
    assert (report.created, report.rejected) == (1, [])
    article = Article.objects.get()

    first, follow_on = Quote.objects.filter(article=article).order_by("position")
    assert first.person.name == "Ines Varga"
    assert first.evidence == "name next to the reporting verb: Varga"
    assert follow_on.person.name == "Ines Varga"
    assert follow_on.evidence.startswith("follow-on")
    mention = Mention.objects.get(article=article)
    assert "as 'Ines Varga', known by this name" in mention.evidence

    client.force_login(User.objects.create_superuser("editor", password="pw"))
    page = client.get(reverse("admin:articles_article_change", args=[article.pk])).content.decode()
    assert "name next to the reporting verb: Varga" in page
    assert "known by this name" in page

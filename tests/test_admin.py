"""The admin as the newsroom uses it: entering, pasting, correcting, merging, re-tagging, roles.

Everyone and everything here is invented.
"""

import datetime as dt
import html
from importlib import import_module
from unittest import mock

import pytest
from django.contrib.auth.models import Group, Permission, User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from reversion.models import Version

from articles import collect
from articles.admin import merge_summary
from articles.archive import merge_people, update_article
from articles.ingest import formats
from articles.ingest.fetch import Fetched
from articles.ingest.topics import tag_articles
from articles.models import Alias, Article, ArticleTopic, Mention, Person, Quote, TopicRule
from tests.conftest import make_article, make_person, make_source, make_topic

pytestmark = pytest.mark.django_db

ADD = reverse("admin:articles_article_add")
PASTE = reverse("admin:articles_article_paste")

PASTED = """Ferry council agrees new timetable

"We will run two crossings a day from May," said Ines Varga, the harbour workers' union leader.

Mayor Selim Erdoglu said the port would reopen on Monday. "The port must reopen," he said.

The post Ferry council agrees new timetable appeared first on Valley Courier | News from the valley.
Source: Newswire Digest
"""


GROUPS = import_module("articles.migrations.0003_admin_entry")


def group(name: str) -> Group:
    """The group migration 0003 creates; made again after a transactional test flushed the tables."""
    codenames = {"Editors": GROUPS.EDITOR_PERMISSIONS, "Viewers": GROUPS.VIEWER_PERMISSIONS}[name]
    found, created = Group.objects.get_or_create(name=name)
    if created:
        found.permissions.set(Permission.objects.filter(content_type__app_label="articles", codename__in=codenames))
    return found


def staff(name: str, username: str | None = None, password: str = "pw") -> User:
    user = User.objects.create_user(username or name.lower(), password=password, is_staff=True)
    user.groups.add(group(name))
    return user


@pytest.fixture
def editor_client(client):
    client.force_login(staff("Editors"))
    return client


@pytest.fixture
def viewer_client(client):
    client.force_login(staff("Viewers"))
    return client


def inline(prefix: str, rows: list[dict], initial: int = 0) -> dict:
    data = {
        f"{prefix}-TOTAL_FORMS": len(rows),
        f"{prefix}-INITIAL_FORMS": initial,
        f"{prefix}-MIN_NUM_FORMS": 0,
        f"{prefix}-MAX_NUM_FORMS": 1000,
    }
    for i, row in enumerate(rows):
        data.update({f"{prefix}-{i}-{key}": value for key, value in row.items()})
    return data


def article_data(
    quotes=(), mentions=(), quotes_initial=0, mentions_initial=0, topics=(), topics_initial=0, **fields
) -> dict:
    data = {
        "headline": "Harbour crane collapses at night",
        "body_html": "<p>Nobody was hurt.</p>",
        "published": "2025-04-02",
        "url": "",
        "byline": "",
        "source": "",
        "via": "",
    }
    data.update(fields)
    data.update(inline("quotes", list(quotes), quotes_initial))
    data.update(inline("mentions", list(mentions), mentions_initial))
    data.update(inline("topic_links", list(topics), topics_initial))
    return data


def form_errors(response) -> str:
    """Every error message on an admin change form, as one string."""
    errors = [str(e) for e in response.context["adminform"].form.errors.values()]
    for formset in response.context["inline_admin_formsets"]:
        errors += [str(e) for e in formset.formset.errors if e] + [str(e) for e in formset.formset.non_form_errors()]
    return html.unescape(" ".join(errors))


# --- Entering an article ----------------------------------------------------------------------


def test_editor_enters_article_with_a_resolved_and_an_unresolved_speaker(editor_client):
    outlet = make_source("Valley Courier")
    ines = make_person("Ines Varga")
    body = (
        "<p>The crane fell at two in the morning.</p>"
        "<p>“Nobody was on the quay,” Varga said. “We were lucky,” a dock worker added.</p>"
    )
    response = editor_client.post(
        ADD,
        article_data(
            body_html=body,
            source=outlet.pk,
            quotes=[
                {"text": "Nobody was on the quay,", "person": ines.pk, "speaker_as_written": "Varga"},
                {"text": "We were lucky,", "person": "", "speaker_as_written": "a dock worker"},
            ],
        ),
    )
    assert response.status_code == 302, form_errors(response)
    article = Article.objects.get()
    assert article.source == outlet
    assert article.body_text == (
        "The crane fell at two in the morning.\n\n"
        "“Nobody was on the quay,” Varga said. “We were lucky,” a dock worker added."
    )
    quotes = {q.text: q for q in article.quotes.all()}
    assert quotes["Nobody was on the quay,"].person == ines
    assert quotes["Nobody was on the quay,"].position == article.body_text.index("Nobody was on the quay,")
    unresolved = quotes["We were lucky,"]
    assert (unresolved.person, unresolved.speaker_as_written) == (None, "a dock worker")
    assert all(q.edited_by_staff for q in quotes.values())
    assert Mention.objects.get(article=article, person=ines).quoted


def test_entered_article_is_kept_as_a_revision_with_who_and_its_quotations(editor_client):
    ines = make_person("Ines Varga")
    editor_client.post(
        ADD,
        article_data(
            body_html="<p>“Nobody was on the quay,” Varga said.</p>",
            quotes=[{"text": "Nobody was on the quay,", "person": ines.pk, "speaker_as_written": "Varga"}],
        ),
    )
    article = Article.objects.get()
    version = Version.objects.get_for_object(article).get()
    assert version.revision.user.username == "editors"
    stored_quotes = version.revision.version_set.filter(content_type__model="quote")
    assert [v.field_dict["text"] for v in stored_quotes] == ["Nobody was on the quay,"]


def test_history_compare_shows_the_changed_headline(editor_client):
    editor_client.post(ADD, article_data(headline="Crane falls", body_html="<p>The crane fell.</p>"))
    article = Article.objects.get()
    change = reverse("admin:articles_article_change", args=[article.pk])
    response = editor_client.post(change, article_data(headline="Harbour crane falls", body_html=article.body_html))
    assert response.status_code == 302, form_errors(response)
    history = editor_client.get(reverse("admin:articles_article_history", args=[article.pk]))
    assert b"Compare two versions" in history.content
    new, old = Version.objects.get_for_object(article)
    compare = editor_client.get(
        reverse("admin:articles_article_compare", args=[article.pk]), {"old": old.pk, "new": new.pk}
    )
    assert ("Headline", "Crane falls", "Harbour crane falls") in compare.context["changes"]
    bad = editor_client.get(reverse("admin:articles_article_compare", args=[article.pk]), {"old": "x", "new": ""})
    assert bad.status_code == 302  # back to the history, not an error page


@pytest.mark.parametrize(
    ("fields", "quotes", "message"),
    [
        ({"headline": ""}, [], "Every article needs a headline."),
        ({"published": (dt.date.today() + dt.timedelta(days=3)).isoformat()}, [], "is in the future"),
        ({}, [{"text": "We never said this", "speaker_as_written": "Someone"}], "not in the article's text"),
        ({"body_html": "<script>x</script>"}, [], "The article has no text."),
    ],
    ids=["missing headline", "future date", "quotation not in body", "no text after cleaning"],
)
def test_form_explains_what_is_wrong(editor_client, fields, quotes, message):
    response = editor_client.post(ADD, article_data(quotes=quotes, **fields))
    assert response.status_code == 200
    assert message in form_errors(response)
    assert not Article.objects.exists()


def test_duplicate_url_and_duplicate_text_are_form_errors_naming_the_other_article(editor_client):
    other = make_article(
        headline="Harbour crane collapses at night", body_text="Nobody was hurt.", url="https://courier.example/crane"
    )
    response = editor_client.post(ADD, article_data(url="https://courier.example/crane"))
    errors = form_errors(response)
    assert "This URL is already stored as" in errors
    assert "The same headline and text are already stored as" in errors
    assert f"article {other.pk}" in errors
    assert Article.objects.count() == 1


def test_body_is_sanitised_and_nothing_dangerous_reaches_the_public_page(editor_client, client):
    body = (
        '<p onclick="steal()">Tide tables <strong>changed</strong>.</p><script>alert(1)</script>'
        '<p><img src=x onerror="alert(2)"><a href="javascript:alert(3)">tables</a> '
        '<a href="https://port.example/tides">source</a></p>'
    )
    response = editor_client.post(ADD, article_data(headline="Tide tables changed", body_html=body))
    assert response.status_code == 302, form_errors(response)
    article = Article.objects.get()
    assert "Tide tables <strong>changed</strong>." in article.body_html
    assert 'href="https://port.example/tides" rel="nofollow noopener"' in article.body_html
    page = client.get(article.get_absolute_url()).content.decode()
    assert "Tide tables" in page
    for danger in ("<script>alert", "alert(1)", "onerror", "javascript:", "onclick", "<img"):
        assert danger not in page


# --- Re-extraction and staff edits ----------------------------------------------------------------


def test_changed_text_is_extracted_again_but_staff_quotations_are_kept():
    ines = make_person("Ines Varga")
    article = make_article(body_text="“Old words,” said Ines Varga.", people=[ines])
    Quote.objects.create(
        article=article, text="Old words,", person=None, speaker_as_written="a reader", position=1, edited_by_staff=True
    )
    article.body_text = "“Old words,” said Ines Varga.\n\n“The ferry will run,” said Ines Varga."
    article.save()
    update_article(article)
    quotes = {q.text: q for q in article.quotes.all()}
    assert set(quotes) == {"Old words,", "The ferry will run,"}
    kept = quotes["Old words,"]
    assert (kept.person, kept.speaker_as_written, kept.edited_by_staff) == (None, "a reader", True)
    assert quotes["The ferry will run,"].person == ines
    assert not quotes["The ferry will run,"].edited_by_staff


def test_extracted_rows_are_replaced_when_staff_change_the_text(editor_client):
    article = make_article(headline="Ferry news", body_text="Nothing yet.")
    Quote.objects.create(article=article, text="Nothing", position=0)  # extracted earlier, not by staff
    change = reverse("admin:articles_article_change", args=[article.pk])
    quote = article.quotes.get()
    response = editor_client.post(
        change,
        article_data(
            headline="Ferry news",
            body_html="<p>“The ferry will run,” said Ines Varga.</p>",
            quotes=[{"id": quote.pk, "article": article.pk, "text": "Nothing", "person": "", "speaker_as_written": ""}],
            quotes_initial=1,
        ),
    )
    assert response.status_code == 302, form_errors(response)
    assert [(q.text, q.person.name) for q in article.quotes.all()] == [("The ferry will run,", "Ines Varga")]


def test_speaker_staff_correct_survives_a_later_text_edit(editor_client):
    article = make_article(headline="Ferry news", body_text="Nothing yet.")
    change = reverse("admin:articles_article_change", args=[article.pk])
    body = "<p>“The ferry will run,” said Ines Varga.</p>"
    editor_client.post(change, article_data(headline="Ferry news", body_html=body))
    quote = article.quotes.get()
    tomasz = make_person("Tomasz Brell")
    response = editor_client.post(
        change,
        article_data(
            headline="Ferry news",
            body_html=body,
            quotes=[
                {
                    "id": quote.pk,
                    "article": article.pk,
                    "text": quote.text,
                    "person": tomasz.pk,
                    "speaker_as_written": "Brell",
                }
            ],
            quotes_initial=1,
        ),
    )
    assert response.status_code == 302, form_errors(response)
    response = editor_client.post(
        change,
        article_data(
            headline="Ferry news",
            body_html=body + "<p>More later.</p>",
            quotes=[
                {
                    "id": quote.pk,
                    "article": article.pk,
                    "text": quote.text,
                    "person": tomasz.pk,
                    "speaker_as_written": "Brell",
                }
            ],
            quotes_initial=1,
        ),
    )
    assert response.status_code == 302, form_errors(response)
    quote = article.quotes.get()
    assert (quote.person, quote.edited_by_staff) == (tomasz, True)


# --- Paste, preview, save ---------------------------------------------------------------------------


def test_paste_shows_what_the_pipeline_found(editor_client):
    make_person("Selim Erdoğlu")
    response = editor_client.post(PASTE, {"text": PASTED, "preview": "1"})
    assert response.status_code == 200
    review = response.context["review"]
    assert review["headline"].value() == "Ferry council agrees new timetable"
    assert review["source"].value() == "Valley Courier"
    assert review["via"].value() == "Newswire Digest"
    record = response.context["record"]
    assert [(q["text"], q["speaker"]) for q in record["quotes"]] == [
        ("We will run two crossings a day from May,", "Ines Varga"),
        ("The port must reopen,", "Selim Erdoğlu"),  # resolved to the archive's spelling
    ]
    assert record["people"] == ["Ines Varga", "Selim Erdoğlu"]
    assert not Article.objects.exists()


def review_data(**changes) -> dict:
    data = {
        "headline": "Ferry council agrees new timetable",
        "source": "Valley Courier",
        "via": "Newswire Digest",
        "published": "2025-04-01",
        "url": "",
        "byline": "",
        "body_text": next(formats.parse_text(PASTED, "t", formats.Options())).body_text,
        "quote_0": "We will run two crossings a day from May,",
        "speaker_0": "Ines Varga",
        "quote_1": "The port must reopen,",
        "speaker_1": "Selim Erdoglu",
        "save": "1",
    }
    data.update(changes)
    return data


def test_paste_saves_with_corrected_headline_outlet_date_and_speaker(editor_client):
    response = editor_client.post(
        PASTE,
        review_data(
            headline="Ferry council agrees a new timetable",
            source="Harbour Gazette",
            published="2025-03-30",
            speaker_1="Tomasz Brell",
        ),
    )
    article = Article.objects.get()
    assert response.status_code == 302 and response["Location"].endswith(f"/article/{article.pk}/change/")
    assert (article.headline, article.source.name, article.via.name, article.published) == (
        "Ferry council agrees a new timetable",
        "Harbour Gazette",
        "Newswire Digest",
        dt.date(2025, 3, 30),
    )
    quotes = {q.text: q for q in article.quotes.select_related("person")}
    assert quotes["The port must reopen,"].person.name == "Tomasz Brell"
    assert quotes["The port must reopen,"].edited_by_staff
    assert quotes["We will run two crossings a day from May,"].person.name == "Ines Varga"
    assert not quotes["We will run two crossings a day from May,"].edited_by_staff
    assert Version.objects.get_for_object(article).get().revision.user.username == "editors"


def test_paste_stores_the_paragraphs_a_browser_sends_with_crlf(editor_client):
    body = review_data()["body_text"]
    editor_client.post(PASTE, review_data(body_text=body.replace("\n", "\r\n")))
    article = Article.objects.get()
    assert article.body_text == body
    assert article.body_html.count("<p>") == 2


def test_paste_can_leave_a_speaker_unresolved(editor_client):
    editor_client.post(PASTE, review_data(speaker_1=""))
    quote = Quote.objects.get(text="The port must reopen,")
    assert (quote.person, quote.speaker_as_written) == (None, "he")


def test_paste_of_an_article_already_stored_is_refused(editor_client):
    editor_client.post(PASTE, review_data())
    response = editor_client.post(PASTE, review_data())
    assert response.status_code == 200
    assert "already stored as" in str(response.context["review"].errors)
    assert Article.objects.count() == 1


def test_paste_with_a_future_date_is_refused(editor_client):
    future = (dt.date.today() + dt.timedelta(days=5)).isoformat()
    response = editor_client.post(PASTE, review_data(published=future))
    assert "is in the future" in str(response.context["review"].errors)
    assert not Article.objects.exists()


PAGE = b"""<!doctype html><html><head><title>Lighthouse keeper retires</title>
<meta property="og:site_name" content="Harbour Gazette"></head><body><article>
<h1>Lighthouse keeper retires</h1>
<p>After forty years the keeper of the north light, Ada Lorne, handed over the keys on Sunday morning.</p>
<p>"I will miss the storms more than anything," said Ada Lorne, standing on the gallery of the tower.</p>
<p>The light will be automated next spring, the harbour board said in a statement on Friday.</p>
</article></body></html>"""


def test_paste_from_a_url_goes_through_the_fetch_chokepoint_in_a_worker(editor_client):
    with mock.patch("articles.ingest.fetch.fetch", autospec=True, return_value=Fetched(PAGE)) as fetch:
        job_page = editor_client.post(PASTE, {"url": "https://gazette.example/keeper", "preview": "1"}).url
        fetch.assert_not_called()  # not in the web request: a worker fetches it (tests/test_jobs.py)
        collect.run_worker(once=True)
    fetch.assert_called_once_with("https://gazette.example/keeper")
    article = Article.objects.get(url="https://gazette.example/keeper")
    assert article.headline == "Lighthouse keeper retires"
    assert ["I will miss the storms more than anything,"] == [q.text for q in article.quotes.all()]
    assert f"article #{article.pk}" in editor_client.get(job_page).content.decode()


def test_paste_from_an_unreachable_url_says_why(editor_client):
    error = formats.InputError("HTTP error 404 Not Found")
    with mock.patch("articles.ingest.fetch.fetch", autospec=True, side_effect=error):
        job_page = editor_client.post(PASTE, {"url": "https://gazette.example/gone", "preview": "1"}).url
        collect.run_worker(once=True)
    assert "failed after 1 attempt: HTTP error 404 Not Found" in editor_client.get(job_page).content.decode()


def test_paste_from_an_uploaded_html_file(editor_client):
    upload = SimpleUploadedFile("keeper.html", PAGE, content_type="text/html")
    response = editor_client.post(PASTE, {"file": upload, "preview": "1"})
    assert response.context["review"]["headline"].value() == "Lighthouse keeper retires"


def test_paste_from_an_uploaded_page_in_its_declared_charset(editor_client):
    page = PAGE.replace(b"<head>", b'<head><meta charset="windows-1252">').replace(
        b"Ada Lorne, handed", "Ada Lorne, née Ørsted, handed".encode("cp1252")
    )
    upload = SimpleUploadedFile("keeper.html", page, content_type="text/html")
    response = editor_client.post(PASTE, {"file": upload, "preview": "1"})
    assert "Ada Lorne, née Ørsted, handed" in response.context["review"]["body_text"].value()


def test_paste_needs_exactly_one_input(editor_client):
    response = editor_client.post(PASTE, {"text": PASTED, "url": "https://gazette.example/x", "preview": "1"})
    assert "exactly one of them" in str(response.context["form"].errors)


# --- People -------------------------------------------------------------------------------------


def test_merge_moves_quotations_mentions_and_aliases_and_combines_shared_mentions():
    keep, other = make_person("Selim Erdoğlu"), make_person("Selim Erdoglu Jr")
    Alias.objects.create(person=other, name="S. Erdoglu")
    both = make_article(quotes=[(other, "The port must reopen")], people=[keep])
    Mention.objects.filter(article=both, person=keep).update(count=2)
    Mention.objects.filter(article=both, person=other).update(count=3)
    only_other = make_article(people=[other])
    merge_people(keep=keep, others=[other])
    assert not Person.objects.filter(pk=other.pk).exists()
    assert Quote.objects.get(article=both).person == keep
    mention = Mention.objects.get(article=both)
    assert (mention.person, mention.count, mention.quoted) == (keep, 5, True)
    assert Mention.objects.get(article=only_other).person == keep
    assert set(keep.aliases.values_list("name", flat=True)) == {"S. Erdoglu", "Selim Erdoglu Jr"}


def test_merge_confirmation_shows_what_will_move_then_merges(editor_client):
    keep, other = make_person("Ines Varga"), make_person("Ines Vargas")
    make_article(quotes=[(other, "We stay out")])
    Alias.objects.create(person=other, name="I. Vargas")
    changelist = reverse("admin:articles_person_changelist")
    selection = {"action": "merge", "_selected_action": [keep.pk, other.pk]}
    confirm = editor_client.post(changelist, selection)
    assert confirm.status_code == 200
    summary = {row.person.name: (row.quotes, row.mentions, row.aliases) for row in confirm.context["summary"]}
    assert summary == {"Ines Varga": (0, 0, 0), "Ines Vargas": (1, 1, 1)}
    assert Person.objects.count() == 2  # nothing happens before confirming
    done = editor_client.post(changelist, {**selection, "confirm": "1", "keep": keep.pk})
    assert done.status_code == 302
    assert list(Person.objects.all()) == [keep]
    assert set(keep.aliases.values_list("name", flat=True)) == {"I. Vargas", "Ines Vargas"}
    assert Version.objects.get_for_object(keep).exists()


def test_merge_summary_counts_without_a_query_per_person(django_assert_num_queries):
    people = [make_person() for _ in range(4)]
    make_article(quotes=[(people[0], "One"), (people[0], "Two")])
    with django_assert_num_queries(1):  # one SELECT with three counting subqueries
        rows = merge_summary(Person.objects.filter(pk__in=[p.pk for p in people]).order_by("pk"))
    assert [r.quotes for r in rows] == [2, 0, 0, 0]


def test_people_search_finds_a_person_by_alias(editor_client):
    person = make_person("Tomasz Brell")
    Alias.objects.create(person=person, name="Captain Brell")
    response = editor_client.get(reverse("admin:articles_person_changelist"), {"q": "Captain"})
    assert list(response.context["cl"].result_list) == [person]


# --- Topics --------------------------------------------------------------------------------------


def test_topic_page_previews_how_many_articles_its_rules_match(editor_client):
    topic = make_topic("Ferries")
    TopicRule.objects.create(topic=topic, keyword="ferry")
    make_article(body_text="The ferry was late.")
    make_article(body_text="Two ferries collided.")
    make_article(body_text="The bridge reopened.")
    response = editor_client.get(reverse("admin:articles_topic_change", args=[topic.pk]))
    form = response.context["adminform"]
    fields = {f.field["name"]: f.contents() for fieldset in form for line in fieldset for f in line if f.is_readonly}
    assert fields["matching_articles"] == "2"


def test_retag_reports_what_each_topic_gained_and_lost(editor_client):
    topic = make_topic("Ferries")
    stale = make_article(body_text="The bridge reopened.")
    old_rule = TopicRule.objects.create(topic=topic, keyword="bridge")
    tag_articles([stale.pk])
    old_rule.delete()
    by_hand = make_article(body_text="The harbour wall was repaired.", topics=[topic])
    fresh = make_article(body_text="The ferry was late.")
    TopicRule.objects.create(topic=topic, keyword="ferry")
    job_page = editor_client.post(reverse("admin:articles_topic_retag")).url  # a worker re-tags (articles/jobs.py)
    collect.run_worker(once=True)
    assert "Ferries: 1 gained, 1 lost" in editor_client.get(job_page).content.decode()
    assert set(topic.articles.all()) == {fresh, by_hand}  # staff's own choice is not the rules' to undo
    assert not stale.topics.exists()


def test_topics_are_set_in_an_inline_that_says_which_a_rule_gave_and_retag_keeps_staffs(editor_client):
    ferries, harbours = make_topic("Ferries"), make_topic("Harbours")
    TopicRule.objects.create(topic=ferries, keyword="ferry")
    article = make_article(headline="Ferry strike", body_text="The ferry did not sail.")
    tag_articles([article.pk])
    by_rule = ArticleTopic.objects.get(article=article)
    change = reverse("admin:articles_article_change", args=[article.pk])
    [inline] = [f for f in editor_client.get(change).context["inline_admin_formsets"] if f.opts.model is ArticleTopic]
    assert len(inline.formset.initial_forms) == 1
    row = next(iter(inline))
    [shown] = [f.contents() for fieldset in row for line in fieldset for f in line if f.is_readonly]
    assert "icon-yes" in shown  # by a rule

    def post(topics, initial):
        data = article_data(headline=article.headline, body_html=article.body_html, topics=topics)
        data["topic_links-INITIAL_FORMS"] = initial
        return editor_client.post(change, data)

    def links():
        return dict(ArticleTopic.objects.filter(article=article).values_list("topic__name", "by_rule"))

    kept = {"id": by_rule.pk, "article": article.pk, "topic": ferries.pk}
    twice = post([kept, {"article": article.pk, "topic": ferries.pk}], 1)
    assert "Please correct the duplicate data for topic." in form_errors(twice)
    added = post([kept, {"article": article.pk, "topic": harbours.pk}], 1)
    assert added.status_code == 302, form_errors(added)
    assert links() == {"Ferries": True, "Harbours": False}  # an untouched row keeps what it was

    ports = make_topic("Ports")
    harbour_link = ArticleTopic.objects.get(article=article, topic=harbours)
    harbour_row = {"id": harbour_link.pk, "article": article.pk, "topic": harbours.pk}
    changed = post([{**kept, "topic": ports.pk}, harbour_row], 2)
    assert changed.status_code == 302, form_errors(changed)
    assert links() == {"Ports": False, "Harbours": False}  # the row staff changed is theirs now
    tag_articles([article.pk])
    assert links() == {"Ferries": True, "Ports": False, "Harbours": False}
    TopicRule.objects.filter(topic=ferries).delete()
    tag_articles([article.pk])
    assert links() == {"Ports": False, "Harbours": False}  # the rule's link went with the rule; staff's stay

    removed = post(
        [
            {**harbour_row, "DELETE": "on"},
            {"id": by_rule.pk, "article": article.pk, "topic": ports.pk},
        ],
        2,
    )
    assert removed.status_code == 302, form_errors(removed)
    assert links() == {"Ports": False}


def test_a_viewer_sees_an_articles_topics_but_cannot_change_them(viewer_client):
    article = make_article(topics=[make_topic("Ferries")])
    page = viewer_client.get(reverse("admin:articles_article_change", args=[article.pk]))
    [inline] = [f for f in page.context["inline_admin_formsets"] if f.opts.model is ArticleTopic]
    assert not inline.has_add_permission and not inline.has_change_permission and inline.has_view_permission
    assert "Ferries" in page.content.decode()


# --- The list ---------------------------------------------------------------------------------------


def test_list_search_is_full_text_over_headline_and_body(editor_client, archive):
    response = editor_client.get(reverse("admin:articles_article_changelist"), {"q": "dock workers"})
    assert [a.headline for a in response.context["cl"].result_list] == ["Harbour strike enters second week"]


def test_list_filters_articles_with_an_unresolved_speaker(editor_client, archive):
    unresolved = make_article(headline="Anonymous ferry complaint", quotes=[(None, "Too slow")])
    response = editor_client.get(reverse("admin:articles_article_changelist"), {"unresolved": "yes"})
    assert list(response.context["cl"].result_list) == [unresolved]
    response = editor_client.get(reverse("admin:articles_article_changelist"), {"quotes": "no"})
    assert [a.headline for a in response.context["cl"].result_list] == ["Letters to the editor"]


def test_article_list_query_count_does_not_grow_with_rows(editor_client, grow_archive, django_assert_num_queries):
    grow_archive(30)
    # session, user, savepoint, user and group permissions, languages, outlets and topics for the
    # filters, count, the page (outlet joined, quotations counted in a subquery), release, then
    # date_hierarchy's first/last date and its months. None of them per row.
    with django_assert_num_queries(13):
        response = editor_client.get(reverse("admin:articles_article_changelist"))
    assert len(response.context["cl"].result_list) == 30


# --- Roles ----------------------------------------------------------------------------------------


def test_anonymous_gets_the_login_page(client):
    article = make_article()
    for url in (
        reverse("admin:articles_article_changelist"),
        PASTE,
        reverse("admin:articles_article_change", args=[article.pk]),
    ):
        response = client.get(url)
        assert response.status_code == 302 and response["Location"].startswith("/admin/login/")


def test_viewer_can_read_but_not_change_anything(viewer_client):
    person, other = make_person("Ines Varga"), make_person("Ines Vargas")
    topic = make_topic("Ferries")
    article = make_article(headline="Ferry news")
    assert viewer_client.get(reverse("admin:articles_article_changelist")).status_code == 200
    assert viewer_client.get(reverse("admin:articles_article_change", args=[article.pk])).status_code == 200
    assert viewer_client.get(reverse("admin:articles_article_history", args=[article.pk])).status_code == 200
    change = viewer_client.post(
        reverse("admin:articles_article_change", args=[article.pk]), article_data(headline="Changed by a viewer")
    )
    assert change.status_code == 403
    assert viewer_client.post(ADD, article_data()).status_code == 403
    assert viewer_client.get(PASTE).status_code == 403
    assert viewer_client.post(PASTE, review_data()).status_code == 403
    assert viewer_client.post(reverse("admin:articles_topic_retag")).status_code == 403
    merge = viewer_client.post(
        reverse("admin:articles_person_changelist"),
        {"action": "merge", "_selected_action": [person.pk, other.pk], "confirm": "1", "keep": person.pk},
    )
    assert merge.status_code == 200 and Person.objects.count() == 2
    action_form = viewer_client.get(reverse("admin:articles_person_changelist")).context["action_form"]
    assert action_form is None or "merge" not in dict(action_form.fields["action"].choices)
    assert Article.objects.get().headline == "Ferry news"
    assert topic.articles.count() == 0


def test_groups_hold_the_permissions_their_names_promise():
    editors = set(Group.objects.get(name="Editors").permissions.values_list("codename", flat=True))
    viewers = set(Group.objects.get(name="Viewers").permissions.values_list("codename", flat=True))
    assert {
        "add_article",
        "change_article",
        "change_quote",
        "add_person",
        "merge_person",
        "change_topic",
        "add_topicrule",
        "change_mention",
        "add_alias",
    } <= editors
    assert "delete_article" not in editors and "delete_person" not in editors
    assert all(code.startswith("view_") for code in viewers) and "view_article" in viewers


# --- Names that are not people ------------------------------------------------------------------


def test_a_name_staff_say_is_not_a_person_is_never_a_person_again(editor_client, tmp_path):
    from articles import archive as write_path
    from articles.ingest import pipeline
    from articles.ingest.formats import Options
    from articles.models import NotAPerson

    first = tmp_path / "first.txt"
    first.write_text('Dock deal agreed\n\n"We will keep the dock open all winter," said Ingrid Halvorsen on Monday.\n')
    assert pipeline.run([str(first)], Options(source="Valley Courier")).created == 1
    ship = Person.objects.get(name="Ingrid Halvorsen")  # in fact the ferry company's new ship, named for its founder
    article = Article.objects.get()

    changelist = reverse("admin:articles_person_changelist")
    selection = {"action": "not_people", "_selected_action": [ship.pk]}
    confirm = editor_client.post(changelist, selection)
    assert b"will be remembered as not people" in confirm.content and b"Ingrid Halvorsen" in confirm.content
    assert Person.objects.filter(pk=ship.pk).exists()  # nothing happens before the confirmation
    done = editor_client.post(changelist, {**selection, "confirm": "1"})
    assert done.status_code == 302
    assert not Person.objects.filter(name="Ingrid Halvorsen").exists()
    assert list(NotAPerson.objects.values_list("name", flat=True)) == ["Ingrid Halvorsen"]
    quote = Quote.objects.get(article=article)
    assert (quote.person, quote.speaker_as_written) == (None, "Ingrid Halvorsen")
    assert "Ingrid" not in Article.objects.get().search_text.split("We will")[0]  # not among the names

    # Re-extraction after an edit, and a new article naming it, make no person of it again.
    write_path.update_article(article)
    second = tmp_path / "second.txt"
    second.write_text('Winter timetable\n\n"Ferries run at six," said Ingrid Halvorsen, the ship on the route.\n')
    assert pipeline.run([str(second)], Options(source="Valley Courier")).created == 1
    assert not Person.objects.filter(name__icontains="Halvorsen").exists()
    assert not Mention.objects.exists()
    assert set(Quote.objects.values_list("person", "speaker_as_written")) == {(None, "Ingrid Halvorsen")}


def test_viewers_cannot_declare_names_not_people(viewer_client):
    person = make_person("Ingrid Halvorsen")
    changelist = reverse("admin:articles_person_changelist")
    viewer_client.post(changelist, {"action": "not_people", "_selected_action": [person.pk], "confirm": "1"})
    assert Person.objects.filter(pk=person.pk).exists()


def test_staff_say_a_quotation_is_an_organisations_in_the_quote_inline(editor_client):
    ines = make_person("Ines Varga")
    body = "<p>“The quay reopens on Monday,” the port authority said. “Nobody was hurt,” Varga said.</p>"
    response = editor_client.post(
        ADD,
        article_data(
            body_html=body,
            quotes=[
                {
                    "text": "The quay reopens on Monday,",
                    "person": "",
                    "speaker_as_written": "the port authority",
                    "speaker_kind": "organisation",
                },
                # a person chosen while the kind still says "organisation": the person wins
                {
                    "text": "Nobody was hurt,",
                    "person": ines.pk,
                    "speaker_as_written": "Varga",
                    "speaker_kind": "organisation",
                },
            ],
        ),
    )
    assert response.status_code == 302, form_errors(response)
    quotes = {q.text: (q.person, q.speaker_kind) for q in Article.objects.get().quotes.all()}
    assert quotes == {"The quay reopens on Monday,": (None, "organisation"), "Nobody was hurt,": (ines, "person")}
    change = reverse("admin:articles_article_change", args=[Article.objects.get().pk])
    assert 'name="quotes-0-speaker_kind"' in editor_client.get(change).content.decode()


# ArticleTopic.published (0044) whatever writes the link: the admin inline, a revision reverted


@pytest.mark.django_db
def test_a_topic_link_changed_with_its_articles_date_gets_the_new_date(editor_client):
    """Staff change an article's date and one of its topics in one save: the link keeps the old date (the
    inline's instance was read before the article's UPDATE copied the new date; Model.save writes every
    column, and topic_link_published_moved fires only when article_id changes), so a search of the topic
    alone (plans.walk_links) lists the article under the old date."""
    ferries, ports = make_topic("Ferries"), make_topic("Ports")
    article = make_article(headline="Ferry strike", body_text="The ferry did not sail.", published=dt.date(2025, 4, 2))
    ArticleTopic.objects.create(article=article, topic=ferries)
    link = ArticleTopic.objects.get(article=article)
    assert link.published == dt.date(2025, 4, 2)
    change = reverse("admin:articles_article_change", args=[article.pk])
    data = article_data(
        headline=article.headline,
        body_html=article.body_html,
        published="2025-05-09",
        topics=[{"id": link.pk, "article": article.pk, "topic": ports.pk}],
        topics_initial=1,
    )
    response = editor_client.post(change, data)
    assert response.status_code == 302, form_errors(response)
    link.refresh_from_db()
    assert link.topic == ports
    assert link.published == dt.date(2025, 5, 9)


@pytest.mark.django_db
def test_reverting_an_admin_revision_keeps_a_topic_links_date(editor_client):
    """A link staff add in the admin is recorded by django-reversion as saved, published null (the trigger filled the
    row, not the instance); reverting to that revision writes the null back (an UPDATE: the fill trigger runs on
    INSERT only), so the article drops out of its place in a search of the topic (NULLS LAST)."""
    ferries = make_topic("Ferries")
    article = make_article(headline="Ferry strike", body_text="The ferry did not sail.", published=dt.date(2025, 4, 2))
    change = reverse("admin:articles_article_change", args=[article.pk])
    data = article_data(
        headline=article.headline, body_html=article.body_html, topics=[{"article": article.pk, "topic": ferries.pk}]
    )
    response = editor_client.post(change, data)
    assert response.status_code == 302, form_errors(response)
    link = ArticleTopic.objects.get(article=article)
    assert link.published == dt.date(2025, 4, 2)
    Version.objects.get_for_object(link).first().revision.revert()
    link.refresh_from_db()
    assert link.published == dt.date(2025, 4, 2)


@pytest.mark.django_db
def test_a_quotation_edited_with_its_articles_date_gets_the_new_date(editor_client):
    """As for topic links above: staff change an article's date and correct one of its quotations in the same save.
    The inline's quotation was read before the article's UPDATE copied the new date to its quotations, and
    Model.save writes every column, so the quotation went back to the old date: the speaker's page, walking
    (person, published), listed it under the day the article no longer has."""
    body = "<p>“The quay reopens on Monday,” a dock worker said.</p>"
    response = editor_client.post(
        ADD,
        article_data(
            body_html=body,
            quotes=[
                {"text": "The quay reopens on Monday,", "person": "", "speaker_as_written": "", "speaker_kind": ""}
            ],
        ),
    )
    assert response.status_code == 302, form_errors(response)
    article = Article.objects.get()
    quote = article.quotes.get()
    assert quote.published == dt.date(2025, 4, 2)
    change = reverse("admin:articles_article_change", args=[article.pk])
    data = article_data(
        headline=article.headline,
        body_html=article.body_html,
        published="2025-05-09",
        quotes=[
            {
                "id": quote.pk,
                "article": article.pk,
                "text": quote.text,
                "person": "",
                "speaker_as_written": "a dock worker",
                "speaker_kind": "unknown",
            }
        ],
        quotes_initial=1,
    )
    response = editor_client.post(change, data)
    assert response.status_code == 302, form_errors(response)
    quote.refresh_from_db()
    assert (quote.speaker_as_written, quote.published) == ("a dock worker", dt.date(2025, 5, 9))


@pytest.mark.parametrize("value", ["abc", "1e309", "", "%00", "1.5"])
def test_an_add_form_given_no_id_in_its_url_opens_empty(editor_client, value):
    """Found by QA (a crawl of admin URLs with odd parameters): /admin/articles/article/add/?source=abc (or
    copy_of, via; the feed form's source) was a 500, Django's autocomplete widget looking the value up as an id."""
    for url, field in [(ADD, "source"), (ADD, "copy_of"), (ADD, "via"), (reverse("admin:articles_feed_add"), "source")]:
        response = editor_client.get(url, {field: value})
        assert response.status_code == 200, (url, field)
        assert f'name="{field}"' in response.content.decode()


def test_an_add_form_given_an_id_in_its_url_still_starts_from_it(editor_client):
    outlet = make_source("Elden Weekly")
    content = editor_client.get(ADD, {"source": outlet.pk}).content.decode()
    assert f'<option value="{outlet.pk}" selected>Elden Weekly</option>' in content

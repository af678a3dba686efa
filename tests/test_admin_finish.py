"""An admin that looks finished (issue 14.7): human labels, accurate change messages, the admin's own
form layout on the paste pages, and the body a viewer reads rendered. Everything here is invented.

Whether each page fits a 1280 px window is checked in a browser: tests/test_browser_admin_fit.py.
"""

import datetime as dt

import pytest
from django.contrib.admin.models import LogEntry
from django.contrib.auth.models import User
from django.urls import reverse
from reversion.models import Version

from articles import quality
from articles.models import Alias, Article, Person, Quote
from tests.conftest import make_article, make_person, make_source
from tests.test_admin import ADD, PASTE, PASTED, article_data, editor_client, form_errors, review_data, viewer_client  # noqa: F401

pytestmark = pytest.mark.django_db

TWO_PARAGRAPHS = "<p>The harbour council met on Thursday.</p>\n<p>The new timetable starts in May.</p>"


def change_url(article: Article) -> str:
    return reverse("admin:articles_article_change", args=[article.pk])


def test_the_article_form_labels_fields_in_words(editor_client):  # noqa: F811
    content = editor_client.get(ADD).content.decode()
    for label in ("Headline", "Body", "Outlet", "Aggregator", "Published", "URL", "Byline"):
        assert f">{label}:</label>" in content, label
    for field_name in ("Body html", "Url:", "Source:", "Via:"):
        assert field_name not in content


def test_the_feed_form_and_list_call_an_outlet_an_outlet(editor_client):  # noqa: F811
    """Found by QA: the feeds' form, list column and filter said "Source", where every other page says outlet."""
    make_source("Valley Courier")
    form = editor_client.get(reverse("admin:articles_feed_add")).content.decode()
    assert ">Outlet:</label>" in form and ">Source:</label>" not in form
    listing = editor_client.get(reverse("admin:articles_feed_changelist")).content.decode()
    assert "By outlet" in listing and "By source" not in listing


def test_changing_only_the_headline_says_only_the_headline_changed(editor_client):  # noqa: F811
    response = editor_client.post(ADD, article_data(headline="Ferry council meets", body_html=TWO_PARAGRAPHS))
    assert response.status_code == 302, form_errors(response)
    article = Article.objects.get()
    assert "\n" in article.body_html  # stored with LF between paragraphs...
    # ...and sent back by a browser with CRLF, as every textarea's line breaks are.
    response = editor_client.post(
        change_url(article),
        article_data(headline="Ferry council agrees timetable", body_html=article.body_html.replace("\n", "\r\n")),
    )
    assert response.status_code == 302, form_errors(response)
    entry = LogEntry.objects.filter(object_id=str(article.pk)).order_by("-pk").first()
    assert entry.get_change_message() == "Changed Headline."
    assert Version.objects.get_for_object(article).first().revision.get_comment() == "Changed Headline."


def test_a_changed_body_is_still_named_in_the_change_message(editor_client):  # noqa: F811
    editor_client.post(ADD, article_data(body_html=TWO_PARAGRAPHS))
    article = Article.objects.get()
    editor_client.post(
        change_url(article), article_data(body_html=TWO_PARAGRAPHS.replace("May", "June").replace("\n", "\r\n"))
    )
    entry = LogEntry.objects.filter(object_id=str(article.pk)).order_by("-pk").first()
    assert entry.get_change_message() == "Changed Body."


def test_change_messages_name_quotations_and_people_named_as_the_form_does(editor_client):  # noqa: F811
    """Found by QA: an edit in the article's inlines was logged as 'Changed Speaker as written for quote …' and
    'Changed Times named for mention “Ines Varga in 17”': the form's words are quotation and person named,
    and the article's id meant nothing there."""
    body = "<p>“The ferry will run,” said Ines Varga. “Not on Sundays,” she said.</p>"
    editor_client.post(ADD, article_data(headline="Ferry news", body_html=body))
    article = Article.objects.get()
    first, second = article.quotes.order_by("position")
    mention = article.mentions.get()
    quote_row = {"article": article.pk, "person": mention.person_id, "speaker_kind": "person"}
    response = editor_client.post(
        change_url(article),
        article_data(
            headline="Ferry news",
            body_html=body,
            quotes=[
                {**quote_row, "id": first.pk, "text": first.text, "speaker_as_written": "Varga"},
                {**quote_row, "id": second.pk, "text": second.text, "speaker_as_written": "she", "DELETE": "on"},
            ],
            quotes_initial=2,
            mentions=[
                {"id": mention.pk, "article": article.pk, "person": mention.person_id, "count": 3, "quoted": "on"}
            ],
            mentions_initial=1,
        ),
    )
    assert response.status_code == 302, form_errors(response)
    entry = LogEntry.objects.filter(object_id=str(article.pk)).order_by("-pk").first()
    assert entry.get_change_message() == (
        "Changed Speaker as written for quotation “The ferry will run,”. "
        "Deleted quotation “Not on Sundays,”. "
        "Changed Times named for person named “Ines Varga”."
    )


def test_a_headline_typed_over_two_lines_is_stored_on_one(editor_client):  # noqa: F811
    editor_client.post(ADD, article_data(headline="Ferry council\r\n  agrees timetable"))
    assert Article.objects.get().headline == "Ferry council agrees timetable"


def test_a_viewer_reads_the_body_rendered_and_an_editor_edits_its_markup(viewer_client, client):  # noqa: F811
    article = make_article(
        headline="Ferry crews vote",
        body_text="x",
        body_html="<p>The <em>ferry</em> crews voted, 5 &lt;b&gt; 3.</p>",
    )
    content = viewer_client.get(change_url(article)).content.decode()
    assert '<div class="article-body"><p>The <em>ferry</em> crews voted, 5 &lt;b&gt; 3.</p></div>' in content
    assert "&lt;p&gt;" not in content  # not the markup as text
    assert ">Body:</label>" in content


def test_the_editor_still_gets_the_markup_to_edit(editor_client):  # noqa: F811
    article = make_article(body_text="x", body_html="<p>The <em>ferry</em> crews voted.</p>")
    content = editor_client.get(change_url(article)).content.decode()
    assert "&lt;p&gt;The &lt;em&gt;ferry&lt;/em&gt; crews voted.&lt;/p&gt;</textarea>" in content
    assert 'class="article-body"' not in content


def test_a_preview_saved_with_the_date_as_the_date_box_writes_it_keeps_the_date(editor_client):  # noqa: F811
    response = editor_client.post(PASTE, review_data(published="30/03/2025"))
    assert response.status_code == 302
    assert Article.objects.get().published == dt.date(2025, 3, 30)


def test_comparing_versions_lists_what_staff_changed_by_label_without_derived_fields(editor_client):  # noqa: F811
    editor_client.post(ADD, article_data(headline="Crane falls", body_html="<p>The crane fell.</p>"))
    article = Article.objects.get()
    editor_client.post(change_url(article), article_data(headline="Harbour crane falls", body_html="<p>It fell.</p>"))
    new, old = Version.objects.get_for_object(article)
    response = editor_client.get(
        reverse("admin:articles_article_compare", args=[article.pk]), {"old": old.pk, "new": new.pk}
    )
    # Not the search document, the plain text, the fingerprint or the time of saving.
    assert response.context["changes"] == [
        ("Headline", "Crane falls", "Harbour crane falls"),
        ("Body", "<p>The crane fell.</p>", "<p>It fell.</p>"),
    ]


def test_history_lists_each_version_once_with_the_two_to_compare(editor_client):  # noqa: F811
    editor_client.post(ADD, article_data(headline="Crane falls"))
    article = Article.objects.get()
    editor_client.post(change_url(article), article_data(headline="Harbour crane falls"))
    content = editor_client.get(reverse("admin:articles_article_history", args=[article.pk])).content.decode()
    assert content.count('name="old"') == 2 and content.count('name="new"') == 2
    assert content.count('id="change-history"') == 1  # one list, not reversion's and then ours
    assert "Choose a date from the list below" not in content
    assert "Changed Headline." in content


def test_paste_form_uses_the_admins_layout_and_date_box(editor_client):  # noqa: F811
    content = editor_client.get(PASTE).content.decode()
    assert 'class="form-row field-text"' in content and 'class="flex-container"' in content
    assert 'class="vDateField"' in content and "DateTimeShortcuts.js" in content


def test_paste_preview_shows_the_whole_headline_and_the_date_as_its_help_says(editor_client):  # noqa: F811
    make_source("Valley Courier")
    response = editor_client.post(PASTE, {"text": PASTED, "published": "2025-04-01", "preview": "1"})
    content = response.content.decode()
    # A wrapping box, not a one-line input that cuts a long headline off.
    assert 'class="vLargeTextField"' in content and "Ferry council agrees new timetable</textarea>" in content
    # The admin's date box shows the admin's format, as its help says (chromium showed <input type=date>
    # as mm/dd/yyyy under "YYYY-MM-DD").
    assert 'type="date"' not in content
    assert 'value="01/04/2025"' in content and "DD/MM/YYYY" in content
    assert 'class="form-row field-headline"' in content and 'class="form-row field-speaker_0"' in content
    assert ">URL:</label>" in content


# --- Data quality (issue 14.5) ----------------------------------------------------------------------

QUALITY = reverse("admin:data_quality")


def test_quotations_with_no_speaker_are_listed_newest_first():
    ines = make_person("Ines Varga")
    old = make_article(published=dt.date(2025, 1, 5), quotes=[(None, "The quay is closed"), (ines, "We agreed")])
    new = make_article(published=dt.date(2025, 3, 5), quotes=[(None, "Nobody asked us")])
    assert [(q.article_id, q.text) for q in quality.unattributed_quotes()] == [
        (new.pk, "Nobody asked us"),
        (old.pk, "The quay is closed"),
    ]


def test_people_with_one_surname_and_similar_first_names_or_anothers_alias_look_like_duplicates():
    ana, ana_maria = make_person("Ana Ruiz"), make_person("Ana María Ruiz")  # one first name starts the other
    initial, ines = make_person("I. Varga"), make_person("Ines Varga")  # an initial
    katarzyna, katarzina = make_person("Katarzyna Nowak"), make_person("Katarzina Nowak")  # a misspelling
    make_person("Tomas Brell"), make_person("Ada Brell")  # one family, two people
    make_person("Ines Vargova")  # another surname
    selim = make_person("Selim Erdoğlu")
    Alias.objects.create(person=selim, name="Mayor Erdoglu")
    mayor = make_person("Mayor Erdoglu")  # made before the alias resolved to Selim
    pairs = {(d.person_id, d.other_id, d.reason) for d in quality.LikelyDuplicates()[0:50]}
    surname = "same surname, similar first names"
    assert pairs == {
        (ana.pk, ana_maria.pk, surname),
        (initial.pk, ines.pk, surname),
        (katarzyna.pk, katarzina.pk, surname),
        (mayor.pk, selim.pk, "name is an alias of the other"),
    }
    assert quality.LikelyDuplicates().count() == 4


def test_people_named_once_with_an_organisations_name_look_like_organisations():
    authority, board, ines, council, dockers = (
        make_person(name)
        for name in ("Harbour Authority", "Ferry Board", "Ines Varga", "Port Council", "Valley Dockworkers")
    )
    make_article(people=[authority, ines, dockers])
    make_article(people=[board])
    make_article(people=[board])  # named twice: perhaps someone meant it
    assert list(quality.organisation_like_people()) == [authority, dockers]  # council: never named
    assert council not in quality.organisation_like_people()


def test_articles_without_a_date_or_an_outlet_are_listed():
    undated = make_article(published=None)
    unsourced = make_article(published=dt.date(2025, 2, 1), source=None)
    make_article(published=dt.date(2025, 2, 1))
    assert list(quality.undated_or_unsourced_articles()) == [unsourced, undated]


@pytest.fixture
def messy_archive(db):
    def grow(n: int) -> None:
        for i in range(n):
            person = make_person(f"Ana{i} Ruiz{i}")
            make_person(f"Ana{i} M Ruiz{i}")
            make_person(f"Harbour Authority {i}")
            org = Person.objects.get(name=f"Harbour Authority {i}")
            make_article(published=None, quotes=[(None, f"The quay is closed {i}"), (person, f"We agreed {i}")])
            make_article(people=[org], source=None, published=dt.date(2025, 1, 1))

    return grow


def test_the_page_links_each_row_to_the_form_that_fixes_it(editor_client, messy_archive):  # noqa: F811
    messy_archive(1)
    response = editor_client.get(QUALITY)
    content = response.content.decode()
    quote = Quote.objects.get(person=None)
    first, second = Person.objects.filter(name__endswith="Ruiz0").order_by("pk")
    org = Person.objects.get(name="Harbour Authority 0")
    changelist = reverse("admin:articles_person_changelist")
    assert f'href="{reverse("admin:articles_article_change", args=[quote.article_id])}#quotes-group"' in content
    assert f'href="{changelist}?id__in={first.pk},{second.pk}">Merge them…' in content
    assert f'href="{changelist}?id__in={org.pk}">Not a person…' in content
    for article in Article.objects.all():  # one undated, one without an outlet
        assert f'href="{reverse("admin:articles_article_change", args=[article.pk])}"' in content
    # The person list the link opens shows just those two, for the merge action.
    listed = editor_client.get(changelist, {"id__in": f"{first.pk},{second.pk}"}).context["cl"].result_list
    assert {p.pk for p in listed} == {first.pk, second.pk}


def test_the_page_reads_the_same_few_queries_however_much_is_wrong(
    editor_client,  # noqa: F811
    messy_archive,
    django_assert_max_num_queries,
):
    messy_archive(quality.PER_PAGE + 5)  # more rows than a page in every check
    day = dt.date(2025, 4, 1)
    for _ in range(quality.PER_PAGE + 5):  # wire-copy groups (issue 14.3): a first publication, two copies
        head = make_article(published=day)
        make_article(published=day, copy_of=head)
        make_article(published=day, copy_of=head)
    # session, user, its permissions (user and group), then a count and a page of rows per check (10), and
    # the wire groups' copies (one query for the page).
    with django_assert_max_num_queries(15):
        response = editor_client.get(QUALITY)
    sections = {s.check.key: s.page for s in response.context["sections"]}
    assert {key: page.paginator.count for key, page in sections.items()} == {
        "unattributed": quality.PER_PAGE + 5,
        "duplicates": quality.PER_PAGE + 5,
        "organisations": quality.PER_PAGE + 5,
        "undated": 2 * (quality.PER_PAGE + 5),
        "wire": quality.PER_PAGE + 5,
    }
    assert all(len(page.object_list) == quality.PER_PAGE for page in sections.values())
    with django_assert_max_num_queries(15):
        second = editor_client.get(QUALITY, {"duplicates": 2, "undated": 3})
    pages = {s.check.key: s.page for s in second.context["sections"]}
    assert (pages["duplicates"].number, len(pages["duplicates"].object_list)) == (2, 5)
    assert (pages["undated"].number, len(pages["undated"].object_list)) == (3, 10)
    assert (pages["unattributed"].number, len(pages["unattributed"].object_list)) == (1, quality.PER_PAGE)


@pytest.mark.parametrize("page", ["0", "-1", "x", "999", "1.5", ""])
def test_a_page_that_is_not_one_gives_a_page_not_an_error(editor_client, messy_archive, page):  # noqa: F811
    messy_archive(2)
    assert editor_client.get(QUALITY, {"unattributed": page}).status_code == 200


def test_the_admin_index_counts_what_is_wrong(editor_client, messy_archive, django_assert_max_num_queries):  # noqa: F811
    messy_archive(3)
    response = editor_client.get(reverse("admin:index"))
    assert [(check.key, count) for check, count in response.context["quality_counts"]] == [
        ("unattributed", 3),
        ("duplicates", 3),
        ("organisations", 3),
        ("undated", 6),
        ("wire", 0),
    ]
    assert f'href="{QUALITY}#duplicates"' in response.content.decode()


def test_viewers_see_the_page_and_others_do_not(viewer_client, client):  # noqa: F811
    assert viewer_client.get(QUALITY).status_code == 200
    outsider = User.objects.create_user("outsider", password="pw", is_staff=True)
    client.force_login(outsider)
    assert client.get(QUALITY).status_code == 403
    assert "quality_counts" not in client.get(reverse("admin:index")).context
    client.logout()
    assert client.get(QUALITY).status_code == 302  # to the sign-in page

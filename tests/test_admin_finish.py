"""An admin that looks finished (issue 14.7): human labels, accurate change messages, the admin's own
form layout on the paste pages, and the body a viewer reads rendered. Everything here is invented.

Whether each page fits a 1280 px window is checked in a browser: tests/test_browser_admin_fit.py.
"""

import datetime as dt

import pytest
from django.contrib.admin.models import LogEntry
from django.urls import reverse
from reversion.models import Version

from articles.models import Article
from tests.conftest import make_article, make_source
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

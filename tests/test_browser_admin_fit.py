"""Every admin page fits a 1280 px window (issue 14.7), in a real browser (Debian's chromium through
Playwright), for an editor, a viewer and a superuser.

The pages are found from the admin site's registry, so a model registered later is walked too:
its changelist, its add form (when the role may add) and the change (or view) form of one row,
plus the paste page and its preview, an article's history and the comparison of two versions,
the merge confirmation and the data-quality page. Screenshots of each go to
test-artifacts/admin-fit/. Run with `pytest -m browser`.
"""

from types import SimpleNamespace

import pytest
import reversion
from django.conf import settings
from django.contrib import admin
from django.contrib.auth.models import User
from django.test import Client
from django.urls import NoReverseMatch, reverse
from reversion.models import Version

from articles.models import Alias, Article, Feed, Job, Mention, NotAPerson, TopicRule
from tests.conftest import make_article, make_person, make_source, make_topic
from tests.test_admin import PASTED, staff
from tests.test_browser import ARTIFACTS, browser  # noqa: F401 - fixture

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WIDTH = 1280
SHOTS = ARTIFACTS / "admin-fit"

# A long headline (the list wrapped it one word per line) and quotations as long as real ones.
HEADLINE = (
    "Port Ardent harbour council agrees a new ferry timetable after three weeks of talks with the "
    "crews, the operators and the island councils"
)
QUOTES = [
    "We will run two crossings a day from May, and three once the new berth at the north quay is finished",
    "The port must reopen on Monday, whatever the council decides about the timetable for the summer",
    "Nobody on the islands was asked whether a single evening crossing is enough for people who work in town",
    "We can live with this rota",
]


@pytest.fixture
def newsroom(live_server):
    """A small fictional archive with one of every kind of row, and an article edited twice."""
    courier = make_source("Valley Courier", homepage="https://courier.example/news/harbour/and/islands/")
    ines = make_person("Ines Varga", description="Harbour workers' union, chair of the ferry crews' branch")
    selim = make_person("Selim Erdoğlu", description="Mayor of Port Ardent")
    make_person("Ines Vargas")
    make_person("I. Varga")  # the data-quality page: a likely duplicate of Ines Varga...
    board = make_person("Port Ardent Ferries Board")  # ...and an organisation taken for a person
    Alias.objects.create(person=selim, name="Mayor Erdoglu")
    transport = make_topic("Transport", description="Ferries, buses, the harbour railway.")
    TopicRule.objects.create(topic=transport, keyword="ferry timetable")
    NotAPerson.objects.create(name="Harbour Authority")
    paragraphs = [
        "The harbour council met on Thursday evening in the old customs house.",
        *(
            f"“{text},” said {name}."
            for text, name in zip(QUOTES[:3], ["Ines Varga", "Selim Erdoğlu", "a crew member"], strict=True)
        ),
        "The new timetable starts on the first Monday of May and will be reviewed after the summer.",
    ]
    article = make_article(
        headline=HEADLINE,
        source=courier,
        byline="Mara Quill, harbour correspondent",
        url="https://courier.example/news/harbour/2025/04/port-ardent-harbour-council-agrees-new-ferry-timetable",
        body_text="\n\n".join(paragraphs),
        quotes=[(ines, QUOTES[0]), (selim, QUOTES[1]), (None, QUOTES[2])],
        people=[ines, selim, board],
        topics=[transport],
    )
    Mention.objects.filter(article=article).update(count=3)
    for headline in ("Ferry council meets", HEADLINE):  # two versions to compare
        with reversion.create_revision():
            Article.objects.filter(pk=article.pk).update(headline=headline)
            article.refresh_from_db()
            reversion.add_to_revision(article)
            reversion.set_comment("Changed Headline.")
    for i in range(3):
        make_article(headline=f"{HEADLINE} ({i})", source=courier, quotes=[(None, QUOTES[3])])
    # An outlet's name as long as real ones get: the list wrote it on one line, and its table scrolled sideways.
    make_article(
        headline="Ferry timetable agreed", source=make_source("The Harborview Courier and Ardel Valley Advertiser")
    )
    # A feed and a job, so their change pages are walked too (by whoever may open them).
    Feed.objects.create(url="https://courier.example/feeds/harbour.xml", title="Valley Courier: harbour")
    Job.objects.create(
        kind=Job.Kind.PASTE,
        arguments={"url": "https://courier.example/news/harbour/ferry-timetable"},
        state=Job.State.DONE,
        result={"stored": "created", "article_id": article.pk, "headline": HEADLINE},
    )
    return SimpleNamespace(article=article, person=selim, url=live_server.url)


def signed_in(browser, base_url: str, user: User):  # noqa: F811
    """A 1280 px browser page signed in as `user` (the session made by Django's test client)."""
    client = Client()
    client.force_login(user)
    context = browser.new_context(viewport={"width": WIDTH, "height": 900})
    context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": base_url,
            }
        ]
    )
    page = context.new_page()
    page.set_default_timeout(10_000)
    return page


def registry_pages(user: User) -> list[tuple[str, str]]:
    """(name, path) of each model's changelist, add form and one row's form this user may open."""
    request = SimpleNamespace(user=user)
    pages = []
    for model, model_admin in admin.site._registry.items():
        if not model_admin.has_view_or_change_permission(request):
            continue
        info = f"{model._meta.app_label}_{model._meta.model_name}"
        pages.append((f"{info}-list", reverse(f"admin:{info}_changelist")))
        if model_admin.has_add_permission(request):
            pages.append((f"{info}-add", reverse(f"admin:{info}_add")))
        rows = model._default_manager.order_by("pk")[:10]
        row = next((row for row in rows if model_admin.has_view_or_change_permission(request, row)), None)
        if row is not None:
            pages.append((f"{info}-change", reverse(f"admin:{info}_change", args=[row.pk])))
    return pages


def extra_pages(newsroom, user: User) -> list[tuple[str, str]]:
    article = newsroom.article
    new, old = Version.objects.get_for_object(article)[:2]
    pages = [
        ("index", reverse("admin:index")),
        ("articles-app", reverse("admin:app_list", args=["articles"])),
        ("article-history", reverse("admin:articles_article_history", args=[article.pk])),
        (
            "article-compare",
            reverse("admin:articles_article_compare", args=[article.pk]) + f"?old={old.pk}&new={new.pk}",
        ),
        ("person-history", reverse("admin:articles_person_history", args=[newsroom.person.pk])),
    ]
    if user.has_perm("articles.add_article"):
        pages += [
            ("paste", reverse("admin:articles_article_paste")),
            ("article-recover", reverse("admin:articles_article_recoverlist")),
        ]
    try:
        pages.append(("data-quality", reverse("admin:data_quality")))
    except NoReverseMatch:
        pass
    return pages


# A box of the page that scrolls sideways within it (the list's table in Django's div.results): its content's width.
# Form controls are left out: a list of permissions scrolls inside its <select>, as a long line in a <textarea>.
INNER_SCROLL = """() => Math.max(0, ...[...document.querySelectorAll("body *")]
    .filter(e => !["SELECT", "TEXTAREA"].includes(e.tagName))
    .filter(e => ["auto", "scroll"].includes(getComputedStyle(e).overflowX) && e.scrollWidth > e.clientWidth + 1)
    .map(e => e.scrollWidth))"""


def too_wide(page) -> int | None:
    """The page's width when it scrolls sideways at WIDTH, or a box's within it that does, else None."""
    width = page.evaluate("document.documentElement.scrollWidth")
    return width if width > WIDTH else (page.evaluate(INNER_SCROLL) or None)


@pytest.mark.parametrize("role", ["Editors", "Viewers", "superuser"])
def test_every_admin_page_fits_1280_px_without_scrolling_sideways(browser, newsroom, role):  # noqa: F811
    if role == "superuser":
        user = User.objects.create_superuser("chief", password="pw")
    else:
        user = staff(role)
    page = signed_in(browser, newsroom.url, user)
    SHOTS.mkdir(parents=True, exist_ok=True)
    wide = {}
    for name, path in [*extra_pages(newsroom, user), *registry_pages(user)]:
        response = page.goto(newsroom.url + path)
        assert response.ok, (name, path, response.status)
        page.screenshot(path=str(SHOTS / f"{role.lower()}-{name}.png"), full_page=True)
        if width := too_wide(page):
            wide[name] = width
        if name == "paste":  # and the preview of what the pipeline found
            page.fill("#id_text", PASTED)
            page.click("input[name=preview]")
            page.wait_for_selector("#review-form")
            page.screenshot(path=str(SHOTS / f"{role.lower()}-paste-preview.png"), full_page=True)
            if width := too_wide(page):
                wide["paste-preview"] = width
    assert wide == {}, f"pages wider than {WIDTH} px for {role}: {wide}"


def test_a_long_headline_is_seen_whole_in_the_form_the_preview_and_the_list(browser, newsroom):  # noqa: F811
    page = signed_in(browser, newsroom.url, staff("Editors"))
    whole = "el => el.scrollHeight <= el.clientHeight && el.scrollWidth <= el.clientWidth"

    page.goto(newsroom.url + reverse("admin:articles_article_change", args=[newsroom.article.pk]))
    assert page.input_value("#id_headline") == HEADLINE
    assert page.eval_on_selector("#id_headline", whole)

    page.goto(newsroom.url + reverse("admin:articles_article_paste"))
    page.fill("#id_text", HEADLINE + "\n\n" + "“We can live with this rota,” said Ines Varga.")
    page.click("input[name=preview]")
    page.wait_for_selector("#review-form")
    assert page.input_value("#id_headline") == HEADLINE
    assert page.eval_on_selector("#id_headline", whole)

    # In the list, a headline wrapped one word per line: now its column has room for a line of words.
    page.goto(newsroom.url + reverse("admin:articles_article_changelist"))
    widths = page.eval_on_selector_all("#result_list .field-headline", "cells => cells.map(c => c.clientWidth)")
    assert widths and min(widths) >= 320, widths

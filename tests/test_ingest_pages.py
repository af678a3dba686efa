"""HTML pages in (issue 13.4): headline without the site's name, outlet from the page's metadata, a
byline only when it is a person's name, the date from the page's metadata, a body without the site's
navigation. The pages here are our own fictional writing."""

import datetime as dt
from pathlib import Path
from unittest import mock

import pytest

from articles.ingest import formats
from articles.ingest.formats import Options, read_input

DATA = Path(__file__).parent / "data" / "ingest"
UTC = dt.UTC


def read(name: str, **options):
    [article] = read_input(str(DATA / name), Options(**options))
    return article


def page(head: str = "", body: str = "") -> str:
    return (
        f'<!doctype html><html lang="en"><head><meta charset="utf-8">{head}</head><body><article>'
        "<h1>Ferry fares frozen for the winter</h1>"
        "<p>Fares on the Brindle ferry will stay at four euros until March, the operator said on Tuesday.</p>"
        "<p>“Nobody should pay more to get to work,” said Tomas Wyck, who runs the service from the quay.</p>"
        f"{body}</article></body></html>"
    )


def parse(html: str, origin: str = "page.html", **options):
    [article] = formats.parse_html(html.encode(), origin, Options(**options))
    return article


# --- Headline --------------------------------------------------------------------------------------


def test_the_headline_is_the_og_title_without_the_site_name():
    article = read("page-chrome.html")
    assert article.headline == "Ferry fares frozen for the winter"
    assert not article.body_text.startswith("Ferry fares frozen")  # the page's own heading is not body


@pytest.mark.parametrize(
    "title",
    [
        "Ferry fares frozen for the winter | The Brindle Harbour Post",
        "Ferry fares frozen for the winter – THE BRINDLE HARBOUR POST",
        "The Brindle Harbour Post: Ferry fares frozen for the winter",
        "Ferry fares frozen for the winter",
    ],
)
def test_a_site_name_before_or_after_the_headline_goes(title):
    head = f'<title>{title}</title><meta property="og:site_name" content="The Brindle Harbour Post">'
    assert parse(page(head)).headline == "Ferry fares frozen for the winter"


def test_a_part_of_the_headline_that_is_not_the_site_name_stays():
    head = (
        '<meta property="og:title" content="Ferry fares: what changes in March | Explainer">'
        '<meta property="og:site_name" content="The Brindle Harbour Post">'
    )
    assert parse(page(head)).headline == "Ferry fares: what changes in March | Explainer"


def test_the_headline_from_json_ld_loses_the_site_name_of_its_title_too():
    assert read("page-jsonld.html").headline == "Harbour wall repaired before the storms"


STORY = (
    "<p>Fares on the Brindle ferry will stay at four euros until March, the operator said on Tuesday.</p>"
    "<p>“Nobody should pay more to get to work,” said Tomas Wyck, who runs the service from the quay.</p>"
    "<p>The winter timetable starts on the first Monday of November, with crossings every forty minutes.</p>"
)


def document(head: str, body: str) -> str:
    return f'<!doctype html><html lang="en"><head><meta charset="utf-8">{head}</head><body>{body}</body></html>'


@pytest.mark.parametrize(
    "head, body, headline",
    [
        # a listing's section as og:title, the release's own <h1> in the article
        (
            '<meta property="og:title" content="Press releases">'
            '<meta property="og:site_name" content="Brindle Harbour Authority">',
            f"<article><p>3 June 2025 | Press releases</p><h1>Ferry fares frozen for the winter</h1>{STORY}</article>",
            "Ferry fares frozen for the winter",
        ),
        # the section's <h1> just above the article's
        (
            '<meta property="og:title" content="Press releases">',
            f"<article><h1>Press releases</h1><h1>Ferry fares frozen for the winter</h1>{STORY}</article>",
            "Ferry fares frozen for the winter",
        ),
        # a template's slug as og:title
        (
            '<meta property="og:title" content="ferry-fares-winter-2025">',
            f"<article><h1>Ferry fares frozen for the winter</h1>{STORY}</article>",
            "Ferry fares frozen for the winter",
        ),
        # the site's name as og:title, the headline an <h1> outside the extracted article
        (
            '<meta property="og:title" content="Brindle Harbour Authority">'
            '<meta property="og:site_name" content="Brindle Harbour Authority">',
            f"<h1>Ferry fares frozen for 2025</h1><div><p>Timetables</p></div><article>{STORY}</article>",
            "Ferry fares frozen for 2025",  # a year is no copyright line here
        ),
    ],
)
def test_a_section_title_or_the_site_name_gives_way_to_the_articles_own_heading(head, body, headline):
    article = parse(document(head, body))
    assert article.headline == headline
    assert "Ferry fares frozen" not in article.body_text


@pytest.mark.parametrize(
    "head, body, headline",
    [
        # a short headline that is the page's own <h1>, above the sections of its text
        (
            '<meta property="og:title" content="About us">',
            f"<header><h1>About us</h1></header><article><h1>Our crew</h1>{STORY}</article>",
            "About us",
        ),
        (
            '<meta property="og:title" content="Fares frozen">',
            f"<article><h1>Fares frozen</h1>{STORY}</article>",
            "Fares frozen",
        ),
    ],
)
def test_a_short_headline_the_page_gives_as_its_heading_stays(head, body, headline):
    assert parse(document(head, body)).headline == headline


# --- Outlet ----------------------------------------------------------------------------------------


def test_the_outlet_is_og_site_name_or_the_publisher_named_in_json_ld():
    assert read("page-chrome.html").source == "The Brindle Harbour Post"
    assert read("page-jsonld.html").source == "Saltmarsh Gazette"


def test_no_outlet_rather_than_a_copyright_line_a_handle_or_a_domain(monkeypatch):
    assert read("page-bare.html").source == ""
    monkeypatch.setattr(
        formats, "fetch", mock.create_autospec(formats.fetch, return_value=(DATA / "page-bare.html").read_bytes())
    )
    [article] = read_input("https://post.example/2025/06/night-market", Options())
    assert article.source == ""
    [article] = read_input("https://post.example/2025/06/night-market", Options(source="Brindle Post"))
    assert article.source == "Brindle Post"


@pytest.mark.parametrize(
    "head",
    [
        # the page's title given as its site's name (application-name), a template's unfilled placeholder
        "<title>Ferry fares frozen for the winter</title>"
        '<meta name="application-name" content="Ferry fares frozen for the winter">',
        '<meta property="og:site_name" content="{$plugin.tx_news.opengraph.site_name}">',
    ],
)
def test_no_outlet_rather_than_the_pages_title_or_a_placeholder(head):
    assert parse(page(head)).source == ""


@pytest.mark.parametrize(
    "head",
    [
        '<meta property="og:title" content="Ferry fares frozen for the winter">'
        '<meta name="application-name" content="Ferry fares frozen for the winter - Brindle Post">',
        '<meta property="og:title" content="Ferry fares frozen for the winter | Brindle Post">'
        '<meta property="og:site_name" content="Ferry fares frozen for the winter | Brindle Post">',
    ],
)
def test_a_site_name_that_is_the_headline_and_the_sites_name_gives_the_sites_name(head):
    article = parse(page(head))
    assert (article.source, article.headline) == ("Brindle Post", "Ferry fares frozen for the winter")


# --- Byline ----------------------------------------------------------------------------------------


def test_a_byline_that_is_not_a_persons_name_is_left_empty():
    assert read("page-chrome.html").byline == ""  # "Staff Reporter"
    assert read("page-bare.html").byline == ""  # "Posted by admin"


def test_the_byline_is_the_people_json_ld_names_not_the_site_given_as_author():
    assert read("page-jsonld.html").byline == "Petra Lindahl, Jonas Petrov"


@pytest.mark.parametrize(
    "author, byline",
    [
        ("Tobias Renn", "Tobias Renn"),
        ("By Odile Marchetti", "Odile Marchetti"),
        ("Ruth Adeyemi and Tomas Wyck", "Ruth Adeyemi, Tomas Wyck"),
        ("Hélène van der Berg", "Hélène van der Berg"),
        ("J. R. Okafor", "J. R. Okafor"),
        ("Brindle Harbour Post", ""),
        ("The Brindle Harbour Post Newsroom", ""),
        ("Sports Desk", ""),
        ("Associated Wire Service", ""),
        ("desk@post.example", ""),
        ("https://post.example/staff/tomas", ""),
        ("Updated 2 hours ago", ""),
        ("admin", ""),
        ("Wyck", ""),
        ("Von Lene Harkort", "Lene Harkort"),
        ("Por Inés Calvar", "Inés Calvar"),
        ("Brindlewatch Com", ""),  # a domain without its dots, as some sites' author fields hold them
        ("Www Brindlewatch Org", ""),
        ("Harbourlicht Verlag GmbH", ""),
        ("Hafenlicht Presse", ""),
        ("Die Hafenlaterne", ""),
        ("La Voz del Puerto", ""),
        ("K A", ""),
        ("Super User", ""),  # a content system's default account
        # Capitalised words that read as a name by their shape but are a language's words, no names: a theme's
        # maker, an outlet, a department ("Direkt", "Praxis", "Themes" are words; no given name opens them)
        ("Brindle Themes", ""),
        ("Nordküste Direkt", ""),
        ("Hafenblick Praxis", ""),
        ("Kestrel Austria", ""),  # a country's branch of a firm
        ("Mara Artikel Teilen", ""),  # a given name, then words only: a button's label
        ("Hafenbote Webteam", ""),  # compounds of an outlet's words
        ("Tomas Wyck, Hafenbote Online-Redaktion", "Tomas Wyck"),
        ("Autor/in: Lene Harkort", "Lene Harkort"),  # German's role for men and women at once
        # People all the same: given names the lists lack, a surname that is a noun too, initials without dots,
        # a title, several people in another language
        ("Tavonne Okri", "Tavonne Okri"),
        ("Ilse Harke", "Ilse Harke"),
        ("T J Okafor", "T J Okafor"),
        ("Odile M", "Odile M"),
        ("Dr. Lene Harkort", "Dr. Lene Harkort"),
        ("Inés Calvar y Rocío Marandé", "Inés Calvar, Rocío Marandé"),
        ("Jens-Torben Ahlquist", "Jens-Torben Ahlquist"),
    ],
)
def test_byline_only_when_it_looks_like_a_persons_name(author, byline):
    head = f'<meta name="author" content="{author}"><meta property="og:site_name" content="Brindle Harbour Post">'
    assert parse(page(head)).byline == byline


@pytest.mark.parametrize(
    "name, byline",
    [
        ("Marea Alta", ""),  # an outlet whose name reads as a person's
        ("Tobias Renn", "Tobias Renn"),  # a person's own site
    ],
)
def test_the_site_given_as_its_author_is_a_byline_only_when_a_given_name_opens_it(name, byline):
    head = f'<meta name="author" content="{name}"><meta property="og:site_name" content="{name}">'
    assert parse(page(head)).byline == byline


# --- Date ------------------------------------------------------------------------------------------


def test_the_date_is_the_published_time_in_the_pages_metadata_with_its_moment():
    article = read("page-chrome.html")
    assert article.published == dt.date(2025, 6, 3)  # the publisher's date, not 4 June (UTC) nor the update
    assert article.published_at == dt.datetime(2025, 6, 4, 3, 30, tzinfo=UTC)
    article = read("page-jsonld.html")
    assert (article.published, article.published_at) == (
        dt.date(2025, 6, 3),
        dt.datetime(2025, 6, 4, 3, 30, tzinfo=UTC),
    )
    article = read("page.html")
    assert (article.published, article.published_at) == (dt.date(2025, 9, 10), dt.datetime(2025, 9, 10, 8, tzinfo=UTC))


def test_no_date_rather_than_the_year_of_a_copyright_line():
    article = read("page-bare.html")
    assert (article.published, article.published_at) == (None, None)
    assert read("page-bare.html", date=dt.date(2025, 6, 7)).published == dt.date(2025, 6, 7)


def test_a_dateline_in_the_text_is_taken_when_the_metadata_gives_none():
    html = page(body="<p class='dateline'>Published 17.06.2025, 14:05</p>")
    assert parse(html).published == dt.date(2025, 6, 17)


def test_a_date_in_the_pages_address_is_metadata_too(monkeypatch):
    monkeypatch.setattr(
        formats, "fetch", mock.create_autospec(formats.fetch, return_value=(DATA / "page-bare.html").read_bytes())
    )
    [article] = read_input("https://post.example/2025/06/07/night-market", Options())
    assert (article.published, article.published_at) == (dt.date(2025, 6, 7), None)


def test_a_time_in_utc_is_the_publishers_day_its_address_gives():
    # 21:10 in Brindle on 7 June is 01:10 UTC on the 8th; the address says the 7th.
    head = (
        '<meta property="og:url" content="https://post.example/2025/06/07/ferry-fares-frozen">'
        '<meta property="article:published_time" content="2025-06-08T01:10:00Z">'
    )
    article = parse(page(head))
    assert (article.published, article.published_at) == (
        dt.date(2025, 6, 7),
        dt.datetime(2025, 6, 8, 1, 10, tzinfo=UTC),
    )
    # An address two days away is not a time zone's doing.
    head = head.replace("2025/06/07", "2025/06/05")
    assert parse(page(head)).published == dt.date(2025, 6, 8)


def test_a_time_in_utc_is_the_publishers_day_another_tag_gives_with_its_offset():
    head = (
        '<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2025-06-07T22:04:00Z"}</script>'
        '<meta name="date" content="Sun, 08 Jun 2025 00:04:00 +0200">'
    )
    article = parse(page(head))
    assert (article.published, article.published_at) == (
        dt.date(2025, 6, 8),
        dt.datetime(2025, 6, 7, 22, 4, tzinfo=UTC),
    )


@pytest.mark.parametrize("dateline", ["01.07.2025 The island pier reopens.", "1 July 2025", "1. Juli 2025"])
def test_a_dateline_on_the_first_of_a_month_is_a_date(dateline):
    article = parse(page(body=f"<p>{dateline}</p><footer>© 2024 Brindle Harbour Post</footer>"))
    assert (article.published, article.published_precision) == (dt.date(2025, 7, 1), "day")


def test_a_dateline_with_dots_puts_the_day_first():
    # "4. 2. 2025" is 4 February (dotted dates put the day first), and "01.11.2024" the 1st of November,
    # whatever a "11/01/2024" in the metadata reads as.
    assert parse(page(body="<span>4. 2. 2025</span>")).published == dt.date(2025, 2, 4)
    html = page('<meta name="date" content="11/01/2024 12:43:42">', "<p class='dateline'>Erstellt am: 01.11.2024</p>")
    assert parse(html).published == dt.date(2024, 11, 1)


# --- Body ------------------------------------------------------------------------------------------


def test_the_body_has_no_menus_lists_of_other_stories_or_footer():
    article = read("page-chrome.html")
    assert article.body_text == (
        "Fares on the Brindle ferry will stay at four euros until March, the operator said on Tuesday evening.\n\n"
        "“Nobody should pay more to get to work,” said Tomas Wyck, who runs the service from the north quay."
    )
    for chrome in ("Most read", "Lifeboat crew", "Privacy policy", "Jobs at", "©", "Home"):
        assert chrome not in article.body_text
    assert "Front page" not in read("page-jsonld.html").body_text


def test_a_list_in_the_article_itself_stays():
    body = (
        "<p>The new timetable, from Monday:</p><ul><li>First crossing at six in the morning from the north quay.</li>"
        "<li>Last crossing at eleven at night from the island pier.</li></ul>"
    )
    article = parse(page(body=body))
    assert "First crossing at six in the morning from the north quay." in article.body_text
    assert "Last crossing at eleven at night from the island pier." in article.body_text

"""HTML pages in (issue 13.4), the kinds of defect trafilatura's evaluation pages showed: an article the
precise extraction cannot see, lines that point to other stories or credit a photo, headlines with the
site's name, bylines that are not names. The pages here are our own fictional writing."""

import pytest

from articles.ingest import formats
from articles.ingest.formats import Options

PARAGRAPHS = (
    "The harbour board of Wrenmouth met on Tuesday to decide the winter timetable of the Saltney ferry.",
    "Members argued for an hour about the early crossing, which carries the island's nurses to the clinic.",
    "“We will not leave the island without a boat before seven,” said Marit Oddny, who chairs the board.",
    "The board kept the timetable of last winter and asked the operator for a second boat in January.",
    "Fuel costs rose by a tenth this year, the operator said, and fares may rise in the spring.",
    "The island's council will discuss the fares at its meeting on the first Monday of December.",
)


def parse(html: str, origin: str = "page.html", **options):
    [article] = formats.parse_html(html.encode(), origin, Options(**options))
    return article


# --- The body ---------------------------------------------------------------------------------------


def test_an_article_the_precise_extraction_cannot_see_is_not_reduced_to_its_date():
    # A blog that writes its posts with a script, and in <noscript> for readers without one: the
    # precise extraction finds the date alone, the balanced one the post.
    paragraphs = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    html = (
        "<html><head><title>Ferry timetable kept</title></head><body>"
        '<div class="header-desc">News from the harbour town of Wrenmouth</div>'
        '<div class="section" id="main"><div class="widget Blog" id="Blog1"><div class="post">'
        '<h2 class="title">Ferry timetable kept</h2>'
        '<div class="post-header"><span class="publishdate">May 19, 2020</span></div>'
        f'<div class="post-body"><script type="text/template">{paragraphs}</script>'
        f"<noscript>{paragraphs}</noscript></div></div></div></div></body></html>"
    )
    article = parse(html)
    assert all(p in article.body_text for p in PARAGRAPHS)


def story(*extra: str, after: str = "") -> str:
    """A news page: the article's paragraphs with `extra` lines among them, then `after`."""
    lines = [*PARAGRAPHS[:3], *extra, *PARAGRAPHS[3:]]
    paragraphs = "".join(f"<p>{line}</p>" for line in lines)
    return (
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Ferry timetable kept</title></head>'
        f"<body><article><h1>Ferry timetable kept</h1>{paragraphs}{after}</article></body></html>"
    )


def test_a_line_pointing_to_another_story_is_not_body():
    html = story(
        "Read more: Saltney school reopens after the storm",
        "Lesen Sie auch: Neue Fähre für Saltney",
        "Le puede interesar: El puerto de Wrenmouth cierra de noche",
    )
    body = parse(html).body_text
    assert "Saltney school reopens" not in body and "Neue Fähre" not in body and "cierra de noche" not in body
    assert all(p in body for p in PARAGRAPHS)


def test_a_read_more_sentence_of_the_article_stays():
    line = "Read more about the timetable in the operator's leaflet, which the board handed out at the quay."
    assert line in parse(story(line)).body_text


def test_a_list_of_other_stories_at_the_end_of_the_article_is_not_body():
    after = (
        "<p>You may also like:</p>"
        "<p>Saltney school reopens after the storm</p>"
        "<p>Lighthouse keeper retires after forty winters</p>"
    )
    body = parse(story(after=after)).body_text
    assert "You may also like" not in body and "Lighthouse keeper" not in body and "school reopens" not in body
    assert all(p in body for p in PARAGRAPHS)


def test_photo_credits_and_copyright_lines_are_not_body():
    html = story(
        "Photo: Ines Calvar / Wrenmouth Harbour Post",
        "The new ferry at the quay on Monday. © Wrenmouth Harbour Post / Ines Calvar",
        after="<p>© 2024 Wrenmouth Harbour Post. All rights reserved.</p>",
    )
    body = parse(html).body_text
    assert "Ines Calvar" not in body and "rights reserved" not in body
    assert all(p in body for p in PARAGRAPHS)


# --- The headline -----------------------------------------------------------------------------------


def headed(title: str, head: str = "", heading: str = "") -> str:
    """A page whose <title> and og:title are `title`, and its <h1> `heading` if one is given (many pages
    have none, or give it to the site's name)."""
    paragraphs = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    heading = f"<h1>{heading}</h1>" if heading else ""
    return (
        '<!doctype html><html lang="en"><head><meta charset="utf-8">'
        f'<title>{title}</title><meta property="og:title" content="{title}">{head}</head>'
        f"<body><article>{heading}{paragraphs}</article></body></html>"
    )


ADDRESS = '<meta property="og:url" content="https://www.wrenmouthpost.example/2024/11/ferry-timetable-kept">'


@pytest.mark.parametrize(
    "title",
    [
        "Ferry timetable kept | Wrenmouth Post",
        "Ferry timetable kept - WRENMOUTHPOST.EXAMPLE",
        "wrenmouthpost.example: Ferry timetable kept",
    ],
)
def test_a_site_name_the_pages_address_gives_goes_when_the_page_names_no_site(title):
    assert parse(headed(title, ADDRESS)).headline == "Ferry timetable kept"


@pytest.mark.parametrize(
    "title",
    [
        "Ferry timetable kept | wrenmouthpost.example",  # the site's name is "Wrenmouth Post" (og:site_name)
        "Ferry timetable kept | WRENMOUTHPOST",
    ],
)
def test_a_site_name_the_pages_address_gives_goes_when_the_page_names_its_site_otherwise(title):
    head = ADDRESS + '<meta property="og:site_name" content="Wrenmouth Post">'
    article = parse(headed(title, head))
    assert (article.headline, article.source) == ("Ferry timetable kept", "Wrenmouth Post")


def test_a_site_name_that_begins_a_compound_word_of_the_headline_stays_in_it():
    # "Privatkredit-Zinsen: … | SMAVA" with og:site_name "Privatkredit" lost "Privatkredit-" and kept "| SMAVA".
    head = ADDRESS + '<meta property="og:site_name" content="Harbour">'
    article = parse(headed("Harbour-Ferry fares: what changes in March | Wrenmouth Post", head))
    assert article.headline == "Harbour-Ferry fares: what changes in March"


def test_a_site_name_the_pages_hyphenated_address_gives_goes():
    head = '<meta property="og:url" content="https://wrenmouth-post.example/2024/11/ferry-timetable-kept">'
    assert parse(headed("Ferry timetable kept | Wrenmouth-Post.example", head)).headline == "Ferry timetable kept"
    # Guillemets that quote, not separate, stay: the title is left as it is.
    title = "»Kein Boot vor sieben« (Wrenmouth Post)"
    assert parse(headed(title, head)).headline == title


def test_a_part_of_the_title_that_does_not_name_the_address_stays():
    title = "Ferry fares: what changes in March | Explainer"
    assert parse(headed(title, ADDRESS, heading=title)).headline == title


def test_a_separator_left_at_the_end_of_the_title_goes():
    assert parse(headed("Ferry timetable kept -")).headline == "Ferry timetable kept"


def test_a_site_name_with_its_abbreviation_goes():
    head = '<meta property="og:site_name" content="Wrenmouth Harbour Trust">'
    title = "Ferry timetable kept - Wrenmouth Harbour Trust (WHT)"
    assert parse(headed(title, head)).headline == "Ferry timetable kept"


def test_a_tagline_after_the_pages_heading_goes_with_the_site_name():
    head = '<meta property="og:site_name" content="Wrenmouth Post">'
    title = "Ferry timetable kept » crossings at seven all winter | Wrenmouth Post"
    assert parse(headed(title, head, heading="Ferry timetable kept")).headline == "Ferry timetable kept"


# --- The byline -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "author, byline",
    [
        ("Interview Marit Oddny", "Marit Oddny"),
        ("Autorin Lene Harkort", "Lene Harkort"),
        ("Auteur Odile Marchetti", "Odile Marchetti"),
        ("Text: Tomas Wyck", "Tomas Wyck"),
        ("Rechtsanwalt Jonas Petrov", "Jonas Petrov"),
        ("Von Hafen-Online-Experte Jonas Petrov", "Jonas Petrov"),
        ("Noticias del Puerto", ""),
        ("N Diario Wrenmouth", ""),
        ("Hafenverein Wrenmouth e. V.", ""),
        ("Brindle Kutter GmbH & Co KG", ""),
    ],
)
def test_a_role_before_the_name_goes_and_an_outlet_or_a_firm_is_no_byline(author, byline):
    head = f'<meta name="author" content="{author}">'
    assert parse(story().replace("<title>", f"{head}<title>")).byline == byline


def test_calls_to_subscribe_or_follow_and_advertising_labels_are_not_body():
    html = story(
        "Anzeige – Winter crossings with Saltney Ferries: book your seat now",
        "Never miss a sailing: sign up to our newsletter today!",
        "This page contains affiliate links: we are paid when you book a crossing through them.",
        after="<p>Follow us on Brindlegram and Harbourbook for the latest from the quay.</p>",
    )
    body = parse(html).body_text
    assert "book your seat" not in body and "newsletter" not in body and "Follow us" not in body
    assert "affiliate" not in body
    assert all(p in body for p in PARAGRAPHS)


def test_a_paragraph_of_the_story_about_a_newsletter_stays():
    line = "The board will print the new timetable in the island's newsletter, which every house receives."
    assert line in parse(story(line)).body_text


# --- The outlet -------------------------------------------------------------------------------------


def test_the_outlet_is_the_part_of_the_title_the_pages_address_names_when_the_page_names_no_site():
    article = parse(headed("Ferry timetable kept | Wrenmouth Post", ADDRESS))
    assert article.source == "Wrenmouth Post"
    assert article.headline == "Ferry timetable kept"


def test_no_outlet_from_a_title_whose_parts_do_not_name_the_address():
    assert parse(headed("Ferry timetable kept | Explainer", ADDRESS)).source == ""
    assert parse(headed("Ferry timetable kept - wrenmouthpost.example", ADDRESS)).source == ""  # a domain


def test_a_heading_of_a_list_of_other_stories_is_not_body():
    html = story("More stories from the quay", "Weitere Artikel zum Thema Fähre")
    body = parse(html).body_text
    assert "More stories" not in body and "Weitere Artikel" not in body
    assert all(p in body for p in PARAGRAPHS)


def test_a_sentence_beginning_like_such_a_heading_stays():
    line = "More from the meeting: the board will hear the island's nurses again in January."
    assert line in parse(story(line)).body_text


def test_a_paragraph_of_the_story_about_signing_up_stays():
    line = "Islanders can sign up for the winter pass at the harbour office, and few ever miss the early boat."
    assert line in parse(story(line)).body_text


def test_a_sentence_of_the_story_beginning_with_the_word_advertising_stays():
    line = "Werbung, sagt die Hafenmeisterin, gehört nicht auf die Fähre nach Saltney."
    assert line in parse(story(line)).body_text

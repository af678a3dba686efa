"""HTML pages in (issue 13.4), the kinds of defect trafilatura's evaluation pages showed: an article the
precise extraction cannot see, lines that point to other stories or credit a photo, headlines with the
site's name, bylines that are not names. The pages here are our own fictional writing."""

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

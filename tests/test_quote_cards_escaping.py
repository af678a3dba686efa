"""Quotation cards (archive.quote_cards, written in Python since 76093bf) escape every value as {{ }} would.

Review of issue 15.5: the cards are no longer a template, so nothing escapes their values unless the tag does.
The people, outlets and words here are invented, and hostile on purpose.
"""

import datetime

import pytest

from articles.models import Quote
from tests.conftest import make_article, make_person, make_source

pytestmark = pytest.mark.django_db

NAME = "Ada <b>\"Quill\"</b> & 'Co'"
HEADLINE = 'Ferry <script>alert(1)</script> & "rents"'
OUTLET = "Bay <Echo> & 'Co'"
WORDS = 'Fares <img src=x onerror=alert(2)> & "more" stay'


def _hostile_article():
    quill = make_person(NAME)
    article = make_article(
        headline=HEADLINE,
        source=make_source(OUTLET),
        published=datetime.date(2024, 3, 5),
        body_text=f"The board met. “{WORDS},” she said.",
        quotes=[(quill, WORDS), (None, "Nobody <u>signed</u> & left")],
    )
    unattributed = Quote.objects.get(article=article, person=None)
    unattributed.speaker_as_written = 'the <i>board</i> & "staff"'
    unattributed.save()
    return quill, article


def test_a_person_pages_cards_escape_words_speaker_headline_and_outlet(client):
    quill, article = _hostile_article()
    html = client.get(quill.get_absolute_url()).content.decode()
    assert "<script>" not in html and "<img" not in html
    assert "<p>Fares &lt;img src=x onerror=alert(2)&gt; &amp; &quot;more&quot; stay</p></blockquote>" in html
    assert (
        f'<figcaption><a href="{quill.get_absolute_url()}">'
        "Ada &lt;b&gt;&quot;Quill&quot;&lt;/b&gt; &amp; &#x27;Co&#x27;</a>"
        f' — <a href="{article.get_absolute_url()}">'
        "Ferry &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;rents&quot;</a>"
        ', Bay &lt;Echo&gt; &amp; &#x27;Co&#x27;, <time datetime="2024-03-05">5 Mar 2024</time>\n'
    ) in html


def test_an_article_pages_cards_escape_the_speaker_as_written(client):
    _, article = _hostile_article()
    html = client.get(article.get_absolute_url()).content.decode()
    assert "<u>" not in html and "<i>board" not in html
    assert "<p>Nobody &lt;u&gt;signed&lt;/u&gt; &amp; left</p></blockquote>" in html
    assert "<figcaption>the &lt;i&gt;board&lt;/i&gt; &amp; &quot;staff&quot;\n" in html


def test_a_quotation_searchs_cards_keep_only_the_marks_the_search_made(client):
    quill, _ = _hostile_article()
    html = client.get("/quotes/", {"q": "fares"}).content.decode()
    assert "<img" not in html
    assert "<mark>Fares</mark> &lt;img src=x onerror=alert(2)&gt; &amp; &quot;more&quot; stay" in html

"""Feeds in, nothing lost (issue 13.4): each entry one article, identified by its id within its feed;
relative links resolved; JSON Feed; broken XML reported; encodings; entities; dates with their zone.
The feeds here are our own fictional writing."""

import datetime as dt
from pathlib import Path
from unittest import mock

import pytest
from django.core.management import call_command
from django.test import override_settings

from articles.ingest import formats, pipeline
from articles.ingest.formats import Options, ParsedArticle, Rejection, read_input
from articles.models import Article

DATA = Path(__file__).parent / "data" / "ingest"
PODCAST = DATA / "podcast.rss"
UTC = dt.UTC


def read(target, **options) -> list:
    return list(read_input(str(target), Options(**options)))


def served(data: bytes, content_type: str = ""):
    fetched = formats.Fetched(data)
    fetched.content_type = content_type
    return fetched


def rss(items: str, channel: str = "", declaration: str = '<?xml version="1.0" encoding="UTF-8"?>') -> str:
    return (
        f'{declaration}\n<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel>'
        f"<title>Bay Crier</title>{channel}\n{items}</channel></rss>\n"
    )


# --- 1. Identity: an entry is its id within its feed ------------------------------------------------


def test_an_entry_is_identified_by_its_guid_else_its_link_else_its_content():
    entries = read(PODCAST)
    assert [e.entry_id for e in entries[:4]] == [f"harbour-hour-{n}" for n in (44, 43, 42, 41)]
    assert entries[4].entry_id == "https://radio.example/harbour-hour/bonus-letters"  # no guid: its link
    assert entries[5].entry_id.startswith("sha256:") and len(entries[5].entry_id) == 7 + 64  # neither
    assert {e.feed_url for e in entries} == {"https://radio.example/harbour-hour/feed.xml"}  # its rel="self"
    assert [e.url for e in entries] == ["https://radio.example/harbour-hour/"] * 4 + [
        "https://radio.example/harbour-hour/bonus-letters",
        "",
    ]
    # The same feed read again gives the same identities (the content hash too).
    assert [e.entry_id for e in read(PODCAST)] == [e.entry_id for e in entries]


@pytest.mark.django_db
def test_entries_sharing_a_link_are_each_an_article_and_a_rerun_stores_and_updates_nothing(tmp_path):
    first = pipeline.run([str(PODCAST)], Options(), workers=1)
    assert (first.created, first.updated, first.skipped, first.rejected) == (6, 0, 0, [])
    assert Article.objects.filter(url="https://radio.example/harbour-hour/").count() == 4
    assert sorted(Article.objects.values_list("entry_id", flat=True))[:4] == [
        f"harbour-hour-{n}" for n in (41, 42, 43, 44)
    ]

    again = pipeline.run([str(PODCAST)], Options(), workers=1)
    assert (again.created, again.updated, again.skipped, again.rejected) == (0, 0, 6, [])

    # One episode's description corrected: that article, and only it, is updated.
    changed = tmp_path / "podcast.rss"
    changed.write_text(PODCAST.read_text().replace("how the morning's catch", "how each morning's catch"))
    third = pipeline.run([str(changed)], Options(), workers=1)
    assert (third.created, third.updated, third.skipped) == (0, 1, 5)
    episode = Article.objects.get(entry_id="harbour-hour-43")
    assert "how each morning's catch" in episode.body_text
    assert Article.objects.count() == 6


@pytest.mark.django_db
def test_an_episode_sharing_its_link_can_be_corrected_in_the_admin(client):
    from django.contrib.auth.models import User
    from django.urls import reverse

    pipeline.run([str(PODCAST)], Options(), workers=1)
    episode = Article.objects.get(entry_id="harbour-hour-42")
    client.force_login(User.objects.create_superuser("editor", password="pw"))
    page = client.get(reverse("admin:articles_article_change", args=[episode.pk]))
    assert "harbour-hour-42" in page.content.decode()  # its identity, shown, not editable
    data = {
        "headline": "Episode 42: Rebuilding the north quay wall",
        "body_html": episode.body_text,
        "published": "2025-05-23",
        "published_at_0": "2025-05-23",
        "published_at_1": "17:00:00",
        "url": episode.url,
        "byline": "",
        "source": episode.source_id,
        "via": "",
    }
    for formset in page.context["inline_admin_formsets"]:
        prefix = formset.formset.prefix
        data |= {f"{prefix}-TOTAL_FORMS": 0, f"{prefix}-INITIAL_FORMS": 0, f"{prefix}-MAX_NUM_FORMS": 1000}
    response = client.post(reverse("admin:articles_article_change", args=[episode.pk]), data)
    assert response.status_code == 302, response.content.decode()[:3000]
    episode.refresh_from_db()
    assert (episode.headline, episode.entry_id) == ("Episode 42: Rebuilding the north quay wall", "harbour-hour-42")


@pytest.mark.django_db
def test_an_article_stored_from_another_input_with_the_entrys_link_becomes_that_entry():
    # Stored before (by an older ingest, or from JSON) under the episode's link, without an entry id:
    # its entry takes it over instead of adding a second article; the other entries are new.
    Article.objects.create(
        headline="Bonus: Listener letters",
        body_html="<p>Letters.</p>",
        body_text="Letters.",
        url="https://radio.example/harbour-hour/bonus-letters",
    )
    report = pipeline.run([str(PODCAST)], Options(), workers=1)
    assert (report.created, report.updated) == (5, 1)
    bonus = Article.objects.get(url="https://radio.example/harbour-hour/bonus-letters")
    assert bonus.entry_id == "https://radio.example/harbour-hour/bonus-letters"
    assert bonus.headline == "Bonus: Listener letters from the islands"


@pytest.mark.django_db
def test_the_same_entry_in_two_feeds_of_one_site_is_one_article(tmp_path):
    item = (
        "<item><title>Ferry fares frozen</title><link>https://bay.example/2025/06/fares</link>"
        '<guid isPermaLink="false">bay-2291</guid><description>{}</description></item>'
    )
    for name, body in (("news", "Fares stay at four euros."), ("transport", "Fares stay at four euros until March.")):
        (tmp_path / f"{name}.xml").write_text(
            rss(item.format(body), f'<atom:link rel="self" href="https://bay.example/{name}.xml"/>')
        )
    pipeline.run([str(tmp_path / "news.xml")], Options(), workers=1)
    report = pipeline.run([str(tmp_path / "transport.xml")], Options(), workers=1)
    assert (report.created, report.updated) == (0, 1)  # same id, same link: its text changed
    [article] = Article.objects.all()
    assert article.body_text == "Fares stay at four euros until March."


@pytest.mark.django_db
def test_an_export_read_back_keeps_the_entries_identity_and_moment(tmp_path):
    pipeline.run([str(PODCAST)], Options(), workers=1)
    call_command("export", output=str(tmp_path / "first.jsonl"))
    Article.objects.all().delete()
    call_command("ingest", str(tmp_path / "first.jsonl"))
    call_command("export", output=str(tmp_path / "second.jsonl"))
    assert (tmp_path / "first.jsonl").read_bytes() == (tmp_path / "second.jsonl").read_bytes()
    episode = Article.objects.get(entry_id="harbour-hour-44")
    assert episode.feed_url == "https://radio.example/harbour-hour/feed.xml"
    assert episode.published_at == dt.datetime(2025, 6, 6, 17, 0, tzinfo=UTC)
    again = pipeline.run([str(PODCAST)], Options(), workers=1)
    assert (again.created, again.updated, again.skipped) == (0, 0, 6)


# --- 2. Relative links --------------------------------------------------------------------------


def test_relative_links_of_a_fetched_feed_are_resolved_against_its_address(monkeypatch):
    feed = rss(
        '<item><title>Ferry returns</title><link>/2025/06/ferry</link><guid isPermaLink="false">b1</guid>'
        '<description>The ferry is back. &lt;a href="/timetable"&gt;Timetable&lt;/a&gt;</description></item>'
        "<item><title>Tides</title><link>tides.html</link><description>High tide at noon.</description></item>"
    ).encode()
    monkeypatch.setattr(formats, "fetch", mock.create_autospec(formats.fetch, return_value=served(feed)))
    first, second = read_input("https://bay.example/feeds/news.xml", Options())
    assert first.url == "https://bay.example/2025/06/ferry"
    assert 'href="https://bay.example/timetable"' in first.body_html
    assert second.url == "https://bay.example/feeds/tides.html"
    assert first.feed_url == "https://bay.example/feeds/news.xml"


def test_relative_links_of_a_redirected_feed_are_resolved_against_where_it_was_found(monkeypatch):
    answer = served(
        rss("<item><title>Tides</title><link>tides.html</link><description>Noon.</description></item>").encode()
    )
    answer.url = "https://bay.example/feeds/2025/news.xml"
    monkeypatch.setattr(formats, "fetch", mock.create_autospec(formats.fetch, return_value=answer))
    [entry] = read_input("https://bay.example/news.xml", Options())
    assert entry.url == "https://bay.example/feeds/2025/tides.html"
    assert entry.feed_url == "https://bay.example/news.xml"  # its identity: the address it is read from


def test_relative_links_of_a_feed_file_use_its_xml_base_or_its_own_address(tmp_path):
    with_base = rss(
        '<item xml:base="https://bay.example/2025/"><title>Ferry returns</title><link>06/ferry</link>'
        "<description>The ferry is back.</description></item>"
    )
    with_self = rss(
        "<item><title>Ferry returns</title><link>/2025/06/ferry</link>"
        '<description>The ferry is back. &lt;img src="/ferry.jpg"&gt; &lt;a href="/more"&gt;More&lt;/a&gt;'
        "</description>"
        "</item>",
        '<atom:link rel="self" href="https://bay.example/feeds/news.xml"/><link>https://bay.example/</link>',
    )
    with_site = rss(
        "<item><title>Ferry returns</title><link>/2025/06/ferry</link><description>The ferry is back.</description>"
        "</item>",
        "<link>https://bay.example/</link>",
    )
    for name, text in (("base.xml", with_base), ("self.xml", with_self), ("site.xml", with_site)):
        (tmp_path / name).write_text(text)
        [entry] = read(tmp_path / name)
        assert entry.url == "https://bay.example/2025/06/ferry", name
    [entry] = read(tmp_path / "self.xml")
    assert 'href="https://bay.example/more"' in entry.body_html


def test_a_link_that_cannot_be_made_absolute_leaves_the_entry_without_a_url_not_rejected(tmp_path):
    (tmp_path / "feed.xml").write_text(
        rss("<item><title>Ferry returns</title><link>/2025/06/ferry</link><description>Back.</description></item>")
    )
    [entry] = read(tmp_path / "feed.xml")
    assert isinstance(entry, ParsedArticle)
    assert entry.url == ""
    assert entry.entry_id == "/2025/06/ferry"


# --- 3. JSON Feed ----------------------------------------------------------------------------


def test_json_feed_items_are_articles():
    first, second, third = read(DATA / "feed.json")
    assert first.headline == "Volunteers replant the dunes at Saltmarsh Point"
    assert first.body_text == "Forty volunteers replanted marram grass on the dunes on Saturday.\n\n" + (
        "“The roots hold the sand,” said ranger Wendell Okafor."
    )
    assert first.source == "Saltmarsh Gazette"
    assert first.byline == "Petra Lindahl"
    assert first.url == "https://saltmarsh.example/2025/06/dunes"
    assert (first.feed_url, first.entry_id) == ("https://saltmarsh.example/feed.json", first.url)
    assert first.published == dt.date(2025, 6, 3)
    assert first.published_at == dt.datetime(2025, 6, 4, 3, 30, tzinfo=UTC)
    assert first.origin == f"{DATA / 'feed.json'}#item 1"
    assert second.body_text == "The harbour office expects the highest tides of the year on Wednesday.\n\n" + (
        "Boat owners should check their moorings."
    )
    assert second.url == "https://saltmarsh.example/2025/06/tides"  # relative, against the feed's address
    assert third.entry_id == "1187"
    assert third.body_text == "The Mill Lane bakery has been sold to its longtime baker, Ruth Adeyemi."
    assert third.byline == "Jonas Petrov, Lea Santos"
    assert third.url == ""


@pytest.mark.django_db
def test_json_feed_on_one_line_is_read_by_ingest_and_a_rerun_stores_nothing(tmp_path, capsys):
    import json

    path = tmp_path / "gazette.json"
    path.write_text(json.dumps(json.loads((DATA / "feed.json").read_text())))  # one line, like JSON Lines
    call_command("ingest", str(path))
    assert "stored 3, updated 0, skipped 0, rejected 0" in capsys.readouterr().err
    assert Article.objects.count() == 3
    call_command("ingest", str(path))
    assert "stored 0, updated 0, skipped 3, rejected 0" in capsys.readouterr().err


@pytest.mark.django_db
def test_an_entry_without_a_title_is_an_article_headed_by_its_first_sentence(tmp_path):
    # RSS 2.0 asks for a title or a description, JSON Feed makes the title optional ("microblog items in
    # particular may omit titles"): such an entry was rejected as "no headline", and a feed of short
    # posts lost every entry.
    (tmp_path / "posts.xml").write_text(
        rss(
            "<item><guid isPermaLink='false'>p1</guid><link>https://bay.example/p/1</link>"
            "<description>&lt;p&gt;The ferry is back on the water after six weeks in dry dock. The first "
            "crossing leaves at seven.&lt;/p&gt;</description></item>"
            "<item><guid isPermaLink='false'>p2</guid><description>Harbour office notice: from Monday the "
            "slipway at the north quay is closed to trailers while the council repairs its surface and the "
            "drainage channel beside it</description></item>"
        )
    )
    (tmp_path / "posts.json").write_text(
        '{"version": "https://jsonfeed.org/version/1.1", "title": "Bay Crier", '
        '"feed_url": "https://bay.example/posts.json", "items": ['
        '{"id": "j1", "content_html": "<p>Tides are high tonight!</p><p>Moor well.</p>"}]}'
    )
    first = pipeline.run([str(tmp_path)], Options(), workers=1)
    assert (first.created, first.rejected) == (3, [])
    stored = {a.entry_id: a for a in Article.objects.all()}
    assert stored["p1"].headline == "The ferry is back on the water after six weeks in dry dock."
    assert stored["p1"].body_text.startswith("The ferry is back on the water")  # the text keeps it
    assert stored["p2"].headline == (
        "Harbour office notice: from Monday the slipway at the north quay is closed to trailers while the…"
    )
    assert stored["j1"].headline == "Tides are high tonight!"
    again = pipeline.run([str(tmp_path)], Options(), workers=1)
    assert (again.created, again.updated, again.skipped) == (0, 0, 3)


def test_json_feed_of_unknown_shape_is_a_rejection():
    [rejection] = formats.parse_json(
        '{"version": "https://jsonfeed.org/version/1.1", "title": "T", "items": {}}', "x.json", Options()
    )
    assert rejection == Rejection("x.json", 'a JSON Feed whose "items" is not a list')


# --- 4. Feeds that are not well-formed ---------------------------------------------------------

TRUNCATED = rss(
    "<item><title>Ferry returns</title><guid isPermaLink='false'>b1</guid>"
    "<description>The ferry is back.</description></item>"
    "<item><title>Tides</title><guid isPermaLink='false'>b2</guid><description>High tide at noon.</description></item>"
)[:-20]  # cut inside the last </item>


@pytest.mark.django_db
def test_a_truncated_feed_is_rejected_by_name_with_feedparsers_reason(tmp_path):
    path = tmp_path / "cut.xml"
    path.write_text(TRUNCATED)
    report = pipeline.run([str(path)], Options(), workers=1)
    assert [r.origin for r in report.rejected] == [str(path)]
    reason = report.rejected[0].reason
    assert reason.startswith("not well-formed XML (line 3, column ")
    assert "no element found" in reason or "unclosed token" in reason
    assert reason.endswith("nothing stored from it: --keep-broken-feeds keeps the 2 entries that could be read")
    assert Article.objects.count() == 0


@pytest.mark.django_db
def test_keep_broken_feeds_keeps_what_could_be_read_and_still_reports_it(tmp_path, capsys):
    path = tmp_path / "cut.xml"
    path.write_text(TRUNCATED)
    with pytest.raises(SystemExit) as exit:
        call_command("ingest", "--keep-broken-feeds", str(path))
    assert exit.value.code == 1
    err = capsys.readouterr().err
    assert f"rejected {path}: not well-formed XML" in err and "kept the 2 entries that could be read" in err
    assert sorted(Article.objects.values_list("headline", flat=True)) == ["Ferry returns", "Tides"]


def test_a_feed_only_missing_a_content_type_or_namespace_detail_is_not_rejected(monkeypatch):
    # Served as a web page, and using a prefix it never declared ("media:"): feedparser says bozo, but the
    # XML is whole and read whole.
    feed = rss(
        '<item><title>Ferry returns</title><guid isPermaLink="false">b1</guid><media:content url="https://bay.example/f.jpg"/>'
        "<description>Back.</description></item>"
    )
    monkeypatch.setattr(
        formats, "fetch", mock.create_autospec(formats.fetch, return_value=served(feed.encode(), "text/html"))
    )
    [entry] = read_input("https://bay.example/feed", Options())
    assert entry.headline == "Ferry returns"


# --- 5. Encodings ------------------------------------------------------------------------------

ACCENTED = rss(
    "<item><title>Zoë Brûlé and José Núñez open the café</title><guid isPermaLink='false'>c1</guid>"
    "<description>“It took a year,” said Hélène Lefèvre, whose crêpes sell out by noon.</description></item>",
    declaration='<?xml version="1.0"?>',
)


SHORT_FRENCH = rss(
    "<item><title>Fête du port à Valmoré</title><guid isPermaLink='false'>f1</guid><description>Les pêcheurs de "
    "Valmoré et Zoë Brûlé ont fêté samedi. « Enfin », a dit Hélène Garçon.</description></item>",
    declaration='<?xml version="1.0"?>',
)


@pytest.mark.parametrize("encoding", ["windows-1252", "latin-1"])
def test_an_undeclared_western_feed_is_read_right(tmp_path, encoding):
    # feedparser alone falls back to windows-1252 and gets these right; a detector alone reads the
    # short one as Central European ("Fęte du port ŕ Valmoré"): the detection must not do that.
    text = ACCENTED if encoding == "windows-1252" else ACCENTED.replace("“", '"').replace("”", '"')
    (tmp_path / "cafe.xml").write_bytes(text.encode(encoding))
    [entry] = read(tmp_path / "cafe.xml")
    assert entry.headline == "Zoë Brûlé and José Núñez open the café"
    assert "said Hélène Lefèvre, whose crêpes" in entry.body_text
    (tmp_path / "fete.xml").write_bytes(SHORT_FRENCH.encode(encoding))
    [entry] = read(tmp_path / "fete.xml")
    assert entry.headline == "Fête du port à Valmoré"
    assert entry.body_text.endswith("Zoë Brûlé ont fêté samedi. « Enfin », a dit Hélène Garçon.")


def test_an_undeclared_cyrillic_feed_is_detected_not_read_as_western(tmp_path):
    text = rss(
        "<item><title>Порт снова открыт для паромов</title><guid isPermaLink='false'>r1</guid>"
        "<description>Мэр Ирина Соколова сказала, что порт снова открыт для паромов и рыбаков. "
        "Капитан Олег Верещагин провёл первый рейс в субботу утром.</description></item>",
        declaration='<?xml version="1.0"?>',
    )
    (tmp_path / "port.xml").write_bytes(text.encode("windows-1251"))
    [entry] = read(tmp_path / "port.xml")
    assert entry.headline == "Порт снова открыт для паромов"
    assert "Мэр Ирина Соколова сказала" in entry.body_text


def test_utf8_declared_or_served_as_latin1_is_not_stored_as_mojibake(monkeypatch, tmp_path):
    declared = ACCENTED.replace('<?xml version="1.0"?>', '<?xml version="1.0" encoding="ISO-8859-1"?>')
    (tmp_path / "cafe.xml").write_bytes(declared.encode("utf-8"))
    [entry] = read(tmp_path / "cafe.xml")
    assert entry.headline == "Zoë Brûlé and José Núñez open the café"
    answer = served(ACCENTED.encode("utf-8"), "text/xml; charset=iso-8859-1")
    monkeypatch.setattr(formats, "fetch", mock.create_autospec(formats.fetch, return_value=answer))
    [entry] = read_input("https://bay.example/cafe.xml", Options())
    assert entry.headline == "Zoë Brûlé and José Núñez open the café"


def test_a_utf8_feed_with_a_stray_byte_is_read_as_utf8_not_detected_as_another_charset(tmp_path):
    # One byte that is not UTF-8 (pasted from a Latin-1 text, or cut from a character) in a feed that
    # declares UTF-8 and is UTF-8 everywhere else: detection read the whole feed as Mac Roman
    # ("Zo√´ Br√ªl√©"). The feed is UTF-8; the stray byte alone is unreadable, as a browser shows it.
    text = rss(
        "<item><title>Zoë Brûlé and José Núñez open the café</title><guid isPermaLink='false'>c1</guid>"
        "<description>“It took a year,” said Hélène Lefèvre, whose crêpes sell out by noon.</description></item>"
        "<item><title>Ferry returns</title><guid isPermaLink='false'>c2</guid>"
        "<description>A na\udcefve plan, said the ferry’s captain.</description></item>"
    )
    (tmp_path / "cafe.xml").write_bytes(text.encode("utf-8", "surrogateescape"))  # the stray byte: 0xEF
    first, second = read(tmp_path / "cafe.xml")
    assert first.headline == "Zoë Brûlé and José Núñez open the café"
    assert first.body_text == "“It took a year,” said Hélène Lefèvre, whose crêpes sell out by noon."
    assert second.body_text == "A na\ufffdve plan, said the ferry’s captain."


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be"])
def test_utf16_and_utf32_feeds_with_or_without_a_byte_order_mark(tmp_path, encoding):
    text = ACCENTED.replace('<?xml version="1.0"?>', f'<?xml version="1.0" encoding="{encoding[:6]}"?>')
    (tmp_path / "cafe.xml").write_bytes(text.encode(encoding))  # "utf-16" writes a byte order mark, "-le" none
    [entry] = read(tmp_path / "cafe.xml")
    assert entry.headline == "Zoë Brûlé and José Núñez open the café"


def test_a_fetched_utf8_feed_without_any_charset_is_utf8(monkeypatch):
    answer = served(ACCENTED.encode("utf-8"), "application/rss+xml")
    monkeypatch.setattr(formats, "fetch", mock.create_autospec(formats.fetch, return_value=answer))
    [entry] = read_input("https://bay.example/cafe.xml", Options())
    assert entry.headline == "Zoë Brûlé and José Núñez open the café"


# --- 6. Entities ---------------------------------------------------------------------------------


def test_entities_are_decoded_once():
    feed = rss(
        "<item><title>Caf&amp;eacute; reopens</title><guid isPermaLink='false'>e1</guid>"
        "<description>&amp;ouml;</description></item>"
        "<item><title>Market day</title><guid isPermaLink='false'>e2</guid>"
        "<description>Zo&amp;euml; Br&amp;ucirc;l&amp;eacute; opened the market &amp;amp; the fair.</description>"
        "</item>"
    )
    first, second = formats.parse_feed(feed.encode(), "x.xml", Options())
    assert (first.headline, first.body_text) == ("Café reopens", "ö")
    assert second.body_text == "Zoë Brûlé opened the market & the fair."
    atom = (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Bay</title>'
        "<entry><id>urn:bay:1</id><title>Fish</title>"
        '<summary type="text">Tom &amp;amp; Ada sell fish &lt;fresh&gt;.</summary></entry></feed>'
    )
    [entry] = formats.parse_feed(atom.encode(), "x.atom", Options())
    assert entry.body_text == "Tom &amp; Ada sell fish <fresh>."  # plain text: the XML's one decoding only


def test_html_named_entities_in_a_feed_are_read_as_their_characters_not_refused():
    # Feeds written by hand or by HTML-minded software use HTML's named entities (&nbsp; &eacute;),
    # which XML does not define: what the publisher meant is plain, so the entries are kept, decoded once.
    feed = rss(
        "<item><title>Caf&eacute; reopens&nbsp;&mdash; at last</title><guid isPermaLink='false'>h1</guid>"
        "<description>Zo&euml; Br&ucirc;l&eacute; opened the market &amp; the fair.</description></item>"
        "<item><title>Tide tables</title><guid isPermaLink='false'>h2</guid>"
        "<description><![CDATA[<p>Low tide at 6&nbsp;am, said Ren&eacute;.</p>]]></description></item>"
    )
    first, second = formats.parse_feed(feed.encode(), "x.xml", Options())
    assert first.headline == "Café reopens — at last"  # a no-break space is a space in a headline
    assert first.body_text == "Zoë Brûlé opened the market & the fair."
    assert second.body_text == "Low tide at 6 am, said René."  # inside CDATA it is HTML: decoded there


def test_an_entity_no_one_defines_still_makes_the_feed_not_well_formed():
    feed = rss("<item><title>Ferry &notanentity; returns</title><guid isPermaLink='false'>u1</guid></item>")
    [rejection] = formats.parse_feed(feed.encode(), "odd.xml", Options())
    assert isinstance(rejection, Rejection)
    assert "undefined entity" in rejection.reason and rejection.origin == "odd.xml"


# --- 7. Dates with their time zone ---------------------------------------------------------------


def test_an_entry_keeps_its_publishers_date_and_the_moment():
    feed = rss(
        "<item><title>Late council vote</title><guid isPermaLink='false'>d1</guid>"
        "<pubDate>Tue, 03 Jun 2025 22:30:00 -0500</pubDate>"
        "<description>The council voted late.</description></item>"
        "<item><title>Atom-style date</title><guid isPermaLink='false'>d2</guid>"
        "<pubDate>2025-06-03T23:45:00-07:00</pubDate>"
        "<description>Another.</description></item>"
    )
    first, second = formats.parse_feed(feed.encode(), "x.xml", Options())
    assert first.published == dt.date(2025, 6, 3)
    assert first.published_at == dt.datetime(2025, 6, 4, 3, 30, tzinfo=UTC)
    assert second.published == dt.date(2025, 6, 3)
    assert second.published_at == dt.datetime(2025, 6, 4, 6, 45, tzinfo=UTC)


def test_a_date_only_half_readable_is_no_date_not_one_made_up_from_todays_month():
    # feedparser's ISO 8601 reader takes the year of "2024/05/13" and fills the month from today's clock
    # and the day with 1: the entry was dated 1 December 2024 when read in December, 1 January in January.
    dates = [
        "2024/05/13",
        "2013-xx-27",
        "Thu, 01 Jan 2004",
        "Κυρ, 11 Ιούλ 2004 12:00:00 EST",
        "2004년 05월 28일  01:31:15",
    ]
    items = "".join(
        f"<item><title>Notice {n}</title><guid isPermaLink='false'>n{n}</guid><pubDate>{date}</pubDate>"
        "<description>The harbour office posted a notice.</description></item>"
        for n, date in enumerate(dates)
    )
    entries = list(formats.parse_feed(rss(items).encode(), "x.xml", Options()))
    assert [(e.published, e.published_at) for e in entries[:2]] == [(None, None)] * 2
    # Dates feedparser reads in full, in formats of its own (RFC 822 without a time, Greek, Korean), stay;
    # the Korean one was 1 December 2004 too (its ISO 8601 reader came first), and is the moment it says.
    assert [e.published for e in entries[2:4]] == [dt.date(2004, 1, 1), dt.date(2004, 7, 11)]
    assert entries[4].published_at == dt.datetime(2004, 5, 27, 16, 31, 15, tzinfo=UTC)  # 01:31 in Seoul


def test_a_date_without_a_time_that_feedparser_reads_has_no_moment():
    # "Thu, 01 Jan 2004" (RFC 822 without its time) had the moment 00:00 UTC, which the article page
    # showed in the site's zone: "31 December 2003, 18:00 CST" beside the date 1 January 2004.
    items = (
        "<item><title>Notice</title><guid isPermaLink='false'>n1</guid><pubDate>Thu, 01 Jan 2004</pubDate>"
        "<description>The harbour office posted a notice.</description></item>"
        "<item><title>Notice</title><guid isPermaLink='false'>n2</guid><pubDate>Fri, 2006/09/15 08:19:53 EDT"
        "</pubDate><description>The harbour office posted another notice.</description></item>"
    )
    undated, timed = formats.parse_feed(rss(items).encode(), "x.xml", Options())
    assert (undated.published, undated.published_at) == (dt.date(2004, 1, 1), None)
    assert timed.published_at == dt.datetime(2006, 9, 15, 12, 19, 53, tzinfo=UTC)


@pytest.mark.django_db
def test_the_article_page_shows_the_moment_in_the_sites_zone(tmp_path, client):
    (tmp_path / "vote.xml").write_text(
        rss(
            "<item><title>Late council vote</title><guid isPermaLink='false'>d1</guid>"
            "<pubDate>Tue, 03 Jun 2025 22:30:00 -0500</pubDate>"
            "<description>The council voted late on Tuesday.</description></item>"
        )
    )
    pipeline.run([str(tmp_path / "vote.xml")], Options(), workers=1)
    article = Article.objects.get()
    assert article.published == dt.date(2025, 6, 3)
    assert article.published_at == dt.datetime(2025, 6, 4, 3, 30, tzinfo=UTC)
    with override_settings(TIME_ZONE="America/Chicago"):
        page = client.get(article.get_absolute_url()).content.decode()
    assert '<time datetime="2025-06-03T22:30:00-05:00">3 June 2025, 22:30 CDT</time>' in page
    with override_settings(TIME_ZONE="Europe/Berlin"):
        page = client.get(article.get_absolute_url()).content.decode()
    assert '<time datetime="2025-06-04T05:30:00+02:00">4 June 2025, 05:30 CEST</time>' in page

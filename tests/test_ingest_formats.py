"""Parsing: every format in, ParsedArticle or a Rejection (with where and why) out. No database."""

import datetime as dt
import io
import json
from pathlib import Path
from unittest import mock

import pytest

from articles import archive
from articles.ingest import formats
from articles.ingest.extract import extract_article
from articles.ingest.formats import InputError, Options, ParsedArticle, Rejection, read_input

DATA = Path(__file__).parent / "data" / "ingest"


def read(name: str, **options) -> list:
    return list(read_input(str(DATA / name), Options(**options)))


def test_plain_text_headline_body_outlet_and_aggregator():
    [article] = read("harbour-dispute.txt")
    assert article.headline == "Port Elden and Harborview Clash Over Ferry Subsidy"
    assert article.source == "Valley Courier"
    assert article.via == "Coastal News Digest"
    assert article.published is None
    paragraphs = article.body_text.split("\n\n")
    assert paragraphs[0].startswith("In the wake of the storm")
    assert paragraphs[-1].startswith("Less than an hour after")
    # The footer is not body text; the promotional line is.
    assert "appeared first on" not in article.body_text
    assert "Source:" not in article.body_text
    assert "Subscribe for more local stories!" in paragraphs
    assert article.body_html.startswith("<p>In the wake of the storm")


def test_plain_text_date_and_source_from_options():
    [article] = read("harbour-dispute.txt", date=dt.date(2025, 2, 3), source="Other Outlet")
    assert article.published == dt.date(2025, 2, 3)
    assert article.source == "Other Outlet"


def test_plain_text_without_blank_lines_has_one_paragraph_per_line():
    [article] = formats.parse_text("Headline\nFirst line.\nSecond line.\n", "x.txt", Options())
    assert article.body_text == "First line.\n\nSecond line."


def test_plain_text_byline_line_is_not_body():
    [article] = formats.parse_text("Headline\n\nBy Lena Marsh\n\nThe body.", "x.txt", Options())
    assert article.byline == "Lena Marsh"
    assert article.body_text == "The body."


def test_json_list_with_other_tools_field_names():
    first, second = read("two-articles.json")
    assert first.headline == "Bridge inspection finds cracks"
    assert (
        first.body_text
        == "Inspectors found cracks in the Ardel bridge on Monday.\n\nThe bridge stays open to pedestrians."
    )
    assert first.published == dt.date(2025, 4, 7)
    assert first.url == "https://ledger.example/2025/04/bridge"
    assert first.source == "The Ardel Valley Ledger"
    assert first.byline == "Tobias Renn"
    assert second.published == dt.date(2025, 4, 8)
    assert first.origin.endswith("two-articles.json#1")


def test_json_lines_report_each_bad_line_and_keep_the_good_ones():
    items = read("mixed.jsonl")
    good = [i for i in items if isinstance(i, ParsedArticle)]
    bad = [i for i in items if isinstance(i, Rejection)]
    assert [a.headline for a in good] == ["Good line", "Another good line"]
    assert [(r.origin.rsplit(":", 1)[1], r.reason.split(":")[0]) for r in bad] == [
        ("2", "broken JSON line"),
        ("3", "no headline"),
    ]


def test_json_content_holding_html_is_sanitised():
    [article] = list(
        formats.parse_json('{"title": "T", "content": "<p>Hi <script>bad()</script>there</p>"}', "x", Options())
    )
    assert article.body_html == "<p>Hi there</p>"
    assert article.body_text == "Hi there"


def test_rss_entries_use_content_encoded_date_link_and_feed_title():
    first, second = read("feed.rss")
    assert first.headline == "Lighthouse keeper retires after forty years"
    assert first.source == "Northgate Observer"
    assert first.published == dt.date(2025, 5, 16)
    assert first.url == "https://observer.example/2025/05/lighthouse-keeper"
    assert "Edda Brannock, retired on Friday." in first.body_text
    assert "Short summary only" not in first.body_text
    assert "onerror" not in first.body_html and "javascript:" not in first.body_html
    # No content:encoded: the summary is the body.
    assert second.body_text == "The harbour office published new tide tables for the summer season."
    assert second.origin.endswith("feed.rss#entry 2")


def test_atom_entry():
    [entry] = read("feed.atom")
    assert entry.headline == "Kelp forests recover off Cape Ardel"
    assert entry.source == "Coastline Science Weekly"
    assert entry.url == "https://coastline.example/2025/06/kelp"
    assert entry.byline == "Priya Castellan"
    assert entry.body_text.split("\n\n")[1] == "“The recovery is real,” said marine biologist Oona Verhagen."


def test_source_option_overrides_feed_title():
    [entry] = read("feed.atom", source="Science Desk")
    assert entry.source == "Science Desk"


def test_html_page_main_text_headline_date_byline():
    [article] = read("page.html")
    assert article.headline == "Library reopens in Ardel"
    assert article.published == dt.date(2025, 9, 10)
    assert article.byline == "Tobias Renn"
    assert article.source == "The Ardel Valley Ledger"
    assert article.body_text.startswith("The Ardel public library reopened on Wednesday")
    assert "Home" not in article.body_text and "All rights reserved" not in article.body_text
    assert "tracking" not in article.body_text


@pytest.mark.parametrize(
    "name, reason",
    [
        ("latin1.txt", "not UTF-8 text"),
        ("empty.txt", "empty input"),
        ("blank.txt", "empty input"),
        ("not-a-feed.xml", "not a feed"),
    ],
)
def test_malformed_files_are_rejected_with_path_and_reason(name, reason):
    [rejection] = read(name)
    assert isinstance(rejection, Rejection)
    assert rejection.origin == str(DATA / name)
    assert rejection.reason.startswith(reason)


def test_file_with_headline_only_is_rejected_for_missing_body():
    [rejection] = list(formats.parse_text("Just a headline\n", "x.txt", Options()))
    assert rejection.reason == "no body text"


def test_unreachable_url_and_http_error_are_rejections():
    with mock.patch.object(formats, "fetch", autospec=True, side_effect=InputError("unreachable: timed out")):
        [rejection] = list(read_input("https://gone.example/a", Options()))
    assert rejection == Rejection("https://gone.example/a", "unreachable: timed out")
    with mock.patch.object(formats, "fetch", autospec=True, side_effect=InputError("HTTP error 404 Not Found")):
        [rejection] = list(read_input("https://gone.example/b", Options()))
    assert rejection.reason == "HTTP error 404 Not Found"


def test_url_page_is_parsed_as_html(monkeypatch):
    html = (DATA / "page.html").read_bytes()
    monkeypatch.setattr(formats, "fetch", mock.create_autospec(formats.fetch, return_value=html))
    [article] = list(read_input("https://ledger.example/2025/09/library-reopens", Options()))
    assert article.headline == "Library reopens in Ardel"


def test_huge_file_is_rejected(tmp_path, monkeypatch):
    monkeypatch.setattr(formats, "MAX_INPUT_BYTES", 1000)
    big = tmp_path / "big.txt"
    big.write_text("Headline\n\n" + "word " * 500)
    [rejection] = list(read_input(str(big), Options()))
    assert rejection.reason.startswith("file is larger than")


def test_missing_path_and_empty_folder(tmp_path):
    assert list(formats.expand_inputs([str(tmp_path / "nope.txt")])) == [
        Rejection(str(tmp_path / "nope.txt"), "no such file or folder")
    ]
    assert list(formats.expand_inputs([str(tmp_path)])) == [Rejection(str(tmp_path), "folder holds no files")]


def test_folders_are_read_recursively_in_name_order(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "2.txt").write_text("x")
    (tmp_path / "1.txt").write_text("x")
    (tmp_path / ".hidden").write_text("x")
    assert list(formats.expand_inputs([str(tmp_path)])) == [str(tmp_path / "1.txt"), str(tmp_path / "b" / "2.txt")]


def test_standard_input(monkeypatch):
    stdin = mock.Mock()
    stdin.buffer = io.BytesIO(b"From stdin\n\nThe body.\n")
    monkeypatch.setattr("sys.stdin", stdin)
    [article] = list(read_input("-", Options()))
    assert (article.headline, article.origin) == ("From stdin", "<stdin>")


def test_future_date_and_bad_date_are_rejected():
    future = (dt.date.today() + dt.timedelta(days=30)).isoformat()
    [rejection] = list(formats.parse_json(f'{{"title": "T", "body": "B", "date": "{future}"}}', "x", Options()))
    assert "in the future" in rejection.reason
    [rejection] = list(formats.parse_json('{"title": "T", "body": "B", "date": "sometime soon"}', "x", Options()))
    assert rejection.reason == "unreadable date 'sometime soon': use YYYY-MM-DD"


def test_format_detection_by_content():
    assert formats.detect_format("-", '{"a": 1}') == "json"
    assert formats.detect_format("-", "<?xml version='1.0'?><rss>") == "feed"
    assert formats.detect_format("-", "<!DOCTYPE html><html>") == "html"
    assert formats.detect_format("-", "A headline\n\nBody") == "text"


# --- Encodings: feeds and pages in the charset they declare; text and JSON are UTF-8 ---------

LATIN1_FEED = (
    '<?xml version="1.0" encoding="ISO-8859-1"?>\n'
    '<rss version="2.0"><channel><title>Gazette de Valmoré</title>\n'
    "<item><title>Fête du port à Valmoré</title><link>https://gazette.example/fete</link>\n"
    "<pubDate>Mon, 02 Jun 2025 08:00:00 GMT</pubDate>\n"
    "<description>La fête du port a réuni les pêcheurs de Valmoré samedi.</description></item>\n"
    "</channel></rss>\n"
).encode("latin-1")

CP1252_PAGE = (
    '<!DOCTYPE html>\n<html lang="en"><head><meta charset="windows-1252">\n'
    "<title>Café reopens on the quay</title>"
    '<meta property="og:site_name" content="Brindle Harbour Post"></head>\n'
    "<body><nav>Home | News</nav><article><h1>Café reopens on the quay</h1>\n"
    "<p>The harbour café run by Odile Marchetti reopened on Tuesday after a winter of repairs to its roof.</p>\n"
    "<p>“We missed the regulars,” Marchetti said, pouring the first crème of the season for the ferry crew.</p>\n"
    "<p>The café will stay open until nine in the evening through the summer, the Brindle council said.</p>\n"
    "</article><footer>All rights reserved</footer></body></html>\n"
).encode("cp1252")


def test_feed_declaring_latin1_is_read_in_latin1(tmp_path):
    (tmp_path / "valmore.rss").write_bytes(LATIN1_FEED)
    [entry] = read_input(str(tmp_path / "valmore.rss"), Options())
    assert entry.headline == "Fête du port à Valmoré"
    assert entry.source == "Gazette de Valmoré"
    assert entry.body_text == "La fête du port a réuni les pêcheurs de Valmoré samedi."
    assert entry.origin == f"{tmp_path / 'valmore.rss'}#entry 1"


def test_html_page_declaring_windows_1252_is_read_in_windows_1252(tmp_path):
    (tmp_path / "cafe.html").write_bytes(CP1252_PAGE)
    [article] = read_input(str(tmp_path / "cafe.html"), Options())
    assert article.headline == "Café reopens on the quay"
    assert article.source == "Brindle Harbour Post"
    assert "“We missed the regulars,” Marchetti said, pouring the first crème" in article.body_text


def test_html_charset_in_http_equiv_and_xml_declaration(tmp_path):
    http_equiv = CP1252_PAGE.replace(
        b'<meta charset="windows-1252">', b'<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">'
    )
    assert formats.html_encoding(http_equiv) == ("cp1252", "iso-8859-1 text as its <meta> charset declares")
    [article] = formats.parse_html(http_equiv, "cafe.html", Options())
    assert article.headline == "Café reopens on the quay"
    undeclared = CP1252_PAGE.replace(b'<meta charset="windows-1252">', b"")
    xhtml = b'<?xml version="1.0" encoding="ISO-8859-15"?>\n' + undeclared
    assert formats.html_encoding(xhtml)[0] == "iso8859-15"
    [article] = formats.parse_html(xhtml, "cafe.xhtml", Options())
    assert article.headline == "Café reopens on the quay"


def test_http_charset_is_honoured_for_pages_feeds_and_text(monkeypatch):
    def served(data: bytes, content_type: str) -> formats.Fetched:
        fetched = formats.Fetched(data)
        fetched.content_type = content_type
        return fetched

    # The header wins over what the page says (here nothing) and over the feed's XML declaration.
    page = CP1252_PAGE.replace(b'<meta charset="windows-1252">', b"")
    feed = LATIN1_FEED.replace(b' encoding="ISO-8859-1"', b' encoding="UTF-8"')
    text = "Ferry fares rise at Valmoré\n\nThe fare rises by a euro.\n".encode("latin-1")
    answers = {
        "https://post.example/cafe": served(page, "text/html; charset=windows-1252"),
        "https://gazette.example/feed": served(feed, "application/rss+xml; charset=ISO-8859-1"),
        "https://gazette.example/fares": served(text, "text/plain; charset=latin-1"),
    }
    monkeypatch.setattr(formats, "fetch", mock.create_autospec(formats.fetch, side_effect=answers.__getitem__))
    [article] = read_input("https://post.example/cafe", Options())
    assert article.headline == "Café reopens on the quay"
    [entry] = read_input("https://gazette.example/feed", Options())
    assert entry.headline == "Fête du port à Valmoré"
    [article] = read_input("https://gazette.example/fares", Options())
    assert article.headline == "Ferry fares rise at Valmoré"


def test_a_charset_naming_no_text_encoding_is_ignored_not_a_crash(tmp_path, monkeypatch):
    # base64, hex and rot13 are Python codecs, but not of text: a browser would ignore them too.
    page = CP1252_PAGE.decode("cp1252").replace('<meta charset="windows-1252">', '<meta charset="base64">')
    page = page.encode("utf-8")
    (tmp_path / "cafe.html").write_bytes(page)
    [article] = read_input(str(tmp_path / "cafe.html"), Options())
    assert article.headline == "Café reopens on the quay"
    fetched = formats.Fetched(b"Ferry fares rise\n\nThe fare rises.\n")
    fetched.content_type = "text/plain; charset=hex"
    monkeypatch.setattr(formats, "fetch", mock.create_autospec(formats.fetch, return_value=fetched))
    [article] = read_input("https://gazette.example/fares", Options())
    assert article.headline == "Ferry fares rise"


def test_text_and_json_that_are_not_utf8_are_rejected_and_undeclared_pages_are_detected(tmp_path):
    # Issue 13.4: a page's encoding is the charset it declares, else detection, and nothing is lost. A
    # windows-1252 page without a <meta charset> was refused as "not UTF-8 text"; it is read in what
    # charset-normalizer detects, as feeds are. Plain text and JSON stay UTF-8 or refused (too short to tell).
    (tmp_path / "a-good.txt").write_text("Tide gauge repaired\n\nThe gauge works again.\n")
    (tmp_path / "b-latin1.txt").write_bytes("Caf\xe9 news\n\nThe caf\xe9 opened.\n".encode("latin-1"))
    (tmp_path / "c-latin1.json").write_bytes('{"title": "Caf\xe9", "body": "Open."}'.encode("latin-1"))
    (tmp_path / "d-undeclared.html").write_bytes(CP1252_PAGE.replace(b'<meta charset="windows-1252">', b""))
    (tmp_path / "e-feed.rss").write_bytes(LATIN1_FEED)
    items = [item for target in formats.expand_inputs([str(tmp_path)]) for item in read_input(target, Options())]
    assert [str(i) for i in items if isinstance(i, Rejection)] == [
        f"{tmp_path / 'b-latin1.txt'}: not UTF-8 text (invalid byte 0xe9 at offset 3, line 1): save it as UTF-8",
        f"{tmp_path / 'c-latin1.json'}: not UTF-8 text (invalid byte 0xe9 at offset 14, line 1): save it as UTF-8",
    ]
    articles = [i for i in items if isinstance(i, ParsedArticle)]
    assert [a.headline for a in articles] == [
        "Tide gauge repaired",
        "Café reopens on the quay",
        "Fête du port à Valmoré",
    ]
    assert "“We missed the regulars,” Marchetti said, pouring the first crème" in articles[1].body_text


def test_a_page_s_wrong_charset_declaration_stores_no_mojibake_and_loses_nothing(tmp_path):
    # Issue 13.4: never store mojibake, nothing lost. A page declaring windows-1252 whose bytes are UTF-8, and one
    # declaring UTF-8 whose bytes are windows-1252, were refused ("not windows-1252 text as its <meta> charset
    # declares"). As for feeds, UTF-8 bytes under a single-byte declaration are UTF-8 (not "CafÃ©"), and a
    # declaration the bytes can't be is ignored for detection.
    utf8 = CP1252_PAGE.decode("cp1252").encode("utf-8")
    (tmp_path / "a-utf8-declared-1252.html").write_bytes(utf8)
    (tmp_path / "b-1252-declared-utf8.html").write_bytes(
        CP1252_PAGE.replace(b'<meta charset="windows-1252">', b'<meta charset="utf-8">')
    )
    items = [item for target in formats.expand_inputs([str(tmp_path)]) for item in read_input(target, Options())]
    assert not [str(i) for i in items if isinstance(i, Rejection)]
    assert [a.headline for a in items] == ["Café reopens on the quay", "Café reopens on the quay"]
    assert all("“We missed the regulars,” Marchetti said" in a.body_text for a in items)


def test_an_undeclared_latin1_page_in_german_is_read_right(tmp_path):
    page = (
        '<!DOCTYPE html>\n<html lang="de"><head><title>Fähre über die Förde fährt wieder</title></head>\n'
        "<body><article><h1>Fähre über die Förde fährt wieder</h1>\n"
        "<p>Die Fähre über die Förde fährt ab Montag wieder, teilte die Gemeinde Brindle am Freitag mit.</p>\n"
        "<p>»Größere Schiffe müssen noch warten«, sagte Hafenmeisterin Jördis Kühl.</p>\n"  # Latin-1 has »«, not „“
        "</article></body></html>\n"
    )
    (tmp_path / "faehre.html").write_bytes(page.encode("latin-1"))
    [article] = read_input(str(tmp_path / "faehre.html"), Options())
    assert article.headline == "Fähre über die Förde fährt wieder"
    assert "»Größere Schiffe müssen noch warten«, sagte Hafenmeisterin Jördis Kühl." in article.body_text


def test_an_undeclared_page_that_no_charset_reads_is_rejected_naming_the_file(tmp_path):
    noise = bytes((i * 167 + 13) % 256 for i in range(3000))  # no text in any encoding
    page = b"<!DOCTYPE html><html><body><article><p>" + noise + b"</p></article></body></html>"
    (tmp_path / "noise.html").write_bytes(page)
    [rejection] = read_input(str(tmp_path / "noise.html"), Options())
    reason = "not UTF-8 text, no charset declared, and no other encoding reads it"
    assert str(rejection) == f"{tmp_path / 'noise.html'}: {reason}"


@pytest.mark.parametrize("declaration", ['<meta charset="utf-8">', ""])
def test_a_utf8_page_with_a_few_stray_bytes_is_read_not_rejected(tmp_path, declaration):
    # A page that is UTF-8 but for a byte or two (a Latin-1 "ü" in an image's alt text, a character cut
    # short) was refused whole as "not UTF-8 text"; a browser shows it, each stray byte as U+FFFD.
    page = (
        f'<!DOCTYPE html>\n<html lang="de"><head>{declaration}<title>Café öffnet am Kai wieder</title>'
        '<meta property="og:site_name" content="Brindler Hafenbote"></head>\n'
        '<body><nav><img src="logo.png" alt="K\udcfcchenblog"> Start | Nachrichten</nav><article>'
        "<h1>Café öffnet am Kai wieder</h1>\n"
        "<p>Das Hafencafé von Odile Marchetti hat am Dienstag nach einem Winter der Reparaturen geöffnet.</p>\n"
        "<p>„Wir haben die Stammgäste vermisst“, sagte Marchetti und schenkte der Fährcrew den ersten Kaffee ein.</p>\n"
        "<p>Das Café bleibt im Sommer bis neun Uhr abends geöffnet, teilte die Gemeinde Brindle mit.</p>\n"
        "</article></body></html>\n"
    ).encode("utf-8", "surrogateescape")  # the stray byte: 0xFC, Latin-1's "ü"
    (tmp_path / "cafe.html").write_bytes(page)
    [article] = read_input(str(tmp_path / "cafe.html"), Options())
    assert article.headline == "Café öffnet am Kai wieder"
    assert "„Wir haben die Stammgäste vermisst“, sagte Marchetti" in article.body_text
    assert "\ufffd" not in article.body_text  # the stray byte was in the navigation


# --- JSON: one broken document is one rejection; JSON Lines report each broken line ----------

PRETTY_BROKEN = """{
  "headline": "Ferry timetable changes at Brindle",
  "body": "The morning ferry leaves earlier from Monday.",
  "quotes": [
    {"text": "Earlier is better"}
  ],
  "url": "https://post.example/timetable"
"""


@pytest.mark.parametrize("forced", [None, "json"])
def test_broken_pretty_printed_json_is_one_rejection_with_its_position(tmp_path, forced):
    (tmp_path / "a-broken.json").write_text(PRETTY_BROKEN)
    (tmp_path / "b-good.json").write_text(PRETTY_BROKEN + "}\n")
    items = [
        item for target in formats.expand_inputs([str(tmp_path)]) for item in read_input(target, Options(format=forced))
    ]
    assert items[0] == Rejection(
        str(tmp_path / "a-broken.json"),
        "not valid JSON: Expecting ',' delimiter at line 8 column 1 (the end of the input: is it cut short?)",
    )
    assert [(a.headline, a.origin) for a in items[1:]] == [
        ("Ferry timetable changes at Brindle", str(tmp_path / "b-good.json"))
    ]
    [rejection] = formats.parse_json('{\n  "headline": "A",\n  "body": "B"\n  "url": "x"\n}\n', "x.json", Options())
    assert rejection.reason == "not valid JSON: Expecting ',' delimiter at line 4 column 3"


@pytest.mark.parametrize("forced", [None, "json"])
def test_json_lines_with_a_broken_first_line_report_each_bad_line(tmp_path, forced):
    path = tmp_path / "wire.jsonl"
    path.write_text(
        '{"headline": "Cut off\n'
        '{"headline": "Pier lights fixed", "body": "The lights work."}\n'
        "not json at all\n"
        '{"headline": "Buoy replaced", "body": "A new buoy."}\n'
    )
    items = list(read_input(str(path), Options(format=forced)))
    assert [str(i) for i in items if isinstance(i, Rejection)] == [
        f"{path}:1: broken JSON line: Unterminated string starting at column 14",
        f"{path}:3: broken JSON line: Expecting value at column 1",
    ]
    assert [(a.headline, a.origin) for a in items if isinstance(a, ParsedArticle)] == [
        ("Pier lights fixed", f"{path}:2"),
        ("Buoy replaced", f"{path}:4"),
    ]


def test_a_feed_read_as_json_is_one_rejection():
    [rejection] = read("feed.rss", format="json")
    assert rejection == Rejection(
        str(DATA / "feed.rss"),
        'not JSON: it starts \'<?xml version="1.0" encoding="\', not { or [ (an object, a list or JSON Lines)',
    )


def test_json_lines_line_that_is_not_utf8_names_its_line(tmp_path):
    path = tmp_path / "wire.jsonl"
    path.write_bytes(b'{"headline": "Quay", "body": "Fine."}\n{"headline": "Caf\xe9", "body": "Open."}\n')
    first, second = read_input(str(path), Options(format="json"))
    assert first.headline == "Quay"
    assert second == Rejection(f"{path}:2", "not UTF-8 text (invalid byte 0xe9 at column 18)")


# --- Values longer than their column are rejected before storing, dry run or not -------------


def _long_url_lines(tmp_path) -> Path:
    path = tmp_path / "links.jsonl"
    long_url = "https://post.example/" + "a" * 1000
    path.write_text(
        "\n".join(
            json.dumps(line)
            for line in (
                {"headline": "Quay lights", "body": "The lights work.", "url": "https://post.example/1"},
                {"headline": "Endless link", "body": "A long address.", "url": long_url},
                {"headline": "Slipway", "body": "A slipway.", "url": "https://post.example/3", "topics": ["t" * 101]},
                {"headline": "Buoy", "body": "A new buoy.", "url": "https://post.example/4"},
            )
        )
    )
    return path


@pytest.mark.django_db
@pytest.mark.parametrize("dry_run", [False, True])
def test_too_long_values_are_rejected_before_storing(tmp_path, dry_run):
    from articles.ingest import pipeline
    from articles.models import Article

    path = _long_url_lines(tmp_path)
    report = pipeline.run([str(path)], Options(), dry_run=dry_run)
    assert [str(r) for r in report.rejected] == [
        f"{path}:2: url is 1,021 characters; at most 1,000",
        f"{path}:3: topic 'tttttttttttttttttttttttttttttttttttttttt…' is 101 characters; at most 100",
    ]
    assert (report.read, report.created) == (2, 2)
    stored = sorted(Article.objects.values_list("headline", flat=True))
    assert stored == ([] if dry_run else ["Buoy", "Quay lights"])


def test_too_long_people_and_speakers_are_rejected():
    long_name = "Odile " + "M" * 200
    for obj in ({"people": [long_name]}, {"quotes": [{"text": "Yes.", "speaker": long_name}]}):
        [rejection] = formats.parse_json(json.dumps({"title": "T", "body": "“Yes.”", **obj}), "x", Options())
        assert rejection.reason.endswith("is 206 characters; at most 200")


def test_a_quotation_speaker_kind_is_read_and_an_unknown_kind_refused_by_name():
    said = [{"text": "No further delays.", "speaker_as_written": "the harbour board", "speaker_kind": "organisation"}]
    article = {"title": "Night ferry kept", "body": "“No further delays.”", "quotes": said}
    [parsed] = formats.parse_json(json.dumps(article), "x", Options())
    assert [(q.speaker_as_written, q.speaker_kind) for q in parsed.quotes] == [("the harbour board", "organisation")]
    said[0]["speaker_kind"] = "company"
    [rejection] = formats.parse_json(json.dumps(article), "x", Options())
    assert rejection.reason == "a quote's \"speaker_kind\" is person, organisation or unknown, not 'company'"


@pytest.mark.django_db
def test_a_database_refusal_is_reported_on_one_line_and_the_batch_still_lands():
    from articles.models import Article

    def article(n: int, url: str) -> ParsedArticle:
        return ParsedArticle(
            headline=f"Harbour note {n}",
            body_text=f"Note {n}.",
            body_html="",
            origin=f"in:{n}",
            url=url,
            people=[],
            quotes=[],
        )

    # Past the checks in formats.finish (as any caller of store_articles may be): the database refuses it.
    items = [article(1, "https://post.example/1"), article(2, "https://post.example/" + "a" * 1000)]
    results = archive.store_articles([(a, extract_article(a)) for a in items], context=archive.Context())
    assert [r.status for r in results] == ["created", "rejected"]
    assert results[1].detail == "not stored: value too long for type character varying(1000) (column url)"
    assert list(Article.objects.values_list("headline", flat=True)) == ["Harbour note 1"]
    assert str(Rejection("in:2", "first line\nCONTEXT: second line")) == "in:2: first line CONTEXT: second line"

"""Parsing: every format in, ParsedArticle or a Rejection (with where and why) out. No database."""

import datetime as dt
import io
from pathlib import Path
from unittest import mock

import pytest

from articles.ingest import formats
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


def test_fetch_turns_http_errors_into_input_errors():
    import urllib.error

    error = urllib.error.HTTPError("https://x.example", 503, "Service Unavailable", {}, None)
    with mock.patch("urllib.request.urlopen", autospec=True, side_effect=error), pytest.raises(InputError) as exc:
        formats.fetch("https://x.example")
    assert str(exc.value) == "HTTP error 503 Service Unavailable"


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

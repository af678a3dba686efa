"""Operations and hardening (issue 11, point 9): the database out of reach, NUL characters in the
admin, the admin search's time limit, and X-Forwarded-Proto trusted only behind a proxy.

The database really is out of reach in these tests: the connection's settings point at a folder
with no server in it (or its server process is ended), never a mock of the driver.
"""

import contextlib
import json
import os
import random
import string
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import close_old_connections, connection
from django.db.models import BooleanField
from django.db.models.expressions import RawSQL
from django.test import Client, override_settings

from articles import archive
from articles.ingest import pipeline
from articles.ingest.extract import extract_article
from articles.ingest.formats import ParsedArticle
from articles.models import Article, ArticleQuerySet

ROOT = Path(__file__).resolve().parent.parent
UNAVAILABLE = "The archive is unavailable for a moment"


# --- The database out of reach --------------------------------------------------------------------
@contextlib.contextmanager
def database_unreachable(tmp_path: Path):
    """The default connection pointed at an empty folder (a Unix socket directory with no server:
    refused at once, also for a DATABASE_URL over TCP), then put back and reconnected."""
    saved = dict(connection.settings_dict)
    connection.close()
    connection.settings_dict["HOST"] = str(tmp_path)
    try:
        yield
    finally:
        connection.close()
        connection.settings_dict.clear()
        connection.settings_dict.update(saved)


def end_backend(pid: int) -> None:
    """End one server process from another connection, as a restart or failover would, and wait
    until it is gone."""
    other = connection.get_new_connection(connection.get_connection_params())
    try:
        other.autocommit = True
        with other.cursor() as cursor:
            cursor.execute("SELECT pg_terminate_backend(%s)", [pid])
            deadline = time.monotonic() + 10
            while time.monotonic() < deadline:
                cursor.execute("SELECT count(*) FROM pg_stat_activity WHERE pid = %s", [pid])
                if not cursor.fetchone()[0]:
                    return
                time.sleep(0.02)
        raise AssertionError(f"server process {pid} did not end")
    finally:
        other.close()


def assert_unavailable(response) -> None:
    assert response.status_code == 503, response.status_code
    assert response["Retry-After"] == "30"
    assert response["Cache-Control"] == "no-store"
    assert UNAVAILABLE in response.content.decode()


@pytest.mark.django_db(transaction=True)
def test_public_pages_answer_503_while_the_database_is_unreachable_and_recover(client, tmp_path):
    assert client.get("/").status_code == 200
    with database_unreachable(tmp_path):
        for url in ["/", "/articles/", "/search/?q=harbour", "/people/", "/topics/", "/sitemap.xml"]:
            assert_unavailable(client.get(url))
    # The database is back: the next request connects again by itself.
    assert client.get("/").status_code == 200
    assert client.get("/search/?q=harbour").status_code == 200


@pytest.mark.django_db(transaction=True)
def test_a_logged_in_admin_page_answers_503_when_the_session_cannot_be_read(admin_client, tmp_path):
    # The session and the user are loaded from the database on first use (in the admin's view).
    assert admin_client.get("/admin/").status_code == 200
    with database_unreachable(tmp_path):
        assert_unavailable(admin_client.get("/admin/"))
        assert_unavailable(admin_client.get("/admin/articles/article/"))
    assert admin_client.get("/admin/").status_code == 200


class QueriesBeforeTheView:
    """A middleware that reads the database before the view runs (as a session save or a site
    setting would): Django turns its error into a 500 before an outer middleware sees it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        return self.get_response(request)


@pytest.mark.django_db(transaction=True)
def test_a_database_error_in_a_middleware_before_the_view_answers_503(settings, tmp_path):
    at = settings.MIDDLEWARE.index("django.contrib.sessions.middleware.SessionMiddleware")
    middleware = [*settings.MIDDLEWARE[:at], f"{__name__}.QueriesBeforeTheView", *settings.MIDDLEWARE[at:]]
    with override_settings(MIDDLEWARE=middleware):
        # raise_request_exception=False: the test client would re-raise the error Django noted,
        # which a real server never does.
        client = Client(raise_request_exception=False)
        assert client.get("/topics/").status_code == 200
        with database_unreachable(tmp_path):
            assert_unavailable(client.get("/topics/"))
        assert client.get("/topics/").status_code == 200


@pytest.mark.parametrize("health_checks", [True, False])
@pytest.mark.django_db(transaction=True)
def test_a_kept_connection_the_server_dropped_is_not_reused(client, health_checks):
    """CONN_MAX_AGE keeps a connection between requests. The server ending it (a restart) must not
    break requests for good: with CONN_HEALTH_CHECKS (the setting) it is replaced before the next
    request uses it; without, that one request answers 503 and the one after works."""
    assert connection.settings_dict["CONN_HEALTH_CHECKS"] is True  # what settings.py asks for
    saved = dict(connection.settings_dict)
    connection.close()
    connection.settings_dict.update(CONN_MAX_AGE=60, CONN_HEALTH_CHECKS=health_checks)
    try:
        close_old_connections()  # what request_started does (the test client leaves it out)
        assert client.get("/topics/").status_code == 200
        pid = connection.connection.info.backend_pid
        end_backend(pid)
        close_old_connections()
        if health_checks:
            assert client.get("/topics/").status_code == 200
        else:
            assert_unavailable(client.get("/topics/"))
            close_old_connections()  # request_finished, request_started: the failed connection is closed
            assert client.get("/topics/").status_code == 200
        assert connection.connection.info.backend_pid != pid
    finally:
        connection.close()
        connection.settings_dict.clear()
        connection.settings_dict.update(saved)


def run_manage(*args: str, **env: str) -> subprocess.CompletedProcess:
    environ = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "DEBUG", "DJANGO_SETTINGS_MODULE")}
    environ.update(env)
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=environ, capture_output=True, text=True, timeout=120
    )


def write_articles(tmp_path: Path, n: int) -> Path:
    path = tmp_path / "in.jsonl"
    lines = [
        {"headline": f"Quay note {i}", "body": f"The quay was busy on day {i}.", "people": [], "quotes": []}
        for i in range(n)
    ]
    path.write_text("\n".join(json.dumps(line) for line in lines))
    return path


def test_ingest_with_the_database_unreachable_says_so_in_one_line(tmp_path):
    result = run_manage("ingest", str(write_articles(tmp_path, 3)), DATABASE_URL="postgres://nobody@127.0.0.1:1/none")
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("error: cannot use the database in DATABASE_URL (")
    assert "Traceback" not in result.stderr


@pytest.mark.django_db(transaction=True)
def test_ingest_stopped_by_the_database_mid_run_reports_what_was_stored_then_the_problem(tmp_path, monkeypatch, capsys):
    """The server ends the connection while the second batch is written: the first batch stays
    stored and is reported, then one line names the problem; no article is reported rejected."""
    monkeypatch.setattr(pipeline, "BATCH_SIZE", 2)
    real = archive._store_batch
    calls = []

    def store_batch(items, context):
        calls.append(len(items))
        if len(calls) == 2:  # halfway through writing the second batch
            with connection.cursor() as cursor:
                cursor.execute("SELECT 1")
            end_backend(connection.connection.info.backend_pid)
        return real(items, context)

    monkeypatch.setattr(archive, "_store_batch", store_batch)
    with pytest.raises(SystemExit) as exit_info:
        call_command("ingest", str(write_articles(tmp_path, 5)))
    assert exit_info.value.code == 1
    lines = capsys.readouterr().err.strip().splitlines()
    assert len(lines) == 2, lines
    assert lines[0].startswith("read 4, stored 2, updated 0, skipped 0, rejected 0 in ")
    assert lines[1].startswith("error: cannot ")
    assert calls == [2, 2]  # stopped: no article-by-article retry, no third batch
    connection.close()
    assert sorted(Article.objects.values_list("headline", flat=True)) == ["Quay note 0", "Quay note 1"]


@pytest.mark.django_db
def test_an_operational_error_one_article_causes_still_rejects_only_that_article():
    """Not every OperationalError means the database is gone: a text too long for a tsvector is one
    (program_limit_exceeded). That article is rejected; the others are stored; the run goes on."""
    rnd = random.Random(9)
    huge = " ".join("".join(rnd.choices(string.ascii_lowercase, k=12)) for _ in range(150_000))

    def article(n: int, body: str) -> ParsedArticle:
        return ParsedArticle(
            headline=f"Quay note {n}", body_text=body, body_html="", origin=f"in:{n}", people=[], quotes=[]
        )

    items = [article(1, "Fine."), article(2, huge), article(3, "Also fine.")]
    results = archive.store_articles([(a, extract_article(a)) for a in items], context=archive.Context())
    assert [r.status for r in results] == ["created", "rejected", "created"]
    assert "string is too long for tsvector" in results[1].detail


# --- NUL characters ------------------------------------------------------------------------------
ADMIN_NUL_URLS = [
    "/admin/articles/article/?q=%00",
    "/admin/articles/article/?q=harbour%00",
    "/admin/articles/article/?source__id__exact=%00",
    "/admin/articles/article/?published__gte=%00",
    "/admin/articles/article/?%00=1",
    "/admin/articles/person/?q=%00",
    "/admin/autocomplete/?term=%00&app_label=articles&model_name=article&field_name=source",
    "/admin/autocomplete/?term=a%00b&app_label=articles&model_name=quote&field_name=person",
]


@pytest.mark.parametrize("url", ADMIN_NUL_URLS)
@pytest.mark.django_db
def test_a_nul_in_an_admin_parameter_answers_400(admin_client, archive, url):
    response = admin_client.get(url)
    assert response.status_code == 400
    assert b"NUL" in response.content


@pytest.mark.django_db
def test_a_nul_in_an_admin_form_value_answers_400(admin_client, archive):
    source = archive["sources"]["courier"]
    data = {"action": "delete_selected", "_selected_action": f"{source.pk}\x00", "index": "0"}
    assert admin_client.post("/admin/articles/source/", data).status_code == 400
    assert admin_client.post("/admin/articles/source/add/", {"name": "Quay\x00Post", "slug": "q"}).status_code == 400
    # Without one the same pages work.
    assert admin_client.get("/admin/articles/article/?q=harbour").status_code == 200
    assert admin_client.get(f"/admin/articles/article/?source__id__exact={source.pk}").status_code == 200
    autocomplete = "/admin/autocomplete/?term=val&app_label=articles&model_name=article&field_name=source"
    assert admin_client.get(autocomplete).json()["results"][0]["text"] == "Valley Courier"


@pytest.mark.parametrize(
    "url",
    [
        "/search/?q=%00",
        "/articles/?person=%00",
        "/people/?q=%00",
        "/articles/?q=a%00b",
        "/search/feed/?q=%00",
        "/people/suggest/?q=%00",
        "/topics/?page=%00",
    ],
)
@pytest.mark.django_db
def test_a_nul_in_a_public_parameter_is_a_4xx_or_an_empty_page(client, archive, url):
    response = client.get(url)
    assert response.status_code in (200, 400, 404), response.status_code
    if response.status_code == 200 and url.startswith(("/search/?", "/people/?")):
        assert b"Harbour strike" not in response.content and b"Selim" not in response.content


# --- The admin's search within a time limit ------------------------------------------------------
def slow_search(monkeypatch, seconds: float = 0.3) -> None:
    """Article search as slow as a full-text search over a large archive can be: the real search,
    with a condition PostgreSQL takes `seconds` to evaluate (once per statement). The test archive is
    small, so the real search alone ends well within any limit one could set without flakiness."""
    real = ArticleQuerySet.search

    def search(self, text):
        return real(self, text).filter(
            RawSQL("(SELECT true FROM pg_sleep(%s))", [seconds], output_field=BooleanField())
        )

    monkeypatch.setattr(ArticleQuerySet, "search", search)


@pytest.mark.django_db
def test_an_admin_search_past_its_time_limit_says_so_and_shows_no_rows(admin_client, archive, settings, monkeypatch):
    slow_search(monkeypatch)
    settings.ADMIN_SEARCH_TIMEOUT_MS = 1
    response = admin_client.get("/admin/articles/article/?q=harbour")
    assert response.status_code == 200
    page = response.content.decode()
    assert "The search took too long and was stopped: narrow it" in page
    assert "Harbour strike enters second week" not in page
    assert 'value="harbour"' in page  # the search box still holds it, to be narrowed
    # The limit ended with the search: the list without a search shows everything.
    assert "Harbour strike enters second week" in admin_client.get("/admin/articles/article/").content.decode()


@pytest.mark.django_db
def test_an_admin_search_within_its_time_limit_shows_its_rows(admin_client, archive, settings, monkeypatch):
    assert settings.ADMIN_SEARCH_TIMEOUT_MS == 5000  # the default
    slow_search(monkeypatch)
    page = admin_client.get("/admin/articles/article/?q=harbour").content.decode()
    assert "took too long" not in page
    assert "Harbour strike enters second week" in page
    people = admin_client.get("/admin/articles/person/?q=varga").content.decode()
    assert "Ines Varga" in people and "took too long" not in people

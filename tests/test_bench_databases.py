"""bench/run.py's databases: the bench reads DATABASE_URL as the app does, so a URL the settings take
(here libpq's form, the socket directory as a query parameter: postgres:///name?host=/path) gives the
bench its databases on that server too. Before, the bench read the host only from the URL's host part,
and with none there connected to the default socket instead (another server, or none)."""

import importlib.util
import os
from pathlib import Path
from unittest import mock
from urllib.parse import quote

import psycopg2
import pytest
from django.db import connection

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("bench_run", ROOT / "bench" / "run.py")
bench_run = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(bench_run)


def query_url(name: str) -> str:
    """This test's server as a URL with everything in its query: postgres:///name?host=…&port=…&user=…"""
    settings = connection.settings_dict
    given = {"host": settings["HOST"], "port": settings["PORT"], "user": settings["USER"]}
    given["password"] = settings["PASSWORD"]
    query = "&".join(f"{key}={quote(str(value), safe='/')}" for key, value in given.items() if value)
    return f"postgres:///{name}?{query}"


@pytest.mark.django_db
def test_a_database_named_by_a_url_with_its_socket_directory_in_the_query_is_created_there():
    name = f"test_bench_query_url_{os.getpid()}"
    with mock.patch.object(bench_run, "run_manage", autospec=True) as run_manage:
        bench_run.ensure_database(query_url(name))
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT count(*) FROM pg_database WHERE datname = %s", [name])
            assert cursor.fetchone() == (1,)
        run_manage.assert_called_once_with(query_url(name), "migrate", "--noinput", "-v", "0")
    finally:
        admin = psycopg2.connect(**bench_run.connect_params(query_url(name), "postgres"))
        admin.autocommit = True
        with admin.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')
        admin.close()


@pytest.mark.parametrize(
    "url, bench",
    [
        ("postgres:///archive?host=/srv/pg", "postgres:///archive_bench?host=/srv/pg"),
        ("postgres://editor@%2Fsrv%2Fpg:5433/archive", "postgres://editor@%2Fsrv%2Fpg:5433/archive_bench"),
        (
            "postgresql://editor@db.example/archive?sslmode=require",
            "postgresql://editor@db.example/archive_bench?sslmode=require",
        ),
    ],
)
def test_the_bench_database_is_on_the_server_of_database_url(monkeypatch, url, bench):
    # The bench's own process made postgres:/archive_bench of the first (urlunsplit drops "//" before an
    # empty host); here dj-database-url is imported already, and registers its schemes with urllib so
    # that urlunsplit keeps it: this guards the written-out form, it could not fail before.
    monkeypatch.setenv("DATABASE_URL", url)
    assert bench_run.database_url("_bench") == bench
    assert bench_run.connect_params(bench)["dbname"] == "archive_bench"

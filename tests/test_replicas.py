"""Read replicas (issue 15.4), against a real streaming replica of the test's own PostgreSQL.

The replica is made with pg_basebackup from the server the tests run on and started beside it; the
site runs under gunicorn with DATABASE_REPLICA_URLS pointing at it. Replaying is paused to show
what readers see while a replica lags, and that signed-in staff read the primary all the same.
"""

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

import psycopg2
import pytest
from django.contrib.auth.models import User
from django.db import connection

from articles.models import Article
from newsarchive import pgcluster
from tests.conftest import make_article

pytestmark = pytest.mark.django_db(transaction=True)
ROOT = Path(__file__).resolve().parent.parent


def _url(host: str, name: str) -> str:
    user, port = connection.settings_dict["USER"], connection.settings_dict["PORT"] or "5432"
    return f"postgres://{user}@{urllib.parse.quote(host, safe='')}:{port}/{name}"


@pytest.fixture(scope="module")
def replica(django_db_setup, django_db_blocker):
    """A hot standby of the test server, streaming from it: its socket folder."""
    with django_db_blocker.unblock():
        settings = connection.settings_dict
    primary_host = settings["HOST"]
    assert primary_host.startswith("/"), "the replica test makes its standby from the private cluster (a socket)"
    home = Path(tempfile.mkdtemp(prefix="na-replica-", dir="/tmp"))
    standby = pgcluster.Cluster(home / "pg")
    try:
        standby._prepare_home()
        bindir = pgcluster.find_bindir()
        made = standby._run(
            [
                str(bindir / "pg_basebackup"),
                *("-h", primary_host, "-p", str(settings["PORT"] or 5432), "-U", settings["USER"]),
                *("-D", str(standby.data_dir), "-R", "-X", "stream", "-c", "fast"),
            ]
        )
        assert made.returncode == 0, made.stderr
        standby.start()
        yield str(standby.socket_dir)
    finally:
        if standby.is_initialised():
            standby.stop()
        shutil.rmtree(home, ignore_errors=True)


def _replica_sql(host: str, sql: str):
    with psycopg2.connect(
        host=host, dbname=connection.settings_dict["NAME"], user=connection.settings_dict["USER"]
    ) as db:
        db.autocommit = True
        with db.cursor() as cursor:
            cursor.execute(sql)
            return cursor.fetchone()


def _caught_up(host: str) -> None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_current_wal_lsn()::text")
        target = cursor.fetchone()[0]
    for _ in range(600):
        if _replica_sql(host, f"SELECT pg_last_wal_replay_lsn() >= '{target}'::pg_lsn")[0]:
            return
        time.sleep(0.05)
    raise AssertionError("the replica did not catch up within 30 s")


@pytest.fixture
def site(replica):
    """The site under gunicorn, its primary the test database, its replica the standby."""
    with socket.socket() as free:
        free.bind(("127.0.0.1", 0))
        port = free.getsockname()[1]
    name = connection.settings_dict["NAME"]
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "newsarchive.settings",
        "DEBUG": "1",
        "DATABASE_URL": _url(connection.settings_dict["HOST"], name),
        "DATABASE_REPLICA_URLS": _url(replica, name),
    }
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "newsarchive.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", "1"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(600):
            try:
                urllib.request.urlopen(base + "/", timeout=5)
                break
            except OSError:
                assert server.poll() is None, server.stderr.read().decode()
                time.sleep(0.05)
        yield base
    finally:
        server.terminate()
        server.wait(timeout=10)


def _get(url: str, cookie: str = "") -> str:
    request = urllib.request.Request(url, headers={"Cookie": cookie} if cookie else {})
    with urllib.request.urlopen(request, timeout=60) as response:
        return response.read().decode()


def test_readers_read_the_replica_and_staff_their_own_writes(site, replica, client):
    article = make_article(headline="Ferry timetable changes")
    page = f"{site}{article.get_absolute_url()}"
    _caught_up(replica)
    assert "Ferry timetable changes" in _get(page)

    _replica_sql(replica, "SELECT pg_wal_replay_pause()")  # the replica falls behind from here
    try:
        Article.objects.filter(pk=article.pk).update(headline="Ferry timetable postponed")
        # A reader is served by the replica: the page as it was, until the replica replays the edit.
        assert "Ferry timetable changes" in _get(page)
        # Staff, signed in, read the primary: their edit at once.
        client.force_login(User.objects.create_user("editor", password="pw", is_staff=True))
        signed_in = f"sessionid={client.cookies['sessionid'].value}"
        assert "Ferry timetable postponed" in _get(page, signed_in)
    finally:
        _replica_sql(replica, "SELECT pg_wal_replay_resume()")
    _caught_up(replica)
    # The reader's page (cached while the replica lagged) is refreshed once the replica has the edit.
    assert "Ferry timetable postponed" in _get(page)

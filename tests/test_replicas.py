"""Read replicas (issue 15.4), against a real streaming replica of the test's own PostgreSQL.

A primary of the test's own and a standby made from it with pg_basebackup; the site runs under
gunicorn with DATABASE_URL on the one and DATABASE_REPLICA_URLS on the other. Replaying is paused to show
what readers see while a replica lags, and that signed-in staff read the primary all the same.
"""

import http.cookiejar
import json
import os
import re
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

from newsarchive import pgcluster

ROOT = Path(__file__).resolve().parent.parent


def _url(host: str) -> str:
    return f"postgres://{pgcluster.DB_USER}@{urllib.parse.quote(host, safe='')}:{pgcluster.PORT}/{pgcluster.DB_NAME}"


def _manage(env: dict, *args: str) -> str:
    done = subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return done.stdout


@pytest.fixture(scope="module")
def servers():
    """A primary of the test's own (a fresh private cluster, migrated) and a hot standby streaming from
    it, made with pg_basebackup -R: their socket folders. Not the suite's own server: a base backup
    copies every database of a cluster, a developer's 1M-article benchmark included."""
    home = Path(tempfile.mkdtemp(prefix="na-replica-", dir="/tmp"))
    home.chmod(0o755)  # the clusters run as an unprivileged user when the tests run as root
    primary, standby = pgcluster.Cluster(home / "primary"), pgcluster.Cluster(home / "standby")
    try:
        primary.start()
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "newsarchive.settings",
            "DATABASE_URL": _url(str(primary.socket_dir)),
        }
        _manage(env, "migrate", "--noinput", "-v", "0")
        standby._prepare_home()
        made = standby._run(
            [
                str(pgcluster.find_bindir() / "pg_basebackup"),
                *("-h", str(primary.socket_dir), "-p", str(pgcluster.PORT), "-U", pgcluster.DB_USER),
                *("-D", str(standby.data_dir), "-R", "-X", "stream", "-c", "fast"),
            ]
        )
        assert made.returncode == 0, made.stderr
        standby.start()
        yield str(primary.socket_dir), str(standby.socket_dir)
    finally:
        for cluster in (standby, primary):
            if cluster.is_initialised():
                cluster.stop()
            shutil.rmtree(cluster.home, ignore_errors=True)
        shutil.rmtree(home, ignore_errors=True)


def _sql(host: str, sql: str, params=()):
    with psycopg2.connect(host=host, dbname=pgcluster.DB_NAME, user=pgcluster.DB_USER) as db:
        db.autocommit = True
        with db.cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchone() if cursor.description else None


def _caught_up(primary: str, standby: str, step: str = "replay") -> None:
    """Wait until the standby has replayed (or, step="receive", received) all the primary wrote so far."""
    target = _sql(primary, "SELECT pg_current_wal_lsn()::text")[0]
    for _ in range(600):
        if _sql(standby, f"SELECT pg_last_wal_{step}_lsn() >= %s::pg_lsn", [target])[0]:
            return
        time.sleep(0.05)
    raise AssertionError(f"the replica did not {step} the primary's writes within 30 s")


@pytest.fixture(scope="module")
def site(servers, tmp_path_factory):
    """The site under gunicorn on the primary, reading public pages from the standby; an article and a
    staff account in it."""
    primary, standby = servers
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "newsarchive.settings",
        "DEBUG": "1",
        "DATABASE_URL": _url(primary),
        "DATABASE_REPLICA_URLS": _url(standby),
        "DJANGO_SUPERUSER_PASSWORD": "harbour-pass-1",
    }
    article = tmp_path_factory.mktemp("replica") / "article.jsonl"
    record = {"headline": "Ferry timetable changes", "body": "The ferry leaves at nine.", "source": "Elden Gazette"}
    article.write_text(json.dumps(record) + "\n")
    _manage(env, "ingest", str(article))
    _manage(env, "createsuperuser", "--noinput", "--username", "editor", "--email", "editor@news.example")
    with socket.socket() as free:
        free.bind(("127.0.0.1", 0))
        port = free.getsockname()[1]
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


def _signed_in(site: str) -> urllib.request.OpenerDirector:
    """A browser signed in to the admin as staff (its session cookie kept)."""
    browser = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
    form = browser.open(f"{site}/admin/login/", timeout=60).read().decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form).group(1)
    data = urllib.parse.urlencode({"username": "editor", "password": "harbour-pass-1", "csrfmiddlewaretoken": token})
    request = urllib.request.Request(f"{site}/admin/login/?next=/admin/", data=data.encode(), headers={"Referer": site})
    assert "Log out" in browser.open(request, timeout=60).read().decode()
    return browser


def test_readers_read_the_replica_and_staff_their_own_writes(site, servers):
    primary, standby = servers
    article_id, slug = _sql(primary, "SELECT id, slug FROM articles_article")
    page = f"{site}/articles/{article_id}/{slug}/"
    _caught_up(primary, standby)
    assert "Ferry timetable changes" in _get(page)
    staff = _signed_in(site)

    _sql(standby, "SELECT pg_wal_replay_pause()")  # the replica falls behind from here
    try:
        _sql(primary, "UPDATE articles_article SET headline = 'Ferry timetable postponed'")
        # A reader is served by the replica: the page as it was, until the replica replays the edit.
        assert "Ferry timetable changes" in _get(page)
        # Staff, signed in, read the primary: their edit at once.
        assert "Ferry timetable postponed" in staff.open(page, timeout=60).read().decode()
        # The health endpoint tells the replica is behind, once the edit has reached it unreplayed (until
        # then the replica knows of nothing to replay) and long enough for its lag to show in tenths.
        _caught_up(primary, standby, step="receive")
        time.sleep(0.2)
        assert json.loads(_get(f"{site}/health/"))["replicas"]["replica1"]["lag_seconds"] > 0
    finally:
        _sql(standby, "SELECT pg_wal_replay_resume()")
    _caught_up(primary, standby)
    # The reader's page (cached while the replica lagged) is refreshed once the replica has the edit.
    assert "Ferry timetable postponed" in _get(page)


def test_downloads_read_the_replica_as_their_page_does(site, servers):
    # A download is read as the server sends it, after the request's middleware has returned (issue 14.4).
    primary, standby = servers
    _caught_up(primary, standby)
    _sql(standby, "SELECT pg_wal_replay_pause()")
    try:
        _sql(primary, "UPDATE articles_article SET headline = 'Ferry timetable scrapped'")
        download = _get(f"{site}/articles/?format=csv")
        assert "Ferry timetable scrapped" not in download and "Ferry timetable" in download
        assert "Ferry timetable scrapped" not in _get(f"{site}/api/articles/")
    finally:
        _sql(standby, "SELECT pg_wal_replay_resume()")

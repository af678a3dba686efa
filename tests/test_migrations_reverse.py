"""The wire-copy migrations (0031 onwards: regrouping on delete, Quote.repeated, the person chart's
stories) can be reversed on an archive that holds data, and applied again to the same result: an
operator who rolls a release back must not be stopped half-way, nor lose the groups or counts.

A database of its own is made beside the test database (as tests/test_schema.py makes its own),
migrated in a process of its own, given a wire story published by three outlets, taken back to
0030 and brought forward again."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.db import connection

from tests.test_schema import _database

BEFORE_WIRE_COPIES = "0030_search_document_in_row"

_SCRIPT = """
import json
import sys

import django
from django.conf import settings

settings.DATABASES["default"]["NAME"] = sys.argv[1]
django.setup()

from django.core.management import call_command
from django.db import connection

call_command("migrate", interactive=False, verbosity=0)
from tests.test_wire_copies import three_copies_naming_the_council

three_copies_naming_the_council()


def state():
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT s.name, h.name, a.copy_outlets FROM articles_article a"
            " JOIN articles_source s ON s.id = a.source_id"
            " LEFT JOIN articles_article ha ON ha.id = a.copy_of_id"
            " LEFT JOIN articles_source h ON h.id = ha.source_id ORDER BY 1"
        )
        groups = cursor.fetchall()
        cursor.execute(
            "SELECT p.name, m.month::text, m.articles FROM articles_personmonth m"
            " JOIN articles_person p ON p.id = m.person_id ORDER BY 1, 2"
        )
        chart = cursor.fetchall()
        cursor.execute("SELECT count(*) FROM articles_quote")
        quotes = cursor.fetchone()[0]
    return {"groups": groups, "chart": chart, "quotes": quotes}


before = state()
call_command("migrate", "articles", sys.argv[2], interactive=False, verbosity=0)
back = state()
call_command("migrate", interactive=False, verbosity=0)
with connection.cursor() as cursor:
    cursor.execute("SELECT count(*) FROM articles_quote WHERE repeated")
    repeated = cursor.fetchone()[0]
print(json.dumps({"before": before, "back": back, "again": state(), "repeated": repeated}))
"""


def test_wire_copy_migrations_reverse_and_reapply_on_an_archive_with_data(django_db_setup, django_db_blocker):
    done = _in_a_database_of_its_own(django_db_blocker, "reverse", _SCRIPT, BEFORE_WIRE_COPIES)
    assert done.returncode == 0, done.stderr[-3000:]
    result = json.loads(done.stdout.strip().splitlines()[-1])
    # Forward again, the archive is as it was: the same groups, the same chart, repeats flagged again.
    assert result["again"] == result["before"]
    assert result["repeated"] > 0
    # At 0030 nothing was lost: the story's articles and quotations are all there, grouped as before.
    assert result["back"]["groups"] == result["before"]["groups"]
    assert result["back"]["quotes"] == result["before"]["quotes"]
    # The Ledger's and Beacon's copies are under the Courier's article, which counts two other outlets.
    assert [row for row in result["before"]["groups"] if row[1]] == [
        ["Harrow Beacon", "Strait Courier", 0],
        ["Northfield Ledger", "Strait Courier", 0],
    ]


# 0042 and 0044 are atomic = False (CONCURRENTLY), so a deploy killed or a lock timeout can stop them between
# two statements, each committed: the next `migrate` must finish them from there.

_STOPPED_SCRIPT = """
import sys

import django
from django.conf import settings

settings.DATABASES["default"]["NAME"] = sys.argv[1]
django.setup()

from django.core.management import call_command
from django.db import connection

call_command("migrate", "articles", sys.argv[2], interactive=False, verbosity=0)
with connection.cursor() as cursor:  # what the interrupted run had committed before it stopped
    for statement in sys.argv[3].split(";"):
        cursor.execute(statement)
call_command("migrate", interactive=False, verbosity=0)
with connection.cursor() as cursor:
    cursor.execute("SELECT indexname FROM pg_indexes WHERE indexname LIKE '%%published_idx%%' ORDER BY 1")
    print(" ".join(name for name, in cursor.fetchall()))
"""


def _in_a_database_of_its_own(django_db_blocker, suffix: str, script: str, *args: str) -> subprocess.CompletedProcess:
    """`script` run with python -c in a process of its own, on a new database beside the test database (dropped
    afterwards), with `args` after the database's name."""
    name = f"{connection.settings_dict['NAME']}_{suffix}"
    with django_db_blocker.unblock(), _database(connection.settings_dict["NAME"]) as server:
        with server.cursor() as cursor:  # autocommit: CREATE DATABASE can't run in a transaction
            cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')
            cursor.execute(f'CREATE DATABASE "{name}"')
        try:
            return subprocess.run(
                [sys.executable, "-c", script, name, *args],
                cwd=settings.BASE_DIR,
                env=os.environ,
                capture_output=True,
                text=True,
                timeout=600,
            )
        finally:
            with server.cursor() as cursor:
                cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')


def test_0042_runs_again_after_it_stopped_between_drop_and_rename(django_db_setup, django_db_blocker):
    """0042 is atomic = False: stopped (deploy killed, lock timeout) after DROP INDEX CONCURRENTLY of the old
    index and before the RENAME, the re-run drops the built _new index and then fails on the old name's DROP."""
    done = _in_a_database_of_its_own(
        django_db_blocker,
        "again_0042",
        _STOPPED_SCRIPT,
        "0041_normalize_spaces_when_needed",
        "CREATE INDEX mention_person_published_idx_new ON articles_mention"
        " (person_id, published DESC NULLS LAST, article_id DESC) INCLUDE (repeated);"
        "DROP INDEX mention_person_published_idx",
    )
    assert done.returncode == 0, done.stderr[-1500:]
    assert "mention_person_published_idx_new" not in done.stdout
    assert "mention_person_published_idx" in done.stdout


@pytest.mark.parametrize(
    "done",
    [
        "ALTER TABLE articles_article_topics ADD COLUMN published date",  # stopped in the backfill
        # stopped in CREATE INDEX CONCURRENTLY: an INVALID index is left under the final name
        "ALTER TABLE articles_article_topics ADD COLUMN published date;"
        "CREATE INDEX topic_link_published_idx ON articles_article_topics (topic_id)",
    ],
    ids=["after-add-column", "in-the-index-build"],
)
def test_0044_runs_again_after_it_stopped_half_way(django_db_setup, django_db_blocker, done):
    """0044 is atomic = False: each step commits alone, but none can run twice (ADD COLUMN, CREATE TRIGGER,
    CREATE INDEX CONCURRENTLY without IF NOT EXISTS), so an interrupted upgrade stops for good at the next
    `migrate` until someone repairs the schema by hand."""
    done = _in_a_database_of_its_own(
        django_db_blocker, "again_0044", _STOPPED_SCRIPT, "0043_normalize_in_plpgsql", done
    )
    assert done.returncode == 0, done.stderr[-1500:]
    assert "topic_link_published_idx" in done.stdout

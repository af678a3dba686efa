"""The database is what the migrations and the models say (issue 12.2): schema drift fails here.

Two databases are made beside the test database, on the same server and as the test runner makes
one (CREATE DATABASE; the extensions come from migration 0001):

- "migrated": `migrate` from empty, in a process of its own. Everything in the test database
  (tables, columns with type, nullability and default, indexes, constraints, triggers, functions,
  extensions, text search configurations) must be in it, definition for definition, and nothing
  more: a migration whose effect depends on more than its own SQL, or anything made beside the
  migrations, shows up here.
- "models": the tables Django makes from the models as they are now (schema_editor.create_model,
  no migration). The test database must hold every column, index and constraint the models
  declare, as declared, and nothing more except the objects listed in MIGRATION_SQL below, which
  migrations make in SQL because models can't declare them. So a model changed without a
  migration, a state-only migration that claims what the database doesn't have, or an index made
  by RunSQL without a Meta.indexes entry, fails.
"""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from importlib import import_module
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.contrib.postgres.operations import BtreeGinExtension, TrigramExtension, UnaccentExtension
from django.db import connection, connections
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.migrations.recorder import MigrationRecorder

# What migrations make in SQL that no model declares, each with why. Everything else in the
# database must come from a model. The search_text triggers and functions of migration 0001 are
# gone (migration 0012); a trigger or function added to a migration must be added here too.
_CONTENT_TABLES = (  # migration 0007: every table a public page reads marks its transaction
    "articles_source",
    "articles_person",
    "articles_alias",
    "articles_topic",
    "articles_topicrule",
    "articles_article",
    "articles_article_topics",
    "articles_mention",
    "articles_quote",
    "articles_personmonth",
)
# Migration 0021: the page stamps, per table and event (a trigger with transition tables has one event).
_PAGE_STAMP_EVENTS = {
    "articles_article": ("update", "delete"),
    "articles_mention": ("insert", "update", "delete"),
    "articles_quote": ("insert", "update", "delete"),
    "articles_article_topics": ("insert", "update", "delete"),
    "articles_person": ("update", "delete"),
    "articles_alias": ("insert", "update", "delete"),
    "articles_source": ("update", "delete"),
    "articles_topic": ("update", "delete"),
    "articles_personmonth": ("insert", "update", "delete"),
}
_PAGE_STAMP_TRIGGERS = {f"{table}_page_{event}" for table, events in _PAGE_STAMP_EVENTS.items() for event in events}
MIGRATION_SQL = {
    # Tables (with their columns, indexes and constraints). na_content_change (0007) is UNLOGGED,
    # which a model can't say: one row per writing transaction, deleted again at its commit.
    # 0021: na_page_change (UNLOGGED, the same for object keys), na_page_stamp (the last writer of each key).
    "tables": {"na_content_change", "na_page_change", "na_page_stamp"},
    "functions": {
        # 0001: used by generated columns (Alias.normalized, Article.search_vector), indexes and
        # the person name constraint, so they must exist before the tables.
        "na_normalize",
        "na_search_document",
        # 0006: the person-month summary (PersonMonth), kept by triggers; rebuild is also called
        # by the corpus generator.
        "na_person_month_apply",
        "na_person_month_rebuild",
        "na_person_month_mentions",
        "na_person_month_redated",
        # 0007: the content version (ContentVersion), bumped at commit.
        "na_content_changed",
        "na_content_version_bump",
        # 0008: Mention.published and Quote.published, copied from the article.
        "na_published_from_article",
        "na_published_copied",
        # 0021: the page stamps (a function per trigger: each reads its own transition tables).
        "na_page_truncated",
        *_PAGE_STAMP_TRIGGERS,
        # 0027: a quotation given a person is a person's (Quote.speaker_kind).
        "na_quote_person_speaks",
        # 0031: a deleted wire-copy group's head: its copies form the group again.
        "na_wire_regroup",
        # 0034: Quote.repeated, a wire copy's quotation its group already carries (0032's function dropped).
        "na_quotes_repeated_refresh",
        "na_quotes_regrouped",
        "na_quotes_changed",
        # 0036: Mention.repeated, a wire copy's mention of a person its group already names.
        "na_mentions_repeated_refresh",
        "na_mentions_changed",
    },
    "triggers": {
        # 0006
        "mention_month_insert",
        "mention_month_update",
        "mention_month_delete",
        "article_month_redated",
        # 0007
        "content_version_at_commit",
        *(f"{table}_content_changed" for table in _CONTENT_TABLES),
        *(f"{table}_content_truncated" for table in _CONTENT_TABLES),
        # 0008
        "quote_published_fill",
        "mention_published_fill",
        "quote_published_moved",
        "mention_published_moved",
        "article_published_copied",
        # 0044: topic links carry their article's date too (na_published_copied also copies it to them)
        "topic_link_published_fill",
        "topic_link_published_moved",
        # 0021
        *_PAGE_STAMP_TRIGGERS,
        *(f"{table}_page_truncate" for table in _PAGE_STAMP_EVENTS),
        # 0027
        "quote_person_speaks",
        # 0031
        "article_wire_regroup",
        # 0034
        "article_quotes_regrouped",
        "quote_repeated_insert",
        "quote_repeated_update",
        "quote_repeated_delete",
        # 0036
        "mention_repeated_insert",
        "mention_repeated_update",
        "mention_repeated_delete",
    },
    # 0001: the text search configuration "newsarchive" (English stems, accents folded).
    "text search": {"newsarchive"},
    # 0001 (TrigramExtension, UnaccentExtension); plpgsql comes with every database.
    "extensions": {"pg_trgm", "unaccent", "plpgsql"},
}
# The constraint trigger content_version_at_commit is also a row of pg_constraint.
_CONSTRAINT_TRIGGERS = {"content_version_at_commit"}
# Where Django's own models and migrations disagree, not ours: the many-to-many tables of
# django.contrib.auth were made by its migrations with this project's DEFAULT_AUTO_FIELD (bigint
# ids), while its models now say AutoField (AuthConfig.default_auto_field, integer ids).
DJANGO_MISMATCHES = {
    ("columns", table, "id") for table in ("auth_group_permissions", "auth_user_groups", "auth_user_user_permissions")
}

# One query per kind of object in the public schema: rows of (table or owner, name, definition...).
_PUBLIC = "'public'::regnamespace"
CATALOGUE = {
    "tables": f"""
        SELECT '', relname, relkind::text, relpersistence::text FROM pg_class
         WHERE relnamespace = {_PUBLIC} AND relkind IN ('r', 'p', 'v', 'm', 'f')""",
    "columns": """
        SELECT table_name, column_name, udt_name, character_maximum_length, is_nullable,
               column_default, is_identity, is_generated, generation_expression
          FROM information_schema.columns WHERE table_schema = 'public'""",
    "indexes": "SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'public'",
    "constraints": f"""
        SELECT conrelid::regclass::text, conname, contype::text, pg_get_constraintdef(oid), condeferrable,
               condeferred
          FROM pg_constraint WHERE connamespace = {_PUBLIC}""",
    "triggers": f"""
        SELECT t.tgrelid::regclass::text, t.tgname, pg_get_triggerdef(t.oid), t.tgenabled::text
          FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
         WHERE NOT t.tgisinternal AND c.relnamespace = {_PUBLIC}""",
    # Functions of our own: not those an extension installed in the schema (pg_trgm, unaccent).
    "functions": f"""
        SELECT '', p.proname, pg_get_functiondef(p.oid) FROM pg_proc p
         WHERE p.pronamespace = {_PUBLIC} AND p.prokind IN ('f', 'p')
           AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass
                           AND d.objid = p.oid AND d.deptype = 'e')""",
    "text search": f"""
        SELECT '', c.cfgname,
               string_agg(m.maptokentype || ':' || d.dictname, ' ' ORDER BY m.maptokentype, m.mapseqno)
          FROM pg_ts_config c LEFT JOIN pg_ts_config_map m ON m.mapcfg = c.oid
               LEFT JOIN pg_ts_dict d ON d.oid = m.mapdict
         WHERE c.cfgnamespace = {_PUBLIC} GROUP BY c.cfgname""",
    "extensions": "SELECT '', extname, extversion FROM pg_extension",
}

Schema = dict[str, set[tuple]]


def snapshot(cursor) -> Schema:
    """Every object of the public schema, by kind, as (table or '', name, definition...) rows."""
    found = {}
    for kind, sql in CATALOGUE.items():
        cursor.execute(sql)
        found[kind] = {tuple(row) for row in cursor.fetchall()}
    return found


def differences(
    live: Schema, reference: Schema, *, allowed: dict[str, set[str]] | None = None, mismatches: set = frozenset()
) -> list[str]:
    """Lines naming each object that is in one schema and not (so) in the other. With `allowed`,
    objects only in `live` are passed over when their name (or their table) is listed there; a
    (kind, table, name) in `mismatches` is passed over on either side."""
    allowed = allowed or {}
    tables = allowed.get("tables", set())
    lines = []
    for kind in CATALOGUE:
        for side, rows, others in (
            ("database", live[kind], reference[kind]),
            ("reference", reference[kind], live[kind]),
        ):
            for row in sorted(rows - others, key=repr):
                owner, name = row[0], row[1]
                if (kind, owner, name) in mismatches:
                    continue
                if side == "database" and (name in allowed.get(kind, set()) or owner in tables or name in tables):
                    continue
                if kind == "constraints" and side == "database" and name in _CONSTRAINT_TRIGGERS:
                    continue
                lines.append(f"{kind}: only in the {side}: {row}")
    return lines


@contextmanager
def _database(name: str) -> Iterator[BaseDatabaseWrapper]:
    """A connection of our own (autocommit) to database `name` on the test database's server,
    under an alias of its own while it is used (django.contrib.postgres looks connections up)."""
    alias = f"schema_{name}"
    connections.settings[alias] = {**connection.settings_dict, "NAME": name}
    try:
        yield connections[alias]
    finally:
        connections[alias].close()
        del connections[alias]
        del connections.settings[alias]


def _made_beside_the_test_database(suffix: str, fill) -> Schema:
    """Make an empty database as the test runner makes one, fill(name, connection) it, read its
    schema, drop it."""
    name = f"{connection.settings_dict['NAME']}_{suffix}"
    with _database(connection.settings_dict["NAME"]) as server:
        with server.cursor() as cursor:  # autocommit: CREATE DATABASE can't run in a transaction
            cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')
            cursor.execute(f'CREATE DATABASE "{name}"')
        try:
            with _database(name) as made:
                fill(name, made)
                with made.cursor() as cursor:
                    return snapshot(cursor)
        finally:
            with server.cursor() as cursor:
                cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')


_MIGRATE = """
import sys

import django
from django.conf import settings
from django.core.management import call_command

settings.DATABASES["default"]["NAME"] = sys.argv[1]
django.setup()
call_command("migrate", interactive=False, verbosity=0)
"""


def _migrate(name: str, made: BaseDatabaseWrapper) -> None:
    # In a process of its own, where the new database is "default": data migrations use the
    # default database (0003's groups, 0010's rules), and this process's is the test database.
    done = subprocess.run(
        [sys.executable, "-c", _MIGRATE, name],
        cwd=settings.BASE_DIR,
        env=os.environ,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr


def _create_from_models(name: str, made: BaseDatabaseWrapper) -> None:
    # What the models need before their tables: the extensions (0001's; 0022's btree_gin for the speaker
    # column of quote_person_search_gin) and migration 0001's functions and text search configuration
    # (generated columns and indexes call them), na_normalize() as 0043 rewrote it.
    initial = import_module("articles.migrations.0001_initial")
    with made.cursor() as cursor:
        for extension in (TrigramExtension(), UnaccentExtension(), BtreeGinExtension()):
            cursor.execute(f"CREATE EXTENSION IF NOT EXISTS {extension.name}")
        cursor.execute(initial.FUNCTIONS_SQL)
        cursor.execute(import_module("articles.migrations.0043_normalize_in_plpgsql").SQL)
    with made.schema_editor() as editor:
        for model in apps.get_models():  # each model's auto-created many-to-many tables come with it
            if model._meta.managed and not model._meta.proxy:
                editor.create_model(model)
    MigrationRecorder(made).ensure_schema()


@pytest.fixture(scope="module")
def migrated(django_db_setup, django_db_blocker) -> Schema:
    with django_db_blocker.unblock():
        return _made_beside_the_test_database("migrated", _migrate)


@pytest.fixture(scope="module")
def from_models(django_db_setup, django_db_blocker) -> Schema:
    with django_db_blocker.unblock():
        return _made_beside_the_test_database("models", _create_from_models)


@pytest.fixture
def live(db) -> Schema:
    with connection.cursor() as cursor:
        return snapshot(cursor)


def test_the_database_is_what_a_fresh_migrate_makes(live, migrated):
    assert ("articles_article_topics", "by_rule") in {row[:2] for row in migrated["columns"]}  # not vacuous
    found = differences(live, migrated)
    assert not found, "\n".join(found)


def test_the_database_has_what_the_models_declare_and_only_that_beside_the_listed_sql(live, from_models):
    found = differences(live, from_models, allowed=MIGRATION_SQL, mismatches=DJANGO_MISMATCHES)
    assert not found, "\n".join(found)
    # And the list says no more than there is.
    names = {kind: {row[1] for row in rows} for kind, rows in live.items()}
    for kind, listed in MIGRATION_SQL.items():
        assert listed <= names[kind], f"listed in MIGRATION_SQL but not in the database: {listed - names[kind]}"
    assert names["triggers"] == MIGRATION_SQL["triggers"], "every trigger comes from a migration's SQL"
    assert names["functions"] == MIGRATION_SQL["functions"], "every function comes from a migration's SQL"


def test_drift_is_caught(db, migrated, from_models):
    """Changes made by hand are found (the test's transaction takes them back)."""
    with connection.cursor() as cursor:
        cursor.execute("ALTER TABLE articles_article_topics ALTER COLUMN by_rule DROP DEFAULT")
        cursor.execute("ALTER TABLE articles_topic ADD COLUMN colour text")
        cursor.execute("CREATE INDEX topic_name_idx ON articles_topic (name)")
        cursor.execute("ALTER TABLE articles_quote DROP CONSTRAINT quote_text_not_empty")
        cursor.execute(
            "CREATE TRIGGER topic_changed AFTER UPDATE ON articles_topic "
            "FOR EACH STATEMENT EXECUTE FUNCTION na_content_changed()"
        )
        cursor.execute("CREATE OR REPLACE FUNCTION na_normalize(name text) RETURNS text LANGUAGE sql AS 'SELECT name'")
        drifted = snapshot(cursor)
    for reference, allowed in ((migrated, None), (from_models, MIGRATION_SQL)):
        found = "\n".join(differences(drifted, reference, allowed=allowed, mismatches=DJANGO_MISMATCHES))
        for what in (
            "'articles_article_topics', 'by_rule'",
            "'articles_topic', 'colour'",
            "topic_name_idx",
            "quote_text_not_empty",
        ):
            assert what in found, (what, found)
    found = "\n".join(differences(drifted, migrated))
    assert "topic_changed" in found and "'na_normalize'" in found


def test_no_migration_imports_the_application():
    """A migration means what it meant when it was written: it copies what it needs."""
    for path in sorted(Path(settings.BASE_DIR, "articles", "migrations").glob("[0-9]*.py")):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.ImportFrom):
                names = [node.module or ""]
            elif isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            else:
                continue
            assert not [n for n in names if n.split(".")[0] == "articles"], f"{path.name} imports {names}"


@pytest.mark.django_db
def test_autovacuum_visits_the_large_tables_after_two_percent_of_their_rows():
    # Index-only scans (person pages, counts) read the table for every page a write left not all-visible, until
    # a vacuum; PostgreSQL's 20% comes after 500,000 rows at 1M articles (migration 0046).
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT relname, reloptions FROM pg_class WHERE relname = ANY(%s) AND relkind = 'r'",
            [["articles_article", "articles_quote", "articles_mention", "articles_article_topics"]],
        )
        options = dict(cursor.fetchall())
    assert set(options) == {"articles_article", "articles_quote", "articles_mention", "articles_article_topics"}
    for table, settings_ in options.items():
        assert set(settings_ or []) >= {
            "autovacuum_vacuum_scale_factor=0.02",
            "autovacuum_vacuum_insert_scale_factor=0.02",
        }, table

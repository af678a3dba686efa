"""The archive's one write path: every article, quotation, mention and person written goes through here.

`ingest` (and so the JSON Lines / export import and `load_demo`), the admin's paste page, its change
form and re-extraction, merging people and `generate_corpus` all call these functions; nothing else
writes those tables. Each derived fact is computed in one place:

- search_text(): the people and quotations part of an article's search document (the database's
  na_search_document() weighs it between headline and body); its slug and fingerprint are
  models.article_slug() and models.fingerprint(), which Article.save() uses too;
- _resolve_rows(): speakers and people resolved to Person rows, and the Mention and Quote rows;
- refresh_search_text(): search_text again from the stored rows, after staff change them.

Identity: an article is the same article when it has the same URL, or the same text (fingerprint);
a feed entry is the same entry when it has the same id in the same feed (feed_url, entry_id), so entries
sharing a link are each an article (see _new_or_changed). The same again is skipped; the same article
with new text is updated. Each article is stored in its own transaction (savepoint) when a batch fails,
so a bad one never leaves half an article and never costs the good ones.
"""

from __future__ import annotations

import collections
import datetime as dt
import functools
import hashlib
import io
import itertools
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

import psycopg2
from django.db import DatabaseError, InterfaceError, OperationalError, connection, transaction
from django.db.models import F, Q
from django.db.models.functions import Left
from django.utils import timezone
from psycopg2.extras import execute_values

from articles import wire
from articles.ingest.extract import Extracted, extract_article
from articles.ingest.formats import ParsedArticle, ParsedQuote
from articles.ingest.resolve import PersonIndex
from articles.ingest.topics import tag_articles
from articles.models import (
    Alias,
    Article,
    Mention,
    NotAPerson,
    Person,
    Quote,
    Source,
    Topic,
    article_slug,
    fingerprint,
    normalize_name,
    unique_slug,
    unique_slugs,
)


def search_text(names: Iterable[str], quotations: Iterable[str]) -> str:
    """What the search document weighs between headline and body: the names of the people an article
    mentions, in code-point order, then its quotations in the order they stand."""
    return " ".join(part for part in (" ".join(sorted(names)), " ".join(quotations)) if part)


def refresh_search_text(article_ids: Iterable[int]) -> None:
    """search_text again for these articles, from their stored mentions and quotations: after staff
    changed rows, a person was renamed, merged or deleted. Two queries and one UPDATE per thousand."""
    ids = sorted(set(article_ids))
    for start in range(0, len(ids), 1000):
        chunk = ids[start : start + 1000]
        names, quotations = defaultdict(list), defaultdict(list)
        for article_id, name in Mention.objects.filter(article_id__in=chunk).values_list("article_id", "person__name"):
            names[article_id].append(name)
        rows = Quote.objects.filter(article_id__in=chunk).order_by("article_id", "position")
        for article_id, text in rows.values_list("article_id", "text"):
            quotations[article_id].append(text)
        with connection.cursor() as cursor:
            execute_values(
                cursor.cursor,
                "UPDATE articles_article a SET search_text = v.text FROM (VALUES %s) v (id, text)"
                " WHERE a.id = v.id AND a.search_text IS DISTINCT FROM v.text",
                [(pk, search_text(names[pk], quotations[pk])) for pk in chunk],
            )


class SourceCache:
    """Outlets by name (case ignored, as source_name_ci_unique compares them), created on first sight;
    a few queries per new name per run."""

    def __init__(self) -> None:
        self.ids: dict[str, int] = {name.upper(): pk for pk, name in Source.objects.values_list("pk", "name")}

    def get(self, name: str, create: bool = True) -> int | None:
        name = " ".join(name.split())[:200]
        if not name:
            return None
        if name.upper() not in self.ids:
            if not create:
                return None
            self.ids[name.upper()] = self._find_or_create(name)
        return self.ids[name.upper()]

    @staticmethod
    def _find_or_create(name: str) -> int:
        """The outlet of this name, created if there is none. Race-free: another process (a second
        worker, an ingest) may be creating the same outlet. The insert skips a name or slug that
        exists (ON CONFLICT DO NOTHING, after waiting for the other's transaction), and the outlet is
        read again: the other's, committed by now; or, when only the slug was another outlet's, none
        yet, so again with the next free slug."""
        for _round in range(5):
            found = Source.objects.filter(name__iexact=name).values_list("pk", flat=True).first()
            if found is not None:
                return found
            Source.objects.bulk_create([Source(name=name, slug=unique_slug(Source, name))], ignore_conflicts=True)
        raise DatabaseError(f"outlet {name!r} not written, its slugs taken again and again")


@dataclass
class StoreResult:
    status: str  # "created", "updated" or "skipped"
    article_id: int | None
    detail: str = ""


@dataclass
class Context:
    """Look-ups kept for a whole run (so resolving a name costs no query)."""

    people: PersonIndex = field(default_factory=PersonIndex)
    sources: SourceCache = field(default_factory=SourceCache)
    # The URLs (of articles that are no feed entry) and the feed entries (feed URL, entry id) this run has stored or
    # updated: a later article of the same input with one of them is skipped as "earlier in this input", as it is
    # within a batch, wherever the run's batches split (see _new_or_changed).
    written: set = field(default_factory=set)

    def reload(self) -> None:
        self.people, self.sources = PersonIndex(), SourceCache()


def store_article(*, parsed: ParsedArticle, context: Context, extracted: Extracted | None = None) -> StoreResult:
    """Create, update or skip one article with its people, quotes and topics, atomically (again once when
    another writer was in the way: _store_one)."""
    return _store_one(parsed, extracted or extract_article(parsed), context)


def store_articles(items: list[tuple[ParsedArticle, Extracted]], *, context: Context) -> list[StoreResult]:
    """Store a batch in one transaction (a few queries for the whole batch). If anything in it
    fails, store the articles one by one instead, so one bad article never costs the others."""
    if len(items) > 1:
        try:
            with transaction.atomic():
                results = _store_batch(items, context)
            _remember_written(items, results, context)
            return results
        except Exception as exc:  # noqa: BLE001 - find the bad article below, one by one
            if database_gone(exc):
                raise  # no article's fault: every one would fail the same way
            context.reload()  # the failed transaction may have created people and outlets that are gone
    results = []
    for parsed, extracted in items:
        try:
            results.append(_store_one(parsed, extracted, context))
        except Exception as exc:  # noqa: BLE001 - reported, and the run goes on
            if database_gone(exc):
                raise
            results.append(StoreResult("rejected", None, f"not stored: {_failure(exc)}"))
        _remember_written([(parsed, extracted)], results[-1:], context)
    return results


def _remember_written(
    items: list[tuple[ParsedArticle, Extracted]], results: list[StoreResult], context: Context
) -> None:
    """Note in context.written the URL or feed entry of each article these results stored or updated (committed);
    an article with neither has nothing to note."""
    for (parsed, _), result in zip(items, results, strict=True):
        if result.status in ("created", "updated") and (parsed.entry_id or parsed.url):
            context.written.add((parsed.feed_url, parsed.entry_id) if parsed.entry_id else parsed.url)


def _store_one(parsed: ParsedArticle, extracted: Extracted, context: Context) -> StoreResult:
    """One article in its own transaction, tried again once when it lost a race with another writer
    (lost_race): another ingest or worker committed the same article, outlet, person or topic first, or
    the two deadlocked creating two new ones in opposite orders (an article from outlet A via B beside one
    from B via A) and the database chose this one to fail. Tried again, it finds the other's rows. After
    any failure the run's look-ups are reloaded: the people and outlets the failed transaction created
    are gone with it."""
    try:
        return _store_in_transaction(parsed, extracted, context)
    except Exception as exc:
        if not lost_race(exc):
            raise  # the article's own fault (it would fail again), or the database gone
    return _store_in_transaction(parsed, extracted, context)


def _store_in_transaction(parsed: ParsedArticle, extracted: Extracted, context: Context) -> StoreResult:
    try:
        with transaction.atomic():
            return _store_batch([(parsed, extracted)], context)[0]
    except Exception as exc:
        if not database_gone(exc):  # then there is nothing to reload from
            context.reload()
        raise


# What two writers of the same rows at once (two ingests of one folder) can meet: a unique
# violation (the other committed the same article, outlet or topic first), a deadlock.
_LOST_RACE = ("23505", "40P01")


def lost_race(exc: BaseException) -> bool:
    """True when `exc` is an error another writer's rows caused; tried again, the article finds them."""
    return _pgcode(exc) in _LOST_RACE


def _pgcode(exc: BaseException) -> str | None:
    """The SQLSTATE of a database error: psycopg2's own, or the one Django's wrapper was raised from."""
    return getattr(exc, "pgcode", None) or getattr(exc.__cause__, "pgcode", None)


# Server-side codes of a connection the server ended: connection exceptions (class 08), and an
# administrator's or a crash's shutdown (57P01-57P03).
_CONNECTION_LOST = ("08", "57P01", "57P02", "57P03")


def database_gone(exc: BaseException) -> bool:
    """True when `exc` says the database can't be used at all (refused, dropped, closed), as opposed to
    an error one article caused. Django wraps its cursors' errors; COPY and execute_values run on
    psycopg2's own cursor, so its errors come as they are. An OperationalError without a server code
    was raised by the client library (connection refused, server closed the connection); one with a
    code is the server's, and only the codes above mean the connection is gone (a tsvector too long
    is an OperationalError too: program_limit_exceeded, 54000)."""
    if isinstance(exc, (InterfaceError, psycopg2.InterfaceError)):
        return True
    if not isinstance(exc, (OperationalError, psycopg2.OperationalError)):
        return False
    code = _pgcode(exc)
    return code is None or code.startswith(_CONNECTION_LOST)


def _failure(exc: Exception) -> str:
    """Why an article could not be stored, on one line. A database error gives its message and the
    column a COPY broke on (its CONTEXT line also quotes the value: long); any other, its type too."""
    lines = [" ".join(line.split()) for line in str(exc).splitlines() if line.strip()]
    first = lines[0] if lines else ""
    if not (isinstance(exc, DatabaseError) or hasattr(exc, "pgerror")):  # psycopg2's own, from COPY
        return f"{type(exc).__name__}: {first}" if first else type(exc).__name__
    context = next((line for line in lines[1:] if line.startswith("CONTEXT:")), "")
    column = context.partition(", column ")[2].split(":", 1)[0].strip()
    return f"{first or type(exc).__name__} (column {column})" if column else first or type(exc).__name__


ARTICLE_COLUMNS = (
    "headline",
    "slug",
    "language",
    "body_html",
    "body_text",
    "source_id",
    "via_id",
    "published",
    "published_precision",
    "url",
    "byline",
    "fingerprint",
    "search_text",
    "published_at",
    "feed_url",
    "entry_id",
    "wire_bands",
)


@dataclass
class _Row:
    """One article about to be written: its column values (None: leave them) and its id (given when
    it exists already, else taken from the sequence when it is inserted)."""

    pk: int | None
    values: dict | None
    existed: bool = False


# The key of the advisory lock writers of articles take (migration 0040; collect.py's host locks use 15_001).
WRITERS_LOCK = 15_002


def _one_writer() -> None:
    """Wait for any other writer of articles to commit, and hold the lock to this transaction's end.

    Wire copies' flags need it (migration 0040: two writers of one story must see each other's rows). _write
    takes it before its first row (articles, people, quotations, a person's month), so a writer waits holding
    none of those; taken only at the flags' refresh, after them, it deadlocked: A, waiting for it, held rows
    (a person's month, a story's head) that B, holding it, went on to write. What comes before (looking the
    batch up, a new outlet) can still meet another writer's rows, as before: a unique violation or a
    deadlock, and the article is tried again (lost_race). Extraction, the slow part, runs outside: what waits
    is the writing, ~3 ms an article."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_xact_lock(%s, 0)", [WRITERS_LOCK])


def _store_batch(items: list[tuple[ParsedArticle, Extracted]], context: Context) -> list[StoreResult]:
    """The write itself; the caller provides the transaction."""
    results, articles = _new_or_changed(items, context)
    _write(items, articles, context)
    for index, row in articles:
        results[index] = StoreResult("updated" if row.existed else "created", row.pk)
    return results


def _new_or_changed(
    items: list[tuple[ParsedArticle, Extracted]], context: Context
) -> tuple[list[StoreResult | None], list[tuple[int, _Row]]]:
    """Results for the articles stored already (skipped), and the rest to write: (index in batch, row);
    a row has the id of the article it updates. One query for the whole batch.

    An article is found by, in this order:
    - a feed entry: its id in its feed (feed_url, entry_id); unchanged (same text, link and dates) it is
      skipped, so reading a feed again stores and updates nothing that did not change;
    - its text (fingerprint): the same text again, from any input, is skipped;
    - its URL: for a feed entry, the article of that URL with the same entry id (the same entry in another
      feed of the site), else the one with that URL that no entry has (stored from a page or a file, or
      before entries had ids), which the entry then takes over; for any other input, the one article of
      that URL that is not a feed entry, else the only article with that URL.
    Entries sharing a link (a podcast's episodes) are therefore each an article."""
    digests = [extracted.fingerprint or fingerprint(parsed.headline, parsed.body_text) for parsed, extracted in items]
    urls = [parsed.url for parsed, _ in items if parsed.url]
    entries = defaultdict(list)
    for parsed, _ in items:
        if parsed.entry_id:
            entries[parsed.feed_url].append(parsed.entry_id)
    # Each branch repeats its index's condition (url <> '', entry_id <> ''), so PostgreSQL uses the
    # partial indexes however long the lists are (it proves an IN list implies them only up to 100).
    wanted = Q(fingerprint__in=digests) | (Q(url__in=urls) & ~Q(url=""))
    for feed_url, ids in entries.items():
        wanted |= Q(feed_url=feed_url, entry_id__in=ids) & ~Q(entry_id="")
    by_text, by_url, by_entry, stored = {}, defaultdict(list), {}, {}
    columns = ("pk", "url", "fingerprint", "feed_url", "entry_id", "published", "published_precision", "published_at")
    for row in Article.objects.filter(wanted).order_by().values(*columns):  # no ORDER BY: a look-up
        stored[row["pk"]] = row
        by_text[row["fingerprint"]] = row["pk"]
        if row["url"]:
            by_url[row["url"]].append(row["pk"])
        if row["entry_id"]:
            by_entry[row["feed_url"], row["entry_id"]] = row["pk"]
    # What this run wrote before this batch is written here as this batch's own writes are below ("earlier in this
    # input"), not as rows found stored: whether two articles of one input fall in one batch or in two must not
    # decide between skipping the second and letting it replace the first.
    for parsed, _ in items:
        if parsed.entry_id and (parsed.feed_url, parsed.entry_id) in context.written:
            by_entry[parsed.feed_url, parsed.entry_id] = None
        elif not parsed.entry_id and parsed.url in context.written:
            by_url[parsed.url].append(None)
    batch_digests = set(digests)

    results: list[StoreResult | None] = [None] * len(items)
    articles: list[tuple[int, _Row]] = []
    taken: set[int] = set()  # articles this batch writes already
    for index, ((parsed, _), digest) in enumerate(zip(items, digests, strict=True)):
        key = (parsed.feed_url, parsed.entry_id) if parsed.entry_id else None
        pk = by_entry.get(key) if key else None
        if key and key in by_entry and pk is None:
            results[index] = StoreResult("skipped", None, "same entry earlier in this input")
            continue
        if pk is not None and _unchanged(stored[pk], parsed, digest):
            results[index] = StoreResult("skipped", pk, f"same entry as article {pk}, unchanged")
            continue
        if (pk is None and digest in by_text) or (pk is not None and by_text.get(digest, pk) != pk):
            found = by_text[digest]
            detail = "same text earlier in this input" if found is None else f"same text as article {found}"
            results[index] = StoreResult("skipped", found, detail)
            continue
        if pk is None and parsed.url:
            if not key and None in by_url.get(parsed.url, ()):
                results[index] = StoreResult("skipped", None, "same URL earlier in this input")
                continue
            pk = _by_url(parsed, [stored[p] for p in by_url.get(parsed.url, ()) if p is not None], batch_digests)
            if pk in taken:
                pk = None
        values = {
            "headline": parsed.headline,
            "slug": article_slug(parsed.headline),
            "language": items[index][1].language,
            "body_html": parsed.body_html,
            "body_text": parsed.body_text,
            "source_id": context.sources.get(parsed.source),
            "via_id": context.sources.get(parsed.via),
            "published": parsed.published,
            "published_precision": parsed.published_precision,
            "url": parsed.url,
            "byline": parsed.byline[:300],
            "fingerprint": digest,
            "search_text": "",
            "published_at": parsed.published_at,
            "wire_bands": _wire_bands(parsed, items[index][1]),
        }
        if key and not (pk is not None and stored[pk]["entry_id"]):  # a new entry, or one taking an article over
            values |= {"feed_url": parsed.feed_url, "entry_id": parsed.entry_id}
        elif pk is None:
            values |= {"feed_url": "", "entry_id": ""}
        articles.append((index, _Row(pk, values, existed=pk is not None)))
        if pk is not None:
            taken.add(pk)
        by_text[digest] = None  # later duplicates in this batch are skipped
        if key:
            by_entry[key] = None
        elif parsed.url:
            by_url[parsed.url].append(None)
    return results, articles


def _wire_bands(parsed: ParsedArticle, extracted: Extracted) -> list[int]:
    """The article's near-duplicate bands: computed beside the extraction (in a worker) when it ran there."""
    return extracted.wire_bands if extracted.wire_bands is not None else wire.bands(parsed.body_text)


def _unchanged(row: dict, parsed: ParsedArticle, digest: str) -> bool:
    """Whether a feed entry read again is what its article already holds."""
    return (row["fingerprint"], row["url"], row["published"], row["published_precision"], row["published_at"]) == (
        digest,
        parsed.url,
        parsed.published,
        parsed.published_precision,
        parsed.published_at,
    )


def _by_url(parsed: ParsedArticle, rows: list[dict], batch_digests: set[str]) -> int | None:
    """The article an input with this URL is, among those with it (see _new_or_changed), or None."""
    if parsed.entry_id:
        same = [r["pk"] for r in rows if r["entry_id"] == parsed.entry_id]
        # An article no entry has yet, unless another entry of this batch has its very text (that one is
        # it, and is skipped as the same text): the rest of the entries sharing its link are new.
        free = [r["pk"] for r in rows if not r["entry_id"] and r["fingerprint"] not in batch_digests]
        return (same or free or [None])[0]
    plain = [r["pk"] for r in rows if not r["entry_id"]]
    return plain[0] if plain else rows[0]["pk"] if len(rows) == 1 else None


def _write(items: list[tuple[ParsedArticle, Extracted]], articles: list[tuple[int, _Row]], context: Context) -> None:
    """Write the articles (new ones, or new text for existing ones: `values` None keeps the columns as
    they are), their mentions and quotations, search text and topics. Rows staff added or corrected by
    hand (edited_by_staff) stay; the new extraction fills in around them."""
    existing = [row.pk for _, row in articles if row.existed]
    kept = _kept_by_staff(existing)
    rows = _resolve_rows(items, articles, context.people, kept)
    now = timezone.now()
    _one_writer()
    with connection.cursor() as cursor:
        # Bodies and search documents are compressed with lz4 where the server has it: pglz cost more
        # CPU than every index update of an article together; both read back the same. The wire-copy
        # flags are refreshed once, at the end (_refresh_repeated), not by each statement's triggers.
        cursor.execute(
            "SELECT set_config('default_toast_compression', CASE WHEN 'lz4' = ANY(enumvals) THEN 'lz4'"
            " ELSE setting END, true), set_config('newsarchive.repeated_deferred', 'on', true)"
            " FROM pg_settings WHERE name = 'default_toast_compression'"
        )
        if existing:
            Quote.objects.filter(article__in=existing, edited_by_staff=False).delete()
            Mention.objects.filter(article__in=existing, edited_by_staff=False).delete()
            for _, row in articles:
                if row.existed and row.values is not None:
                    Article.objects.filter(pk=row.pk).update(**row.values, updated=now)
        new = [row for _, row in articles if not row.existed]
        _take_ids(cursor, new)
        for index, row in articles:  # shingled beside the extraction: find_groups compares them as they are
            if _has_bands(row) and items[index][1].wire_shingles is not None:
                _remember_shingles(row.pk, items[index][0].body_text, items[index][1].wire_shingles)
        # Wire copies found before the new articles are written, so each goes in with its group (copy_of)
        # rather than being updated after: an UPDATE rewrote the row and all its index entries (the
        # search document's GIN among them) and fired PersonMonth's row trigger for each copy, where the
        # insert's statement triggers count a batch once.
        groups = find_groups(
            [
                (row.pk, items[index][0].body_text, row.values["wire_bands"], row.existed)
                for index, row in articles
                if _has_bands(row)
            ],
            unstored={row.pk: row.values["published"] for row in new},
        )
        _insert_articles(cursor, new, now, groups.heads, _new_heads_outlets(cursor, new, groups))
        repeats = _repeats_in_new_copies(cursor, articles, rows, groups)
        _insert_rows(cursor, [row for _, row in articles], rows, repeats)
    write_groups(groups)
    _refresh_repeated(
        [row.pk for _, row in articles],
        groups.affected | set(groups.takeovers) | set(groups.takeovers.values()) | set(existing),
    )
    if existing:  # their search text also holds the rows staff kept
        refresh_search_text(existing)
    tag_articles([row.pk for _, row in articles])
    _link_given_topics([(row.pk, items[index][0].topics or []) for index, row in articles])


def _refresh_repeated(written: list[int], regrouped: set[int]) -> None:
    """Quote.repeated and Mention.repeated of a batch's groups, refreshed once after all its writes (migration
    0038), for the articles the triggers would have named: those written that are in a group (a copy, or a
    head with copies), as the quotation and mention triggers filter them, and every article whose group
    may have changed, with the groups it left and joined (find_groups' `affected`, the takeovers' old and
    new heads, the articles updated: one that left its group keeps no flag). Then the triggers refresh
    again for the rest of the transaction."""
    # The written heads with copies are the copies' copy_of among the written (c.copy_of_id = ANY: one scan),
    # not an EXISTS for each written article: with statistics taken while the archive had no copies (an archive
    # analysed before wire copies were looked for, or before its first ingest), the planner ran that EXISTS as a
    # scan of all of article_copy_idx for each written article that is no copy, and the list, named twice below,
    # was made twice (MATERIALIZED makes it once). Ingest bench, 4,000 articles after statistics of 1,000 without
    # copies: this statement's PostgreSQL CPU 1.14-1.27 s -> 0.59-0.62 s in all.
    with connection.cursor() as cursor:
        cursor.execute(
            "WITH t AS MATERIALIZED (SELECT ARRAY("
            " SELECT a.id FROM articles_article a WHERE a.id = ANY(%(written)s) AND a.copy_of_id IS NOT NULL"
            " UNION SELECT c.copy_of_id FROM articles_article c WHERE c.copy_of_id = ANY(%(written)s)"
            ") || %(regrouped)s::bigint[] ids)"
            " SELECT na_quotes_repeated_refresh(t.ids), na_mentions_repeated_refresh(t.ids) FROM t",
            {"written": written, "regrouped": sorted(pk for pk in regrouped if pk is not None)},
        )
        cursor.execute("SELECT set_config('newsarchive.repeated_deferred', '', true)")


def _kept_by_staff(article_ids: list[int]) -> dict[int, list[tuple[str, int | None, int]]]:
    """(text, speaker, position) of the quotations staff added or corrected, by article."""
    kept = defaultdict(list)
    if article_ids:
        rows = Quote.objects.filter(article__in=article_ids, edited_by_staff=True)
        for article_id, text, person_id, position in rows.values_list("article_id", "text", "person_id", "position"):
            kept[article_id].append((text, person_id, position))
    return kept


def _take_ids(cursor, rows: list[_Row]) -> None:
    """Ids for new articles from the table's sequence, in order, as INSERT … RETURNING gave them: taken
    before the rows are written, so their wire-copy groups can be written with them."""
    if not rows:
        return
    cursor.execute(
        "SELECT nextval(pg_get_serial_sequence('articles_article', 'id')) FROM generate_series(1, %s)", [len(rows)]
    )
    for row, pk in zip(rows, sorted(pk for (pk,) in cursor.fetchall()), strict=True):
        row.pk = pk


def _insert_articles(
    cursor, rows: list[_Row], now: dt.datetime, heads: dict[int, int | None], outlets: dict[int, int] | None = None
) -> None:
    """New articles (their ids taken) go in by COPY, cheaper to send and to parse than a many-row INSERT,
    each a copy of its group's head when `heads` names one, with its copy_outlets when `outlets` has it."""
    if not rows:
        return
    stamp = now.isoformat()
    outlets = outlets or {}
    _copy(
        cursor,
        f"articles_article (id, {', '.join(ARTICLE_COLUMNS)}, copy_of_id, copy_outlets, created, updated)",
        [
            (row.pk, *(row.values[c] for c in ARTICLE_COLUMNS), heads.get(row.pk), outlets.get(row.pk, 0), stamp, stamp)
            for row in rows
        ],
    )


def _new_heads_outlets(cursor, new: list[_Row], groups: Groups) -> dict[int, int]:
    """copy_outlets of the new articles heading a group, as refresh_copy_outlets() will count them: the outlets
    other than the head's own of its copies (an outlet unknown counts for none), the copies new in this batch and
    the stored members of the groups it takes over (write_groups moves them to it). Written with the row, the
    head needs no UPDATE after (~500 a run of the ingest bench, each re-indexing the article, its search
    document's GIN entries among them). A forecast: write_groups still counts every affected head again and
    corrects any other; a head that a stored article of this batch (one updated) joins is left to it."""
    sources = {row.pk: row.values["source_id"] for row in new}
    mixed = set()
    members: dict[int, dict[int, int | None]] = defaultdict(dict)  # head: {copy: its outlet}
    for pk, head in groups.heads.items():
        if head is not None and head in sources:
            if pk not in sources:
                mixed.add(head)
            members[head][pk] = sources[pk]
    if groups.takeovers:
        olds = sorted(groups.takeovers)
        cursor.execute(
            "SELECT id, copy_of_id, source_id FROM articles_article WHERE id = ANY(%s) OR copy_of_id = ANY(%s)",
            [olds, olds],
        )
        for pk, copy_of, source in cursor.fetchall():
            head = groups.takeovers[pk if pk in groups.takeovers else copy_of]
            if pk != head:
                members[head][pk] = source
    outlets = {}
    for head, copies in members.items():
        if head in sources and head not in mixed:
            outlets[head] = len({s for s in copies.values() if s is not None and s != sources[head]})
    return outlets


def _repeats_in_new_copies(
    cursor, articles: list[tuple[int, _Row]], rows: list[tuple[list[tuple], list[tuple]]], groups: Groups
) -> set[tuple[int, str, object]]:
    """The new copies' rows that repeat their story, as Quote.repeated and Mention.repeated will say: (article,
    "q", position) for a quotation with a twin as written from the same speaker, (article, "m", person) for a
    person named, in the group's head or an earlier copy (a smaller id), stored or in this batch. Written with
    their flag, these rows need no UPDATE from _refresh_repeated (which had set ~1,700 quotations and ~700
    mentions a batch of the ingest bench, each UPDATE re-indexing the row and moving PersonMonth's counts).

    A forecast, not the rule: _refresh_repeated still computes every flag of the batch's groups (the words
    folded, other writers' rows) and corrects any forecast wrong. A stored group a new article of ours took over
    is its group: the stored members (the old head, its copies) are earlier than every new copy. A group a stored
    article took over (one updated) is left to it."""
    new = {row.pk: index for index, (_, row) in enumerate(articles) if not row.existed}
    copies = {pk: groups.heads[pk] for pk in new if groups.heads.get(pk) is not None}
    copies = {pk: head for pk, head in copies.items() if head in new or head not in groups.takeovers.values()}
    if not copies:
        return set()
    heads = sorted(set(copies.values()))
    # The stored heads new articles took over: their members are the new heads' (write_groups moves them).
    taken = {old: head for old, head in groups.takeovers.items() if head in new}
    stored = heads + sorted(taken)
    # By head: (article, speaker, digest of the words) of its quotations, (article, person) of its mentions.
    quotes, mentions = defaultdict(set), defaultdict(set)
    # The stored members' rows: digests of the words (a tenth of the bytes of the words).
    cursor.execute(
        "SELECT coalesce(a.copy_of_id, a.id), a.id, q.person_id, md5(q.text) FROM articles_article a"
        " JOIN articles_quote q ON q.article_id = a.id WHERE a.id = ANY(%s) OR a.copy_of_id = ANY(%s)",
        [stored, stored],
    )
    for head, pk, person_id, digest in cursor.fetchall():
        quotes[taken.get(head, head)].add((pk, person_id or 0, digest))
    cursor.execute(
        "SELECT coalesce(a.copy_of_id, a.id), a.id, m.person_id FROM articles_article a"
        " JOIN articles_mention m ON m.article_id = a.id WHERE a.id = ANY(%s) OR a.copy_of_id = ANY(%s)",
        [stored, stored],
    )
    for head, pk, person_id in cursor.fetchall():
        mentions[taken.get(head, head)].add((pk, person_id))
    keyed = {}  # the batch's own quotations in these groups: (position, speaker, digest), digested once
    for pk, index in new.items():
        head = copies.get(pk, pk if pk in heads else None)
        if head is not None:
            mentioned, quoted = rows[index]
            keyed[pk] = [(q[4], q[1] or 0, _digest(q[0])) for q in quoted]
            quotes[head] |= {(pk, speaker, digest) for _, speaker, digest in keyed[pk]}
            mentions[head] |= {(pk, m[0]) for m in mentioned}
    repeats = set()
    for pk, head in copies.items():
        earlier = {(speaker, digest) for other, speaker, digest in quotes[head] if other == head or other < pk}
        named = {person for other, person in mentions[head] if other == head or other < pk}
        repeats |= {(pk, "q", position) for position, *key in keyed[pk] if tuple(key) in earlier}
        repeats |= {(pk, "m", m[0]) for m in rows[new[pk]][0] if m[0] in named}
    return repeats


def _digest(text: str) -> str:
    """PostgreSQL's md5(text) of a quotation's words (not for security: a digest to compare)."""
    return hashlib.md5(text.encode(), usedforsecurity=False).hexdigest()


def _insert_rows(
    cursor, articles: list[_Row], rows: list[tuple[list[tuple], list[tuple]]], repeats: set = frozenset()
) -> None:
    """Mentions and quotations: by COPY for new articles (nothing to conflict with but their own rows),
    by INSERT … ON CONFLICT DO NOTHING beside the rows staff kept in existing ones. `repeats`: the new rows
    written as repeated (_repeats_in_new_copies)."""
    new_mentions, new_quotes, old_mentions, old_quotes = [], [], [], []
    for row, (mentions, quotes) in zip(articles, rows, strict=True):
        if row.existed:
            old_mentions.extend((row.pk, *mention) for mention in mentions)
            old_quotes.extend((row.pk, *quote) for quote in quotes)
            continue
        # A repeat within the article's own rows: the first one is kept, as ON CONFLICT keeps it below.
        positions = set()
        quotes = [q for q in quotes if not (q[4] in positions or positions.add(q[4]))]
        # COPY lines written directly (the row types are known), with the article's date, which the
        # database would otherwise look up (migration 0008).
        published = row.values["published"]
        date = _COPY_NULL if published is None else _copy_date(published)
        new_mentions += [
            f"{row.pk}\t{person_id}\t{count}\t{'t' if quoted else 'f'}\t{_copy_text(why)}\t{date}\t"
            f"{'t' if (row.pk, 'm', person_id) in repeats else 'f'}\n"
            for person_id, count, quoted, why in mentions
        ]
        new_quotes += [
            f"{row.pk}\t{_copy_text(text)}\t{_COPY_NULL if person_id is None else person_id}\t"
            f"{_copy_text(written)}\t{'t' if partial else 'f'}\t{position}\t{_copy_text(why)}\t{kind}\t{date}\t"
            f"{'t' if (row.pk, 'q', position) in repeats else 'f'}\n"
            for text, person_id, written, partial, position, why, kind in quotes
        ]
    _copy_lines(
        cursor, "articles_mention (article_id, person_id, count, quoted, evidence, published, repeated)", new_mentions
    )
    _copy_lines(
        cursor,
        "articles_quote (article_id, text, person_id, speaker_as_written, partial, position, evidence, speaker_kind, "
        "published, repeated)",
        new_quotes,
    )
    if old_mentions:
        execute_values(
            cursor.cursor,
            "INSERT INTO articles_mention (article_id, person_id, count, quoted, evidence) VALUES %s "
            "ON CONFLICT DO NOTHING",
            old_mentions,
            page_size=5000,
        )
    if old_quotes:
        execute_values(
            cursor.cursor,
            "INSERT INTO articles_quote (article_id, text, person_id, speaker_as_written, partial, position, evidence, "
            "speaker_kind) "
            "VALUES %s ON CONFLICT DO NOTHING",
            old_quotes,
            page_size=5000,
        )


def _link_given_topics(named: list[tuple[int, list[str]]]) -> None:
    """The input's own topics, kept as given (by_rule false), also where a rule gave the same topic:
    retag never takes away what the input said (an export read back in keeps them all)."""
    pairs = [(article_id, name) for article_id, names in named for name in names]
    if not pairs:
        return
    topic_ids = {name: _topic(name).pk for name in {name for _, name in pairs}}  # a query per name, not per link
    with connection.cursor() as cursor:
        execute_values(
            cursor.cursor,
            "INSERT INTO articles_article_topics (article_id, topic_id, by_rule) VALUES %s"
            " ON CONFLICT (article_id, topic_id) DO UPDATE SET by_rule = false",
            [(article_id, topic_ids[name], False) for article_id, name in dict.fromkeys(pairs)],
        )


def _has_bands(row: _Row) -> bool:
    return row.values is not None and row.values.get("wire_bands") is not None


COMPARED = 3  # candidates an article's text is compared with, most bands shared first

# The stored articles sharing a band with one of a batch's articles: one GIN look-up an article (LATERAL),
# not one for the batch's ~4,000 values together. A GIN scan tests every value of its query at each row it
# finds (PostgreSQL's keyGetItem), so one query for the batch cost (values x rows found): 250 ms of the
# server's CPU for a batch finding 3,930 rows on the bench, 115 ms as 200 look-ups of 20 values. The bands
# are a parameter the planner can't see, sliced per article: estimating 4,000 values' overlap it once chose
# to read the whole table (testing each row against each value) on a table of 20,000 rows.
# The rows are then read by their place in the table (ctid, a TID scan, which also drops the repeats), not
# their ids: looked up again in the primary key's index, the bench's ~3,900 rows a batch cost PostgreSQL 57 ms,
# by ctid 44 (the look-ups alone 37). A ctid is the row version the statement's own snapshot sees.
CANDIDATES = (
    "SELECT {columns} FROM {table} WHERE ctid = ANY(ARRAY("
    "SELECT c.ctid FROM unnest(%s::int[], %s::int[]) s (first, last),"
    " LATERAL (SELECT ctid FROM {table} WHERE wire_bands && ((SELECT %s::bigint[]))[s.first:s.last]) c))"
)


def candidate_params(band_lists: Iterable[list[int]]) -> list:
    """CANDIDATES' parameters for these articles' bands: where each article's are in one flat array."""
    firsts, lasts, flat = [], [], []
    for values in band_lists:
        if values:
            firsts.append(len(flat) + 1)
            flat.extend(values)
            lasts.append(len(flat))
    return [firsts, lasts, flat]


def group_copies(articles: list[tuple[int, str, list[int], bool]]) -> None:
    """Put stored articles — (id, plain text, its wire_bands as written, stored before this batch) — into
    their wire-copy groups (issue 14.3; articles/wire.py says how copies are found): find_groups(), then
    write_groups()."""
    write_groups(find_groups(articles))


@dataclass
class Groups:
    """What find_groups() decided, for write_groups() (and for new articles' own rows) to write."""

    heads: dict[int, int | None] = field(default_factory=dict)  # the head of each one's group (None: it heads)
    unstored: set[int] = field(default_factory=set)  # not in the table yet: written with their group
    kept: set[int] = field(default_factory=set)  # heading copies already: left as they are
    takeovers: dict[int, int] = field(default_factory=dict)  # a stored head: the article taking its place
    affected: set[int] = field(default_factory=set)  # heads whose copy_outlets to count again


def find_groups(
    articles: list[tuple[int, str, list[int], bool]], *, unstored: dict[int, dt.date | None] | None = None
) -> Groups:
    """The wire-copy groups of these articles — (id, plain text, its wire_bands, stored before this batch)
    — of which `unstored` (id: publication date) are new, their ids taken but their rows not written yet.

    One indexed query finds every article sharing a band with one of them (article_wire_bands_gin); each
    candidate's text is compared (Jaccard of the shingles, wire.SAME_STORY). An article joins the group of
    the candidate it is most like, stored earlier or earlier in this batch; a group's head is its first
    published article (copy_of empty, the one lists show), and a copy published before it takes its
    place. The same text again never gets here (it is skipped as the same article); an article compared
    again after its text changed is not its own candidate, and one that heads copies keeps them."""
    unstored = unstored or {}
    if not articles:
        return Groups(unstored=set(unstored))
    texts = {pk: text for pk, text, _, _ in articles}
    own_bands = {pk: values for pk, _, values, _ in articles}
    ours = list(texts)
    with connection.cursor() as cursor:
        # The stored of ours are found too (they share their own bands), with their dates; the unstored
        # are added as the query would have found them.
        cursor.execute(
            CANDIDATES.format(columns="id, copy_of_id, published, wire_bands", table="articles_article"),
            candidate_params(list(own_bands.values())),
        )
        rows = cursor.fetchall() + [(pk, None, day, own_bands[pk]) for pk, day in unstored.items() if pk in texts]
        heads, was = _grouped_before(cursor, [pk for pk, _, _, existed in articles if existed])
    leader = {pk: copy_of for pk, copy_of, _, _ in rows} | was
    # Who follows each head in `leader` (its values inverted), so a takeover moves a head's followers without reading
    # every article's (~100 takeovers a batch of the ingest bench, each read the ~3,500 articles of `leader`).
    followers = defaultdict(set)
    for pk, head in leader.items():
        if head is not None:
            followers[head].add(pk)
    published = {pk: day for pk, _, day, _ in rows}
    # Each of our band values' articles (a candidate's other values are no one's here: set.intersection
    # skips them in C, 20 values a row for ~4,000 rows a batch on the bench).
    wanted = {value for values in own_bands.values() for value in values}
    by_band = defaultdict(list)
    for pk, _, _, values in rows:
        for value in wanted.intersection(values or ()):
            by_band[value].append(pk)
    # Each article's candidates, most bands shared first (a copy shares most: ~7 of 20 at a Jaccard
    # similarity of 0.7, one story sharing a paragraph with another ~1), at most COMPARED of them: bench
    # articles built from a few hundred texts shared one with ~50 others, and comparing them all cost
    # ingest 6 ms an article.
    candidates = {}
    for pk in ours:
        shared = collections.Counter(itertools.chain.from_iterable(map(by_band.__getitem__, own_bands[pk])))
        shared.pop(pk, None)
        # By id, then by bands shared, most first (a stable sort: equal counts stay by id): two sorts in C
        # instead of one with a key function called for each of the bench's ~150 candidates an article.
        ranked = sorted(shared)
        ranked.sort(key=shared.__getitem__, reverse=True)
        candidates[pk] = ranked
    stored = {other for found in candidates.values() for other in found[:COMPARED]} - set(ours)
    with connection.cursor() as cursor:
        if stored:
            cursor.execute(
                "SELECT a.id, a.body_text, l.id, l.published FROM articles_article a"
                " LEFT JOIN articles_article l ON l.id = a.copy_of_id WHERE a.id = ANY(%s)",
                [sorted(stored)],
            )
            for pk, text, head, day in cursor.fetchall():
                texts[pk] = text
                if head is not None:
                    published.setdefault(head, day)
    affected, takeovers, done = set(), [], set()

    def shingled(pk: int):
        return _shingles(pk, texts[pk])

    for pk in ours:
        done.add(pk)
        if pk in heads:
            continue  # heads copies already: they stay its
        if leader.get(pk) is not None:
            affected.add(leader[pk])
            followers[leader[pk]].discard(pk)
        leader[pk] = None
        # Stored before, or earlier in this batch: a later one of ours is compared with this one then.
        # The first COMPARED of them (islice stops there: the bench's articles have ~150 candidates each).
        compared = list(itertools.islice((o for o in candidates[pk] if o in stored or o in done), COMPARED))
        scored = [(wire.similarity(shingled(pk), shingled(other)), other) for other in compared]
        scored = [(score, other) for score, other in scored if score >= wire.SAME_STORY]
        if not scored:
            continue
        _, best = max(scored, key=lambda item: (item[0], -item[1]))
        head = leader.get(best) or best
        if head == pk:
            continue
        day, head_day = published.get(pk), published.get(head)
        if day is not None and (head_day is None or day < head_day):  # published first: the group's head now
            moved = followers.pop(head, set())
            for other in moved:
                leader[other] = pk
            if leader.get(head) is not None:
                followers[leader[head]].discard(head)
            leader[head] = pk
            followers[pk] |= moved | {head}
            takeovers.append((head, pk))
        else:
            leader[pk] = head
            followers[head].add(pk)
        affected |= {head, pk}
    # A head taken over again later in the batch sends its copies straight to the last one; one of ours
    # not stored yet has none stored (its copies in the batch follow in `leader`).
    final = {}
    for old, new in reversed(takeovers):
        final[old] = final.get(new, new)
    return Groups(
        heads={pk: leader[pk] for pk in ours},
        unstored=set(unstored),
        kept=heads,
        takeovers={old: new for old, new in final.items() if old not in unstored},
        affected=affected,
    )


def write_groups(groups: Groups) -> None:
    """Write what find_groups() decided for stored articles (the unstored went in with theirs): each one's
    group, the copies of a head taken over, and the heads' copy_outlets."""
    changed = [(pk, head) for pk, head in groups.heads.items() if pk not in groups.kept | groups.unstored]
    with connection.cursor() as cursor:
        if changed:
            execute_values(
                cursor.cursor,
                "UPDATE articles_article a SET copy_of_id = v.head FROM (VALUES %s) v (id, head)"
                " WHERE a.id = v.id AND a.copy_of_id IS DISTINCT FROM v.head",
                changed,
                template="(%s, %s::bigint)",
            )
        if groups.takeovers:  # the old head's stored copies, and the old head, follow the new one
            # One statement for the batch (one a takeover cost the bench's 4,000 articles ~950 round trips).
            # Copies now, with no copies of their own: their copy_outlets is 0, as refresh_copy_outlets() counts it
            # for the old head below; written here, the old head's row is rewritten (and re-indexed) once, not twice.
            execute_values(
                cursor.cursor,
                "UPDATE articles_article a SET copy_of_id = v.new, copy_outlets = 0 FROM (VALUES %s) v (old, new)"
                " WHERE (a.copy_of_id = v.old OR a.id = v.old) AND a.id <> v.new",
                list(groups.takeovers.items()),
                template="(%s::bigint, %s::bigint)",
                page_size=len(groups.takeovers),
            )
    refresh_copy_outlets(groups.affected)


_SHINGLES_KEPT = 5_000  # stored articles' shingles kept between batches (~4 KB each: 20 MB at most)
_shingles_of: dict[tuple[int, int], object] = {}


def _shingles(pk: int, text: str):
    """wire.shingles(text), remembered by article and text: the same stored articles are candidates
    batch after batch (a story's copies and the articles sharing a paragraph with them), and shingling
    was most of what grouping cost the main ingest process."""
    found = _shingles_of.get((pk, hash(text)))
    if found is None:
        found = _remember_shingles(pk, text, wire.shingles(text))
    return found


def _remember_shingles(pk: int, text: str, shingles):
    """Keep wire.shingles(text) of article pk (computed here, or by an extraction worker) for _shingles()."""
    if len(_shingles_of) >= _SHINGLES_KEPT:
        _shingles_of.clear()
    _shingles_of[(pk, hash(text))] = shingles
    return shingles


def _grouped_before(cursor, ids: list[int]) -> tuple[set[int], dict[int, int | None]]:
    """Which of these stored articles head copies, and the group each was a copy in."""
    if not ids:
        return set(), {}
    cursor.execute(
        "SELECT id, copy_of_id, EXISTS (SELECT FROM articles_article c WHERE c.copy_of_id = a.id)"
        " FROM articles_article a WHERE id = ANY(%s)",
        [ids],
    )
    rows = cursor.fetchall()
    return {pk for pk, _, heads in rows if heads}, {pk: copy_of for pk, copy_of, _ in rows}


def refresh_copy_outlets(article_ids: Iterable[int]) -> None:
    """copy_outlets again for these articles: for a group's head, the outlets other than its own that
    published its copies; 0 for any other. One statement."""
    ids = sorted({pk for pk in article_ids if pk is not None})
    if not ids:
        return
    with connection.cursor() as cursor:
        cursor.execute(
            """UPDATE articles_article a SET copy_outlets = v.n FROM (
                   SELECT h.id, count(DISTINCT c.source_id) FILTER (WHERE c.source_id IS DISTINCT FROM h.source_id) n
                     FROM articles_article h LEFT JOIN articles_article c ON c.copy_of_id = h.id
                    WHERE h.id = ANY(%s) GROUP BY h.id) v
                WHERE a.id = v.id AND a.copy_outlets <> v.n""",
            [ids],
        )


def _copy_text(value: str) -> str:
    """A string in COPY's text format: backslash, newline, tab and carriage return escaped."""
    if "\\" in value:
        value = value.replace("\\", "\\\\")
    if "\n" in value:
        value = value.replace("\n", "\\n")
    if "\t" in value:
        value = value.replace("\t", "\\t")
    if "\r" in value:
        value = value.replace("\r", "\\r")
    return value


def copy_field(value) -> str:
    """One value in COPY's text format (also the corpus generator's)."""
    if value is None:
        return "\\N"
    if value is True or value is False:
        return "t" if value else "f"
    if isinstance(value, str):
        return _copy_text(value)
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return str(value)


_COPY_NULL = "\\N"
_copy_date = functools.lru_cache(maxsize=1024)(dt.date.isoformat)  # each row of an article repeats its date


# The formatter of each exact type (one dictionary look-up, mostly C functions); other types, such as
# subclasses of str, go through copy_field.
_COPY_FORMATS = {
    str: _copy_text,
    int: str,
    bool: {True: "t", False: "f"}.__getitem__,
    type(None): lambda _: "\\N",
    dt.date: _copy_date,
    dt.datetime: dt.datetime.isoformat,
    list: wire.copy_literal,  # wire_bands, a bigint[]
}


def _copy(cursor, target: str, rows: list[tuple]) -> None:
    """COPY rows (tuples of str, int, bool, date or None) into target ("table (columns)")."""
    if not rows:
        return
    fmt = _COPY_FORMATS.get
    data = "".join(["\t".join([fmt(type(v), copy_field)(v) for v in row]) + "\n" for row in rows]).encode()
    cursor.cursor.copy_expert(f"COPY {target} FROM STDIN", io.BytesIO(data), size=len(data))


def _copy_lines(cursor, target: str, lines: list[str]) -> None:
    """COPY lines already in COPY's text format into target ("table (columns)")."""
    if lines:
        data = "".join(lines).encode()
        cursor.cursor.copy_expert(f"COPY {target} FROM STDIN", io.BytesIO(data), size=len(data))


def _resolve_rows(
    items: list[tuple[ParsedArticle, Extracted]],
    articles: list[tuple[int, _Row]],
    people: PersonIndex,
    kept: dict[int, list[tuple[str, int | None, int]]],
) -> list[tuple[list[tuple], list[tuple]]]:
    """Mention rows (person, count, quoted) and Quote rows (text, person, as written, partial, position)
    for each article to write, and each new article's search_text: the one place names and speakers
    become Person rows. An extracted quotation where staff kept one (same place or same words) is left
    out, and the speakers of the kept ones count as quoted."""
    found = []
    for index, row in articles:
        extracted = items[index][1]
        ids: dict[str, int] = {}
        names: dict[int, str] = {}
        counts: dict[int, int] = {}
        why: dict[int, str] = {}
        for name, role, count, variants, evidence in extracted.people:
            resolved = people.resolve(name, role=role, variants=variants)
            ids[name] = resolved.person_id  # None: a name staff said is not a person
            if resolved.person_id is not None:
                names[resolved.person_id] = resolved.name
                counts[resolved.person_id] = counts.get(resolved.person_id, 0) + count
                why.setdefault(resolved.person_id, _mention_evidence(evidence, name, resolved.matched_by))
        as_written = _known_unconfirmed(extracted, people, names, counts, why)
        staff = kept.get(row.pk, [])
        taken = {position for _, _, position in staff} | {text for text, _, _ in staff}
        quoted = {person_id for _, person_id, _ in staff if person_id}
        quotes = []
        for quote, position in sorted(extracted.quotes, key=lambda item: item[1]):
            if position in taken or quote.text in taken:
                continue
            person_id = None
            if quote.speaker:
                if quote.speaker not in ids:
                    resolved = people.resolve(quote.speaker)
                    ids[quote.speaker] = resolved.person_id
                    if resolved.person_id is not None:
                        names[resolved.person_id] = resolved.name
                person_id = ids[quote.speaker]
                if person_id is not None:
                    quoted.add(person_id)
            elif quote.speaker_as_written in as_written:  # a known person the text gave no evidence for
                person_id = as_written[quote.speaker_as_written]
                quoted.add(person_id)
            quotes.append(
                (
                    quote.text,
                    person_id,
                    quote.speaker_as_written[:300],
                    quote.partial,
                    position,
                    quote.evidence[:300],
                    speaker_kind(quote, person_id is not None),
                )
            )
        for person_id in quoted:
            counts.setdefault(person_id, 1)
            why.setdefault(person_id, "speaker of a quotation")
        found.append((row, names, counts, quotes, quoted, why))
    # The new people, before the mentions and quotes naming them. Some may have been created by
    # another ingest meanwhile: those rows are used, and what names them is renumbered.
    moved = people.flush()
    rows = []
    for row, names, counts, quotes, quoted, why in found:
        if moved:
            why = {moved[pk][0] if pk in moved else pk: text for pk, text in why.items()}
            names, counts, quotes, quoted = _renumbered(moved, names, counts, quotes, quoted)
        if not row.existed:  # an existing article's is read back with the rows staff kept (refresh_search_text)
            row.values["search_text"] = search_text([names[pk] for pk in counts], [q[0] for q in quotes])
        rows.append(([(pk, max(1, n), pk in quoted, why.get(pk, "")) for pk, n in counts.items()], quotes))
    return rows


def speaker_kind(quote: ParsedQuote, has_person: bool) -> str:
    """Quote.speaker_kind of a row: a person's when it has one; a speaker named that the archive keeps no person for
    (staff said "not a person") is of unknown kind; else what the extractor said (quotes.speaker_kind). Also what
    `ingest --dry-run --json` previews (pipeline.preview_record)."""
    if has_person:
        return Quote.SpeakerKind.PERSON
    if quote.speaker:
        return Quote.SpeakerKind.UNKNOWN
    return quote.speaker_kind if quote.speaker_kind in _SPEAKER_KINDS else Quote.SpeakerKind.UNKNOWN


# Quote.SpeakerKind.values builds its list again at each call: once for each quotation stored.
_SPEAKER_KINDS = frozenset(Quote.SpeakerKind.values)


MATCHED_BY = {
    "name": "known by this name",
    "alias": "known by an alias",
    "surname": "known, by surname",
    "spelling": "known, by a near spelling",
    "new": "new to the archive",
}


def _mention_evidence(evidence: str, name: str, matched_by: str) -> str:
    """What staff see beside a mention: why the extractor took the name for a person, and how the archive
    found them ("title: Senator; as 'Voss', known by an alias")."""
    found = MATCHED_BY.get(matched_by, matched_by)
    return "; ".join(filter(None, [evidence, f"as '{name}', {found}"]))[:300]


def _known_unconfirmed(
    extracted: Extracted, people: PersonIndex, names: dict[int, str], counts: dict[int, int], why: dict[int, str]
) -> dict[str, int]:
    """The names an article gives without evidence of a person (Extracted.unconfirmed) that
    the archive knows by that name or an alias: added to the article's people (names, counts), and their
    spellings mapped to the person, for quotations left unattributed with the name as written."""
    as_written: dict[str, int] = {}
    for name, _role, count, variants, _evidence in extracted.unconfirmed:
        known = people.find(name, variants)
        if known is None or known.person_id is None or known.matched_by not in ("name", "alias"):
            continue  # unknown, known only by surname or a near spelling, or not a person
        names[known.person_id] = known.name
        counts[known.person_id] = counts.get(known.person_id, 0) + count
        why.setdefault(known.person_id, _mention_evidence("no evidence in the text", name, known.matched_by))
        for spelling in (name, *variants):
            as_written.setdefault(spelling, known.person_id)
    return as_written


def _renumbered(moved: dict[int, tuple[int, str]], names: dict, counts: dict, quotes: list, quoted: set) -> tuple:
    """One article's people with the ids given out for people another ingest created first replaced
    by theirs (names as they wrote them; two of ours that are one of theirs count together)."""
    new_names, new_counts = {}, {}
    for pk, count in counts.items():
        pk, name = moved.get(pk, (pk, names[pk]))
        new_names[pk], new_counts[pk] = name, new_counts.get(pk, 0) + count
    quotes = [(text, moved[pk][0] if pk in moved else pk, *rest) for text, pk, *rest in quotes]
    return new_names, new_counts, quotes, {moved[pk][0] if pk in moved else pk for pk in quoted}


def _topic(name: str) -> Topic:
    topic = Topic.objects.filter(name__iexact=name).first()
    return topic or Topic.objects.create(name=name, slug=unique_slug(Topic, name))


def analyze_archive() -> None:
    """Fresh planner statistics for the tables a bulk write changed (a large ingest, a merge of many):
    autovacuum may be off or late, and a plan made on the old figures can cost a page hundreds of
    milliseconds (issue 15: related articles estimated ~577k after retag, JIT compiling it)."""
    with connection.cursor() as cursor:
        cursor.execute(
            "ANALYZE articles_article, articles_mention, articles_quote, articles_article_topics, articles_person"
        )


def update_article(article: Article, *, context: Context | None = None, extracted: Extracted | None = None) -> None:
    """After staff changed an article's text in the admin: its quotations and people extracted again
    (as `ingest` would), the rows staff added or corrected kept, search text and topics brought up to date."""
    context = context or Context()
    parsed = ParsedArticle(
        headline=article.headline,
        body_text=article.body_text,
        body_html=article.body_html,
        origin=f"article {article.pk}",
    )
    try:
        with transaction.atomic():
            extracted = extracted or extract_article(parsed)
            values = {"language": extracted.language, "wire_bands": wire.bands(article.body_text)}
            row = _Row(article.pk, values, existed=True)  # the text may be another's: grouped again
            _write([(parsed, extracted)], [(0, row)], context)
    except Exception:
        context.reload()
        raise


def detect_languages(*, every: bool = False, batch_size: int = 2000) -> tuple[int, int]:
    """Detect the language of stored articles: those whose language is unknown (stored before it was
    detected), or with `every`, all of them. Reads only the headline and the opening the detector reads,
    in batches by id, one UPDATE per batch (its own transaction). Returns (articles read, changed)."""
    from articles.ingest import language

    articles = Article.objects.order_by("pk")
    if not every:
        articles = articles.filter(language="")
    read = changed = 0
    last = 0
    while True:
        rows = list(
            articles.filter(pk__gt=last)
            .annotate(opening=Left("body_text", language.SAMPLE + 1))
            .values_list("pk", "headline", "opening", "language")[:batch_size]
        )
        if not rows:
            return read, changed
        last = rows[-1][0]
        read += len(rows)
        updates = []
        for pk, headline, opening, old in rows:
            code = language.detect(headline, opening)
            if code != old:
                updates.append((pk, code))
        if updates:
            with transaction.atomic(), connection.cursor() as cursor:
                execute_values(
                    cursor.cursor,
                    "UPDATE articles_article a SET language = v.code FROM (VALUES %s) v (id, code) WHERE a.id = v.id",
                    updates,
                )
            changed += len(updates)


def find_wire_copies(*, batch_size: int = 1000, progress=None) -> tuple[int, int]:
    """Wire copies among articles stored before they were looked for (wire_bands NULL: stored before
    migration 0029, or by the corpus generator): their bands computed and stored, and each batch grouped
    as an ingest groups it (group_copies()), in id order, one transaction a batch, so it can be stopped and
    run again. `progress(n)` is told of each batch. Returns (articles read, of them now in a group)."""
    read = grouped = 0
    while True:
        rows = list(
            Article.objects.filter(wire_bands__isnull=True).order_by("pk").values_list("pk", "body_text")[:batch_size]
        )
        if not rows:
            return read, grouped
        batch = [(pk, text, wire.bands(text), True) for pk, text in rows]
        with transaction.atomic(), connection.cursor() as cursor:
            execute_values(
                cursor.cursor,
                "UPDATE articles_article a SET wire_bands = v.bands FROM (VALUES %s) v (id, bands) WHERE a.id = v.id",
                [(pk, bands) for pk, _, bands, _ in batch],
                template="(%s, %s::bigint[])",
            )
            group_copies(batch)
        read += len(rows)
        ids = [pk for pk, _ in rows]
        grouped += Article.objects.filter(pk__in=ids).filter(Q(copy_of__isnull=False) | Q(copy_outlets__gt=0)).count()
        if progress:
            progress(len(rows))


def add_people(people: list[tuple[str, str, list[str]]]) -> dict[str, int]:
    """People known before any article names them — (name, description, aliases) — created unless a
    person of that name exists (load_demo, the corpus generator); their ids by name."""
    names = [name for name, _, _ in people]
    with transaction.atomic():
        ids = dict(Person.objects.filter(name__in=names).values_list("name", "pk"))
        missing = [(name, description) for name, description, _ in people if name not in ids]
        slugs = unique_slugs(Person, [name for name, _ in missing])
        Person.objects.bulk_create(
            [Person(name=name, slug=slug, description=d) for (name, d), slug in zip(missing, slugs, strict=True)],
            ignore_conflicts=True,
        )
        ids = dict(Person.objects.filter(name__in=names).values_list("name", "pk"))
        for name in set(names) - set(ids):  # the same name but for case or accents: that person
            ids[name] = Person.objects.named_exactly(name).values_list("pk", flat=True).first()
        aliases = [Alias(person_id=ids[name], name=alias) for name, _, names in people for alias in names]
        Alias.objects.bulk_create(aliases, ignore_conflicts=True)
    return ids


def add_sources(sources: list[tuple[str, str]]) -> dict[str, int]:
    """Outlets — (name, homepage) — created unless one of that name exists; their ids by name."""
    names = [name for name, _ in sources]
    with transaction.atomic():
        ids = dict(Source.objects.filter(name__in=names).values_list("name", "pk"))
        missing = [(name, homepage) for name, homepage in sources if name not in ids]
        slugs = unique_slugs(Source, [name for name, _ in missing])
        Source.objects.bulk_create(
            [Source(name=name, slug=slug, homepage=h) for (name, h), slug in zip(missing, slugs, strict=True)],
            ignore_conflicts=True,
        )
        return dict(Source.objects.filter(name__in=names).values_list("name", "pk"))


def rename_person(person: Person) -> None:
    """Save a person whose name may have changed; the articles naming them are searchable by the new name."""
    with transaction.atomic():
        if not person.slug:
            person.slug = unique_slug(Person, person.name)
        renamed = person.pk is not None and Person.objects.filter(pk=person.pk).exclude(name=person.name).exists()
        person.save()
        if renamed:
            refresh_search_text(Mention.objects.filter(person=person).values_list("article_id", flat=True))


def delete_people(people: Iterable[Person]) -> None:
    """Delete people (their mentions with them; their quotations become unattributed), and take their
    names out of the search text of the articles that named them."""
    people = list(people)
    with transaction.atomic():
        articles = set(Mention.objects.filter(person__in=people).values_list("article_id", flat=True))
        for person in people:
            person.delete()
        refresh_search_text(articles)


def not_people(people: Iterable[Person]) -> list[str]:
    """Staff's decision that these "people" are not people (a firm, a place, a day, a title alone):
    their names and aliases are remembered (NotAPerson), so no ingest or re-extraction makes a person
    of them again, and they are deleted; their quotations stay, unattributed, with the name as
    written. Returns the names remembered."""
    people = list(people)
    with transaction.atomic():
        names = [p.name for p in people] + list(Alias.objects.filter(person__in=people).values_list("name", flat=True))
        NotAPerson.objects.bulk_create([NotAPerson(name=name) for name in names], ignore_conflicts=True)
        delete_people(people)
    return names


def merge_people(*, keep: Person, others: list[Person]) -> None:
    """Move every quotation, mention and alias of `others` to `keep`; their names become aliases.

    Mentions of two merged people in one article are combined into one (counts added),
    because an article names a person once (mention_article_person_unique).
    """
    others = [p for p in others if p.pk != keep.pk]
    with transaction.atomic():
        articles = set(Mention.objects.filter(person__in=others).values_list("article_id", flat=True))
        for other in others:
            Quote.objects.filter(person=other).update(person=keep)
            both = Mention.objects.filter(person=keep).values("article_id")
            for mention in Mention.objects.filter(person=other, article_id__in=both):
                combined = {"count": F("count") + mention.count}
                if mention.quoted:
                    combined["quoted"] = True
                if mention.edited_by_staff:
                    combined["edited_by_staff"] = True
                Mention.objects.filter(article_id=mention.article_id, person=keep).update(**combined)
                mention.delete()
            Mention.objects.filter(person=other).update(person=keep)
            Alias.objects.filter(person=other).update(person=keep)
            known = {keep.name, *Alias.objects.filter(person=keep).values_list("name", flat=True)}
            other_name = other.name
            other.delete()
            if normalize_name(other_name) not in {normalize_name(n) for n in known}:
                Alias.objects.create(person=keep, name=other_name)
        refresh_search_text(articles)


GENERATED_ARTICLE_COLUMNS = (
    "id, headline, slug, body_html, body_text, source_id, via_id, published, url, byline, "
    "fingerprint, created, updated, search_text"
)


def store_generated(batch: dict[str, str]) -> None:
    """The corpus generator's rows (articles.corpus.make_batch: COPY text, ids given, every derived
    column computed with this module's functions), in one transaction.

    Its people and their extraction are known, so nothing is resolved; the person-month summary is
    rebuilt once at the end of the generation (two connections upserting the same (person, month)
    rows would queue on each other's row locks).
    """
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET LOCAL newsarchive.person_month_deferred = on")
        _copy_lines(cursor, f"articles_article ({GENERATED_ARTICLE_COLUMNS})", [batch["articles"]])
        # With the article's date, so the database need not look it up (migration 0008).
        _copy_lines(cursor, "articles_mention (article_id, person_id, count, quoted, published)", [batch["mentions"]])
        _copy_lines(
            cursor,
            "articles_quote (article_id, text, person_id, speaker_as_written, partial, position, published)",
            [batch["quotes"]],
        )

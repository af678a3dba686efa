"""Storage: a parsed article, its extracted quotes and people, into the database.

store_article() is the one write path for articles from outside: the `ingest` command, the
JSON Lines import, `load_demo` and the admin's paste page all call it. Each article is
stored in its own transaction (savepoint), so a bad one never leaves half an article and
never costs the good ones.

Identity: an article is the same article when it has the same URL, or the same text
(fingerprint). The same again is skipped; the same URL with new text is updated.
"""

from __future__ import annotations

import collections
import contextlib
import dataclasses
import datetime as dt
import functools
import io
import itertools
import multiprocessing
import os
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

import psycopg2
from django.db import DatabaseError, InterfaceError, OperationalError, connection, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.text import slugify
from psycopg2.extras import execute_values

from articles.export import export_record
from articles.ingest import formats
from articles.ingest.formats import Options, ParsedArticle, ParsedQuote, Rejection
from articles.ingest.resolve import PersonIndex
from articles.ingest.topics import tag_articles, topics_for_text
from articles.models import Article, Mention, Quote, Source, Topic, fingerprint, unique_slug


@dataclass
class Extracted:
    """What the pipeline found in one article, with speakers resolved to canonical names."""

    people: list[tuple[str, str, int, list[str]]]  # (name as found, role, count, variants)
    quotes: list[tuple[ParsedQuote, int]]  # (quote, position in body_text)
    given: bool = False  # carried by the input (export format), not extracted
    fingerprint: str = ""  # computed beside the extraction, in the worker process


def extract_article(parsed: ParsedArticle) -> Extracted:
    """Quotes and people of one article: as given by the input, else by the extractor."""
    if parsed.quotes is not None or parsed.people is not None:
        quotes = parsed.quotes or []
        positions = _positions(parsed.body_text, [q.text for q in quotes])
        named = {q.speaker for q in quotes if q.speaker}
        people = [(name, "", max(1, parsed.body_text.count(name.split()[-1])), []) for name in parsed.people or []]
        people += [(name, "", 1, []) for name in sorted(named - set(parsed.people or []))]
        return Extracted(people=people, quotes=list(zip(quotes, positions, strict=True)), given=True)

    from articles.ingest.quotes import extract

    found = extract(parsed.headline, parsed.body_text)
    return Extracted(
        people=[(p.name, p.role, p.count, list(p.variants)) for p in found.people],
        quotes=[
            (
                ParsedQuote(text=q.text, speaker=q.speaker, speaker_as_written=q.speaker_as_written, partial=q.partial),
                q.position,
            )
            for q in found.quotes
        ],
    )


def _positions(body: str, texts: list[str]) -> list[int]:
    """Where each given quotation stands in the body (in order); unique even when not found."""
    positions, used, cursor = [], set(), 0
    for text in texts:
        at = body.find(text, cursor)
        if at < 0:
            at = body.find(text)
        while at < 0 or at in used:
            at = len(body) + len(used) + 1 if at < 0 else at + 1
        used.add(at)
        positions.append(at)
        cursor = max(cursor, at + 1)
    return positions


class SourceCache:
    """Outlets by name, created on first sight; one query per new name per run."""

    def __init__(self) -> None:
        self.ids: dict[str, int] = {name.upper(): pk for pk, name in Source.objects.values_list("pk", "name")}

    def get(self, name: str, create: bool = True) -> int | None:
        name = " ".join(name.split())[:200]
        if not name:
            return None
        if name.upper() not in self.ids:
            if not create:
                return None
            source = Source.objects.filter(name__iexact=name).first() or Source.objects.create(
                name=name, slug=unique_slug(Source, name)
            )
            self.ids[name.upper()] = source.pk
        return self.ids[name.upper()]


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

    def reload(self) -> None:
        self.people, self.sources = PersonIndex(), SourceCache()


def store_article(*, parsed: ParsedArticle, context: Context, extracted: Extracted | None = None) -> StoreResult:
    """Create, update or skip one article with its people, quotes and topics, atomically."""
    try:
        with transaction.atomic():
            return _store_batch([(parsed, extracted or extract_article(parsed))], context)[0]
    except Exception:
        context.reload()  # people and outlets it created are gone with the transaction
        raise


def store_articles(items: list[tuple[ParsedArticle, Extracted]], *, context: Context) -> list[StoreResult]:
    """Store a batch in one transaction (a few queries for the whole batch). If anything in it
    fails, store the articles one by one instead, so one bad article never costs the others."""
    if len(items) > 1:
        try:
            with transaction.atomic():
                return _store_batch(items, context)
        except Exception as exc:  # noqa: BLE001 - find the bad article below, one by one
            if database_gone(exc):
                raise  # no article's fault: every one would fail the same way
            context.reload()  # the failed transaction may have created people and outlets that are gone
    results = []
    for parsed, extracted in items:
        for _attempt in (1, 2):  # again once if another ingest wrote the same article or outlet first
            try:
                with transaction.atomic():
                    result = _store_batch([(parsed, extracted)], context)[0]
                break
            except Exception as exc:  # noqa: BLE001 - reported, and the run goes on
                if database_gone(exc):
                    raise
                context.reload()
                result = StoreResult("rejected", None, f"not stored: {_failure(exc)}")
                if not lost_race(exc):
                    break  # the article's own fault: it would fail again
        results.append(result)
    return results


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
    "body_html",
    "body_text",
    "source_id",
    "via_id",
    "published",
    "url",
    "byline",
    "fingerprint",
    "search_text",
)


@dataclass
class _Row:
    """One article about to be written: its column values and, for an update, its id."""

    pk: int | None
    values: dict


def _store_batch(items: list[tuple[ParsedArticle, Extracted]], context: Context) -> list[StoreResult]:
    """The write itself; the caller provides the transaction."""
    digests = [extracted.fingerprint or fingerprint(parsed.headline, parsed.body_text) for parsed, extracted in items]
    urls = [parsed.url for parsed, _ in items if parsed.url]
    by_text, by_url = {}, {}
    for row in Article.objects.filter(Q(fingerprint__in=digests) | Q(url__in=urls)).values("pk", "url", "fingerprint"):
        by_text[row["fingerprint"]] = row["pk"]
        if row["url"]:
            by_url[row["url"]] = row["pk"]

    results: list[StoreResult | None] = [None] * len(items)
    articles: list[tuple[int, _Row]] = []  # (index in batch, article to write)
    for index, ((parsed, _), digest) in enumerate(zip(items, digests, strict=True)):
        if digest in by_text:
            pk = by_text[digest]
            results[index] = StoreResult(
                "skipped", pk, "same text earlier in this input" if pk is None else f"same text as article {pk}"
            )
            continue
        if parsed.url and parsed.url in by_url and by_url[parsed.url] is None:
            results[index] = StoreResult("skipped", None, "same URL earlier in this input")
            continue
        values = {
            "headline": parsed.headline,
            "slug": slugify(parsed.headline)[:120].strip("-") or "article",
            "body_html": parsed.body_html,
            "body_text": parsed.body_text,
            "source_id": context.sources.get(parsed.source),
            "via_id": context.sources.get(parsed.via),
            "published": parsed.published,
            "url": parsed.url,
            "byline": parsed.byline[:300],
            "fingerprint": digest,
            "search_text": "",
        }
        articles.append((index, _Row(by_url.get(parsed.url) if parsed.url else None, values)))
        by_text[digest] = None  # later duplicates in this batch are skipped
        if parsed.url:
            by_url[parsed.url] = None

    rows = _resolve_rows(items, articles, context.people)
    updated = [row.pk for _, row in articles if row.pk]
    created = [row for _, row in articles if not row.pk]
    now = timezone.now()
    with connection.cursor() as cursor:
        # We write search_text ourselves; the triggers would only repeat it (migration 0001). Bodies and
        # search documents are compressed with lz4 where the server has it: pglz cost more CPU than every
        # index update of an article together; both read back the same.
        cursor.execute(
            "SELECT set_config('newsarchive.search_text_written', 'on', true), set_config('default_toast_compression',"
            " CASE WHEN 'lz4' = ANY(enumvals) THEN 'lz4' ELSE setting END, true)"
            " FROM pg_settings WHERE name = 'default_toast_compression'"
        )
        if updated:
            # Rows staff corrected by hand stay; the new extraction fills in around them.
            Quote.objects.filter(article__in=updated, edited_by_staff=False).delete()
            Mention.objects.filter(article__in=updated, edited_by_staff=False).delete()
            for _, row in articles:
                if row.pk:
                    Article.objects.filter(pk=row.pk).update(**row.values, updated=now)
        if created:
            # New articles go in by COPY (cheaper to send and to parse than a many-row INSERT), with
            # ids taken from the table's sequence first, in order, as INSERT … RETURNING gave them.
            cursor.execute(
                "SELECT nextval(pg_get_serial_sequence('articles_article', 'id')) FROM generate_series(1, %s)",
                [len(created)],
            )
            for row, pk in zip(created, sorted(pk for (pk,) in cursor.fetchall()), strict=True):
                row.pk = pk
            stamp = now.isoformat()
            _copy(
                cursor,
                f"articles_article (id, {', '.join(ARTICLE_COLUMNS)}, created, updated)",
                [(row.pk, *(row.values[c] for c in ARTICLE_COLUMNS), stamp, stamp) for row in created],
            )
        new_mentions, new_quotes, old_mentions, old_quotes = [], [], [], []
        for (index, row), (mentions, quotes) in zip(articles, rows, strict=True):
            is_new = row.pk not in updated
            if is_new:
                # A new article has no rows yet, so only a repeat within its own rows could conflict: the
                # first one is kept, as ON CONFLICT DO NOTHING keeps it for the others below.
                positions = set()
                quotes = [q for q in quotes if not (q[4] in positions or positions.add(q[4]))]
                # COPY lines written directly (the row types are known), with the article's date, which the
                # database would otherwise look up (migration 0008).
                published = row.values["published"]
                date = _COPY_NULL if published is None else _copy_date(published)
                new_mentions += [
                    f"{row.pk}\t{person_id}\t{count}\t{'t' if quoted else 'f'}\t{date}\n"
                    for person_id, count, quoted in mentions
                ]
                new_quotes += [
                    f"{row.pk}\t{_copy_text(text)}\t{_COPY_NULL if person_id is None else person_id}\t"
                    f"{_copy_text(written)}\t{'t' if partial else 'f'}\t{position}\t{date}\n"
                    for text, person_id, written, partial, position in quotes
                ]
            else:
                old_mentions.extend((row.pk, *mention) for mention in mentions)
                old_quotes.extend((row.pk, *quote) for quote in quotes)
            results[index] = StoreResult("created" if is_new else "updated", row.pk)
        _copy_lines(cursor, "articles_mention (article_id, person_id, count, quoted, published)", new_mentions)
        _copy_lines(
            cursor,
            "articles_quote (article_id, text, person_id, speaker_as_written, partial, position, published)",
            new_quotes,
        )
        if old_mentions:
            execute_values(
                cursor.cursor,
                "INSERT INTO articles_mention (article_id, person_id, count, quoted) VALUES %s ON CONFLICT DO NOTHING",
                old_mentions,
                page_size=5000,
            )
        if old_quotes:
            execute_values(
                cursor.cursor,
                "INSERT INTO articles_quote (article_id, text, person_id, speaker_as_written, partial, position) "
                "VALUES %s ON CONFLICT DO NOTHING",
                old_quotes,
                page_size=5000,
            )
        cursor.execute("SET LOCAL newsarchive.search_text_written = off")
        if updated:  # kept staff rows are not in the text computed above
            cursor.execute("SELECT na_refresh_search_text(%s)", [updated])
    tag_articles([row.pk for _, row in articles])
    # The input's own topics are kept as given (by_rule false), also where a rule gave the same
    # topic: retag never takes away what the input said (an export read back in keeps them all).
    named = [(row.pk, name) for index, row in articles for name in items[index][0].topics or []]
    topic_ids = {name: _topic(name).pk for name in {name for _, name in named}}  # a query per name, not per link
    given = [(article_id, topic_ids[name]) for article_id, name in named]
    if given:
        with connection.cursor() as cursor:
            execute_values(
                cursor.cursor,
                "INSERT INTO articles_article_topics (article_id, topic_id, by_rule) VALUES %s"
                " ON CONFLICT (article_id, topic_id) DO UPDATE SET by_rule = false",
                [(article_id, topic_id, False) for article_id, topic_id in dict.fromkeys(given)],
            )
    return results


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
    items: list[tuple[ParsedArticle, Extracted]], articles: list[tuple[int, _Row]], people: PersonIndex
) -> list[tuple[list[tuple], list[tuple]]]:
    """Mention rows (person, count, quoted) and Quote rows (text, person, as written, partial,
    position) for each article to write; sets each article's search_text."""
    found = []
    for index, article in articles:
        extracted = items[index][1]
        ids: dict[str, int] = {}
        names: dict[int, str] = {}
        counts: dict[int, int] = {}
        for name, role, count, variants in extracted.people:
            resolved = people.resolve(name, role=role, variants=variants)
            ids[name], names[resolved.person_id] = resolved.person_id, resolved.name
            counts[resolved.person_id] = counts.get(resolved.person_id, 0) + count
        quotes, quoted = [], set()
        for quote, position in sorted(extracted.quotes, key=lambda item: item[1]):
            person_id = None
            if quote.speaker:
                if quote.speaker not in ids:
                    resolved = people.resolve(quote.speaker)
                    ids[quote.speaker], names[resolved.person_id] = resolved.person_id, resolved.name
                    counts.setdefault(resolved.person_id, 1)
                person_id = ids[quote.speaker]
                quoted.add(person_id)
            quotes.append((quote.text, person_id, quote.speaker_as_written[:300], quote.partial, position))
        found.append((article, names, counts, quotes, quoted))
    # The new people, before the mentions and quotes naming them. Some may have been created by
    # another ingest meanwhile: those rows are used, and what names them is renumbered.
    moved = people.flush()
    rows = []
    for article, names, counts, quotes, quoted in found:
        if moved:
            names, counts, quotes, quoted = _renumbered(moved, names, counts, quotes, quoted)
        mentions = [(pk, max(1, n), pk in quoted) for pk, n in counts.items()]
        # Exactly what na_refresh_search_text() would compute: names in code-point order, then quotes.
        parts = [
            " ".join(sorted(names[pk] for pk in counts)) if counts else None,
            " ".join(q[0] for q in quotes) if quotes else None,
        ]
        article.values["search_text"] = " ".join(part for part in parts if part is not None)
        rows.append((mentions, quotes))
    return rows


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


def preview_record(parsed: ParsedArticle, context: Context, extracted: Extracted | None = None) -> dict:
    """The export-format record this article would be stored as, storing nothing."""
    extracted = extracted or extract_article(parsed)
    canonical = {}
    for name, _role, _count, variants in extracted.people:
        canonical[name] = context.people.resolve(name, variants=variants, create=False).name
    people = sorted(set(canonical.values()))
    quotes = [
        {
            "text": q.text,
            "speaker": canonical.get(q.speaker, q.speaker) if q.speaker else None,
            "speaker_as_written": q.speaker_as_written,
            "partial": q.partial,
        }
        for q, _ in sorted(extracted.quotes, key=lambda item: item[1])
    ]
    people_quotes = " ".join([*people, *(q["text"] for q in quotes)])
    topics = {t.name for t in topics_for_text(parsed.headline, people_quotes, parsed.body_text)}
    topics |= set(parsed.topics or [])
    return export_record(
        headline=parsed.headline,
        body=parsed.body_text,
        body_html=parsed.body_html,
        source=parsed.source or None,
        via=parsed.via or None,
        published=parsed.published,
        url=parsed.url,
        byline=parsed.byline,
        people=people,
        topics=sorted(topics),
        quotes=quotes,
    )


@dataclass
class Report:
    read: int = 0
    created: int = 0
    updated: int = 0
    skipped: int = 0
    rejected: list[Rejection] = field(default_factory=list)
    seconds: float = 0.0
    details: list[str] = field(default_factory=list)  # a line per article skipped or updated (-v 2)
    # Set when the run stopped because the database could not be used (see database_gone()): the
    # counts are what was stored before it; the batch being stored then was not.
    database_error: Exception | None = None

    @property
    def per_second(self) -> float:
        return self.read / self.seconds if self.seconds else 0.0

    def summary(self, dry_run: bool = False) -> str:
        if dry_run:
            return (
                f"Dry run: read {self.read}, nothing stored, rejected {len(self.rejected)} "
                f"in {self.seconds:.1f} s ({self.per_second:,.0f} articles/s)"
            )
        return (
            f"read {self.read}, stored {self.created}, updated {self.updated}, skipped {self.skipped}, "
            f"rejected {len(self.rejected)} in {self.seconds:.1f} s ({self.per_second:,.0f} articles/s)"
        )


BATCH_SIZE = 200  # articles stored per transaction
PARALLEL_AFTER = 64  # a shorter run is extracted in this process: a pool would cost more than it saves


def run(
    targets: Iterable[str],
    options: Options,
    *,
    dry_run: bool = False,
    on_record: Callable[[dict], None] | None = None,
    on_rejection: Callable[[Rejection], None] | None = None,
    on_progress: Callable[[int], None] | None = None,
    workers: int | None = None,
) -> Report:
    """Read every input, store (or, dry run, preview) every article, report the rest.

    Extraction, the CPU-heavy step, runs in worker processes (one per core) while this
    process parses and stores; articles are stored in batches of BATCH_SIZE. When the database can't
    be used (unreachable, or gone mid-run) the run stops and says so in `report.database_error`:
    articles of the batches committed before it count as stored."""
    started = time.perf_counter()
    report = Report()

    def reject(rejection: Rejection) -> None:
        report.rejected.append(rejection)
        if on_rejection:
            on_rejection(rejection)

    def flush(batch: list[tuple[ParsedArticle, Extracted]]) -> None:
        for (parsed, _), result in zip(batch, store_articles(batch, context=context), strict=True):
            if result.status == "rejected":
                reject(Rejection(parsed.origin, result.detail))
                continue
            setattr(report, result.status, getattr(report, result.status) + 1)
            if result.status == "skipped":
                report.details.append(f"skipped {parsed.origin}: {result.detail}")
            elif result.status == "updated":
                report.details.append(f"updated {parsed.origin}: article {result.article_id}")
        if on_progress:
            on_progress(len(batch))
        batch.clear()

    batch: list[tuple[ParsedArticle, Extracted]] = []
    articles = _parse_all(targets, options, reject)
    try:
        context = Context()
        # closing(): a run the database stopped ends its extraction workers now, not when collected.
        with contextlib.closing(_extract_all(articles, workers or os.cpu_count() or 1)) as extracted_articles:
            for parsed, extracted in extracted_articles:
                report.read += 1
                if isinstance(extracted, str):
                    reject(Rejection(parsed.origin, f"not stored: extraction failed: {extracted}"))
                elif dry_run:
                    report.created += 1
                    if on_record:
                        on_record(preview_record(parsed, context, extracted))
                    if on_progress:
                        on_progress(1)
                else:
                    batch.append((parsed, extracted))
                    if len(batch) >= BATCH_SIZE:
                        flush(batch)
        if batch:
            flush(batch)
    except Exception as exc:
        if not database_gone(exc):
            raise
        report.database_error = exc
    report.seconds = time.perf_counter() - started
    return report


def _parse_all(targets: Iterable[str], options: Options, reject: Callable[[Rejection], None]):
    for target in formats.expand_inputs(targets):
        if isinstance(target, Rejection):
            reject(target)
            continue
        for item in formats.read_input(target, options):
            if isinstance(item, Rejection):
                reject(item)
            else:
                yield item


def _extract_safely(parsed: ParsedArticle) -> tuple[ParsedArticle, Extracted | str]:
    return parsed, _extract_only(parsed)


def _extract_only(parsed: ParsedArticle) -> Extracted | str:
    try:
        extracted = extract_article(parsed)
        extracted.fingerprint = fingerprint(parsed.headline, parsed.body_text)
        return extracted
    except Exception as exc:  # noqa: BLE001 - one article's failure must not stop the run
        return f"{exc.__class__.__name__}: {exc}"


def _extract_packed(task: tuple[str, str] | ParsedArticle) -> tuple | Extracted | str:
    """In a worker: extraction of (headline, body text) as plain tuples, which cross the process boundary
    several times cheaper than dataclasses; an article carrying its own results comes whole."""
    if not isinstance(task, tuple):
        return _extract_only(task)
    headline, body_text = task
    try:
        from articles.ingest.quotes import extract

        found = extract(headline, body_text)
        return (
            fingerprint(headline, body_text),
            [(p.name, p.role, p.count, p.variants) for p in found.people],
            [(q.text, q.speaker, q.speaker_as_written, q.partial, q.position) for q in found.quotes],
        )
    except Exception as exc:  # noqa: BLE001 - one article's failure must not stop the run
        return f"{exc.__class__.__name__}: {exc}"


def _unpack(result: tuple | Extracted | str) -> Extracted | str:
    if not isinstance(result, tuple):
        return result
    digest, people, quotes = result
    return Extracted(
        people=people,
        quotes=[(ParsedQuote(text, speaker, written, partial), at) for text, speaker, written, partial, at in quotes],
        fingerprint=digest,
    )


def _extract_all(articles, workers: int):
    head = list(itertools.islice(articles, PARALLEL_AFTER))
    if len(head) < PARALLEL_AFTER or workers < 2:
        yield from map(_extract_safely, itertools.chain(head, articles))
        return
    # Workers get what extraction reads (headline and text, no HTML) and send back only what they
    # found: the article itself waits here, in order, instead of crossing the process boundary twice.
    waiting: collections.deque[ParsedArticle] = collections.deque()

    def tasks(items):
        for parsed in items:
            waiting.append(parsed)
            if parsed.quotes is None and parsed.people is None:
                yield parsed.headline, parsed.body_text
            else:
                yield dataclasses.replace(parsed, body_html="")

    # fork: workers inherit the loaded code; they never touch the database connection.
    with multiprocessing.get_context("fork").Pool(workers, initializer=_lower_priority) as pool:
        for result in pool.imap(_extract_packed, tasks(itertools.chain(head, articles)), chunksize=CHUNK_SIZE):
            yield waiting.popleft(), _unpack(result)


CHUNK_SIZE = 32  # articles sent to a worker at a time
# Storing is the sequential part of a run: this process and its PostgreSQL server process take turns
# on each batch. Extraction workers run ahead of it, so they are the ones to wait when both want a
# core: on 2 cores this raised the bench's 4,000-article rate by about a quarter (5 of 5 runs).
WORKER_NICENESS = 10


def _lower_priority() -> None:
    try:
        os.nice(WORKER_NICENESS)
    except (AttributeError, OSError):  # no os.nice on this platform, or not allowed: run as is
        pass

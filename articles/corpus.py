"""A synthetic corpus that looks like news at scale, for benchmarks (`manage.py generate_corpus`).

Words follow a Zipf-like spread (a few very common words, a long tail of rare ones);
people and outlets have skewed popularity; articles carry quotations in the body with
matching Quote rows, mentions, and dates over twenty years. Everything is derived from
the seed, batch by batch, so the same seed gives the same corpus whatever the machine.
Rows go in with COPY; the GIN index is rebuilt once at the end for large loads.
"""

from __future__ import annotations

import datetime as dt
import io
import itertools
import random
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from django.db import connection, transaction

from articles.archive import add_people, add_sources, copy_field, search_text, store_generated
from articles.ingest.sanitize import text_to_html
from articles.models import article_slug, fingerprint, normalize_name

BATCH = 5000
END_DATE = dt.date(2026, 11, 1)
YEARS = 20

COMMON = (
    "the of and to a in that is for on was with he it as at by said from his be an have has are not but "
    "they this who were had their will which been would after more one its or she also new her about "
    "two over than first government people year years last when there we all up out into could other "
    "percent police state minister city officials president week told some week because told court "
    "country before million billion market report council health school workers company election vote "
    "water energy prices housing budget plan law party leaders talks war peace border trade union strike"
).split()
SYLLABLES = (
    "ka lo ve ra mi to sen dar bel or an is el um ta pre con tor vis lan mar cor nel sta gri fen hal "
    "bro dun mel pa ri so tu ve ly qua zen ber gol mun tra sil ven dor kal"
).split()
OUTLET_WORDS = ["Courier", "Herald", "Ledger", "Post", "Observer", "Times", "Gazette", "Wire"]
FIRST_NAMES = (
    "Ana Mara Tomas Ines Jonas Lena Pieter Selim Oona Ravi Edda Mira Kasimir Liora Wren Bastian Ilse Yusuf "
    "Priya Tobias Greta Noor Emeric Farah Dario Saskia Hugo Amara Bruno Leila Osric Vera Nikolai Hana Malik "
    "Ingrid Teo Zora Anselm Delia Cyrus Maren Idris Petra Lucan Sabine Rafael Kenji Aurelia Stellan"
).split()


def _word(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4)))


@dataclass
class World:
    """The fixed cast: vocabulary, people, outlets, topics. Same seed, same world."""

    words: list[str]
    cum_weights: list[float]
    people: list[str]
    people_cum: list[float]
    sources: list[str]
    sources_cum: list[float]
    topics: list[tuple[str, list[str]]]


def zipf_cumulative(n: int, exponent: float = 1.07) -> list[float]:
    return list(itertools.accumulate(1.0 / (rank**exponent) for rank in range(1, n + 1)))


def build_world(seed: int, vocabulary: int = 60_000, people: int = 5000, sources: int = 300) -> World:
    rng = random.Random(seed)
    words = list(dict.fromkeys(COMMON))
    seen = set(words)
    while len(words) < vocabulary:
        word = _word(rng)
        if word not in seen:
            seen.add(word)
            words.append(word)
    names, taken = [], set()
    while len(names) < people:
        name = f"{rng.choice(FIRST_NAMES)} {_word(rng).capitalize()}{rng.choice(['', 'ov', 'son', 'ez', 'i'])}"
        if normalize_name(name) not in taken:
            taken.add(normalize_name(name))
            names.append(name)
    outlets, taken = [], set()
    while len(outlets) < sources:
        name = f"The {_word(rng).capitalize()} {rng.choice(OUTLET_WORDS)}"
        if name.upper() not in taken:
            taken.add(name.upper())
            outlets.append(name)
    # Topic keywords come from the middle of the frequency range: neither stop words nor hapaxes.
    topics = [(f"Topic {_word(rng).capitalize()}", rng.sample(words[300:3000], 3)) for _ in range(20)]
    return World(
        words,
        zipf_cumulative(len(words)),
        names,
        zipf_cumulative(people, 1.0),
        outlets,
        zipf_cumulative(sources, 0.9),
        topics,
    )


TABLE_BITS = 22


def word_table(world: World) -> list[str]:
    """The Zipf distribution as a lookup table of 2**22 slots, each word taking its share, so a
    draw is one uniform index instead of a binary search over 60,000 cumulative weights."""
    size, table, done = 1 << TABLE_BITS, [], 0
    total = world.cum_weights[-1]
    for word, cumulative in zip(world.words, world.cum_weights, strict=True):
        upto = round(cumulative / total * size)
        table.extend([word] * max(1, upto - done))
        done = max(upto, done + 1)
    return table


class _Words:
    """Words drawn from the Zipf distribution in large blocks."""

    def __init__(self, rng: random.Random, table: list[str]) -> None:
        self.rng, self.table, self.block, self.at = rng, table, [], 0

    def take(self, k: int) -> list[str]:
        if self.at + k > len(self.block):
            self.block = self.rng.choices(self.table, k=4096)
            self.at = 0
        self.at += k
        return self.block[self.at - k : self.at]


def _sentence(rng: random.Random, words: _Words, lo: int = 6, hi: int = 22) -> str:
    return " ".join(words.take(rng.randint(lo, hi))).capitalize() + "."


_TABLES: dict[int, list[str]] = {}  # one world per process at a time


def _table(world: World) -> list[str]:
    # Built once per process (each pool worker builds its own, ~1 s).
    key = hash((len(world.words), world.words[-1], world.words[len(world.words) // 2]))
    if key not in _TABLES:
        _TABLES.clear()
        _TABLES[key] = word_table(world)
    return _TABLES[key]


def make_batch(
    world: World, seed: int, batch: int, count: int, first_id: int, person_ids: list[int], source_ids: list[int]
) -> dict[str, str]:
    """COPY text for `count` articles (ids from first_id) with their mentions and quotes."""
    # Seeded by where the batch starts: the same seed gives the same corpus in an empty
    # database, and a second run appends new articles rather than colliding with the first.
    rng = random.Random(f"{seed}:{first_id}")
    articles, mentions, quotes = io.StringIO(), io.StringIO(), io.StringIO()
    words = _Words(rng, _table(world))
    days = YEARS * 365
    now = dt.datetime(2026, 11, 1, tzinfo=dt.UTC).isoformat()
    for offset in range(count):
        article_id = first_id + offset
        # More articles in recent years, as archives grow: sqrt skews towards the end date.
        published = END_DATE - dt.timedelta(days=int(days * (1 - rng.random() ** 0.5)))
        source = rng.choices(range(len(world.sources)), cum_weights=world.sources_cum)[0]
        cast = sorted(set(rng.choices(range(len(world.people)), cum_weights=world.people_cum, k=rng.randint(1, 5))))
        # Written as news is, and as extraction reads it back: a person is named in full the first time
        # (the lead in the first paragraph, a speaker at their first quotation), by surname after that;
        # only the people the text names are mentioned.
        paragraphs, quote_rows, counts = [], [], dict.fromkeys(cast, 0)
        lead = rng.choice(cast)
        for index in range(rng.randint(4, 8)):
            person = lead if index == 0 else rng.choice(cast)
            if index == 0:
                first = _sentence(rng, words, 10, 25)
                paragraphs.append(f"{world.people[person]} {first[0].lower()}{first[1:]} {_sentence(rng, words)}")
                counts[person] += 1
            elif rng.random() < 0.5:
                written = world.people[person].split()[-1] if counts[person] else world.people[person]
                quoted = _sentence(rng, words, 8, 20)[:-1] + ","
                paragraphs.append(f"“{quoted}” {written} said. {_sentence(rng, words)}")
                quote_rows.append((quoted, person, written))
                counts[person] += 1
            else:
                paragraphs.append(" ".join(_sentence(rng, words) for _ in range(rng.randint(1, 3))))
        cast = [person for person in cast if counts[person]]
        body = "\n\n".join(paragraphs)
        # Exact offsets of each opening quotation mark in the assembled body.
        positions, cursor = [], 0
        for text, person, written in quote_rows:
            at = body.index("“" + text, cursor)
            positions.append((at, text, person, written))
            cursor = at + 1
        headline = " ".join(words.take(rng.randint(5, 10))).capitalize()
        headline = f"{world.people[lead].split()[-1]}: {headline}"
        html = text_to_html(body)
        names = sorted(world.people[p] for p in cast)
        text = search_text(names, [quoted for _, quoted, _, _ in positions])
        digest = fingerprint(headline, body)
        slug = article_slug(headline)
        articles.write(
            "\t".join(
                copy_field(v)
                for v in (
                    article_id,
                    headline,
                    slug,
                    html,
                    body,
                    source_ids[source],
                    None,
                    published.isoformat(),
                    f"https://{world.sources[source].split()[1].lower()}.example/{published:%Y/%m}/{article_id}",
                    "",
                    digest,
                    now,
                    now,
                    text,
                )
            )
            + "\n"
        )
        quoted_people = {person for _, _, person, _ in positions}
        for person in cast:
            mentions.write(
                f"{article_id}\t{person_ids[person]}\t{max(1, counts[person])}\t"
                f"{'t' if person in quoted_people else 'f'}\t{published.isoformat()}\n"
            )
        for at, text, person, written in positions:
            row = (article_id, text, person_ids[person], written, "f", at, published.isoformat())
            quotes.write("\t".join(copy_field(v) for v in row) + "\n")
    return {"articles": articles.getvalue(), "mentions": mentions.getvalue(), "quotes": quotes.getvalue()}


def _ensure_cast(world: World) -> tuple[list[int], list[int]]:
    """People, outlets and topics of the world, created once (reused by later runs)."""
    from articles.models import Topic, TopicRule, unique_slug

    with transaction.atomic():
        source_ids = add_sources([(n, f"https://{n.split()[1].lower()}.example/") for n in world.sources])
        person_ids = add_people([(n, "Synthetic person", []) for n in world.people])
        for name, keywords in world.topics:
            topic = Topic.objects.filter(name=name).first() or Topic.objects.create(
                name=name, slug=unique_slug(Topic, name)
            )
            for keyword in keywords:
                TopicRule.objects.get_or_create(topic=topic, keyword=keyword)
    return [person_ids[n] for n in world.people], [source_ids[n] for n in world.sources]


def generate(articles: int, seed: int = 1, progress=None, workers: int = 2) -> int:
    """Add `articles` synthetic articles; returns the first new article id."""
    from multiprocessing import get_context

    world = build_world(seed)
    person_ids, source_ids = _ensure_cast(world)
    large = articles >= 100_000
    with connection.cursor() as cursor:
        cursor.execute("SELECT coalesce(max(id), 0) + 1 FROM articles_article")
        first_id = cursor.fetchone()[0]
        if large:
            cursor.execute("DROP INDEX IF EXISTS article_search_gin")
    connection.close()  # forked workers must not share this connection
    jobs = [
        (world, seed, b, min(BATCH, articles - b * BATCH), first_id + b * BATCH, person_ids, source_ids)
        for b in range((articles + BATCH - 1) // BATCH)
    ]
    try:
        # Workers generate batches; two threads COPY them over two connections, so the
        # database's share of the work (computing search documents) also uses both cores.
        with get_context("fork").Pool(workers) as pool, ThreadPoolExecutor(2) as copiers:
            pending = []
            for job, batch in zip(jobs, pool.imap(_make_batch_job, jobs), strict=True):
                pending.append(copiers.submit(_store_in_thread, batch))
                if len(pending) >= 4:
                    pending.pop(0).result()
                if progress:
                    progress(job[3])
            for future in pending:
                future.result()
    finally:
        with connection.cursor() as cursor:
            if large:
                cursor.execute("SET maintenance_work_mem = '1GB'")
                cursor.execute(
                    "CREATE INDEX IF NOT EXISTS article_search_gin ON articles_article USING gin (search_vector)"
                )
            for table in ("articles_article", "articles_quote", "articles_mention"):
                cursor.execute(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT max(id) FROM {table}))")
            cursor.execute("SELECT na_person_month_rebuild()")  # the batches skipped its triggers
            cursor.execute("ANALYZE articles_article; ANALYZE articles_quote; ANALYZE articles_mention")
            cursor.execute("ANALYZE articles_personmonth")
    return first_id


def _store_in_thread(batch: dict[str, str]) -> None:
    try:
        store_generated(batch)
    finally:
        connection.close()  # this thread's own connection


def _make_batch_job(job) -> dict[str, str]:
    return make_batch(*job)

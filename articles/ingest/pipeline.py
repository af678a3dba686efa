"""Storage: a parsed article, its extracted quotes and people, into the database.

store_article() is the one write path for articles from outside: the `ingest` command, the
JSON Lines import, `load_demo` and the admin's paste page all call it. Each article is
stored in its own transaction (savepoint), so a bad one never leaves half an article and
never costs the good ones.

Identity: an article is the same article when it has the same URL, or the same text
(fingerprint). The same again is skipped; the same URL with new text is updated.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.db import DatabaseError, transaction
from django.db.models import Q
from django.utils.text import slugify

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


def store_article(*, parsed: ParsedArticle, context: Context, extracted: Extracted | None = None) -> StoreResult:
    """Create, update or skip one article with its people, quotes and topics, atomically."""
    digest = fingerprint(parsed.headline, parsed.body_text)
    matches = list(
        Article.objects.filter(Q(fingerprint=digest) | (Q(url=parsed.url) if parsed.url else Q(pk__in=[]))).values(
            "pk", "url", "fingerprint"
        )
    )
    same_text = next((m for m in matches if m["fingerprint"] == digest), None)
    same_url = next((m for m in matches if parsed.url and m["url"] == parsed.url), None)
    if same_text:
        return StoreResult("skipped", same_text["pk"], f"same text as article {same_text['pk']}")

    extracted = extracted or extract_article(parsed)
    with transaction.atomic():
        if same_url:
            article = Article.objects.get(pk=same_url["pk"])
            article.quotes.all().delete()
            article.mentions.all().delete()
        else:
            article = Article(url=parsed.url)
        article.headline = parsed.headline
        article.slug = slugify(parsed.headline)[:120].strip("-") or "article"
        article.body_text = parsed.body_text
        article.body_html = parsed.body_html
        article.source_id = context.sources.get(parsed.source)
        article.via_id = context.sources.get(parsed.via)
        article.published = parsed.published
        article.byline = parsed.byline[:300]
        article.save()
        _store_people_and_quotes(article, extracted, context.people)
        if parsed.topics:
            article.topics.add(*[_topic(name) for name in parsed.topics])
        tag_articles([article.pk])
    return StoreResult("updated" if same_url else "created", article.pk)


def _store_people_and_quotes(article: Article, extracted: Extracted, people: PersonIndex) -> None:
    ids: dict[str, int] = {}
    counts: dict[int, int] = {}
    for name, role, count, variants in extracted.people:
        resolved = people.resolve(name, role=role, variants=variants)
        ids[name] = resolved.person_id
        counts[resolved.person_id] = counts.get(resolved.person_id, 0) + count
    quotes, quoted = [], set()
    for quote, position in extracted.quotes:
        person_id = None
        if quote.speaker:
            if quote.speaker not in ids:
                ids[quote.speaker] = people.resolve(quote.speaker).person_id
                counts.setdefault(ids[quote.speaker], 1)
            person_id = ids[quote.speaker]
            quoted.add(person_id)
        quotes.append(
            Quote(
                article=article,
                text=quote.text,
                person_id=person_id,
                speaker_as_written=quote.speaker_as_written[:300],
                partial=quote.partial,
                position=position,
            )
        )
    Mention.objects.bulk_create(
        [Mention(article=article, person_id=pk, count=max(1, n), quoted=pk in quoted) for pk, n in counts.items()]
    )
    Quote.objects.bulk_create(quotes)


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
    skipped_details: list[str] = field(default_factory=list)

    @property
    def per_second(self) -> float:
        return self.read / self.seconds if self.seconds else 0.0

    def summary(self) -> str:
        return (
            f"read {self.read}, stored {self.created}, updated {self.updated}, skipped {self.skipped}, "
            f"rejected {len(self.rejected)} in {self.seconds:.1f} s ({self.per_second:,.0f} articles/s)"
        )


def run(
    targets: Iterable[str],
    options: Options,
    *,
    dry_run: bool = False,
    on_record: Callable[[dict], None] | None = None,
    on_rejection: Callable[[Rejection], None] | None = None,
    on_progress: Callable[[int], None] | None = None,
) -> Report:
    """Read every input, store (or, dry run, preview) every article, report the rest."""
    started = time.perf_counter()
    report = Report()
    context = Context()

    def reject(rejection: Rejection) -> None:
        report.rejected.append(rejection)
        if on_rejection:
            on_rejection(rejection)

    for target in formats.expand_inputs(targets):
        if isinstance(target, Rejection):
            reject(target)
            continue
        for item in formats.read_input(target, options):
            if isinstance(item, Rejection):
                reject(item)
                continue
            report.read += 1
            try:
                if dry_run:
                    record = preview_record(item, context)
                    report.created += 1
                    if on_record:
                        on_record(record)
                else:
                    result = store_article(parsed=item, context=context)
                    setattr(report, result.status, getattr(report, result.status) + 1)
                    if result.status == "skipped":
                        report.skipped_details.append(f"{item.origin}: {result.detail}")
            except DatabaseError as exc:
                reject(Rejection(item.origin, f"not stored: {str(exc).strip().splitlines()[0]}"))
            except Exception as exc:  # noqa: BLE001 - one article's failure must not stop the run
                reject(Rejection(item.origin, f"not stored: {exc.__class__.__name__}: {exc}"))
            if on_progress:
                on_progress(1)
    report.seconds = time.perf_counter() - started
    return report

"""Quotations and people of one article, as the input gives them or as the extractor finds them.

Read-only: storing what is found is articles.archive's work.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from articles.ingest.formats import ParsedArticle, ParsedQuote
from articles.ingest.language import detect

GIVEN = "given by the input"  # a person or speaker the article's file named itself


@dataclass
class Extracted:
    """What the pipeline found in one article, with speakers resolved to canonical names."""

    people: list[tuple[str, str, int, list[str], str]]  # (name as found, role, count, variants, evidence)
    quotes: list[tuple[ParsedQuote, int]]  # (quote, position in body_text)
    given: bool = False  # carried by the input (export format), not extracted
    fingerprint: str = ""  # computed beside the extraction, in the worker process
    wire_bands: list[int] | None = None  # articles.wire.bands() of the text, likewise; None: not computed
    wire_shingles: object = None  # articles.wire.shingles() of the text (a numpy array), likewise, when it has bands
    language: str = ""  # ISO 639-1 code of the text (articles.ingest.language), "" when unknown
    # Names without evidence of a person, in any language (quotes.Extraction.unconfirmed),
    # as people are: stored only for people the archive already knows (archive._known_unconfirmed).
    unconfirmed: list[tuple[str, str, int, list[str], str]] = field(default_factory=list)


def extract_article(parsed: ParsedArticle) -> Extracted:
    """Quotes and people of one article: as given by the input, else by the extractor."""
    if parsed.quotes is not None or parsed.people is not None:
        quotes = parsed.quotes or []
        positions = _positions(parsed.body_text, [q.text for q in quotes])
        named = {q.speaker for q in quotes if q.speaker}
        people = [
            (name, "", max(1, parsed.body_text.count(name.split()[-1])), [], GIVEN) for name in parsed.people or []
        ]
        people += [(name, "", 1, [], GIVEN) for name in sorted(named - set(parsed.people or []))]
        return Extracted(
            people=people,
            quotes=list(zip(quotes, positions, strict=True)),
            given=True,
            language=detect(parsed.headline, parsed.body_text),
        )

    from articles.ingest.quotes import extract

    found = extract(parsed.headline, parsed.body_text)
    return Extracted(
        people=[(p.name, p.role, p.count, list(p.variants), p.evidence) for p in found.people],
        quotes=[
            (
                ParsedQuote(q.text, q.speaker, q.speaker_as_written, q.partial, q.evidence, q.speaker_kind),
                q.position,
            )
            for q in found.quotes
        ],
        language=found.language,
        unconfirmed=[(p.name, p.role, p.count, list(p.variants), p.evidence) for p in found.unconfirmed],
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

"""A quotation cited: as plain text, as CSL-JSON (what Zotero, Pandoc and citeproc read) and as BibTeX.

The work cited is the article that printed the quotation; who said it goes in the note, since neither
format has a role for the person quoted. Plain functions of a Quote read with its article, outlet and
speaker (no query), so they are tested without HTTP.
"""

from __future__ import annotations

import json
import re

from articles.models import DatePrecision, Quote


def speaker_name(quote: Quote) -> str:
    return quote.person.name if quote.person_id else quote.speaker_as_written or "Unattributed"


def plain_text(quote: Quote, page_url: str) -> str:
    """'Ines Varga, quoted in “Harbour strike enters second week”, Harbour Gazette, 10 March 2025:
    “We will not go back without a contract.” NewsArchive, https://…/quotes/7/'"""
    article = quote.article
    parts = [f"{speaker_name(quote)}, quoted in “{article.headline}”"]
    if article.source_id:
        parts.append(article.source.name)
    if article.published:  # as far as it is known: "10 March 2025", "March 2025", "2025"
        parts.append(article.date_known[1])
    return f"{', '.join(parts)}: “{quote.text}” NewsArchive, {page_url}"


def csl_json(quote: Quote, page_url: str) -> str:
    """One CSL-JSON item (a list of one, as citation managers import it), pretty-printed."""
    article = quote.article
    item = {
        "id": f"newsarchive-quote-{quote.pk}",
        "type": "article-newspaper",
        "title": article.headline,
        "note": f"Quoting {speaker_name(quote)}: “{quote.text}”",
        "URL": article.url or page_url,
        "archive": "NewsArchive",
        "archive_location": page_url,
    }
    if article.source_id:
        item["container-title"] = article.source.name
    if article.published:  # only the parts known: [[2025]] for a year, [[2025, 3]] for a month
        day, parts = article.published, {DatePrecision.YEAR: 1, DatePrecision.MONTH: 2}
        item["issued"] = {"date-parts": [[day.year, day.month, day.day][: parts.get(article.published_precision, 3)]]}
    if article.byline:
        item["author"] = [{"literal": article.byline}]
    if article.language:
        item["language"] = article.language
    return json.dumps([item], ensure_ascii=False, indent=2)


# BibTeX's special characters, written so LaTeX prints them; the rest of Unicode is left as it is
# (biber and bibtex8 read UTF-8). Hand-written: a library for a dozen characters' escapes was not worth it.
_BIBTEX = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "%": r"\%",
    "&": r"\&",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}
_BIBTEX_SPECIAL = re.compile("[" + re.escape("".join(_BIBTEX)) + "]")


def _bib(text: str) -> str:
    return _BIBTEX_SPECIAL.sub(lambda m: _BIBTEX[m.group()], " ".join(text.split()))


def bibtex(quote: Quote, page_url: str) -> str:
    """One @article entry (biblatex reads it too), its key newsarchive-quote-<id>."""
    article = quote.article
    fields = [("title", f"{{{_bib(article.headline)}}}")]  # double braces: keep the headline's capitals
    if article.byline:
        fields.append(("author", f"{{{_bib(article.byline)}}}"))  # as one name: bylines aren't parsed
    if article.source_id:
        fields.append(("journal", _bib(article.source.name)))
    if article.published:  # biblatex's date takes ISO 8601's reduced forms too ("2025-03", "2025")
        fields += [("year", str(article.published.year)), ("date", article.date_known[0])]
        if article.published_precision != DatePrecision.YEAR:  # for BibTeX proper, which reads no date
            fields.append(("month", str(article.published.month)))
    fields += [
        ("url", article.url or page_url),
        ("note", _bib(f"Quoting {speaker_name(quote)}: “{quote.text}”. NewsArchive, {page_url}")),
    ]
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
    return f"@article{{newsarchive-quote-{quote.pk},\n{body}\n}}\n"

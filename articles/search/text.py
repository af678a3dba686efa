"""The words searched: a query as typed, cleaned; and whether it has anything to look for."""

from __future__ import annotations

import re

from django.conf import settings
from django.db import connection

MAX_QUERY_LENGTH = 200  # longer queries are cut (at a word) and the reader told

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def clean_query(raw: str | None) -> tuple[str, bool]:
    """The query as searched: control characters removed, spaces collapsed, cut to a sane length.

    Returns (text, shortened). PostgreSQL refuses NUL characters, so they must never reach it.
    """
    text = " ".join(_CONTROL.sub(" ", raw or "").split())
    if len(text) <= MAX_QUERY_LENGTH:
        return text, False
    cut = text[:MAX_QUERY_LENGTH]
    return (cut.rsplit(" ", 1)[0] if " " in cut else cut), True


def has_search_words(text: str, *, parser: str = "websearch_to_tsquery") -> bool:
    """False for queries with nothing to look for: '&&&', '-', only stop words like 'the'."""
    if not text:
        return False
    assert parser in ("websearch_to_tsquery", "plainto_tsquery")
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT numnode({parser}(%s::regconfig, %s))", [settings.SEARCH_CONFIG, text])
        return cursor.fetchone()[0] > 0

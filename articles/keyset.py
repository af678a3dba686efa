"""Keyset order: a list read in batches that each start where the last one ended, never by OFFSET.

The downloads (articles/export.py) and the JSON API's cursors (articles/api.py) both read lists this way:
every batch is one short statement that an index serves from where the last row left off, so a million rows
cost the same per row as the first thousand, no transaction or server-side cursor stays open while a client
reads slowly, and memory holds one batch. (A server-side cursor outside a transaction is WITH HOLD, which
PostgreSQL materialises whole before the first row; inside one, a slow download would hold a snapshot open.)

An order is a tuple of Keys, the last ones unique together (an id). Only the first may be NULL, and rows where
it is (undated articles) come last in either direction (issue 14.6). Rows whose first key is set and rows
where it is NULL are read as two phases, so each statement's condition stays one range of the index
(`published <= d AND published IS NOT NULL`), not an OR with `IS NULL` no index can bound; within a phase the
statement is ordered as the index is (NEWEST_FIRST's `nulls_last` descending, `nulls_first` ascending: the
index read backwards), which the phase's condition makes the same order.
"""

from __future__ import annotations

import datetime
import functools
import operator
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from django.core import signing
from django.db.models import F, Model, Q, QuerySet


@dataclass(frozen=True)
class Key:
    path: str  # a field or annotation, through relations if need be ("mentions__published")
    descending: bool = False
    parse: Callable[[Any], Any] = lambda value: value  # a cursor's JSON value back to the column's type
    nullable: bool = False  # only the first key may be

    def order(self, name: str):
        if not self.nullable:  # PostgreSQL's default NULLS placement, as the indexes have it (no re-sort)
            return F(name).desc() if self.descending else F(name).asc()
        return F(name).desc(nulls_last=True) if self.descending else F(name).asc(nulls_first=True)


def date_key(path: str, descending: bool) -> Key:
    return Key(path, descending, lambda value: None if value is None else datetime.date.fromisoformat(value), True)


def _names(order: tuple[Key, ...]) -> list[str]:
    return [f"keyset_{i}" for i in range(len(order))]


def _after(order: tuple[Key, ...], names: list[str], values: list) -> Q:
    """Rows after `values` in the non-NULL keys `order`: (k0 > v0) OR (k0 = v0 AND k1 > v1) OR …"""
    branches, equal = [], Q()
    for key, name, value in zip(order, names, values, strict=True):
        branches.append(equal & Q(**{f"{name}__{'lt' if key.descending else 'gt'}": value}))
        equal &= Q(**{name: value})
    return functools.reduce(operator.or_, branches)


def rows(
    queryset: QuerySet, order: tuple[Key, ...], *, after: list | None = None, batch: int = 1000
) -> Iterator[Model]:
    """The rows of `queryset` in `order`, from just after the key values `after` (None: from the start), read
    `batch` at a time (prefetch_related runs once per batch). Each row carries its key values (key_values())."""
    names = _names(order)
    ordered = queryset.annotate(**{n: F(k.path) for n, k in zip(names, order, strict=True)}).order_by(
        *(k.order(n) for n, k in zip(names, order, strict=True))
    )
    first = names[0]
    # Whether the first key is NULL, phase by phase: the rows without a value last, whichever the direction.
    phases = [False, True] if order[0].nullable else [False]
    if after is not None:
        phases = phases[phases.index(after[0] is None) :]  # from the phase the cursor is in
    for is_null in phases:
        while True:
            condition = Q(**{f"{first}__isnull": is_null})
            if after is not None and after[0] is None:
                condition &= _after(order[1:], names[1:], after[1:])
            elif after is not None:
                # The bound on the first key alone is what an index scan starts from; the OR is checked on
                # the rows it finds (only those sharing the first key's value with the last row).
                bound = Q(**{f"{first}__{'lte' if order[0].descending else 'gte'}": after[0]})
                condition &= bound & _after(order, names, after)
            found = list(ordered.filter(condition)[:batch])
            yield from found
            if len(found) < batch:
                break
            after = key_values(found[-1], order)
        after = None  # the next phase starts at its beginning


def key_values(row: Model, order: tuple[Key, ...]) -> list:
    return [getattr(row, name) for name in _names(order)]


# --- Cursors: a row's key values, signed, so a client can neither forge nor garble one ----------------------


class BadCursor(ValueError):
    pass


def make_cursor(values: list, *, scope: str) -> str:
    """An opaque cursor for the list `scope` (its kind and order: a cursor of one is refused by another)."""
    plain = [v.isoformat() if isinstance(v, datetime.date) else v for v in values]
    return signing.dumps(plain, salt=f"newsarchive.keyset:{scope}", compress=True)


def read_cursor(cursor: str, order: tuple[Key, ...], *, scope: str) -> list:
    try:
        plain = signing.loads(cursor, salt=f"newsarchive.keyset:{scope}")
        if not isinstance(plain, list) or len(plain) != len(order):
            raise ValueError("wrong shape")
        if any(v is None for key, v in zip(order, plain, strict=True) if not key.nullable):
            raise ValueError("wrong shape")
        return [key.parse(value) for key, value in zip(order, plain, strict=True)]
    except (signing.BadSignature, ValueError, TypeError) as exc:
        raise BadCursor("This cursor is not one this list gave (or it was changed): start again without one.") from exc

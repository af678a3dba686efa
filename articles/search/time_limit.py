"""A time limit on the statements of one transaction, and telling its cancellation from other errors."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

from django.db import OperationalError, connection, transaction


@contextlib.contextmanager
def time_limit(milliseconds: int) -> Iterator[None]:
    """A transaction whose every statement PostgreSQL cancels after `milliseconds` (statement_timeout).

    SET LOCAL: the limit ends with this transaction, so other queries keep the default. A cancelled
    statement raises OperationalError (statement_cancelled() tells it apart) and ends the transaction.
    """
    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute("SELECT set_config('statement_timeout', %s, true)", [f"{milliseconds}ms"])
        yield


def statement_cancelled(exc: OperationalError) -> bool:
    """True when PostgreSQL cancelled the statement (statement_timeout): SQLSTATE 57014."""
    return getattr(exc.__cause__, "pgcode", None) == "57014"

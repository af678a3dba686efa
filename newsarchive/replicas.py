"""Read replicas (issue 15.4): with DATABASE_REPLICA_URLS set, public page reads go to a replica.

Everything else reads the primary ("default"): the admin, any request that is not GET or HEAD, any
request from a browser that is signed in (it carries the session cookie — staff see their own
writes at once, never a replica's older copy), management commands and the collect worker (no
request at all). Writes always go to the primary. Readers of a replica see the archive as the
replica has replayed it: a lagging replica shows a page as it was (the page cache keeps its
snapshot and stamps on that same replica, so a page is refreshed once the replica catches up).
"""

from __future__ import annotations

import random
from contextvars import ContextVar

from django.conf import settings

PRIMARY = "default"
_replica_allowed: ContextVar[bool] = ContextVar("replica_allowed", default=False)


def replica_aliases() -> list[str]:
    return [alias for alias in settings.DATABASES if alias.startswith("replica")]


def read_alias() -> str:
    """The database this request (or command) reads from."""
    if _replica_allowed.get():
        replicas = replica_aliases()
        if replicas:
            return random.choice(replicas)  # noqa: S311 - spreading load, not a secret
    return PRIMARY


class ReplicaRouter:
    """settings.DATABASE_ROUTERS when replicas are configured."""

    def db_for_read(self, model, **hints):
        return read_alias()

    def db_for_write(self, model, **hints):
        return PRIMARY

    def allow_relation(self, obj1, obj2, **hints):
        return True  # the same data on every alias

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db == PRIMARY  # replicas follow the primary's schema by replication


class ReplicaReadsMiddleware:
    """Lets a public page read from a replica (see the module's note); the rest stays on the primary."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        public = (
            request.method in ("GET", "HEAD")
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
            and not request.path.startswith("/admin/")
        )
        token = _replica_allowed.set(public)
        try:
            return self.get_response(request)
        finally:
            _replica_allowed.reset(token)

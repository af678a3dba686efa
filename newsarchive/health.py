"""GET /health/: what an operator's monitor asks (issue 15.6). JSON, never cached, no sign-in.

    database   the primary answers (and how fast)
    replicas   each replica answers, and how far behind it is (seconds since the last transaction it
               replayed, 0 when it has replayed all it received)
    worker     the newest heartbeat of a `collect` worker (articles.models.Worker)
    feeds      active feeds, and those failing (one error or more in a row: the admin's feed list
               says which and why; one dead feed is no reason to page anyone, so it is only counted)

Status 503 when the primary does not answer (nothing else can be told then), else 200 with "status"
"ok", or "degraded" naming what is wrong: a replica down or lagging more than HEALTH_REPLICA_LAG
seconds, or active feeds but no worker beat for HEALTH_WORKER_SILENCE seconds.
"""

from __future__ import annotations

import time

from django.conf import settings
from django.db import DatabaseError, InterfaceError, connections
from django.http import HttpRequest, JsonResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from newsarchive.replicas import PRIMARY, replica_aliases


def _primary() -> dict:
    started = time.perf_counter()
    with connections[PRIMARY].cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()
    return {"ok": True, "ms": round((time.perf_counter() - started) * 1000, 1)}


def _replica(alias: str) -> dict:
    try:
        with connections[alias].cursor() as cursor:
            # Replayed all it received: no lag, however long ago the last write was.
            cursor.execute(
                "SELECT CASE WHEN pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() THEN 0"
                " ELSE extract(epoch FROM now() - pg_last_xact_replay_timestamp()) END"
            )
            lag = cursor.fetchone()[0]
    except (DatabaseError, InterfaceError) as exc:
        return {"ok": False, "error": str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__}
    lag = float(lag or 0)
    return {"ok": lag <= settings.HEALTH_REPLICA_LAG, "lag_seconds": round(lag, 1)}


def _worker_and_feeds() -> tuple[dict, dict]:
    from articles.models import Feed, Worker

    newest = Worker.objects.order_by("-beat").values_list("beat", flat=True).first()
    active = Feed.objects.filter(active=True)
    feeds = {"active": active.count(), "failing": active.filter(consecutive_errors__gt=0).count()}
    silence = (timezone.now() - newest).total_seconds() if newest else None
    worker = {
        "last_beat": newest.isoformat() if newest else None,
        "seconds_ago": round(silence, 1) if silence is not None else None,
        # No feeds to follow: a worker not running is no fault.
        "ok": not feeds["active"] or (silence is not None and silence <= settings.HEALTH_WORKER_SILENCE),
    }
    return worker, feeds


@never_cache
@require_GET
def health(request: HttpRequest) -> JsonResponse:
    try:
        database = _primary()
        worker, feeds = _worker_and_feeds()
    except (DatabaseError, InterfaceError) as exc:
        reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        return JsonResponse({"status": "down", "database": {"ok": False, "error": reason}}, status=503)
    replicas = {alias: _replica(alias) for alias in replica_aliases()}
    problems = [f"replica {alias}" for alias, state in replicas.items() if not state["ok"]]
    problems += ["worker"] if not worker["ok"] else []
    body = {
        "status": "degraded" if problems else "ok",
        "problems": problems,
        "database": database,
        "replicas": replicas,
        "worker": worker,
        "feeds": feeds,
    }
    return JsonResponse(body)

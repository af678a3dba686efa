"""Settings come from the environment, and misconfiguration says what to fix in one line."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def run_manage(*args: str, **env: str) -> subprocess.CompletedProcess:
    environ = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "DEBUG", "DJANGO_SETTINGS_MODULE")}
    environ.update(env)
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=environ, capture_output=True, text=True, timeout=60
    )


def test_unreachable_database_gives_one_line_saying_what_to_do():
    result = run_manage("migrate", "--check", DATABASE_URL="postgres://nobody@127.0.0.1:1/none")
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("error: cannot use the database in DATABASE_URL")
    assert "Check the URL and that the server is running." in lines[0]


def test_database_url_must_be_postgres():
    result = run_manage("check", DATABASE_URL="mysql://root@localhost/db")
    assert result.returncode != 0
    assert "DATABASE_URL must be a PostgreSQL URL" in result.stderr


def test_bad_boolean_is_named():
    result = run_manage("check", DEBUG="maybe")
    assert result.returncode != 0
    assert "DEBUG='maybe' is not a boolean" in result.stderr


def test_debug_is_off_unless_asked():
    code = "from django.conf import settings; print(settings.DEBUG, settings.ALLOWED_HOSTS)"
    result = run_manage("shell", "-v", "0", "-c", code, ALLOWED_HOSTS="news.example,www.news.example")
    assert result.stdout.strip() == "False ['news.example', 'www.news.example']"


@pytest.mark.django_db
def test_production_settings_pass_the_deploy_check():
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        SECRET_KEY="x" * 20 + "a-long-random-production-secret-key-9f8e7d6c5b4a",
        ALLOWED_HOSTS="news.example",
        CSRF_TRUSTED_ORIGINS="https://news.example",
    )
    assert result.returncode == 0, result.stderr


# The request a TLS proxy would forward, here sent straight over plain HTTP by a client claiming HTTPS.
FORWARDED_HTTPS = """
from django.middleware.security import SecurityMiddleware
from django.test import RequestFactory
request = RequestFactory().get("/", HTTP_HOST="news.example", HTTP_X_FORWARDED_PROTO="https")
redirect = SecurityMiddleware(lambda request: None).process_request(request)
print(request.is_secure(), redirect and redirect.status_code, redirect and redirect["Location"])
"""


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({"BEHIND_HTTPS_PROXY": ""}, "False 301 https://news.example/"),  # the default: header ignored, HTTPS required
        ({"BEHIND_HTTPS_PROXY": "0"}, "False 301 https://news.example/"),
        ({"BEHIND_HTTPS_PROXY": "1"}, "True None None"),  # the operator says a proxy sets it
    ],
)
def test_x_forwarded_proto_is_trusted_only_behind_a_proxy(env, expected):
    result = run_manage("shell", "-v", "0", "-c", FORWARDED_HTTPS, ALLOWED_HOSTS="news.example", **env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == expected

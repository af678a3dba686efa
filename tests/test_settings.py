"""Settings come from the environment, and misconfiguration says what to fix in one line."""

import ast
import os
import re
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


# --- Every variable read from the environment is documented (issue 12.5) ---------------------------

ENV_HELPERS = {"env_str", "env_bool", "env_list", "env_int"}  # newsarchive/settings.py


def _is_environ(node: ast.AST) -> bool:
    return isinstance(node, ast.Attribute) and node.attr == "environ" and isinstance(node.value, ast.Name)


def _name(node: ast.AST) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def environment_names_read(source: str) -> set[str]:
    """The names a module reads from the environment: env_str("X") and the other helpers,
    os.environ.get("X"), os.environ["X"], os.getenv("X") and "X" in os.environ."""
    names = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call) and node.args:
            func = node.func
            if (
                (isinstance(func, ast.Name) and func.id in ENV_HELPERS)
                or (isinstance(func, ast.Attribute) and func.attr == "get" and _is_environ(func.value))
                or (isinstance(func, ast.Attribute) and func.attr == "getenv")
            ):
                names.add(_name(node.args[0]))
        elif isinstance(node, ast.Subscript) and _is_environ(node.value) and isinstance(node.ctx, ast.Load):
            names.add(_name(node.slice))
        elif isinstance(node, ast.Compare) and any(isinstance(op, ast.In) for op in node.ops):
            if any(_is_environ(other) for other in node.comparators):
                names.add(_name(node.left))
    return names - {None}


def test_the_scan_finds_every_way_of_reading_a_variable():
    source = """
import os
a = env_int("ONE", 5)
b = os.environ.get("TWO")
c = os.environ["THREE"]
d = os.getenv("FOUR", "x")
e = "FIVE" in os.environ
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsarchive.settings")
os.environ["SIX"] = "written, not read"
env_str(name)
"""
    assert environment_names_read(source) == {"ONE", "TWO", "THREE", "FOUR", "FIVE"}


def variables_read_by_the_code() -> dict[str, set[str]]:
    """Variable name -> the modules of the site (newsarchive/, articles/) that read it."""
    found: dict[str, set[str]] = {}
    for path in sorted([*ROOT.glob("newsarchive/**/*.py"), *ROOT.glob("articles/**/*.py")]):
        for name in environment_names_read(path.read_text()):
            found.setdefault(name, set()).add(str(path.relative_to(ROOT)))
    return found


def readme_configuration_table() -> list[str]:
    text = (ROOT / "README.md").read_text()
    section = text.split("\n## Configuration\n", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"^\| `([A-Z][A-Z0-9_]*)` \|", section, flags=re.MULTILINE)


def env_example() -> list[str]:
    text = (ROOT / ".env.example").read_text()
    return re.findall(r"^([A-Z][A-Z0-9_]*)=", text, flags=re.MULTILINE)


def test_readme_lists_every_variable_the_code_reads_and_no_other():
    read = variables_read_by_the_code()
    assert {"DATABASE_URL", "TIME_ZONE", "PG_BINDIR"} <= read.keys()  # the scan sees settings and pgcluster
    documented = readme_configuration_table()
    assert len(documented) == len(set(documented)), documented
    missing = {name: modules for name, modules in read.items() if name not in documented}
    assert not missing, f"read from the environment but not in README's configuration table: {missing}"
    assert not set(documented) - read.keys(), "in README's table but read nowhere"


def test_env_example_has_the_readme_variables_in_the_same_order():
    assert env_example() == readme_configuration_table()


@pytest.mark.django_db
def test_the_apps_connections_do_not_jit_compile():
    # ~260 ms of JIT for a statement that ran in under 1 ms on Debian's LLVM build (issue 15).
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SHOW jit")
        assert cursor.fetchone()[0] == "off"


def test_an_error_the_server_reports_is_shown_as_it_is_not_as_an_unreachable_database(django_db_setup):
    # Only a connection that fails is "cannot use the database … Check the URL": an error the server
    # reports on a statement (here a timeout; a failed migration alike) must reach the operator as it is.
    from urllib.parse import quote

    from django.db import connection

    db = connection.settings_dict
    url = f"postgres://{quote(db['USER'] or '')}@{quote(db['HOST'] or '', safe='')}:{db['PORT'] or 5432}/{db['NAME']}"
    code = (
        "from django.db import connection; connection.cursor().execute('SET statement_timeout = 1; SELECT pg_sleep(1)')"
    )
    result = run_manage("shell", "-c", code, DATABASE_URL=url, DEBUG="1")
    assert result.returncode != 0
    assert "canceling statement due to statement timeout" in result.stderr
    assert "cannot use the database" not in result.stderr

"""NewsArchive settings: one module, configured by the environment.

Every variable is listed in README.md and .env.example. Defaults are safe for production
(DEBUG off, no hosts allowed); `make run` asks for DEBUG explicitly.
"""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from newsarchive import pgcluster

BASE_DIR = Path(__file__).resolve().parent.parent


def env_str(name: str, default: str = "") -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    if value.lower() in ("1", "true", "yes", "on"):
        return True
    if value.lower() in ("0", "false", "no", "off"):
        return False
    raise ImproperlyConfigured(f"{name}={value!r} is not a boolean: use 1/0, true/false, yes/no or on/off.")


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    try:
        return int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name}={value!r} is not a whole number.") from None


DEBUG = env_bool("DEBUG", False)


# SECRET_KEY from the environment; otherwise a random key kept in var/ (git-ignored), so
# a fresh checkout works without set-up and no shared default key exists anywhere.
def _secret_key() -> str:
    key = env_str("SECRET_KEY")
    if key:
        return key
    key_file = BASE_DIR / "var" / "secret_key"
    if not key_file.exists():
        import secrets

        key_file.parent.mkdir(parents=True, exist_ok=True)
        key_file.write_text(secrets.token_urlsafe(50))
        key_file.chmod(0o600)
    return key_file.read_text().strip()


SECRET_KEY = _secret_key()

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "articles.apps.NewsArchiveAdminConfig",  # django.contrib.admin with our site (articles.admin_site)
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "django.contrib.sitemaps",
    "django_filters",
    "reversion",  # revisions of articles, quotations and people made in the admin
    "axes",  # admin sign-in throttling (AXES_* below)
    "articles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "newsarchive.middleware.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Before everything that may use the database (sessions, users, messages, views): 503, not 500.
    "newsarchive.middleware.DatabaseUnavailableMiddleware",
    "newsarchive.middleware.RejectNulInAdminMiddleware",  # 400 before a NUL reaches a query
    "newsarchive.replicas.ReplicaReadsMiddleware",  # public page reads may go to a replica
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    # An ETag on every GET answer; a client that has the page already gets 304 and no body.
    "django.middleware.http.ConditionalGetMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last, as django-axes asks: turns a locked-out sign-in into the lockout page (newsarchive.lockout).
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "newsarchive.urls"
WSGI_APPLICATION = "newsarchive.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]


# --- Database -------------------------------------------------------------------------
# DATABASE_URL when given; otherwise the private cluster that `make db` starts in var/pg.
def _database(url: str, name: str = "DATABASE_URL") -> dict:
    if url:
        if not url.startswith(("postgres://", "postgresql://")):
            raise ImproperlyConfigured(
                f"{name} must be a PostgreSQL URL like postgres://user:password@host:5432/dbname, not {url!r}."
            )
        try:
            config = dj_database_url.parse(url, conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60))
        except ValueError as exc:
            raise ImproperlyConfigured(f"{name} cannot be read: {exc}") from None
    else:
        cluster = pgcluster.Cluster()
        config = {
            "ENGINE": "django.db.backends.postgresql",
            "NAME": pgcluster.DB_NAME,
            "USER": pgcluster.DB_USER,
            "HOST": str(cluster.socket_dir),
            "PORT": str(pgcluster.PORT),
            "CONN_MAX_AGE": 60,
        }
    config.setdefault("OPTIONS", {})["connect_timeout"] = 5
    # JIT off for the app's connections: on a server built with LLVM (Debian's), a statement the planner
    # misjudges as costly (a table not yet analysed after a bulk change) spent ~260 ms compiling for
    # under 1 ms of work on the article page; the archive's statements are short, so JIT never pays.
    # plan_cache_mode: the statements the app prepares (articles.page_queries._execute: the article page's)
    # run their generic plan from the first, planned once per connection; PostgreSQL's default kept planning
    # related articles at each page (~1 ms), its estimate misled by the topic links' skew. The ORM's and other
    # raw statements are not prepared, so this setting does not touch them; the statements inside PL/pgSQL
    # functions and triggers (migrations) are cached plans too and also run generic plans under it (refreshing
    # 200 articles' repeated flags: 34-52 ms with it, 58-111 ms without, on the ingest bench).
    options = [config["OPTIONS"].get("options", ""), "-c jit=off", "-c plan_cache_mode=force_generic_plan"]
    config["OPTIONS"]["options"] = " ".join(filter(None, options))
    # A connection kept between requests (CONN_MAX_AGE) is tested before a request uses it, so one the
    # server dropped (a restart, a failover) is replaced instead of failing that request.
    config["CONN_HEALTH_CHECKS"] = True
    return config


DATABASES = {"default": _database(env_str("DATABASE_URL"))}
# Read replicas (newsarchive/replicas.py): public page reads go to them, everything else to the primary.
for _number, _url in enumerate(env_list("DATABASE_REPLICA_URLS"), start=1):
    DATABASES[f"replica{_number}"] = _database(_url, "DATABASE_REPLICA_URLS") | {"TEST": {"MIRROR": "default"}}
DATABASE_ROUTERS = ["newsarchive.replicas.ReplicaRouter"] if len(DATABASES) > 1 else []


def database_help(exc: Exception) -> str:
    """One line telling what to start or set when the database can't be reached."""
    reason = str(exc).strip().splitlines()[0] if str(exc).strip() else exc.__class__.__name__
    if env_str("DATABASE_URL"):
        return (
            f"error: cannot use the database in DATABASE_URL ({reason}). Check the URL and that the server is running."
        )
    return (
        f"error: cannot reach the private PostgreSQL in {DATABASES['default']['HOST']} ({reason}). "
        "Start it with `make db`, or set DATABASE_URL to a running PostgreSQL."
    )


DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Internationalisation -------------------------------------------------------------
LANGUAGE_CODE = "en-gb"
TIME_ZONE = env_str("TIME_ZONE", "UTC")
USE_I18N = True
USE_TZ = True

# --- Static files ---------------------------------------------------------------------
STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(BASE_DIR / "staticfiles")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # Hashed names + far-future cache headers from WhiteNoise; plain storage in DEBUG (and
    # the test settings) so nobody has to run collectstatic first.
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}

# --- Security (production) ------------------------------------------------------------
# X-Forwarded-Proto is trusted only when the operator says a proxy in front sets it (and so overwrites
# whatever a client sent): otherwise any client could claim HTTPS over plain HTTP by sending the header.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if env_bool("BEHIND_HTTPS_PROXY", False) else None
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not DEBUG)
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", not DEBUG)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# Sent on every response by newsarchive.middleware. Scripts and styles come only from our own
# static files (no inline <script>, on…= handlers or style="…" in any template, ours or the admin's).
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; "
    "base-uri 'self'; frame-ancestors 'none'; form-action 'self'"
)


# --- Admin sign-in throttling (django-axes) ----------------------------------------------
# AXES_FAILURE_LIMIT failed sign-ins for one username, or from one address, lock that username
# and that address out until AXES_COOLOFF_TIME hours have passed since the last failure (a
# failure while locked starts the wait again). Staff unlock by deleting the access attempts in
# the admin, or with `manage.py axes_reset`. The address is REMOTE_ADDR (django-ipware is not
# installed): behind a proxy on the same host every client has the proxy's address, so only the
# per-username lockout then tells clients apart.
def _cooloff_hours() -> float:
    value = env_str("AXES_COOLOFF_TIME", "1")
    try:
        hours = float(value)
    except ValueError:
        hours = 0
    if not hours > 0:
        raise ImproperlyConfigured(f"AXES_COOLOFF_TIME={value!r} is not a positive number of hours (e.g. 1 or 0.25).")
    return hours


AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # first: refuses a locked-out sign-in before any password check
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
if AXES_FAILURE_LIMIT < 1:
    raise ImproperlyConfigured(f"AXES_FAILURE_LIMIT={AXES_FAILURE_LIMIT} must be 1 or more.")
AXES_COOLOFF_TIME = _cooloff_hours()  # hours, as django-axes reads a number
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]  # each on its own: either one reaching the limit locks
AXES_LOCKOUT_CALLABLE = "newsarchive.lockout.locked_out"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "WARNING")},
}

# --- Application ----------------------------------------------------------------------
# Text search configuration created by migration 0001: English stemming with accents folded.
SEARCH_CONFIG = "newsarchive"

# Rendered public pages are kept (articles/page_cache.py) in each process's memory, or in Redis when
# REDIS_URL is set (shared by every process and machine), and served only while nothing they show
# changed: lists while no write committed, an article's or a person's page while its own objects
# are unchanged. Lists shown beside those objects (related articles) may lag PAGE_CACHE_MAX_AGE
# seconds. Up to PAGE_CACHE_ENTRIES pages per process in memory (~30 KB each); 0 turns the cache off.
PAGE_CACHE_ENTRIES = env_int("PAGE_CACHE_ENTRIES", 2000)
PAGE_CACHE_MAX_AGE = env_int("PAGE_CACHE_MAX_AGE", 300)
REDIS_URL = env_str("REDIS_URL")

# /health/ (newsarchive/health.py) says "degraded" past these: a replica this many seconds behind,
# active feeds and no `collect` worker heartbeat for this many seconds (a worker beats every WORKER_BEAT).
HEALTH_REPLICA_LAG = 60
HEALTH_WORKER_SILENCE = 900  # a poll that fetches pages may take minutes between beats

# A search in an admin list (articles, people) runs within this many milliseconds; past it the list
# says the search took too long and shows nothing (articles.admin.TimeLimitedSearchMixin).
ADMIN_SEARCH_TIMEOUT_MS = env_int("ADMIN_SEARCH_TIMEOUT_MS", 5000)
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "pages": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "pages",
        "TIMEOUT": None,
        "OPTIONS": {"MAX_ENTRIES": max(PAGE_CACHE_ENTRIES, 1)},
    },
}
if REDIS_URL:  # Django's own Redis backend; entries expire a day after their last write (Redis evicts as told)
    CACHES["pages"] = {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": REDIS_URL,
        "KEY_PREFIX": "newsarchive",
        "TIMEOUT": 86400,
    }

# URLs given to `ingest` or pasted in the admin are fetched by articles/ingest/fetch.py: the whole fetch,
# redirects included, must end within FETCH_DEADLINE seconds, and hosts that resolve to a loopback, private,
# link-local or other non-public address are refused unless FETCH_ALLOWED_HOSTS names them (host names, or
# networks such as 10.0.0.0/8).
FETCH_DEADLINE = env_int("FETCH_DEADLINE", 30)
FETCH_ALLOWED_HOSTS = env_list("FETCH_ALLOWED_HOSTS")

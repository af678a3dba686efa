"""Settings for the test suite: production settings with what a test client can't do turned off."""

from newsarchive.settings import *  # noqa: F403

SECURE_SSL_REDIRECT = False
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # fast logins in tests
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]

# A test database per test process, so two test runs on one machine (a developer's and an
# editor's, or CI beside a session) never drop each other's database.
import os  # noqa: E402

DATABASES["default"]["TEST"] = {"NAME": f"test_{DATABASES['default']['NAME']}_{os.getpid()}"}  # noqa: F405

# Test transactions never commit, so the content version never moves inside a test: a page
# cached by one test would be served to the next. The cache has its own tests (test_page_cache).
PAGE_CACHE_ENTRIES = 0

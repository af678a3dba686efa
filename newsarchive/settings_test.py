"""Settings for the test suite: production settings with what a test client can't do turned off."""

from newsarchive.settings import *  # noqa: F403

SECURE_SSL_REDIRECT = False
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # fast logins in tests
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]

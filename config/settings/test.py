"""Test settings: PostgreSQL when DATABASE_URL points to one (CI), SQLite otherwise."""

import tempfile

from .base import *  # noqa: F403
from .base import BASE_DIR, DATABASES, STORAGES, env

DEBUG = False
DEMO_MODE = True
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
CELERY_TASK_ALWAYS_EAGER = True
CELERY_BROKER_URL = ""
# The suite creates thousands of zaken and delivers the outbox eagerly: no PDF letter for each
# of them. The letter tests switch this on with the `brieven_aan` fixture.
BRIEVEN_AUTOMATISCH = False

if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["NAME"] = env(
        "TEST_SQLITE_NAME", default=str(BASE_DIR / "var" / "test.sqlite3")
    )
    DATABASES["default"]["TEST"] = {"NAME": None}

PRIVATE_MEDIA_ROOT = tempfile.mkdtemp(prefix="zaakstroom-test-media-")
for _alias in ("default", "private"):
    STORAGES[_alias] = {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": PRIVATE_MEDIA_ROOT, "base_url": None},
    }

"""Benchmark settings: like production in behaviour (DEBUG off, no toolbar), but served by the
in-process test client against a local PostgreSQL dataset."""

from .base import *  # noqa: F403
from .base import env

DEBUG = False
DEMO_MODE = True
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
CELERY_TASK_ALWAYS_EAGER = True
CELERY_BROKER_URL = ""
# Tasks run eagerly here, so the outbox would render each letter inside the measured request
# (in production a Celery worker renders it). Letters are measured apart, not per request.
BRIEVEN_AUTOMATISCH = False
DATABASES["default"]["CONN_MAX_AGE"] = 600  # noqa: F405
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "root": {"level": env("LOG_LEVEL", default="WARNING")},
}

"""Benchmark settings: like production in behaviour (DEBUG off, no toolbar), but served by the
in-process test client against a local PostgreSQL dataset."""

from .base import *  # noqa: F403
from .base import env

DEBUG = False
DEMO_MODE = True
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# As in production: a request only enqueues the outbox delivery (on the local Redis); no worker
# consumes it during the benchmark, so side effects such as rendering letters stay out of the
# measured request time, exactly as they do behind gunicorn with a Celery worker.
CELERY_BROKER_URL = env("BENCH_CELERY_BROKER_URL", default="redis://127.0.0.1:6379/15")
CELERY_TASK_ALWAYS_EAGER = False
DATABASES["default"]["CONN_MAX_AGE"] = 600  # noqa: F405
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "root": {"level": env("LOG_LEVEL", default="WARNING")},
}

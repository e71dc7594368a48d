"""Settings shared by every environment. All configuration comes from environment variables
(django-environ); `.env.example` documents each one."""

from pathlib import Path

import environ
from celery.schedules import crontab

BASE_DIR = Path(__file__).resolve().parent.parent.parent

env = environ.Env()
if (BASE_DIR / ".env").exists():
    environ.Env.read_env(str(BASE_DIR / ".env"))

# The insecure default only exists so that `make run` works without configuration; production
# settings refuse to start with it.
INSECURE_DEFAULT_SECRET_KEY = "zaakstroom-insecure-default-key-for-local-demo-only"  # noqa: S105
SECRET_KEY = env("SECRET_KEY", default=INSECURE_DEFAULT_SECRET_KEY)
DEBUG = env.bool("DEBUG", default=False)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

# Demo mode shows the demo logins on the start page and enables the demo PIP login.
DEMO_MODE = env.bool("DEMO_MODE", default=False)

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "rest_framework",
    "django_filters",
    "drf_spectacular",
    "viewflow",
    "viewflow.workflow",
    "core",
    "organisatie",
    "zaken",
    "klantregie",
    "processen",
    "pip",
    "api",
    "rapportage",
    "brieven",
    # PIP login: DigiD / eHerkenning (SAML) and what django-digid-eherkenning needs.
    "solo",
    "privates",
    "simple_certmanager",
    "digid_eherkenning",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "core.middleware.DatabaseUnavailableMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "core.middleware.SecurityHeadersMiddleware",
]

# viewflow must not append its own middlewares; we keep the stack explicit.
VIEWFLOW = {"AUTOREGISTER": False}

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

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
                "core.context_processors.zaakstroom",
            ],
        },
    },
]

DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
}
DATABASES["default"].setdefault("CONN_MAX_AGE", env.int("DB_CONN_MAX_AGE", default=0))
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL + a busy timeout let the embedded default survive a few concurrent requests.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {"timeout": 20, "init_command": "PRAGMA journal_mode=WAL;"}
    )

elif env.bool("DB_SERVER_SIDE_BINDING", default=True):
    # PostgreSQL: send parameters apart from the SQL, so psycopg prepares a statement that a
    # connection runs repeatedly and PostgreSQL stops planning it anew each time; the detail
    # pages join eight tables and spent ten times longer planning than executing
    # (docs/performance.md). Needs persistent connections (DB_CONN_MAX_AGE) to pay off.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {"server_side_binding": True, "prepare_threshold": 3}
    )

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "organisatie.User"
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "home"

# Staff log in with a password; burgers and ondernemers on the PIP through DigiD / eHerkenning
# (pip.backends). The demo backends refuse to work unless DEMO_MODE is on; production settings
# drop them as well.
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "pip.backends.DigiDBackend",
    "pip.backends.EHerkenningBackend",
    "pip.backends.DemoDigiDBackend",
    "pip.backends.DemoEHerkenningBackend",
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", "Nederlands")]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True
LOCALE_PATHS = [BASE_DIR / "locale"]

STATIC_URL = "/static/"
STATIC_ROOT = env.path("STATIC_ROOT", default=str(BASE_DIR / "var" / "static"))
STATICFILES_DIRS = [BASE_DIR / "static"]

# Uploaded documents live outside the web root and are only served through a permission check.
PRIVATE_MEDIA_ROOT = env.path("PRIVATE_MEDIA_ROOT", default=str(BASE_DIR / "var" / "private"))
STORAGES = {
    "default": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": str(PRIVATE_MEDIA_ROOT), "base_url": None},
    },
    "private": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": str(PRIVATE_MEDIA_ROOT), "base_url": None},
    },
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
FILE_UPLOAD_PERMISSIONS = 0o640
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
# Maximum size of one uploaded document (bytes).
ZAAKSTROOM_MAX_UPLOAD_BYTES = env.int("MAX_UPLOAD_BYTES", default=20 * 1024 * 1024)

# django-privates (certificates of the SAML connection) uses the private storage; never served.
PRIVATE_MEDIA_URL = "/private-media/"
SENDFILE_BACKEND = "django_sendfile.backends.simple"
SENDFILE_ROOT = str(PRIVATE_MEDIA_ROOT)

# PIP (Mijn zaken). DigiD and eHerkenning log in through SAML (django-digid-eherkenning); the
# certificate and the metadata of the identity provider are entered in the admin ("DigiD-
# configuratie", "eHerkenning-configuratie"). Without them only the demo login (DEMO_MODE) works.
PIP_DIGID = env.bool("PIP_DIGID", default=False)
PIP_EHERKENNING = env.bool("PIP_EHERKENNING", default=False)
# A PIP session ends after this many seconds without activity, with a warning before.
PIP_SESSIE_IDLE_SECONDEN = env.int("PIP_SESSIE_IDLE_SECONDEN", default=15 * 60)
PIP_SESSIE_WAARSCHUWING_SECONDEN = env.int("PIP_SESSIE_WAARSCHUWING_SECONDEN", default=2 * 60)
DIGID_SESSION_AGE = PIP_SESSIE_IDLE_SECONDEN

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
# Content-Security-Policy sent by core.middleware.SecurityHeadersMiddleware.
CONTENT_SECURITY_POLICY = env(
    "CONTENT_SECURITY_POLICY",
    default=(
        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
        "frame-ancestors 'none'; form-action 'self'; base-uri 'self'; object-src 'none'"
    ),
)

# E-mail: EMAIL_URL, e.g. smtp://user:pass@mail.example.nl:587 (tls via smtp+tls://).
vars().update(env.email_url("EMAIL_URL", default="consolemail://"))
DEFAULT_FROM_EMAIL = env(
    "DEFAULT_FROM_EMAIL", default="Gemeente Voorbeeldstad <noreply@voorbeeldstad.nl>"
)

# Celery: without a broker, tasks run eagerly in-process (the embedded default).
CELERY_BROKER_URL = env("CELERY_BROKER_URL", default="")
CELERY_RESULT_BACKEND = env("CELERY_RESULT_BACKEND", default=None)
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
CELERY_TASK_EAGER_PROPAGATES = False
CELERY_TASK_ACKS_LATE = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": 3600}
CELERY_TIMEZONE = TIME_ZONE
CELERY_BEAT_SCHEDULE = {
    "outbox-deliver": {"task": "core.tasks.outbox_deliver", "schedule": 60.0},
    # Deadline reminders and escalations of tasks: hourly on working hours; each signal goes out
    # once per day, so later runs only catch what the first one could not send.
    "processen-taak-signalen": {
        "task": "processen.tasks.taak_signalen",
        "schedule": crontab(minute=5, hour="7-18"),
    },
}
# klantregie: reminders and escalations of overdue terugbelverzoeken, every morning at 07:00.
# Idempotent (once per verzoek, recipient and day), so a missed or repeated run is harmless.
from celery.schedules import crontab  # noqa: E402

CELERY_BEAT_SCHEDULE["terugbelverzoeken-signaleren"] = {
    "task": "klantregie.tasks.terugbelverzoeken_signaleren",
    "schedule": crontab(hour=7, minute=0),
}
# rapportage: the KPI aggregates. Every 10 minutes the last two days and the open-zaken
# snapshot; every night at 02:30 everything (catches backdated or corrected zaken). Idempotent.
CELERY_BEAT_SCHEDULE["kpi-aggregaten-vandaag"] = {
    "task": "rapportage.tasks.kpi_aggregaten_verversen",
    "schedule": crontab(minute="*/10"),
    "kwargs": {"dagen": 2},
}
CELERY_BEAT_SCHEDULE["kpi-aggregaten-nacht"] = {
    "task": "rapportage.tasks.kpi_aggregaten_verversen",
    "schedule": crontab(hour=2, minute=30),
}

# The municipality. Used as bronorganisatie of new zaken and in letters and the PIP.
GEMEENTE_NAAM = env("GEMEENTE_NAAM", default="Gemeente Voorbeeldstad")
GEMEENTE_RSIN = env("GEMEENTE_RSIN", default="002220647")
GEMEENTE_ADRES = env("GEMEENTE_ADRES", default="Postbus 1000, 1000 AA Voorbeeldstad")
GEMEENTE_TELEFOON = env("GEMEENTE_TELEFOON", default="14 000")
GEMEENTE_EMAIL = env("GEMEENTE_EMAIL", default="info@voorbeeldstad.nl")
GEMEENTE_WEBSITE = env("GEMEENTE_WEBSITE", default="https://www.voorbeeldstad.nl")
# The logo in the letterhead: a path inside STATICFILES_DIRS, read through `zs-static:`.
GEMEENTE_LOGO = env("GEMEENTE_LOGO", default="brieven/logo.svg")

# Letters (brieven): an ontvangstbevestiging when a zaak is registered and an afhandelbrief when
# it is closed, rendered in the outbox delivery (a Celery worker), never in the web request.
BRIEVEN_AUTOMATISCH = env.bool("BRIEVEN_AUTOMATISCH", default=True)

# Term calendar: Goede Vrijdag as a closing day (bool); Bevrijdingsdag every year
# ("jaarlijks") or only in lustrum years ("lustrum", every five years: 2025, 2030, ...).
TERMIJN_GOEDE_VRIJDAG = env.bool("TERMIJN_GOEDE_VRIJDAG", default=False)
TERMIJN_BEVRIJDINGSDAG = env("TERMIJN_BEVRIJDINGSDAG", default="lustrum")

# Absolute base URL used in e-mails, letters and API references when no request is at hand.
SITE_URL = env("SITE_URL", default="http://127.0.0.1:8000")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        "celery.app.trace": {"level": "WARNING"},
    },
}

REST_FRAMEWORK = {
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Zaakstroom API",
    "VERSION": "1.0.0",
}

# ZGW API's (api/): a JWT is accepted this many seconds after its `iat`, with some leeway for
# clock differences between the client and Zaakstroom.
ZGW_JWT_EXPIRY = env.int("ZGW_JWT_EXPIRY", default=3600)
ZGW_JWT_LEEWAY = env.int("ZGW_JWT_LEEWAY", default=30)

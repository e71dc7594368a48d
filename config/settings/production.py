"""Production settings. They refuse to start when they are not safe."""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import INSECURE_DEFAULT_SECRET_KEY, env

DEBUG = env.bool("DEBUG", default=False)
DEMO_MODE = env.bool("DEMO_MODE", default=False)

_problems = []
if DEBUG:
    _problems.append("DEBUG staat aan (DEBUG=True); zet DEBUG=False.")
if SECRET_KEY == INSECURE_DEFAULT_SECRET_KEY or len(SECRET_KEY) < 40:  # noqa: F405
    _problems.append(
        "SECRET_KEY is de standaardwaarde of korter dan 40 tekens; stel een eigen geheime sleutel in."
    )
if DEMO_MODE:
    _problems.append(
        "DEMO_MODE staat aan: demo-logins zijn in productie niet toegestaan. Dat geldt ook voor "
        "de demo-login van de PIP (Demo — geen echte DigiD)."
    )
if _problems:
    raise ImproperlyConfigured("Productie-instellingen zijn onveilig: " + " ".join(_problems))

# The PIP demo login never exists in production, whatever else is configured.
AUTHENTICATION_BACKENDS = [b for b in AUTHENTICATION_BACKENDS if ".Demo" not in b]  # noqa: F405

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"
}
DATABASES["default"]["CONN_MAX_AGE"] = env.int("DB_CONN_MAX_AGE", default=60)  # noqa: F405

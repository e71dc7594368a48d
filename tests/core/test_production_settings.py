"""Production settings refuse to start when they are unsafe. Each case imports the settings
module in a fresh interpreter, as a real start would."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SAFE = {
    "DJANGO_SETTINGS_MODULE": "config.settings.production",
    "SECRET_KEY": "a-very-long-and-random-production-secret-key-0123456789abcdef",
    "DEBUG": "False",
    "DEMO_MODE": "False",
    "DATABASE_URL": "sqlite:///:memory:",
}


def _start(**overrides):
    env = {k: v for k, v in os.environ.items() if k not in SAFE}
    env.update(SAFE)
    env.update(overrides)
    return subprocess.run(
        [
            sys.executable,
            "-c",
            "import django; django.setup(); from django.conf import settings; print(settings.DEBUG)",
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_safe_configuration_starts():
    result = _start()
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"DEBUG": "True"}, "DEBUG staat aan"),
        (
            {"SECRET_KEY": "zaakstroom-insecure-default-key-for-local-demo-only"},
            "SECRET_KEY is de standaardwaarde",
        ),
        ({"SECRET_KEY": "short"}, "SECRET_KEY is de standaardwaarde of korter dan 40 tekens"),
        ({"DEMO_MODE": "True"}, "demo-logins zijn in productie niet toegestaan"),
    ],
)
def test_unsafe_configuration_refuses_to_start(overrides, message):
    result = _start(**overrides)
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert message in result.stderr


def test_security_settings():
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            (
                "import django; django.setup(); from django.conf import settings as s; "
                "print(s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.SECURE_HSTS_SECONDS, s.SECURE_SSL_REDIRECT, "
                "s.SECURE_CONTENT_TYPE_NOSNIFF, s.X_FRAME_OPTIONS)"
            ),
        ],
        cwd=ROOT,
        env={**{k: v for k, v in os.environ.items() if k not in SAFE}, **SAFE},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["True", "True", "31536000", "True", "True", "DENY"]

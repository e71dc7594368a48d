"""PIP sessions: 15 minutes idle and the session ends (DigiD requires it), with a warning in the
page before; logging out ends every session of the account, on every device.

The moment of the last activity is kept in the session and checked on every PIP request, so the
timeout holds whatever the session backend or the browser does."""

from __future__ import annotations

import time

from django.conf import settings
from django.contrib import auth

LAATST_ACTIEF = "pip_laatst_actief"
# The cookie outlives the idle period a little, so that a user who comes back after the timeout
# is told why they were logged out instead of just seeing the login page.
NALOOP_SECONDEN = 5 * 60


def idle_seconden() -> int:
    return settings.PIP_SESSIE_IDLE_SECONDEN


def sessie_starten(request) -> None:
    """Call right after auth.login() of a PIP account."""
    request.session[LAATST_ACTIEF] = time.time()
    request.session.set_expiry(idle_seconden() + NALOOP_SECONDEN)


def sessie_verlopen(request) -> bool:
    laatst = request.session.get(LAATST_ACTIEF)
    if laatst is None:
        return False
    return time.time() - float(laatst) > idle_seconden()


def sessie_bijwerken(request) -> None:
    """The user did something: the idle period starts again."""
    request.session[LAATST_ACTIEF] = time.time()
    request.session.set_expiry(idle_seconden() + NALOOP_SECONDEN)


def overal_uitloggen(request) -> None:
    """End this session and every other session of the account.

    Django checks a hash of the password field on every request; PIP accounts have no usable
    password, so setting a fresh unusable one invalidates all their sessions at once."""
    user = request.user
    if user.is_authenticated and not user.is_medewerker:
        sessies_beeindigen(user)
    auth.logout(request)


def sessies_beeindigen(user) -> None:
    user.set_unusable_password()
    user.save(update_fields=["password"])

"""Authentication backends for the PIP, on top of django-digid-eherkenning.

- DigiDBackend / EHerkenningBackend: the library's SAML flows; a burger account is found (or
  created) by BSN, an ondernemer account by KvK-nummer and vestiging.
- DemoDigiDBackend / DemoEHerkenningBackend: the demo login ("Demo — geen echte DigiD"). They
  refuse to authenticate unless DEMO_MODE is on, and production settings remove them.

None of them ever returns a medewerker account: a staff account never reaches the PIP as a
burger, even when somebody typed a BSN into a medewerker's record."""

from __future__ import annotations

import logging

from digid_eherkenning.backends import (
    DigiDBackend as SamlDigiDBackend,
)
from digid_eherkenning.backends import (
    eHerkenningBackend as SamlEHerkenningBackend,
)
from digid_eherkenning.mock.backends import DigiDBackend as MockDigiDBackend
from django.conf import settings
from django.contrib.auth.backends import ModelBackend
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from core.demo import DEMO_BURGERS, DEMO_ONDERNEMER
from core.validators import validate_bsn, validate_kvk_nummer, validate_vestigingsnummer
from organisatie.models import User

logger = logging.getLogger(__name__)

VESTIGINGSNUMMER_ATTRIBUUT = "urn:etoegang:1.9:ServiceRestriction:Vestigingsnr"


def _geldig(validator, waarde: str) -> bool:
    try:
        validator(waarde)
    except ValidationError:
        return False
    return True


def burger_account(bsn: str, *, voornaam: str = "", achternaam: str = "") -> User | None:
    """The PIP account for this BSN (created on the first login), or None when the BSN is not
    valid or belongs to an account that is not a burger's."""
    if not _geldig(validate_bsn, bsn or ""):
        logger.warning("PIP login refused: invalid BSN.")
        return None
    user = User.objects.filter(bsn=bsn).first()
    if user is None:
        try:
            with transaction.atomic():
                user = User.digid_objects.digid_create(
                    bsn, first_name=voornaam[:150], last_name=achternaam[:150]
                )
        except IntegrityError:  # created at the same moment by a parallel login
            user = User.objects.filter(bsn=bsn).first()
    if user is None or user.soort != User.Soort.BURGER:
        logger.warning("PIP login refused: BSN belongs to a non-burger account (%s).", user)
        return None
    if (voornaam or achternaam) and not user.get_full_name():
        user.first_name, user.last_name = voornaam[:150], achternaam[:150]
        user.save(update_fields=["first_name", "last_name"])
    return user


def ondernemer_account(kvk_nummer: str, vestigingsnummer: str = "", naam: str = "") -> User | None:
    """The PIP account for this KvK-nummer (and vestiging), created on the first login."""
    if not _geldig(validate_kvk_nummer, kvk_nummer or ""):
        logger.warning("PIP login refused: invalid KvK-nummer.")
        return None
    if vestigingsnummer and not _geldig(validate_vestigingsnummer, vestigingsnummer):
        logger.warning("PIP login refused: invalid vestigingsnummer.")
        return None
    user = User.objects.filter(
        soort=User.Soort.ONDERNEMER, kvk_nummer=kvk_nummer, vestigingsnummer=vestigingsnummer
    ).first()
    if user is None:
        username = f"eh-{kvk_nummer}" + (f"-{vestigingsnummer}" if vestigingsnummer else "")
        try:
            with transaction.atomic():
                user = User.objects.create_user(
                    username=username,
                    soort=User.Soort.ONDERNEMER,
                    kvk_nummer=kvk_nummer,
                    vestigingsnummer=vestigingsnummer,
                    last_name=naam[:150],
                )
        except IntegrityError:
            logger.warning("PIP login refused: username %s is taken by another account.", username)
            return None
    elif naam and user.last_name != naam[:150]:
        user.last_name = naam[:150]
        user.save(update_fields=["last_name"])
    return user


class _AlleenSoort:
    """Only accounts of one soort, on login and on every request (ModelBackend.get_user)."""

    soort = User.Soort.BURGER

    def user_can_authenticate(self, user):
        return super().user_can_authenticate(user) and user.soort == self.soort


class DigiDBackend(_AlleenSoort, SamlDigiDBackend):
    """DigiD over SAML (artifact binding), as django-digid-eherkenning implements it."""

    def get_or_create_user_from_bsn(self, request, bsn):
        return burger_account(bsn)


class EHerkenningBackend(_AlleenSoort, SamlEHerkenningBackend):
    """eHerkenning over SAML. The library keys accounts on the RSIN; the PIP needs the KvK-nummer
    (and the vestiging, when the machtiging is limited to one)."""

    soort = User.Soort.ONDERNEMER

    def get_or_create_user(self, request, saml_response, saml_attributes):
        kvk = self.get_legal_subject_kvk(saml_attributes) or self.get_kvk_number(saml_attributes)
        vestigingen = [
            v for v in saml_attributes.get(VESTIGINGSNUMMER_ATTRIBUUT, []) if isinstance(v, str)
        ]
        user = ondernemer_account(
            kvk, vestigingen[0] if vestigingen else "", self.get_company_name(saml_attributes)
        )
        return user, False


class DemoDigiDBackend(_AlleenSoort, MockDigiDBackend):
    """The library's DigiD mock backend, only in demo mode, with the demo burgers' names."""

    service_name = "DigiD (demo)"

    def authenticate(self, request, bsn=None):
        if not settings.DEMO_MODE or bsn is None:
            return None
        return super().authenticate(request, bsn=bsn)

    def get_or_create_user_from_bsn(self, request, bsn):
        namen = {b: (v, " ".join(p for p in rest if p)) for b, v, *rest in DEMO_BURGERS}
        voornaam, achternaam = namen.get(bsn, ("", ""))
        user = burger_account(bsn, voornaam=voornaam, achternaam=achternaam)
        return user if user is not None and self.user_can_authenticate(user) else None


class DemoEHerkenningBackend(_AlleenSoort, ModelBackend):
    """There is no eHerkenning mock in the library: this one logs in a KvK-nummer, demo only."""

    soort = User.Soort.ONDERNEMER

    def authenticate(self, request, demo_kvk_nummer=None, vestigingsnummer="", **kwargs):
        if not settings.DEMO_MODE or not demo_kvk_nummer:
            return None
        naam = DEMO_ONDERNEMER[1] if demo_kvk_nummer == DEMO_ONDERNEMER[0] else ""
        user = ondernemer_account(demo_kvk_nummer, vestigingsnummer or "", naam)
        return user if user is not None and self.user_can_authenticate(user) else None

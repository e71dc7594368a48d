"""API test helpers: JWTs signed like a ZGW client does, and clients for applications with
chosen autorisaties."""

import time

import jwt
import pytest
from rest_framework.test import APIClient

from tests.factories import ApplicatieFactory, AutorisatieFactory

ZAKEN = "/zaken/api/v1"
CATALOGI = "/catalogi/api/v1"
DOCUMENTEN = "/documenten/api/v1"
CRS = {"HTTP_ACCEPT_CRS": "EPSG:4326", "HTTP_CONTENT_CRS": "EPSG:4326"}


def make_token(applicatie, *, iat=None, secret=None, **claims) -> str:
    payload = {
        "iss": applicatie.client_id,
        "client_id": applicatie.client_id,
        "iat": int(time.time() if iat is None else iat),
        "user_id": "tester",
        "user_representation": "Tess Tester",
        **claims,
    }
    return jwt.encode(payload, secret or applicatie.secret, algorithm="HS256")


def client_for(applicatie, **token_kwargs) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {make_token(applicatie, **token_kwargs)}", **CRS)
    return client


@pytest.fixture
def alle_rechten(db):
    return ApplicatieFactory(client_id="alles", heeft_alle_autorisaties=True)


@pytest.fixture
def api(alle_rechten):
    """A client of an application with all rights."""
    return client_for(alle_rechten)


@pytest.fixture
def beperkte_client(db):
    """Build a client whose application has the given autorisaties:
    ``beperkte_client(("zrc", ["zaken.lezen"], zaaktype, "openbaar"), ...)``."""

    def make(*regels, client_id="beperkt"):
        applicatie = ApplicatieFactory(client_id=client_id)
        for component, scopes, type_, maximum in regels:
            kwargs = {"informatieobjecttype": type_} if component == "drc" else {"zaaktype": type_}
            AutorisatieFactory(
                applicatie=applicatie,
                component=component,
                scopes=scopes,
                max_vertrouwelijkheidaanduiding=maximum or "",
                **kwargs,
            )
        return client_for(applicatie)

    return make


def url(root, resource, obj=None, *rest) -> str:
    base = f"http://testserver{root}/{resource}"
    if obj is None:
        return base
    key = getattr(obj, "uuid", obj)
    return base + f"/{key}" + "".join(f"/{r}" for r in rest)

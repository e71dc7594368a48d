"""Error pages under /pip/ look like the PIP; the staff pages keep their own."""

import pytest
from django.test import RequestFactory

from core import views as core_views

pytestmark = pytest.mark.django_db


def test_404_under_pip_looks_like_the_pip(burger_client):
    response = burger_client.get("/pip/bestaat-niet/")
    assert response.status_code == 404
    page = response.content.decode()
    assert "/static/pip/pip.css" in page and "Deze pagina bestaat niet" in page
    assert "Mijn zaken" in page and "Ingelogd als" in page


def test_404_for_anonymous_visitor_under_pip(client):
    page = client.get("/pip/bestaat-niet/").content.decode()
    assert "/static/pip/pip.css" in page and "Ingelogd als" not in page


def test_staff_404_keeps_the_staff_page(client):
    page = client.get("/zaken/bestaat-niet/").content.decode()
    assert "/static/pip/pip.css" not in page and "Pagina niet gevonden" in page


def test_500_under_pip_looks_like_the_pip():
    request = RequestFactory().get("/pip/zaken/")
    response = core_views.error_500(request)
    assert response.status_code == 500
    assert b"/static/pip/pip.css" in response.content and b"Er ging iets mis" in response.content
    staff = core_views.error_500(RequestFactory().get("/zaken/"))
    assert b"/static/pip/pip.css" not in staff.content


def test_403_under_pip_looks_like_the_pip():
    request = RequestFactory().get("/pip/zaken/")
    from django.contrib.auth.models import AnonymousUser

    request.user = AnonymousUser()
    response = core_views.error_403(request)
    assert response.status_code == 403 and b"/static/pip/pip.css" in response.content

"""Logging in and out of the PIP. DigiD and eHerkenning run through django-digid-eherkenning
(pip.saml_urls); in demo mode a clearly labelled demo login stands in for them."""

from urllib.parse import urlencode

from django.conf import settings
from django.contrib import auth
from django.http import Http404, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from pip.forms import DemoDigiDForm, DemoEHerkenningForm
from pip.identiteit import identiteit_van
from pip.sessie import overal_uitloggen, sessie_bijwerken, sessie_starten, sessie_verlopen


def _volgende(request) -> str:
    url = request.POST.get("next") or request.GET.get("next") or ""
    if (
        url
        and url.startswith("/pip/")
        and url_has_allowed_host_and_scheme(
            url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        )
    ):
        return url
    return reverse("pip:zaken")


def start(request):
    return redirect("pip:zaken")


def _login_context(request, **extra) -> dict:
    volgende = _volgende(request)
    query = urlencode({"next": volgende})
    return {
        "next": volgende,
        "digid_url": f"{reverse('digid:login')}?{query}" if settings.PIP_DIGID else "",
        "eherkenning_url": (
            f"{reverse('eherkenning:login')}?{query}" if settings.PIP_EHERKENNING else ""
        ),
        "demo": settings.DEMO_MODE,
        "digid_form": DemoDigiDForm(prefix="digid"),
        "eherkenning_form": DemoEHerkenningForm(prefix="eh"),
        **extra,
    }


@never_cache
def login(request):
    if identiteit_van(request.user) is not None and not sessie_verlopen(request):
        return redirect(_volgende(request))
    return render(request, "pip/login.html", _login_context(request))


def _demo_login(request, form, credentials: dict, key: str):
    user = auth.authenticate(request, **credentials)
    if user is None:
        form.add_error(
            None,
            "Met deze gegevens kunt u niet inloggen op Mijn zaken. Medewerkers loggen in via "
            "het inlogscherm voor medewerkers.",
        )
        return render(request, "pip/login.html", _login_context(request, **{key: form}), status=400)
    auth.login(request, user)
    sessie_starten(request)
    return redirect(_volgende(request))


@never_cache
@require_POST
def demo_login_digid(request):
    if not settings.DEMO_MODE:
        raise Http404
    form = DemoDigiDForm(request.POST, prefix="digid")
    if not form.is_valid():
        return render(
            request, "pip/login.html", _login_context(request, digid_form=form), status=400
        )
    return _demo_login(request, form, {"bsn": form.cleaned_data["gekozen_bsn"]}, "digid_form")


@never_cache
@require_POST
def demo_login_eherkenning(request):
    if not settings.DEMO_MODE:
        raise Http404
    form = DemoEHerkenningForm(request.POST, prefix="eh")
    if not form.is_valid():
        return render(
            request, "pip/login.html", _login_context(request, eherkenning_form=form), status=400
        )
    return _demo_login(
        request,
        form,
        {
            "demo_kvk_nummer": form.cleaned_data["gekozen_kvk"],
            "vestigingsnummer": form.cleaned_data["gekozen_vestiging"],
        },
        "eherkenning_form",
    )


@require_POST
def logout(request):
    """Log out everywhere: every session of this account ends, on every device."""
    overal_uitloggen(request)
    return redirect("pip:uitgelogd")


@never_cache
def uitgelogd(request):
    return render(request, "pip/uitgelogd.html")


@require_POST
def sessie_verlengen(request):
    """Called by static/pip/sessie.js when the user chooses to stay logged in."""
    if identiteit_van(request.user) is None or sessie_verlopen(request):
        return JsonResponse({"ingelogd": False}, status=401)
    sessie_bijwerken(request)
    return JsonResponse({"ingelogd": True, "seconden": settings.PIP_SESSIE_IDLE_SECONDEN})

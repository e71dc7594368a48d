from django.apps import apps
from django.conf import settings
from django.db import connection
from django.http import HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from core.demo import DEMO_BURGERS, DEMO_ONDERNEMER, DEMO_PASSWORD, DEMO_STAFF
from organisatie.rollen import ROLLEN


@never_cache
def home(request):
    """The start page: for a medewerker their work, otherwise the login choices (and, in demo
    mode only, the demo logins)."""
    user = request.user
    if user.is_authenticated and getattr(user, "is_medewerker", False):
        from core.menu import staff_landing

        landing = staff_landing(user)
        if landing:
            return redirect(landing)
    context = {}
    if settings.DEMO_MODE:
        context.update(
            demo_staff=[
                {"username": u, "naam": f"{v} {a}", "rol": ROLLEN.get(r, (r,))[0], "team": t}
                for u, v, a, r, t in DEMO_STAFF
            ],
            demo_password=DEMO_PASSWORD,
            demo_burgers=[
                {"bsn": b, "naam": " ".join(p for p in rest if p)} for b, *rest in DEMO_BURGERS
            ],
            demo_ondernemer={"kvk": DEMO_ONDERNEMER[0], "naam": DEMO_ONDERNEMER[1]},
        )
    return render(request, "home.html", context)


@require_GET
def healthz(request):
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except Exception:
        return JsonResponse({"status": "database unavailable"}, status=503)
    return HttpResponse("ok", content_type="text/plain")


def _error_templates(request, code: int) -> list[str]:
    """An app with its own look (the PIP) declares `error_pages_prefix = "/pip/"` in its
    AppConfig and provides `<app>/<code>.html`; everything else gets the staff pages."""
    for config in apps.get_app_configs():
        prefix = getattr(config, "error_pages_prefix", "")
        if prefix and request.path.startswith(prefix):
            return [f"{config.label}/{code}.html", f"{code}.html"]
    return [f"{code}.html"]


def error_404(request, exception=None):
    return render(request, _error_templates(request, 404), status=404)


def error_403(request, exception=None):
    return render(request, _error_templates(request, 403), status=403)


def error_500(request):
    return render(request, _error_templates(request, 500), status=500)

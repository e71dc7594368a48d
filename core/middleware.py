import logging

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, JsonResponse
from django.template.loader import render_to_string

logger = logging.getLogger(__name__)


class DatabaseUnavailableMiddleware:
    """When the database is down, answer 503 with a clear page (or problem+json for the API),
    never a stack trace. Connections are re-opened on the next request (CONN_HEALTH_CHECKS)."""

    API_PREFIXES = ("/zaken/api/", "/catalogi/api/", "/documenten/api/", "/api/")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            return self.get_response(request)
        except (OperationalError, InterfaceError) as exc:
            return self._unavailable(request, exc)

    def process_exception(self, request, exception):
        if isinstance(exception, OperationalError | InterfaceError):
            return self._unavailable(request, exception)
        return None

    def _unavailable(self, request, exc):
        logger.error("Database unavailable: %s", exc)
        if request.path.startswith(self.API_PREFIXES):
            response = JsonResponse(
                {
                    "type": "https://zaakstroom.nl/fouten/service-unavailable",
                    "code": "service_unavailable",
                    "title": "De dienst is tijdelijk niet beschikbaar.",
                    "status": 503,
                    "detail": "De database is niet bereikbaar. Probeer het over enkele minuten opnieuw.",
                    "instance": request.path,
                },
                status=503,
                content_type="application/problem+json",
            )
        else:
            response = HttpResponse(render_to_string("503.html", {}), status=503)
        response["Retry-After"] = "30"
        return response


class SecurityHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        csp = getattr(settings, "CONTENT_SECURITY_POLICY", "")
        if csp and "Content-Security-Policy" not in response:
            response["Content-Security-Policy"] = csp
        response.setdefault("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
        response.setdefault("Cross-Origin-Opener-Policy", "same-origin")
        return response

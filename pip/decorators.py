from functools import wraps

from django.contrib import auth, messages
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.cache import never_cache

from pip.identiteit import identiteit_van
from pip.sessie import idle_seconden, sessie_bijwerken, sessie_verlopen


def pip_login_required(view):
    """PIP pages: logged in as a burger or ondernemer, active in the last 15 minutes.

    Sets `request.pip` (the PipIdentiteit). A medewerker gets a 403 page that explains the PIP is
    for inhabitants and businesses; an idle session is ended and the user sent to the login page
    with a message. Pages are never cached (personal data, the back button after logout)."""

    @wraps(view)
    @never_cache
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path(), login_url=reverse("pip:login"))
        identiteit = identiteit_van(request.user)
        if identiteit is None:
            return render(request, "pip/geen_toegang.html", status=403)
        if sessie_verlopen(request):
            auth.logout(request)
            messages.info(
                request,
                f"U bent uitgelogd, omdat u {idle_seconden() // 60} minuten niets heeft gedaan. "
                "Zo beschermen we uw gegevens. Log opnieuw in.",
            )
            return redirect_to_login(request.get_full_path(), login_url=reverse("pip:login"))
        sessie_bijwerken(request)
        request.pip = identiteit
        return view(request, *args, **kwargs)

    return wrapper

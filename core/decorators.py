from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied


def medewerker_required(view):
    """Staff screens: logged in as a medewerker. PIP accounts get 403."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not getattr(request.user, "is_medewerker", False) or not request.user.is_active:
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper

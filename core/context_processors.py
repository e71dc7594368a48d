from django.conf import settings

from core.menu import staff_menu


def zaakstroom(request):
    user = getattr(request, "user", None)
    menu = []
    if user is not None and user.is_authenticated and getattr(user, "is_medewerker", False):
        menu = staff_menu(user)
        path = request.path
        for entry in menu:
            entry["active"] = path.startswith(entry["url"]) and entry["url"] != "/"
    return {
        "GEMEENTE_NAAM": settings.GEMEENTE_NAAM,
        "DEMO_MODE": settings.DEMO_MODE,
        "staff_menu": menu,
    }

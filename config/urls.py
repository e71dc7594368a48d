from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from core import views as core_views

admin.site.site_header = "Zaakstroom beheer"
admin.site.site_title = "Zaakstroom beheer"
admin.site.index_title = "Functioneel beheer"

urlpatterns = [
    path("", core_views.home, name="home"),
    path("healthz", core_views.healthz, name="healthz"),
    path("inloggen/", auth_views.LoginView.as_view(redirect_authenticated_user=True), name="login"),
    path("uitloggen/", auth_views.LogoutView.as_view(), name="logout"),
    path("beheer/", admin.site.urls),
    path("zaken/", include("zaken.urls")),
    path("zaken/", include("brieven.urls")),
    path("werk/", include("processen.urls")),
    path("kcc/", include("klantregie.urls")),
    path("pip/", include("pip.saml_urls")),  # DigiD / eHerkenning (namespaces digid, eherkenning)
    path("pip/", include("pip.urls")),
    path("management/", include("rapportage.urls")),
    path("", include("api.urls")),
]

handler403 = "core.views.error_403"
handler404 = "core.views.error_404"
handler500 = "core.views.error_500"

from django.urls import path

from processen import views

app_name = "processen"

urlpatterns = [
    path("", views.werkvoorraad, name="werkvoorraad"),
    path("taken/toewijzen/", views.taken_toewijzen, name="taken-toewijzen"),
    path("taken/<uuid:uuid>/", views.taak_detail, name="taak-detail"),
    path("taken/<uuid:uuid>/oppakken/", views.taak_claimen, name="taak-claimen"),
    path("taken/<uuid:uuid>/vrijgeven/", views.taak_vrijgeven, name="taak-vrijgeven"),
    path("taken/<uuid:uuid>/toewijzen/", views.taak_toewijzen, name="taak-toewijzen"),
    path("zaken/<uuid:uuid>/<slug:actie>/", views.zaak_actie, name="zaak-actie"),
]

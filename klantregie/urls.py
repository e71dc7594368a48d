from django.urls import path
from django.views.generic import RedirectView

from klantregie import views

app_name = "klantregie"

urlpatterns = [
    path("", RedirectView.as_view(pattern_name="klantregie:start", permanent=False)),
    path("overzicht/", views.start, name="start"),
    path("contact/", views.contact, name="contact"),
    path("klanten/", views.klanten, name="klanten"),
    path("klanten/zoek.json", views.klant_zoeken_json, name="klant-zoeken"),
    path("klanten/<uuid:uuid>/", views.klantbeeld, name="klantbeeld"),
    path("klanten/<uuid:uuid>/paneel/", views.klant_paneel, name="klant-paneel"),
    path("klanten/<uuid:uuid>/contacten/", views.contacthistorie, name="contacthistorie"),
    path("kennisbank/", views.kennisbank, name="kennisbank"),
    path("kennisbank/zoek.json", views.kennisbank_zoeken_json, name="kennisbank-zoeken"),
    path("kennisbank/<uuid:uuid>/", views.kennisartikel, name="kennisartikel"),
    path("terugbelverzoeken/", views.terugbelverzoeken, name="terugbelverzoeken"),
    path("terugbelverzoeken/<uuid:uuid>/", views.terugbelverzoek, name="terugbelverzoek"),
    path(
        "terugbelverzoeken/<uuid:uuid>/oppakken/",
        views.terugbelverzoek_claim,
        name="terugbelverzoek-claim",
    ),
    path("terugbelverzoeken/<uuid:uuid>/poging/", views.terugbelpoging, name="terugbelpoging"),
    path(
        "terugbelverzoeken/<uuid:uuid>/afhandelen/",
        views.terugbelverzoek_afhandelen,
        name="terugbelverzoek-afhandelen",
    ),
    path("vragen/", views.vragen, name="vragen"),
    path("vragen/<uuid:uuid>/", views.vraag, name="vraag"),
]

from django.urls import path

from brieven import views

app_name = "brieven"

urlpatterns = [
    path("<uuid:uuid>/dossier.pdf", views.zaakdossier, name="zaakdossier"),
]

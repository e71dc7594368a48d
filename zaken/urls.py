from django.urls import path

from zaken import views

app_name = "zaken"

urlpatterns = [
    path("", views.zaak_list, name="list"),
    path("<uuid:uuid>/", views.zaak_detail, name="detail"),
    path("<uuid:uuid>/notities/", views.notitie_add, name="notitie-add"),
    path("<uuid:uuid>/documenten/", views.document_add, name="document-add"),
    path(
        "<uuid:uuid>/documenten/<uuid:document_uuid>/",
        views.document_download,
        name="document-download",
    ),
]

from django.urls import path

from pip import views

app_name = "pip"

urlpatterns = [
    path("", views.start, name="start"),
    path("inloggen/", views.login, name="login"),
    path("inloggen/demo/digid/", views.demo_login_digid, name="demo-login-digid"),
    path("inloggen/demo/eherkenning/", views.demo_login_eherkenning, name="demo-login-eherkenning"),
    path("uitloggen/", views.logout, name="logout"),
    path("uitgelogd/", views.uitgelogd, name="uitgelogd"),
    path("sessie/verlengen/", views.sessie_verlengen, name="sessie-verlengen"),
    path("zaken/", views.zaken, name="zaken"),
    path("zaken/<uuid:uuid>/", views.zaak_detail, name="zaak"),
    path("zaken/<uuid:uuid>/uploaden/", views.document_upload, name="upload"),
    path(
        "zaken/<uuid:uuid>/documenten/<uuid:document_uuid>/",
        views.document_download,
        name="document",
    ),
    path("zaken/<uuid:uuid>/vraag/", views.vraag_stellen, name="vraag-stellen"),
    path("vragen/", views.vragen, name="vragen"),
    path("vragen/<uuid:uuid>/", views.vraag, name="vraag"),
    path("aanvragen/", views.aanvragen, name="aanvragen"),
    path("aanvragen/ontvangen/<uuid:uuid>/", views.aanvraag_ontvangen, name="aanvraag-ontvangen"),
    path("aanvragen/<str:identificatie>/", views.aanvraag, name="aanvraag"),
    path("voorkeuren/", views.voorkeuren, name="voorkeuren"),
]

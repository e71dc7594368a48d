from django.urls import path

from rapportage import views

app_name = "rapportage"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("rapport.pdf", views.rapport_pdf, name="rapport-pdf"),
    path("lijst/<slug:soort>/", views.drilldown, name="drilldown"),
]

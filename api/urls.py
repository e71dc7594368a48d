"""The three ZGW roots and their schemas. `/zaken/api/v1/` also carries Zaakstroom's own
endpoints (process actions on a zaak, klantcontacten, terugbelverzoeken), documented in the same
schema."""

from django.urls import include, path, re_path
from rest_framework.routers import SimpleRouter

from api import schema
from api.base import niet_gevonden
from api.catalogi import views as catalogi
from api.documenten import views as documenten
from api.fields import UUID_RE
from api.klantcontacten import views as klantcontacten
from api.zaken import views as zaken

app_name = "api"

zaken_router = SimpleRouter(trailing_slash=False)
zaken_router.register("zaken", zaken.ZaakViewSet, basename="zaak")
zaken_router.register("statussen", zaken.StatusViewSet, basename="status")
zaken_router.register("rollen", zaken.RolViewSet, basename="rol")
zaken_router.register("resultaten", zaken.ResultaatViewSet, basename="resultaat")
zaken_router.register(
    "zaakinformatieobjecten", zaken.ZaakInformatieObjectViewSet, basename="zaakinformatieobject"
)
zaken_router.register("klantcontacten", klantcontacten.KlantcontactViewSet, basename="klantcontact")
zaken_router.register(
    "terugbelverzoeken", klantcontacten.TerugbelverzoekViewSet, basename="terugbelverzoek"
)
zaken_router.register(
    rf"zaken/(?P<zaak_uuid>{UUID_RE})/zaakeigenschappen",
    zaken.ZaakEigenschapViewSet,
    basename="zaakeigenschap",
)
zaken_router.register(
    rf"zaken/(?P<zaak_uuid>{UUID_RE})/audittrail",
    zaken.AuditTrailViewSet,
    basename="audittrail",
)

catalogi_router = SimpleRouter(trailing_slash=False)
catalogi_router.register("catalogussen", catalogi.CatalogusViewSet, basename="catalogus")
catalogi_router.register("zaaktypen", catalogi.ZaaktypeViewSet, basename="zaaktype")
catalogi_router.register("statustypen", catalogi.StatustypeViewSet, basename="statustype")
catalogi_router.register("resultaattypen", catalogi.ResultaattypeViewSet, basename="resultaattype")
catalogi_router.register("roltypen", catalogi.RoltypeViewSet, basename="roltype")
catalogi_router.register("eigenschappen", catalogi.EigenschapViewSet, basename="eigenschap")
catalogi_router.register(
    "informatieobjecttypen", catalogi.InformatieobjecttypeViewSet, basename="informatieobjecttype"
)
catalogi_router.register(
    "zaaktype-informatieobjecttypen",
    catalogi.ZaaktypeInformatieobjecttypeViewSet,
    basename="zaaktypeinformatieobjecttype",
)

documenten_router = SimpleRouter(trailing_slash=False)
documenten_router.register(
    "enkelvoudiginformatieobjecten",
    documenten.EnkelvoudigInformatieObjectViewSet,
    basename="enkelvoudiginformatieobject",
)
documenten_router.register(
    "objectinformatieobjecten",
    documenten.ObjectInformatieObjectViewSet,
    basename="objectinformatieobject",
)

zaken_patterns = [
    path("zaken/_zoek", zaken.ZaakViewSet.as_view({"post": "zoek"}), name="zaak-zoek"),
    *zaken_router.urls,
]

urlpatterns = [
    path("zaken/api/v1/", include((zaken_patterns, "zaken"))),
    path("catalogi/api/v1/", include((catalogi_router.urls, "catalogi"))),
    path("documenten/api/v1/", include((documenten_router.urls, "documenten"))),
]
for _component in schema.COMPONENTS:
    urlpatterns += [
        path(
            f"{_component}/api/v1/openapi.yaml",
            schema.schema_view,
            {"component": _component, "fmt": "yaml"},
            name=f"{_component}-schema-yaml",
        ),
        path(
            f"{_component}/api/v1/openapi.json",
            schema.schema_view,
            {"component": _component, "fmt": "json"},
            name=f"{_component}-schema-json",
        ),
    ]

# Anything else under an API root is a 404 in problem+json, not the HTML error page.
urlpatterns += [re_path(rf"^{component}/api/v1/", niet_gevonden) for component in schema.COMPONENTS]

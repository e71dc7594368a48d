"""The demo API clients of ../shared/design/DEMO.md (idempotent)."""

from __future__ import annotations

from core.vertrouwelijkheid import Vertrouwelijkheid

DEMO_API_CLIENTS = [
    {
        "client_id": "zaakstroom-demo",
        "secret": "zaakstroom-demo-secret-for-local-use-only",
        "label": "Demo-applicatie (alle rechten)",
        "rechten": "alle (heeftAlleAutorisaties)",
    },
    {
        "client_id": "zaakstroom-demo-beperkt",
        "secret": "zaakstroom-demo-beperkt-secret-for-local-use",
        "label": "Demo-applicatie (beperkt)",
        "rechten": "zaken.lezen en catalogi.lezen voor Melding openbare ruimte, tot openbaar",
    },
]
BEPERKT_ZAAKTYPE = "MELDING-OR"


def seed_api_applicaties() -> str:
    from api import services
    from api.models import Applicatie, Autorisatie, Component
    from core.actor import Actor
    from zaken.models import Zaaktype

    actor = Actor.system("seed_demo")
    alle, beperkt = DEMO_API_CLIENTS
    nieuw = 0
    applicatie = Applicatie.objects.filter(client_id=alle["client_id"]).first()
    if applicatie is None:
        services.applicatie_save(
            actor=actor,
            applicatie=Applicatie(
                client_id=alle["client_id"],
                secret=alle["secret"],
                label=alle["label"],
                heeft_alle_autorisaties=True,
            ),
        )
        nieuw += 1
    applicatie = Applicatie.objects.filter(client_id=beperkt["client_id"]).first()
    if applicatie is None:
        applicatie = services.applicatie_save(
            actor=actor,
            applicatie=Applicatie(
                client_id=beperkt["client_id"], secret=beperkt["secret"], label=beperkt["label"]
            ),
        )
        zaaktype = (
            Zaaktype.objects.filter(identificatie=BEPERKT_ZAAKTYPE, concept=False)
            .order_by("-begin_geldigheid")
            .first()
        )
        if zaaktype is not None:
            for component, scopes in (
                (Component.ZRC, ["zaken.lezen"]),
                (Component.ZTC, ["catalogi.lezen"]),
            ):
                services.autorisatie_save(
                    actor=actor,
                    autorisatie=Autorisatie(
                        applicatie=applicatie,
                        component=component,
                        scopes=scopes,
                        zaaktype=zaaktype,
                        max_vertrouwelijkheidaanduiding=Vertrouwelijkheid.OPENBAAR,
                    ),
                )
        nieuw += 1
    return f"{nieuw} API-applicaties aangemaakt"

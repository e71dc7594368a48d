"""api.services: the rules of the Autorisaties API (ac-001..003), audited."""

import pytest

from api import services
from api.models import Applicatie, Autorisatie
from core.errors import DomainError, NotAllowed
from core.models import AuditRecord
from tests.factories import ApplicatieFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_client_id_is_unique_and_secret_long_enough(system):
    ApplicatieFactory(client_id="formulieren")
    with pytest.raises(DomainError, match="ac-001"):
        services.applicatie_save(
            actor=system,
            applicatie=Applicatie(label="x", client_id="formulieren", secret="x" * 32),
        )
    with pytest.raises(DomainError, match="te kort") as exc:
        services.applicatie_save(
            actor=system, applicatie=Applicatie(label="x", client_id="nieuw", secret="kort")
        )
    assert exc.value.field == "secret"


def test_all_rights_replace_separate_autorisaties(system, zaaktype):
    applicatie = ApplicatieFactory()
    services.autorisatie_save(
        actor=system,
        autorisatie=Autorisatie(
            applicatie=applicatie,
            component="zrc",
            scopes=["zaken.lezen"],
            zaaktype=zaaktype,
            max_vertrouwelijkheidaanduiding="openbaar",
        ),
    )
    applicatie.heeft_alle_autorisaties = True
    services.applicatie_save(actor=system, applicatie=applicatie)
    assert not applicatie.autorisaties.exists()
    with pytest.raises(DomainError, match="ac-002"):
        services.autorisatie_save(
            actor=system,
            autorisatie=Autorisatie(
                applicatie=applicatie, component="ztc", scopes=["catalogi.lezen"]
            ),
        )
    assert AuditRecord.objects.filter(object_type="autorisatie", actie="destroy").exists()


@pytest.mark.parametrize(
    ("kwargs", "veld"),
    [
        (
            {
                "component": "zrc",
                "scopes": ["zaken.lezen"],
                "max_vertrouwelijkheidaanduiding": "openbaar",
            },
            "zaaktype",
        ),
        (
            {"component": "zrc", "scopes": [], "max_vertrouwelijkheidaanduiding": "openbaar"},
            "scopes",
        ),
        (
            {
                "component": "drc",
                "scopes": ["documenten.lezen"],
                "max_vertrouwelijkheidaanduiding": "openbaar",
            },
            "informatieobjecttype",
        ),
        ({"component": "ztc", "scopes": ["zaken.lezen"]}, "scopes"),
        ({"component": "kcc", "scopes": ["zaken.lezen"]}, "scopes"),
        (
            {
                "component": "kcc",
                "scopes": ["klantcontacten.lezen"],
                "max_vertrouwelijkheidaanduiding": "geheim",
            },
            "max_vertrouwelijkheidaanduiding",
        ),
    ],
)
def test_autorisatie_rules(system, kwargs, veld):
    applicatie = ApplicatieFactory()
    with pytest.raises(DomainError) as exc:
        services.autorisatie_save(
            actor=system, autorisatie=Autorisatie(applicatie=applicatie, **kwargs)
        )
    assert exc.value.field == veld


def test_only_a_beheerder_manages_applications(db):
    from core.actor import Actor

    vakspecialist = UserFactory(rol="vakspecialist")
    with pytest.raises(NotAllowed):
        services.applicatie_save(
            actor=Actor.for_user(vakspecialist),
            applicatie=Applicatie(label="x", client_id="y", secret="z" * 32),
        )


def test_a_klantcontacten_autorisatie_names_no_zaaktype(system, zaaktype):
    applicatie = ApplicatieFactory()
    with pytest.raises(DomainError) as exc:
        services.autorisatie_save(
            actor=system,
            autorisatie=Autorisatie(
                applicatie=applicatie,
                component="kcc",
                scopes=["klantcontacten.lezen"],
                zaaktype=zaaktype,
            ),
        )
    assert exc.value.field == "zaaktype"
    autorisatie = services.autorisatie_save(
        actor=system,
        autorisatie=Autorisatie(
            applicatie=applicatie,
            component="kcc",
            scopes=["klantcontacten.lezen", "terugbelverzoeken.bijwerken"],
        ),
    )
    assert autorisatie.pk is not None

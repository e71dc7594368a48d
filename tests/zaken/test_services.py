from datetime import date, datetime, timedelta
from unittest import mock

import pytest
from django.utils import timezone

from core.errors import DomainError, NotAllowed, NotFound
from core.models import AuditRecord
from tests.factories import UserFactory, ZaakFactory, ZaaktypeFactory
from zaken import services
from zaken.kalender import get_kalender
from zaken.models import Afleidingswijze, Resultaattype, Statustype, Zaak

pytestmark = pytest.mark.django_db


def _at(d: date) -> datetime:
    return timezone.make_aware(datetime(d.year, d.month, d.day, 12, 0))


def test_zaak_create_sets_identificatie_status_deadlines_and_audit(system, zaaktype):
    zaak = services.zaak_create(
        actor=system,
        zaaktype=zaaktype,
        omschrijving="Parkeervergunning",
        startdatum=date(2026, 3, 2),
        initiator=services.Betrokkene.persoon("999993653", naam="Jan de Vries"),
    )
    assert zaak.identificatie.startswith("ZAAK-2026-")
    assert zaak.statustype.volgnummer == 1
    assert zaak.statussen.count() == 1
    # P8W from Monday 2 March 2026 is Koningsdag 27 April -> next werkdag (Algemene termijnenwet).
    assert zaak.uiterlijke_einddatum_afdoening == date(2026, 4, 28)
    assert zaak.einddatum_gepland == date(2026, 4, 28)
    assert zaak.rollen.get().bsn == "999993653"
    assert zaak.bronorganisatie == "002220647"
    acties = set(AuditRecord.objects.filter(zaak_uuid=zaak.uuid).values_list("actie", flat=True))
    assert {"create", "status"} <= acties


def test_servicenorm_gives_the_planned_date(system, team):
    zaaktype = ZaaktypeFactory(
        verantwoordelijk_team=team,
        servicenorm="P10D",
        termijn_eenheid="werkdagen",
        doorlooptijd="P20D",
    )
    zaak = services.zaak_create(actor=system, zaaktype=zaaktype, startdatum=date(2026, 5, 15))
    assert zaak.einddatum_gepland == date(2026, 6, 1)  # Pinkstermaandag skipped
    assert zaak.uiterlijke_einddatum_afdoening == get_kalender().add_werkdagen(
        date(2026, 5, 15), 20
    )


def test_concept_zaaktype_is_refused(system, team):
    concept = ZaaktypeFactory(verantwoordelijk_team=team, onderdelen__concept=True)
    assert concept.concept
    with pytest.raises(DomainError, match="nog een concept"):
        services.zaak_create(actor=system, zaaktype=concept)


def test_identificatie_given_twice_is_refused(system, zaaktype):
    services.zaak_create(actor=system, zaaktype=zaaktype, identificatie="ZAAK-X-1")
    with pytest.raises(DomainError) as exc:
        services.zaak_create(actor=system, zaaktype=zaaktype, identificatie="ZAAK-X-1")
    assert exc.value.code == "identificatie-niet-uniek"


def test_status_of_another_zaaktype_is_refused(system, zaaktype, team):
    zaak = ZaakFactory(zaaktype=zaaktype)
    ander = ZaaktypeFactory(verantwoordelijk_team=team)
    vreemde_status = ander.statustypen.get(volgnummer=2)
    with pytest.raises(DomainError) as exc:
        services.zaak_status_set(actor=system, zaak=zaak, statustype=vreemde_status)
    assert exc.value.code == "zaaktype-mismatch"
    assert "hoort niet bij het zaaktype" in exc.value.message
    assert zaak.statussen.count() == 1


def test_closing_without_resultaat_is_refused(system, zaaktype):
    zaak = ZaakFactory(zaaktype=zaaktype)
    eind = zaaktype.statustypen.order_by("-volgnummer").first()
    with pytest.raises(DomainError) as exc:
        services.zaak_status_set(actor=system, zaak=zaak, statustype=eind)
    assert exc.value.code == "resultaat-does-not-exist"
    zaak.refresh_from_db()
    assert zaak.einddatum is None
    assert zaak.statussen.count() == 1


def test_close_with_afleidingswijze_afgehandeld(system, zaaktype):
    zaak = ZaakFactory(zaaktype=zaaktype, startdatum=date(2026, 1, 5))
    verleend = zaaktype.resultaattypen.get(omschrijving="Verleend")
    assert verleend.brondatum_afleidingswijze == Afleidingswijze.AFGEHANDELD
    services.zaak_close(
        actor=system, zaak=zaak, resultaattype=verleend, datum=_at(date(2026, 2, 10))
    )
    zaak.refresh_from_db()
    assert zaak.einddatum == date(2026, 2, 10)
    assert zaak.archiefnominatie == "vernietigen"
    assert zaak.archiefactiedatum == date(2031, 2, 10)  # einddatum + P5Y


def test_close_with_afleidingswijze_termijn(system, zaaktype):
    zaak = ZaakFactory(zaaktype=zaaktype, startdatum=date(2026, 1, 5))
    geweigerd = zaaktype.resultaattypen.get(omschrijving="Geweigerd")
    assert geweigerd.brondatum_afleidingswijze == Afleidingswijze.TERMIJN
    services.zaak_close(
        actor=system, zaak=zaak, resultaattype=geweigerd, datum=_at(date(2026, 2, 10))
    )
    zaak.refresh_from_db()
    assert zaak.einddatum == date(2026, 2, 10)
    # brondatum = einddatum + procestermijn P1Y = 2027-02-10; + archiefactietermijn P10Y
    assert zaak.archiefactiedatum == date(2037, 2, 10)


def test_close_with_afleidingswijze_eigenschap(system, zaaktype):
    rt = Resultaattype.objects.create(
        zaaktype=zaaktype,
        omschrijving="Eigenschap",
        archiefnominatie="vernietigen",
        archiefactietermijn="P2Y",
        brondatum_afleidingswijze="eigenschap",
        brondatum_datumkenmerk="datum",
    )
    zaak = ZaakFactory(zaaktype=zaaktype, startdatum=date(2026, 1, 5))
    services.zaakeigenschap_set(
        actor=system,
        zaak=zaak,
        eigenschap=zaaktype.eigenschappen.get(naam="datum"),
        waarde="2026-07-01",
    )
    services.zaak_close(actor=system, zaak=zaak, resultaattype=rt, datum=_at(date(2026, 2, 10)))
    zaak.refresh_from_db()
    assert zaak.archiefactiedatum == date(2028, 7, 1)


def test_closed_zaak_does_not_change_silently(system, zaaktype, vakspecialist):
    zaak = ZaakFactory(zaaktype=zaaktype, closed=True)
    actor = services.zaken.Actor.for_user(vakspecialist)
    with pytest.raises(NotAllowed, match="afgesloten"):
        services.zaak_update(actor=actor, zaak=zaak, omschrijving="Stiekem")
    with pytest.raises(DomainError, match="afgesloten"):
        services.zaak_status_set(
            actor=actor, zaak=zaak, statustype=zaaktype.statustypen.get(volgnummer=2)
        )


def test_reopen_is_explicit_and_audited(system, zaaktype, team):
    zaak = ZaakFactory(zaaktype=zaaktype, closed=True)
    vakspecialist = UserFactory(rol="vakspecialist", teams=[team])
    with pytest.raises(NotAllowed):
        services.zaak_reopen(
            actor=services.zaken.Actor.for_user(vakspecialist), zaak=zaak, reden="fout"
        )
    teamleider = UserFactory(rol="teamleider", teams=[team])
    with pytest.raises(DomainError, match="reden"):
        services.zaak_reopen(actor=services.zaken.Actor.for_user(teamleider), zaak=zaak, reden=" ")
    services.zaak_reopen(
        actor=services.zaken.Actor.for_user(teamleider), zaak=zaak, reden="Besluit ingetrokken"
    )
    zaak.refresh_from_db()
    assert zaak.einddatum is None and zaak.archiefactiedatum is None
    assert zaak.statustype.volgnummer == 2
    record = AuditRecord.objects.get(zaak_uuid=zaak.uuid, actie="reopen")
    assert record.toelichting == "Besluit ingetrokken"
    assert record.gebruiker == teamleider


def test_opschorten_then_hervatten_moves_the_deadlines_by_the_days_waited(system, zaaktype):
    zaak = ZaakFactory(zaaktype=zaaktype, startdatum=date(2026, 3, 2))
    uiterlijk, gepland = zaak.uiterlijke_einddatum_afdoening, zaak.einddatum_gepland
    services.zaak_opschorten(
        actor=system,
        zaak=zaak,
        reden="Bouwtekening ontbreekt",
        wacht_op_aanvrager=True,
        datum=date(2026, 3, 10),
    )
    zaak.refresh_from_db()
    assert zaak.opschorting_indicatie and zaak.opschorting_wacht_op_aanvrager
    services.zaak_hervatten(actor=system, zaak=zaak, datum=date(2026, 3, 24))
    zaak.refresh_from_db()
    assert not zaak.opschorting_indicatie
    kal = get_kalender()
    assert zaak.uiterlijke_einddatum_afdoening == kal.add_kalenderdagen(
        uiterlijk, 14, naar_werkdag=True
    )
    assert zaak.einddatum_gepland == kal.add_kalenderdagen(gepland, 14, naar_werkdag=True)
    opschorting = zaak.opschortingen.get()
    assert opschorting.dagen == 14 and opschorting.einddatum == date(2026, 3, 24)


def test_opschorten_in_werkdagen_counts_werkdagen(system, team):
    zaaktype = ZaaktypeFactory(
        verantwoordelijk_team=team, doorlooptijd="P10D", termijn_eenheid="werkdagen"
    )
    zaak = ZaakFactory(zaaktype=zaaktype, startdatum=date(2026, 3, 30))
    uiterlijk = zaak.uiterlijke_einddatum_afdoening
    # Suspended Thursday 2 April, resumed Wednesday 8 April: Fri 3, Tue 7, Wed 8 = 3 werkdagen (Easter Monday).
    services.zaak_opschorten(actor=system, zaak=zaak, reden="Wacht", datum=date(2026, 4, 2))
    services.zaak_hervatten(actor=system, zaak=zaak, datum=date(2026, 4, 8))
    zaak.refresh_from_db()
    assert zaak.opschortingen.get().dagen == 3
    assert zaak.uiterlijke_einddatum_afdoening == get_kalender().add_werkdagen(uiterlijk, 3)


def test_opschorten_twice_and_hervatten_when_not_opgeschort_are_refused(system, zaaktype):
    zaak = ZaakFactory(zaaktype=zaaktype)
    with pytest.raises(DomainError, match="niet opgeschort"):
        services.zaak_hervatten(actor=system, zaak=zaak)
    services.zaak_opschorten(actor=system, zaak=zaak, reden="Wacht")
    with pytest.raises(DomainError, match="al opgeschort"):
        services.zaak_opschorten(actor=system, zaak=zaak, reden="Nog eens")


def test_closing_an_opgeschorte_zaak_is_refused(system, zaaktype):
    zaak = ZaakFactory(zaaktype=zaaktype, opgeschort=True)
    with pytest.raises(DomainError, match="opgeschort"):
        services.zaak_close(actor=system, zaak=zaak, resultaattype=zaaktype.resultaattypen.first())


def test_verlengen_once_within_the_limit(system, zaaktype):
    zaak = ZaakFactory(zaaktype=zaaktype, startdatum=date(2026, 3, 2))
    uiterlijk = zaak.uiterlijke_einddatum_afdoening
    with pytest.raises(DomainError) as exc:
        services.zaak_verlengen(actor=system, zaak=zaak, duur="P7W", reden="Advies duurt lang")
    assert exc.value.code == "verlenging-te-lang"
    with pytest.raises(DomainError, match="reden"):
        services.zaak_verlengen(actor=system, zaak=zaak, duur="P6W", reden="")
    services.zaak_verlengen(
        actor=system, zaak=zaak, duur="P6W", reden="Advies welstand duurt langer"
    )
    zaak.refresh_from_db()
    assert zaak.uiterlijke_einddatum_afdoening == get_kalender().add_duur(uiterlijk, "P6W")
    assert zaak.verlenging_duur == "P6W"
    with pytest.raises(DomainError) as exc:
        services.zaak_verlengen(actor=system, zaak=zaak, duur="P1W", reden="Nog een keer")
    assert exc.value.code == "al-verlengd"


def test_verlengen_not_allowed_by_zaaktype(system, team):
    zaaktype = ZaaktypeFactory(
        verantwoordelijk_team=team, verlenging_mogelijk=False, verlengingstermijn=""
    )
    zaak = ZaakFactory(zaaktype=zaaktype)
    with pytest.raises(DomainError, match="niet worden verlengd"):
        services.zaak_verlengen(actor=system, zaak=zaak, duur="P1W", reden="x")


def test_rol_add_validates_bsn(system, zaaktype):
    zaak = ZaakFactory(zaaktype=zaaktype)
    with pytest.raises(DomainError, match="elfproef"):
        services.rol_add(
            actor=system,
            zaak=zaak,
            omschrijving_generiek="belanghebbende",
            betrokkene=services.Betrokkene.persoon("123456789"),
        )
    rol = services.rol_add(
        actor=system,
        zaak=zaak,
        omschrijving_generiek="belanghebbende",
        betrokkene=services.Betrokkene.organisatie("68750110", naam="De Brink"),
    )
    assert rol.kvk_nummer == "68750110" and rol.omschrijving == "Belanghebbende"


def test_eigenschap_format_is_checked(system, zaaktype):
    zaak = ZaakFactory(zaaktype=zaaktype)
    with pytest.raises(DomainError, match="datum"):
        services.zaakeigenschap_set(
            actor=system,
            zaak=zaak,
            eigenschap=zaaktype.eigenschappen.get(naam="datum"),
            waarde="morgen",
        )


def test_a_failing_event_subscriber_rolls_everything_back(system, zaaktype):
    count = Zaak.objects.count()
    with (
        mock.patch(
            "core.events._subscribers",
            {"zaak.aangemaakt": [mock.Mock(side_effect=RuntimeError("boom"))]},
        ),
        pytest.raises(RuntimeError),
    ):
        services.zaak_create(actor=system, zaaktype=zaaktype)
    assert Zaak.objects.count() == count


def test_vakspecialist_of_another_team_cannot_change_the_zaak(zaaktype):
    from tests.factories import TeamFactory

    buitenstaander = UserFactory(rol="vakspecialist", teams=[TeamFactory()])
    zaak = ZaakFactory(zaaktype=zaaktype)
    with pytest.raises(NotFound):
        services.notitie_add(
            actor=services.zaken.Actor.for_user(buitenstaander), zaak=zaak, tekst="hallo"
        )


def test_statustype_history_is_append_only(system, zaaktype):
    zaak = ZaakFactory(zaaktype=zaaktype)
    services.zaak_status_set(
        actor=system,
        zaak=zaak,
        statustype=Statustype.objects.get(zaaktype=zaaktype, volgnummer=2),
        datum=timezone.now() + timedelta(minutes=1),
    )
    assert list(
        zaak.statussen.order_by("datum_status_gezet").values_list(
            "statustype__volgnummer", flat=True
        )
    ) == [1, 2]

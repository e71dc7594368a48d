"""The werkvoorraad page, the task screens and the zaak actions, through real views."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from processen import services
from processen.models import Stap, Taak
from tests.factories import KlantFactory, UserFactory, ZaakFactory
from tests.processen.helpers import actor, claim_en_rond_af, evenement_tot_uitvoering, open_taak
from zaken.models import ZaakDocument

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def _queries(client, url, params):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url, params)
    assert response.status_code == 200
    return len(ctx.captured_queries), response.content.decode()


def _zaken(zaaktype, aantal, **kwargs):
    return [ZaakFactory(zaaktype=zaaktype, **kwargs) for _ in range(aantal)]


def test_werkvoorraad_runs_a_fixed_number_of_queries_for_5_and_50_tasks(gemeente, client):
    g = gemeente
    url = reverse("processen:werkvoorraad")
    team = {"weergave": "team", "team": g.vergunningen.pk}
    client.force_login(g.tineke)  # the teamleider's view has the most on it (bulk assignment)

    def erbij(aantal):
        for zaak in _zaken(g.parkeer, aantal):
            services.taak_toewijzen(
                actor=actor(g.tineke), taak=open_taak(zaak, Stap.BEOORDELING), medewerker=g.tineke
            )
        ZaakFactory(zaaktype=g.evenement)  # with a klantregisseur, unassigned

    erbij(5)
    vijf, body = _queries(client, url, team)
    assert body.count("Oppakken") == 1 and body.count("Verder<") == 5
    mijn_vijf, body = _queries(client, url, {"weergave": "mijn"})
    assert body.count("Verder<") == 5

    erbij(45)
    vijftig, body = _queries(client, url, team)
    assert body.count('rel="next"') == 1  # 52 tasks: a second page
    mijn_vijftig, body = _queries(client, url, {"weergave": "mijn"})
    assert body.count("Verder<") == 25

    assert vijf == vijftig
    assert mijn_vijf == mijn_vijftig
    assert vijf <= 17  # 16 for the tasks + 1 for the terugbelverzoeken panel of the KCC


def test_rows_show_zaak_requester_deadline_klantregisseur_sorted_by_deadline(gemeente, client):
    g = gemeente
    jan = KlantFactory(voornamen="Jan", achternaam="de Vries")
    vandaag = timezone.localdate()
    laat = ZaakFactory(
        zaaktype=g.evenement, startdatum=vandaag - timedelta(days=30), initiator_bsn=jan.bsn
    )
    nieuw = ZaakFactory(zaaktype=g.parkeer)
    client.force_login(g.vera)
    body = client.get(
        reverse("processen:werkvoorraad"), {"weergave": "team", "team": g.vergunningen.pk}
    ).content.decode()
    assert body.index(laat.identificatie) < body.index(nieuw.identificatie)
    laat.refresh_from_db()
    for tekst in (
        "Test Aanvrager",  # the requester (initiator rol)
        str(laat.klantregisseur),
        f"{open_taak(laat, Stap.BEOORDELING).deadline:%d-%m-%Y}",
        "Te laat",
        "Op tijd",
        "Oppakken",
    ):
        assert tekst in body


def test_filters(gemeente, client):
    g = gemeente
    vandaag = timezone.localdate()
    laat = ZaakFactory(zaaktype=g.parkeer, startdatum=vandaag - timedelta(days=30))
    regie = ZaakFactory(zaaktype=g.evenement)
    opgepakt = ZaakFactory(zaaktype=g.parkeer)
    services.taak_claimen(actor=actor(g.vera), taak=open_taak(opgepakt, Stap.BEOORDELING))
    client.force_login(g.vera)
    url = reverse("processen:werkvoorraad")
    basis = {"weergave": "team", "team": g.vergunningen.pk}

    def zichtbaar(**filters):
        body = client.get(url, {**basis, **filters}).content.decode()
        return {z.identificatie for z in (laat, regie, opgepakt) if z.identificatie in body}

    everything = {laat.identificatie, regie.identificatie, opgepakt.identificatie}
    assert zichtbaar() == everything
    assert zichtbaar(deadline="te_laat") == {laat.identificatie}
    assert zichtbaar(deadline="op_tijd") == {regie.identificatie, opgepakt.identificatie}
    assert zichtbaar(klantregie="ja") == {regie.identificatie}
    assert zichtbaar(klantregie="nee") == {laat.identificatie, opgepakt.identificatie}
    assert zichtbaar(status="opgepakt") == {opgepakt.identificatie}
    assert zichtbaar(status="vrij") == {laat.identificatie, regie.identificatie}
    assert zichtbaar(zaakstatus="In behandeling") == {opgepakt.identificatie}
    assert zichtbaar(zaakstatus="Ontvangen") == {laat.identificatie, regie.identificatie}
    assert zichtbaar(zaaktype=g.evenement.identificatie) == {regie.identificatie}
    assert zichtbaar(stap="uitvoering") == set()
    # "mijn taken" holds what I claimed
    assert opgepakt.identificatie in client.get(url).content.decode()


def test_claim_and_complete_through_the_task_screen_keeping_input_on_error(gemeente, client):
    g = gemeente
    zaak = ZaakFactory(zaaktype=g.parkeer)
    taak = open_taak(zaak, Stap.BEOORDELING)
    client.force_login(g.vera)
    response = client.post(reverse("processen:taak-claimen", args=[taak.uuid]))
    assert response.url == reverse("processen:taak-detail", args=[taak.uuid])
    url = reverse("processen:taak-detail", args=[taak.uuid])
    response = client.post(url, {"toelichting": "Alles is compleet"})
    assert response.status_code == 400
    body = response.content.decode()
    assert "Kies hoe de zaak verder gaat." in body
    assert "Alles is compleet" in body
    response = client.post(url, {"besluit": "besluiten", "toelichting": "Alles is compleet"})
    besluit = open_taak(zaak, Stap.BESLUIT)
    # the besluit is Vera's next step: she goes straight on
    assert response.url == reverse("processen:taak-detail", args=[besluit.uuid])
    body = client.get(response.url).content.decode()
    assert "Besluit afronden" in body
    assert "Door naar het besluit" in body  # the process history


def test_a_second_claim_through_the_view_says_who_has_it(gemeente, client):
    g = gemeente
    taak = open_taak(ZaakFactory(zaaktype=g.parkeer), Stap.BEOORDELING)
    services.taak_claimen(actor=actor(g.vera), taak=taak)
    collega = UserFactory(rol="vakspecialist", teams=[g.vergunningen])
    client.force_login(collega)
    response = client.post(reverse("processen:taak-claimen", args=[taak.uuid]), follow=True)
    assert f"Deze taak is al opgepakt door {g.vera}" in response.content.decode()


def test_advice_with_a_document(gemeente, client):
    from django.core.files.uploadedfile import SimpleUploadedFile

    g = gemeente
    zaak = evenement_tot_uitvoering(g)
    taak = open_taak(zaak, Stap.UITVOERING, g.oov)
    services.taak_claimen(actor=actor(g.otto), taak=taak)
    client.force_login(g.otto)
    iot = g.evenement.zaaktype_informatieobjecttypen.get().informatieobjecttype
    url = reverse("processen:taak-detail", args=[taak.uuid])
    response = client.post(url, {"advies": "Akkoord", "inhoud": SimpleUploadedFile("a.pdf", PDF)})
    assert response.status_code == 400
    assert "Geef het document een titel." in response.content.decode()
    response = client.post(
        url,
        {
            "advies": "Akkoord met 2 verkeersregelaars",
            "titel": "Advies OOV",
            "informatieobjecttype": iot.pk,
            "inhoud": SimpleUploadedFile("advies.pdf", PDF, content_type="application/pdf"),
        },
    )
    assert response.status_code == 302
    taak.refresh_from_db()
    assert taak.status == "DONE"
    assert taak.data["advies"] == "Akkoord met 2 verkeersregelaars"
    assert ZaakDocument.objects.filter(zaak=zaak, document__titel="Advies OOV").exists()


def test_teamleider_bulk_assigns_from_the_werkvoorraad(gemeente, client):
    g = gemeente
    taken = [open_taak(z, Stap.BEOORDELING) for z in _zaken(g.parkeer, 2)]
    client.force_login(g.tineke)
    url = reverse("processen:werkvoorraad")
    body = client.get(url, {"weergave": "team", "team": g.vergunningen.pk}).content.decode()
    assert 'id="bulk-toewijzen"' in body
    response = client.post(
        reverse("processen:taken-toewijzen"),
        {"taken": [str(t.uuid) for t in taken], "medewerker": g.vera.pk, "next": url},
        follow=True,
    )
    assert "2 taken toegewezen aan" in response.content.decode()
    assert set(
        Taak.objects.filter(pk__in=[t.pk for t in taken]).values_list("owner", flat=True)
    ) == {g.vera.pk}
    # a vakspecialist gets no bulk form
    client.force_login(g.vera)
    body = client.get(url, {"weergave": "team", "team": g.vergunningen.pk}).content.decode()
    assert 'id="bulk-toewijzen"' not in body


def test_zaak_panel_actions_opschorten_hervatten_verlengen_politiek_gevoelig(gemeente, client):
    g = gemeente
    zaak = ZaakFactory(zaaktype=g.parkeer)
    client.force_login(g.vera)
    detail = reverse("zaken:detail", args=[zaak.uuid])
    body = client.get(detail).content.decode()
    for tekst in ("Proces en taken", "Zaak opschorten", "Termijn verlengen", "Politiek gevoelig"):
        assert tekst in body

    actie = reverse("processen:zaak-actie", args=[zaak.uuid, "opschorten"])
    response = client.post(actie, {"opschorten-reden": "", "opschorten-wacht_op_aanvrager": "on"})
    assert response.status_code == 400
    assert "Geef een reden op voor het opschorten." in response.content.decode()
    assert "checked" in response.content.decode()  # what was typed is kept
    response = client.post(
        actie,
        {
            "opschorten-reden": "Wacht op tekening",
            "opschorten-wacht_op_aanvrager": "on",
            "next": detail,
        },
    )
    assert response.url == detail
    zaak.refresh_from_db()
    assert zaak.opschorting_indicatie and zaak.opschorting_wacht_op_aanvrager
    assert "Zaak hervatten" in client.get(detail).content.decode()
    client.post(
        reverse("processen:zaak-actie", args=[zaak.uuid, "hervatten"]),
        {"hervatten-toelichting": ""},
    )
    zaak.refresh_from_db()
    assert not zaak.opschorting_indicatie

    actie = reverse("processen:zaak-actie", args=[zaak.uuid, "verlengen"])
    response = client.post(actie, {"verlengen-duur": "P20W", "verlengen-reden": "Advies nodig"})
    assert response.status_code == 400
    assert "langer dan toegestaan" in response.content.decode()
    client.post(actie, {"verlengen-duur": "P2W", "verlengen-reden": "Advies nodig"})
    zaak.refresh_from_db()
    assert zaak.verlenging_duur == "P2W"

    response = client.post(
        reverse("processen:zaak-actie", args=[zaak.uuid, "politiek-gevoelig"]),
        {"politiek-gevoelig-reden": "Vragen uit de raad"},
        follow=True,
    )
    zaak.refresh_from_db()
    assert zaak.politiek_gevoelig and zaak.klantregisseur is not None
    assert f"Klantregisseur: {zaak.klantregisseur}" in response.content.decode()


def test_zaak_actions_are_404_for_who_cannot_see_the_zaak(gemeente, client):
    from tests.factories import TeamFactory

    zaak = ZaakFactory(zaaktype=gemeente.parkeer)
    buiten = UserFactory(rol="vakspecialist", teams=[TeamFactory(code="bor")])
    client.force_login(buiten)
    url = reverse("processen:zaak-actie", args=[zaak.uuid, "opschorten"])
    assert client.post(url, {"reden": "x"}).status_code == 404
    zaak.refresh_from_db()
    assert not zaak.opschorting_indicatie


def test_menu_and_home_lead_a_medewerker_to_the_werkvoorraad(gemeente, client):
    client.force_login(gemeente.vera)
    response = client.get(reverse("home"))
    assert response.url == reverse("processen:werkvoorraad")


def test_klantregisseur_sees_the_regie_tab_with_all_tasks(gemeente, client):
    g = gemeente
    zaak = evenement_tot_uitvoering(g)
    zaak.refresh_from_db()
    client.force_login(g.otto)
    assert "Mijn regiezaken" not in client.get(reverse("processen:werkvoorraad")).content.decode()
    client.force_login(zaak.klantregisseur)
    assert "Mijn regiezaken" in client.get(reverse("processen:werkvoorraad")).content.decode()
    body = client.get(reverse("processen:werkvoorraad"), {"weergave": "regie"}).content.decode()
    for team in (g.vergunningen, g.oov, g.verkeer):
        assert team.naam.replace("&", "&amp;") in body
    # and can open each task, but not claim another team's
    taak = open_taak(zaak, Stap.UITVOERING, g.oov)
    body = client.get(reverse("processen:taak-detail", args=[taak.uuid])).content.decode()
    assert "Oppakken</button>" not in body
    claim_en_rond_af(g.otto, taak, advies="Akkoord")


def test_the_task_screen_offers_the_zaak_actions(gemeente, client):
    import re

    g = gemeente
    zaak = ZaakFactory(zaaktype=g.parkeer)
    taak = open_taak(zaak, Stap.BEOORDELING)
    services.taak_claimen(actor=actor(g.vera), taak=taak)
    client.force_login(g.vera)
    url = reverse("processen:taak-detail", args=[taak.uuid])
    body = client.get(url).content.decode()
    for tekst in (
        "Zaak opschorten",
        "Termijn verlengen",
        "Politiek gevoelig markeren",
        "Klantregisseur inschakelen",  # Vera holds the beoordeling
    ):
        assert tekst in body
    client.force_login(g.tineke)
    assert "Klantregisseur inschakelen" not in client.get(url).content.decode()
    client.force_login(g.vera)
    ids = re.findall(r'id="([^"]+)"', body)
    assert len(ids) == len(set(ids))  # the step form and the action forms do not collide
    response = client.post(
        reverse("processen:zaak-actie", args=[zaak.uuid, "opschorten"]),
        {"opschorten-reden": "Wacht op kenteken", "next": url},
    )
    assert response.url == url
    zaak.refresh_from_db()
    assert zaak.opschorting_indicatie


def test_beheer_sees_tasks_read_only_in_the_admin(gemeente, client):
    beheer = UserFactory(rol="functioneel-beheerder", is_staff=True)
    taak = open_taak(ZaakFactory(zaaktype=gemeente.parkeer), Stap.BEOORDELING)
    client.force_login(beheer)
    assert client.get(reverse("admin:processen_taak_changelist")).status_code == 200
    response = client.get(reverse("admin:processen_taak_change", args=[taak.pk]))
    assert response.status_code == 200
    assert client.post(reverse("admin:processen_taak_delete", args=[taak.pk])).status_code == 403


def test_a_double_submit_does_not_complete_twice(gemeente, client):
    g = gemeente
    zaak = ZaakFactory(zaaktype=g.parkeer)
    taak = open_taak(zaak, Stap.BEOORDELING)
    services.taak_claimen(actor=actor(g.vera), taak=taak)
    client.force_login(g.vera)
    url = reverse("processen:taak-detail", args=[taak.uuid])
    client.post(url, {"besluit": "besluiten"})
    response = client.post(url, {"besluit": "besluiten"}, follow=True)
    assert "Deze taak is al afgerond of vervallen." in response.content.decode()
    assert Taak.objects.filter(zaak=zaak, stap=Stap.BESLUIT).count() == 1

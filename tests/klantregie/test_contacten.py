"""klantcontact_log and the questions: what a contact stores, what a question may start, and that
a contact is stored completely, once, or not at all."""

import uuid
from datetime import timedelta

import pytest
from django.utils import timezone

from core import events
from core.actor import Actor
from core.errors import Conflict, DomainError, NotAllowed, NotFound
from core.models import AuditRecord, OutboxMessage
from klantregie.models import Klantcontact, Terugbelverzoek, Vraag
from klantregie.services import (
    TerugbelInvoer,
    VraagInvoer,
    klantcontact_log,
    vraag_beantwoorden,
    vraag_stellen,
)
from tests.factories import KennisartikelFactory, KlantFactory, TeamFactory, UserFactory
from tests.klantregie.conftest import zaak_voor
from zaken import services as zaken_services
from zaken.models import RolOmschrijving, Zaak

pytestmark = pytest.mark.django_db
R = Vraag.Resultaat


def test_a_contact_stores_kanaal_questions_duration_and_the_article_used(kcc_actor, kcc, jan):
    artikel = KennisartikelFactory(vraag="Openingstijden milieustraat", antwoord="Di-za open.")
    ander = KennisartikelFactory(vraag="Grofvuil laten ophalen")
    begin = timezone.now() - timedelta(seconds=27)
    contact = klantcontact_log(
        actor=kcc_actor,
        kanaal="telefoon",
        klant=jan,
        gestart_op=begin,
        vragen=[
            VraagInvoer(
                onderwerp="Openingstijden milieustraat",
                resultaat=R.DIRECT_BEANTWOORD,
                kennisartikel=artikel,
            ),
            VraagInvoer(onderwerp="Iets anders", resultaat=R.DOORVERBONDEN, vraag="Over de buren"),
        ],
        geraadpleegd=[ander],
    )
    contact.refresh_from_db()
    assert contact.kanaal == "telefoon" and contact.klant == jan and contact.medewerker == kcc
    assert 27 <= contact.duur_seconden < 60
    assert contact.antwoord_in_kennisbank
    assert set(contact.geraadpleegde_artikelen.all()) == {artikel, ander}
    eerste, tweede = contact.vragen.order_by("volgnummer")
    assert (eerste.onderwerp, eerste.resultaat, eerste.kennisartikel) == (
        "Openingstijden milieustraat",
        R.DIRECT_BEANTWOORD,
        artikel,
    )
    assert eerste.antwoord == "Di-za open."  # taken from the article
    assert eerste.onderwerp_bron == Vraag.OnderwerpBron.KENNISBANK
    assert tweede.onderwerp_bron == Vraag.OnderwerpBron.VRIJ and tweede.kennisartikel is None
    audit = AuditRecord.objects.get(object_uuid=contact.uuid)
    assert audit.klant_id == jan.pk and audit.gebruiker == kcc


def test_a_contact_without_kennisbank_answer_does_not_count_for_the_kpi(kcc_actor):
    contact = klantcontact_log(
        actor=kcc_actor,
        kanaal="balie",
        vragen=[VraagInvoer(onderwerp="Vraag", resultaat=R.DIRECT_BEANTWOORD, antwoord="Nee.")],
    )
    assert contact.klant is None and not contact.antwoord_in_kennisbank


def test_the_same_key_twice_stores_one_contact(kcc_actor):
    sleutel = uuid.uuid4()
    vragen = [VraagInvoer(onderwerp="Vraag", resultaat=R.DOORVERBONDEN)]
    eerste = klantcontact_log(actor=kcc_actor, kanaal="telefoon", vragen=vragen, sleutel=sleutel)
    tweede = klantcontact_log(actor=kcc_actor, kanaal="telefoon", vragen=vragen, sleutel=sleutel)
    assert eerste.pk == tweede.pk
    assert Klantcontact.objects.count() == 1 and Vraag.objects.count() == 1


@pytest.mark.parametrize(
    ("invoer", "veld", "tekst"),
    [
        (VraagInvoer(onderwerp=" ", resultaat=R.DOORVERBONDEN), "onderwerp", "onderwerp"),
        (VraagInvoer(onderwerp="x", resultaat=""), "resultaat", "resultaat"),
        (VraagInvoer(onderwerp="x", resultaat=R.DOORGESTUURD), "resultaat", "resultaat"),
        (VraagInvoer(onderwerp="x", resultaat=R.DIRECT_BEANTWOORD), "antwoord", "antwoord"),
        (VraagInvoer(onderwerp="x", resultaat=R.STATUSINFORMATIE), "zaak", "zaak"),
        (VraagInvoer(onderwerp="x", resultaat=R.ZAAK_GESTART), "zaaktype", "klant"),
        (VraagInvoer(onderwerp="x", resultaat=R.TERUGBELVERZOEK), "terugbel_team", "team"),
        (VraagInvoer(onderwerp="x" * 201, resultaat=R.DOORVERBONDEN), "onderwerp", "200"),
    ],
)
def test_a_wrong_question_says_which_question_and_what_to_fix(kcc_actor, invoer, veld, tekst):
    goed = VraagInvoer(onderwerp="Goed", resultaat=R.DOORVERBONDEN)
    with pytest.raises(DomainError) as exc:
        klantcontact_log(actor=kcc_actor, kanaal="telefoon", vragen=[goed, invoer])
    assert exc.value.vraag_index == 1
    assert exc.value.field == veld
    assert tekst in exc.value.message
    assert Klantcontact.objects.count() == 0 and Vraag.objects.count() == 0


def test_contact_level_checks(kcc_actor):
    with pytest.raises(DomainError, match="kanaal"):
        klantcontact_log(actor=kcc_actor, kanaal="api", vragen=[VraagInvoer("x", R.DOORVERBONDEN)])
    with pytest.raises(DomainError, match="minstens één vraag"):
        klantcontact_log(actor=kcc_actor, kanaal="telefoon", vragen=[])
    with pytest.raises(DomainError, match="toekomst"):
        klantcontact_log(
            actor=kcc_actor,
            kanaal="telefoon",
            vragen=[VraagInvoer("x", R.DOORVERBONDEN)],
            beeindigd_op=timezone.now() + timedelta(hours=1),
        )


def test_only_roles_with_the_right_may_log_a_contact(vakspecialist):
    with pytest.raises(NotAllowed):
        klantcontact_log(
            actor=Actor.for_user(vakspecialist),
            kanaal="telefoon",
            vragen=[VraagInvoer("x", R.DOORVERBONDEN)],
        )


def test_statusinformatie_links_the_question_to_the_zaak_and_the_zaak_trail(
    kcc_actor, jan, zaak_van_jan
):
    contact = klantcontact_log(
        actor=kcc_actor,
        kanaal="telefoon",
        klant=jan,
        vragen=[
            VraagInvoer(
                onderwerp="Hoe ver is mijn vergunning?",
                resultaat=R.STATUSINFORMATIE,
                antwoord="In behandeling.",
                zaak=zaak_van_jan,
            )
        ],
    )
    vraag = contact.vragen.get()
    assert vraag.zaak == zaak_van_jan
    assert AuditRecord.objects.filter(
        zaak_uuid=zaak_van_jan.uuid,
        object_type="klantvraag",
        actie_weergave="Klantcontact vastgelegd",
    ).exists()


def test_a_zaak_of_another_klant_cannot_be_linked(kcc_actor, jan, zaaktype):
    ander = KlantFactory()
    zaak = zaak_voor(ander, zaaktype)
    with pytest.raises(DomainError, match="hoort niet bij de gekozen klant"):
        klantcontact_log(
            actor=kcc_actor,
            kanaal="telefoon",
            klant=jan,
            vragen=[VraagInvoer("Status", R.STATUSINFORMATIE, antwoord="x", zaak=zaak)],
        )


def test_a_zaak_the_user_may_not_see_is_not_found(jan, zaaktype, team):
    zaak = zaak_voor(jan, zaaktype)
    buitenstaander = UserFactory(rol="klantadviseur", teams=[TeamFactory()])
    buitenstaander.groups.clear()
    # A medewerker who may log contacts but does not see zaken of other teams.
    from django.contrib.auth.models import Permission

    buitenstaander.user_permissions.add(
        Permission.objects.get(codename="add_klantcontact"),
        Permission.objects.get(codename="lezen", content_type__app_label="zaken"),
    )
    with pytest.raises(NotFound):
        klantcontact_log(
            actor=Actor.for_user(buitenstaander),
            kanaal="telefoon",
            vragen=[VraagInvoer("Status", R.STATUSINFORMATIE, antwoord="x", zaak=zaak)],
        )


def test_a_question_starts_a_zaak_with_the_klant_as_initiator_and_the_kanaal(
    kcc_actor, jan, zaaktype
):
    artikel = KennisartikelFactory(
        vraag="Parkeervergunning aanvragen", zaaktype_identificatie=zaaktype.identificatie
    )
    started = []
    events.subscribe("zaak.aangemaakt")(handler := lambda zaak, actor: started.append(zaak))
    try:
        contact = klantcontact_log(
            actor=kcc_actor,
            kanaal="balie",
            klant=jan,
            vragen=[
                VraagInvoer(
                    onderwerp="Parkeervergunning aanvragen",
                    resultaat=R.ZAAK_GESTART,
                    kennisartikel=artikel,  # the zaaktype comes from the article
                )
            ],
        )
    finally:
        events._subscribers["zaak.aangemaakt"].remove(handler)
    vraag = contact.vragen.get()
    zaak = vraag.zaak
    assert zaak is not None and started == [zaak]
    assert zaak.zaaktype == zaaktype and zaak.kanaal == "balie" and zaak.einddatum is None
    initiator = zaak.rollen.get(omschrijving_generiek=RolOmschrijving.INITIATOR)
    assert initiator.bsn == jan.bsn and initiator.klant == jan


def test_the_zaaktype_is_prefilled_from_an_onderwerp_from_the_zaaktype_list(
    kcc_actor, jan, zaaktype
):
    contact = klantcontact_log(
        actor=kcc_actor,
        kanaal="telefoon",
        klant=jan,
        vragen=[VraagInvoer(onderwerp=zaaktype.omschrijving.upper(), resultaat=R.ZAAK_GESTART)],
    )
    vraag = contact.vragen.get()
    assert vraag.onderwerp_bron == Vraag.OnderwerpBron.ZAAKTYPE
    assert vraag.zaak.zaaktype == zaaktype and vraag.zaaktype == zaaktype


def test_a_kcc_settleable_zaak_is_created_and_closed_at_once(kcc_actor, jan, kcc_zaaktype):
    contact = klantcontact_log(
        actor=kcc_actor,
        kanaal="balie",
        klant=jan,
        vragen=[
            VraagInvoer(
                onderwerp="Paspoort aanvragen",
                resultaat=R.ZAAK_AFGEHANDELD,
                zaaktype=kcc_zaaktype,
                antwoord="Aangevraagd.",
            )
        ],
    )
    zaak = contact.vragen.get().zaak
    assert zaak.einddatum == timezone.localdate()
    assert zaak.resultaat.resultaattype.omschrijving == "Verleend"
    assert zaak.statustype.volgnummer == 3  # the end status
    # The workflow settled it too: its process is done and nothing waits in a werkvoorraad.
    from processen.models import OPEN_STATUSSEN, Taak, ZaakProces

    assert not Taak.objects.filter(zaak=zaak, status__in=OPEN_STATUSSEN).exists()
    assert ZaakProces.objects.get(zaak=zaak).status == "DONE"


def test_a_zaaktype_the_kcc_may_not_settle_rolls_everything_back(kcc_actor, jan, zaaktype):
    zaken_voor = Zaak.objects.count()
    with pytest.raises(DomainError, match="niet direct afhandelen") as exc:
        klantcontact_log(
            actor=kcc_actor,
            kanaal="balie",
            klant=jan,
            vragen=[
                VraagInvoer("Eerste", R.DOORVERBONDEN),
                VraagInvoer("Tweede", R.ZAAK_AFGEHANDELD, zaaktype=zaaktype),
            ],
        )
    assert exc.value.vraag_index == 1 and exc.value.field == "zaaktype"
    assert Zaak.objects.count() == zaken_voor
    assert Klantcontact.objects.count() == 0 and Vraag.objects.count() == 0


def test_a_question_sends_a_terugbelverzoek_with_the_klants_phone(kcc_actor, jan, team):
    contact = klantcontact_log(
        actor=kcc_actor,
        kanaal="telefoon",
        klant=jan,
        vragen=[
            VraagInvoer(
                onderwerp="Vergunning",
                resultaat=R.TERUGBELVERZOEK,
                vraag="Mag ik een dakkapel bouwen?",
                terugbel=TerugbelInvoer(team=team, bereikbaarheid="na 14.00 uur"),
            )
        ],
    )
    verzoek = Terugbelverzoek.objects.get()
    assert verzoek.vraag == contact.vragen.get() and verzoek.klant == jan
    assert verzoek.telefoon == "0612345678" and verzoek.team == team
    assert verzoek.vraag_tekst == "Mag ik een dakkapel bouwen?"
    assert verzoek.bereikbaarheid == "na 14.00 uur"


def test_an_anonymous_terugbelverzoek_needs_a_phone_number(kcc_actor, team):
    with pytest.raises(DomainError, match="telefoonnummer") as exc:
        klantcontact_log(
            actor=kcc_actor,
            kanaal="telefoon",
            vragen=[VraagInvoer("x", R.TERUGBELVERZOEK, terugbel=TerugbelInvoer(team=team))],
        )
    assert exc.value.field == "terugbel_telefoon" and exc.value.vraag_index == 0


# --- questions asked on the PIP -----------------------------------------------------------------
def test_a_pip_question_is_an_open_website_contact_routed_to_the_klantregisseur(
    jan, zaak_van_jan, team
):
    regisseur = UserFactory(rol="klantregisseur", teams=[TeamFactory(code="klantregie")])
    zaken_services.zaak_klantregisseur_set(
        actor=Actor.system("test"), zaak=zaak_van_jan, klantregisseur=regisseur
    )
    gesteld = []
    events.subscribe("klantcontact.vraag_gesteld")(h := lambda vraag, actor: gesteld.append(vraag))
    try:
        vraag = vraag_stellen(
            actor=Actor.burger(jan.bsn), zaak=zaak_van_jan, vraag="Wanneer hoor ik iets?"
        )
    finally:
        events._subscribers["klantcontact.vraag_gesteld"].remove(h)
    assert gesteld == [vraag]
    assert vraag.is_open and vraag.resultaat == R.DOORGESTUURD
    assert vraag.klantcontact.kanaal == "website" and vraag.klantcontact.klant == jan
    assert vraag.klantcontact.medewerker is None
    assert vraag.toegewezen_aan == regisseur and vraag.zaak == zaak_van_jan
    assert OutboxMessage.objects.filter(sleutel=f"vraag-gesteld:{vraag.uuid}").exists()


def test_a_pip_question_goes_to_the_behandelaar_or_else_the_team(jan, zaaktype, team):
    zaak = zaak_voor(jan, zaaktype)
    vraag = vraag_stellen(actor=Actor.burger(jan.bsn), zaak=zaak, vraag="Vraag 1")
    assert vraag.toegewezen_aan is None and vraag.toegewezen_team == team
    behandelaar = UserFactory(rol="vakspecialist", teams=[team])
    zaken_services.rol_add(
        actor=Actor.system("test"),
        zaak=zaak,
        betrokkene=zaken_services.Betrokkene.van_medewerker(behandelaar),
        omschrijving_generiek=RolOmschrijving.BEHANDELAAR,
    )
    vraag = vraag_stellen(actor=Actor.burger(jan.bsn), zaak=zaak, vraag="Vraag 2")
    assert vraag.toegewezen_aan == behandelaar


def test_a_burger_cannot_ask_about_someone_elses_zaak(jan, zaaktype):
    zaak = zaak_voor(KlantFactory(), zaaktype)
    with pytest.raises(NotFound):
        vraag_stellen(actor=Actor.burger(jan.bsn), zaak=zaak, vraag="Hoe staat het?")
    with pytest.raises(DomainError, match="Schrijf uw vraag"):
        vraag_stellen(actor=Actor.burger(jan.bsn), vraag="  ")


def test_a_pip_requester_without_klant_record_gets_one(zaaktype, team):
    bsn = "111222333"
    zaak = zaken_services.zaak_create(
        actor=Actor.system("test"),
        zaaktype=zaaktype,
        initiator=zaken_services.Betrokkene.persoon(bsn, naam="Pieter Bakker"),
    )
    vraag = vraag_stellen(actor=Actor.burger(bsn), zaak=zaak, vraag="Hoe staat het?")
    assert vraag.klantcontact.klant.bsn == bsn


def test_an_open_question_is_answered_once_and_the_event_is_published(jan, zaak_van_jan, team):
    behandelaar = UserFactory(rol="vakspecialist", teams=[team])
    vraag = vraag_stellen(actor=Actor.burger(jan.bsn), zaak=zaak_van_jan, vraag="Hoe lang nog?")
    beantwoord = []
    events.subscribe("klantcontact.vraag_beantwoord")(
        h := lambda vraag, actor: beantwoord.append((vraag, actor))
    )
    try:
        vraag_beantwoorden(
            actor=Actor.for_user(behandelaar), vraag=vraag, antwoord="Nog twee weken."
        )
    finally:
        events._subscribers["klantcontact.vraag_beantwoord"].remove(h)
    vraag.refresh_from_db()
    assert not vraag.is_open and vraag.antwoord == "Nog twee weken."
    assert vraag.beantwoord_door == behandelaar and vraag.beantwoord_op is not None
    assert [v.pk for v, _ in beantwoord] == [vraag.pk]
    collega = UserFactory(rol="vakspecialist", teams=[team])
    with pytest.raises(Conflict, match="al beantwoord"):
        vraag_beantwoorden(actor=Actor.for_user(collega), vraag=vraag, antwoord="Anders.")


def test_only_the_routed_medewerker_or_team_answers(jan, zaak_van_jan, team):
    vraag = vraag_stellen(actor=Actor.burger(jan.bsn), zaak=zaak_van_jan, vraag="Vraag")
    ander_team = UserFactory(rol="vakspecialist", teams=[TeamFactory()])
    with pytest.raises(NotFound):  # cannot even see the zaak
        vraag_beantwoorden(actor=Actor.for_user(ander_team), vraag=vraag, antwoord="x")
    lid = UserFactory(rol="vakspecialist", teams=[team])
    with pytest.raises(DomainError, match="Schrijf het antwoord"):
        vraag_beantwoorden(actor=Actor.for_user(lid), vraag=vraag, antwoord=" ")
    with pytest.raises(NotAllowed):
        vraag_beantwoorden(actor=Actor.burger(jan.bsn), vraag=vraag, antwoord="x")


def test_services_publish_their_events(kcc_actor, jan, team):
    from contextlib import ExitStack

    from klantregie.services import terugbelverzoek_close

    gezien = []
    namen = ("klantcontact.vastgelegd", "terugbelverzoek.verstuurd", "terugbelverzoek.afgehandeld")
    with ExitStack() as stack:
        for naam in namen:
            handler = events.subscribe(naam)(lambda naam=naam, **kw: gezien.append(naam))
            stack.callback(events._subscribers[naam].remove, handler)
        klantcontact_log(
            actor=kcc_actor,
            kanaal="telefoon",
            klant=jan,
            vragen=[VraagInvoer("x", R.TERUGBELVERZOEK, terugbel=TerugbelInvoer(team=team))],
        )
        terugbelverzoek_close(
            actor=Actor.system("test"), verzoek=Terugbelverzoek.objects.get(), resultaat="geholpen"
        )
    assert gezien == [
        "terugbelverzoek.verstuurd",
        "klantcontact.vastgelegd",
        "terugbelverzoek.afgehandeld",
    ]


def test_mijn_vragen_selector_returns_only_the_requesters_own_pip_questions(
    kcc_actor, jan, zaak_van_jan, zaaktype
):
    from klantregie.selectors import vragen_voor_betrokkene, vragen_voor_klant, vragen_voor_zaak

    fatima = KlantFactory(bsn="999990019")
    eigen = vraag_stellen(actor=Actor.burger(jan.bsn), zaak=zaak_van_jan, vraag="Mijn vraag")
    vraag_stellen(actor=Actor.burger(fatima.bsn), zaak=zaak_voor(fatima, zaaktype), vraag="Hare")
    telefonisch = klantcontact_log(
        actor=kcc_actor,
        kanaal="telefoon",
        klant=jan,
        vragen=[VraagInvoer("Status", R.STATUSINFORMATIE, antwoord="x", zaak=zaak_van_jan)],
    ).vragen.get()
    assert list(vragen_voor_betrokkene(bsn=jan.bsn)) == [eigen]
    assert set(vragen_voor_betrokkene(bsn=jan.bsn, kanaal="")) == {eigen, telefonisch}
    assert list(vragen_voor_betrokkene()) == []
    assert set(vragen_voor_zaak(zaak_van_jan)) == {eigen, telefonisch}
    assert set(vragen_voor_klant(jan)) == {eigen, telefonisch}

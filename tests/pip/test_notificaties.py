"""Acceptance 4: a status change whose statustype says informeren sends exactly one e-mail (text
and HTML); with SMTP failing nothing is lost and it goes out once SMTP is back; running the sender
twice sends nothing twice. Plus: new documents, answers to questions, preferences, opt-out."""

from smtplib import SMTPException
from unittest import mock

import pytest
from django.core import mail
from django.urls import reverse

from core.actor import Actor
from core.models import AuditRecord, OutboxMessage
from core.outbox import outbox_deliver
from klantregie.models import Klant
from klantregie.services import vraag_beantwoorden, vraag_stellen
from pip.models import Notificatievoorkeur
from pip.notificaties import vraag_beantwoord
from tests.factories import ZaakFactory
from tests.pip.conftest import PDF, bedrijfszaak
from zaken import services
from zaken.models import RolOmschrijving

pytestmark = pytest.mark.django_db


@pytest.fixture
def zaak(burger, pip_zaaktype):
    Klant.objects.create(
        soort="persoon", bsn=burger.bsn, voornamen="Anna", achternaam="Jansen", email="anna@x.nl"
    )
    zaak = ZaakFactory(zaaktype=pip_zaaktype, initiator_bsn=burger.bsn)
    OutboxMessage.objects.all().delete()  # the e-mail about the first status
    mail.outbox.clear()
    return zaak


def _status(zaak, volgnummer=2, **kwargs):
    return services.zaak_status_set(
        actor=Actor.system("test"),
        zaak=zaak,
        statustype=zaak.zaaktype.statustypen.get(volgnummer=volgnummer),
        **kwargs,
    )


def test_status_with_informeren_sends_exactly_one_email(zaak, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        _status(zaak)
    assert len(mail.outbox) == 1
    bericht = mail.outbox[0]
    assert bericht.to == ["anna@x.nl"]
    assert bericht.subject == f"Nieuws over uw zaak {zaak.identificatie}"
    assert "Uw zaak is in behandeling." in bericht.body
    assert reverse("pip:zaak", args=[zaak.uuid]) in bericht.body
    html, soort = bericht.alternatives[0]
    assert soort == "text/html" and "Uw zaak is in behandeling." in html
    assert outbox_deliver() == {"sent": 0, "failed": 0}
    assert len(mail.outbox) == 1


def test_status_without_informeren_sends_nothing(zaak, django_capture_on_commit_callbacks):
    zaak.zaaktype.statustypen.filter(volgnummer=2).update(informeren=False)
    with django_capture_on_commit_callbacks(execute=True):
        _status(zaak)
    assert not mail.outbox and not OutboxMessage.objects.exists()


def test_smtp_down_loses_nothing_and_a_second_run_sends_nothing_twice(zaak):
    with mock.patch(
        "django.core.mail.backends.locmem.EmailBackend.send_messages",
        side_effect=SMTPException("SMTP is down"),
    ):
        _status(zaak)  # the change commits; the e-mail waits in the outbox
        assert outbox_deliver() == {"sent": 0, "failed": 1}
    bericht = OutboxMessage.objects.get()
    assert bericht.verzonden_op is None and "SMTP is down" in bericht.laatste_fout
    assert not mail.outbox
    zaak.refresh_from_db()
    assert zaak.statustype.volgnummer == 2  # the status change itself is not lost either
    OutboxMessage.objects.update(beschikbaar_vanaf=bericht.aangemaakt)  # back-off has passed
    assert outbox_deliver() == {"sent": 1, "failed": 0}
    assert outbox_deliver() == {"sent": 0, "failed": 0}
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["anna@x.nl"]


def test_recording_the_same_status_email_twice_is_harmless(zaak):
    from pip.notificaties import status_gezet

    status = _status(zaak)
    status_gezet(zaak=zaak, status=status, actor=Actor.system("test"))  # e.g. a replayed event
    assert OutboxMessage.objects.count() == 1


def test_new_document_visible_to_the_initiator_sends_an_email(
    zaak, django_capture_on_commit_callbacks
):
    iot = zaak.zaaktype.zaaktype_informatieobjecttypen.first().informatieobjecttype
    with django_capture_on_commit_callbacks(execute=True):
        services.document_add(
            actor=Actor.system("test"),
            zaak=zaak,
            informatieobjecttype=iot,
            titel="Besluit op uw aanvraag",
            inhoud=PDF,
            zichtbaar_voor_initiator=True,
        )
        services.document_add(
            actor=Actor.system("test"),
            zaak=zaak,
            informatieobjecttype=iot,
            titel="Intern advies",
            inhoud=PDF,
        )
    assert len(mail.outbox) == 1
    assert mail.outbox[0].subject == f"Nieuw document bij uw zaak {zaak.identificatie}"
    assert "Besluit op uw aanvraag" in mail.outbox[0].body


def test_preference_address_and_opt_out(zaak, burger_client, burger):
    response = burger_client.get(reverse("pip:voorkeuren"))
    assert 'value="anna@x.nl"' in response.content.decode()  # the address the gemeente knows
    response = burger_client.post(
        reverse("pip:voorkeuren"), {"email": "anna.nieuw@x.nl", "email_ontvangen": "on"}
    )
    assert response.status_code == 302
    _status(zaak)
    assert OutboxMessage.objects.get().payload["to"] == "anna.nieuw@x.nl"
    burger_client.post(reverse("pip:voorkeuren"), {"email": "anna.nieuw@x.nl"})
    assert not Notificatievoorkeur.objects.get(bsn=burger.bsn).email_ontvangen
    _status(zaak, volgnummer=1)
    assert OutboxMessage.objects.count() == 1
    assert AuditRecord.objects.filter(object_type="notificatievoorkeur", actie="update").exists()


def test_preferences_form_says_what_to_fix(burger_client):
    response = burger_client.post(
        reverse("pip:voorkeuren"), {"email": "geen-adres", "email_ontvangen": "on"}
    )
    assert response.status_code == 400
    assert "Dit is geen geldig e-mailadres" in response.content.decode()
    assert 'value="geen-adres"' in response.content.decode()
    response = burger_client.post(reverse("pip:voorkeuren"), {"email_ontvangen": "on"})
    assert "Vul uw e-mailadres in, of kies dat u geen e-mail wilt ontvangen." in (
        response.content.decode()
    )
    assert not Notificatievoorkeur.objects.exists()


def test_business_gets_the_email_at_its_preference(ondernemer_client, ondernemer, pip_zaaktype):
    ondernemer_client.post(
        reverse("pip:voorkeuren"), {"email": "info@brink.nl", "email_ontvangen": "on"}
    )
    zaak = bedrijfszaak(ondernemer.kvk_nummer, zaaktype=pip_zaaktype)
    _status(zaak)
    assert list(OutboxMessage.objects.values_list("payload__to", flat=True)) == ["info@brink.nl"]


def test_confidential_zaak_email_does_not_name_the_zaaktype(zaak):
    zaak.zaaktype.publiek_omschrijving = "Bijzondere bijstand"
    zaak.zaaktype.save()
    type(zaak).objects.filter(pk=zaak.pk).update(vertrouwelijkheidaanduiding="vertrouwelijk")
    zaak.refresh_from_db()
    _status(zaak)
    payload = OutboxMessage.objects.get().payload
    assert "Bijzondere bijstand" not in payload["text"] + payload["html"]
    assert "Uw zaak is in behandeling." not in payload["text"]
    assert zaak.identificatie in payload["text"]


# --- an answer to a question asked on the PIP -----------------------------------------------------
@pytest.fixture
def gestelde_vraag(zaak, burger):
    vraag = vraag_stellen(actor=Actor.burger(burger.bsn), zaak=zaak, vraag="Hoe lang nog?")
    OutboxMessage.objects.all().delete()  # the notice to the medewerker it was routed to
    return vraag


def _beantwoorden(vraag, door, antwoord="Nog ongeveer twee weken."):
    return vraag_beantwoorden(actor=Actor.for_user(door), vraag=vraag, antwoord=antwoord)


def _antwoordmails():
    return OutboxMessage.objects.filter(sleutel__startswith="pip:antwoord:")


def test_an_answer_sends_exactly_one_email_text_and_html(
    gestelde_vraag, vakspecialist, zaak, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        vraag = _beantwoorden(gestelde_vraag, vakspecialist)
    assert len(mail.outbox) == 1
    bericht = mail.outbox[0]
    assert bericht.to == ["anna@x.nl"]
    assert bericht.subject == f"Antwoord op uw vraag over zaak {zaak.identificatie}"
    assert "Er is nu een antwoord." in bericht.body and "Parkeervergunning" in bericht.body
    assert reverse("pip:vraag", args=[vraag.uuid]) in bericht.body
    assert "omdat u een vraag stelde op Mijn zaken" in bericht.body
    assert "Nog ongeveer twee weken." not in bericht.body  # the answer is read on the PIP
    html, soort = bericht.alternatives[0]
    assert soort == "text/html" and reverse("pip:vraag", args=[vraag.uuid]) in html
    assert "Nog ongeveer twee weken." not in html
    # the sender again, and the event replayed: nothing twice
    assert outbox_deliver() == {"sent": 0, "failed": 0}
    assert vraag_beantwoord(vraag=vraag, actor=Actor.system("test")) is False
    assert _antwoordmails().count() == 1 and len(mail.outbox) == 1


def test_an_answer_email_waits_while_smtp_is_down_and_goes_out_once(gestelde_vraag, vakspecialist):
    with mock.patch(
        "django.core.mail.backends.locmem.EmailBackend.send_messages",
        side_effect=SMTPException("SMTP is down"),
    ):
        _beantwoorden(gestelde_vraag, vakspecialist)
        assert outbox_deliver() == {"sent": 0, "failed": 1}
    gestelde_vraag.refresh_from_db()
    assert not gestelde_vraag.is_open  # the answer itself is not lost
    bericht = _antwoordmails().get()
    OutboxMessage.objects.update(beschikbaar_vanaf=bericht.aangemaakt)
    assert outbox_deliver() == {"sent": 1, "failed": 0}
    assert outbox_deliver() == {"sent": 0, "failed": 0}
    assert len(mail.outbox) == 1


def test_an_answer_email_follows_the_preferences(burger_client, burger, zaak, vakspecialist):
    burger_client.post(
        reverse("pip:voorkeuren"), {"email": "anna.nieuw@x.nl", "email_ontvangen": "on"}
    )
    actor = Actor.burger(burger.bsn)
    _beantwoorden(vraag_stellen(actor=actor, zaak=zaak, vraag="Een"), vakspecialist)
    assert list(_antwoordmails().values_list("payload__to", flat=True)) == ["anna.nieuw@x.nl"]
    burger_client.post(reverse("pip:voorkeuren"), {"email": "anna.nieuw@x.nl"})  # opt out
    _beantwoorden(vraag_stellen(actor=actor, zaak=zaak, vraag="Twee"), vakspecialist)
    assert _antwoordmails().count() == 1


def test_the_answer_email_goes_to_whoever_asked(zaak, andere_burger, vakspecialist):
    Klant.objects.create(soort="persoon", bsn=andere_burger.bsn, email="buur@x.nl")
    services.rol_add(
        actor=Actor.system("test"),
        zaak=zaak,
        betrokkene=services.Betrokkene.persoon(andere_burger.bsn, naam="Buur"),
        omschrijving_generiek=RolOmschrijving.BELANGHEBBENDE,
    )
    vraag = vraag_stellen(actor=Actor.burger(andere_burger.bsn), zaak=zaak, vraag="Geluid?")
    _beantwoorden(vraag, vakspecialist)
    assert list(_antwoordmails().values_list("payload__to", flat=True)) == ["buur@x.nl"]


def test_no_answer_email_without_an_address_or_for_a_question_not_asked_on_the_pip(
    pip_zaaktype, andere_burger, vakspecialist, kcc_user
):
    zaak = ZaakFactory(zaaktype=pip_zaaktype, initiator_bsn=andere_burger.bsn)
    vraag = vraag_stellen(actor=Actor.burger(andere_burger.bsn), zaak=zaak, vraag="Zonder adres")
    _beantwoorden(vraag, vakspecialist)
    assert not _antwoordmails().exists()
    # A question the KCC forwarded from a phone call is not on Mijn vragen: no PIP e-mail.
    klant = Klant.objects.get(bsn=andere_burger.bsn)
    klant.email = "bert@x.nl"
    klant.save()
    telefonisch = vraag_stellen(
        actor=Actor.for_user(kcc_user), klant=klant, kanaal="telefoon", vraag="Telefonisch"
    )
    vraag_beantwoord(vraag=telefonisch, actor=Actor.system("test"))
    assert not _antwoordmails().exists()


def test_a_vestiging_gets_the_answer_at_the_company_address(
    ondernemer_client, ondernemer, pip_zaaktype, vakspecialist
):
    ondernemer_client.post(
        reverse("pip:voorkeuren"), {"email": "info@brink.nl", "email_ontvangen": "on"}
    )
    zaak = bedrijfszaak(ondernemer.kvk_nummer, zaaktype=pip_zaaktype)
    vraag = vraag_stellen(
        actor=Actor.ondernemer(ondernemer.kvk_nummer, "000011112222"), zaak=zaak, vraag="Podium?"
    )
    _beantwoorden(vraag, vakspecialist)
    assert list(_antwoordmails().values_list("payload__to", flat=True)) == ["info@brink.nl"]


def test_an_answer_about_a_confidential_zaak_does_not_name_the_zaaktype(
    gestelde_vraag, zaak, vakspecialist
):
    zaak.zaaktype.publiek_omschrijving = "Bijzondere bijstand"
    zaak.zaaktype.save()
    type(zaak).objects.filter(pk=zaak.pk).update(vertrouwelijkheidaanduiding="vertrouwelijk")
    vakspecialist.max_vertrouwelijkheidaanduiding = "geheim"
    vakspecialist.save()
    _beantwoorden(gestelde_vraag, vakspecialist)
    payload = _antwoordmails().get().payload
    assert "Bijzondere bijstand" not in payload["text"] + payload["html"] + payload["subject"]
    assert zaak.identificatie in payload["text"]

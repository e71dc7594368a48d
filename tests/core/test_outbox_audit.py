from smtplib import SMTPException
from unittest import mock

import pytest
from django.core import mail
from django.db import DatabaseError, connection, transaction

from core.actor import Actor
from core.audit import audit_log
from core.models import AuditRecord, OutboxMessage
from core.outbox import email_enqueue, outbox_deliver

pytestmark = pytest.mark.django_db


def test_enqueue_is_idempotent_and_delivery_sends_once():
    assert email_enqueue(
        sleutel="k1", to="a@example.nl", subject="Onderwerp", text="Tekst", html="<p>Tekst</p>"
    )
    assert not email_enqueue(sleutel="k1", to="a@example.nl", subject="Onderwerp", text="Tekst")
    assert OutboxMessage.objects.count() == 1
    assert outbox_deliver() == {"sent": 1, "failed": 0}
    assert outbox_deliver() == {"sent": 0, "failed": 0}
    assert len(mail.outbox) == 1
    assert mail.outbox[0].alternatives[0][1] == "text/html"


def test_smtp_down_keeps_the_message_until_it_is_back():
    email_enqueue(sleutel="k2", to="a@example.nl", subject="S", text="T")
    with mock.patch(
        "django.core.mail.backends.locmem.EmailBackend.send_messages",
        side_effect=SMTPException("down"),
    ):
        assert outbox_deliver() == {"sent": 0, "failed": 1}
    message = OutboxMessage.objects.get()
    assert message.verzonden_op is None and message.pogingen == 1 and "down" in message.laatste_fout
    OutboxMessage.objects.update(beschikbaar_vanaf=message.aangemaakt)  # the back-off has passed
    assert outbox_deliver() == {"sent": 1, "failed": 0}
    assert len(mail.outbox) == 1


def test_message_recorded_in_a_rolled_back_transaction_is_not_sent():
    with pytest.raises(RuntimeError), transaction.atomic():
        email_enqueue(sleutel="k3", to="a@example.nl", subject="S", text="T")
        raise RuntimeError
    assert outbox_deliver()["sent"] == 0 and not mail.outbox


@pytest.mark.postgres
def test_audit_trail_is_append_only_in_the_database():
    record = audit_log(Actor.system("test"), actie="create", object_type="test")
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        AuditRecord.objects.filter(pk=record.pk).update(toelichting="vervalst")
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        AuditRecord.objects.filter(pk=record.pk).delete()
    assert connection.vendor == "postgresql"


def test_signaal_is_given_once_per_day():
    from datetime import date

    from core.models import Signaal
    from core.signalen import signaal_geven
    from tests.factories import UserFactory

    user = UserFactory(email="vera@voorbeeldstad.nl")
    kwargs = {
        "soort": "herinnering",
        "obj": user,
        "ontvanger": user,
        "onderwerp": "Termijn bijna om",
        "tekst": "Kijk even.",
    }
    assert signaal_geven(**kwargs, datum=date(2026, 11, 23))
    assert not signaal_geven(**kwargs, datum=date(2026, 11, 23))
    assert signaal_geven(**kwargs, datum=date(2026, 11, 24))
    assert Signaal.objects.count() == 2
    assert OutboxMessage.objects.filter(soort="email").count() == 2


def test_one_delivery_is_scheduled_per_transaction(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks() as callbacks, transaction.atomic():
        email_enqueue(sleutel="a", to="a@example.nl", subject="S", text="T")
        email_enqueue(sleutel="b", to="b@example.nl", subject="S", text="T")
    assert len(callbacks) == 1

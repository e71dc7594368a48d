"""Deadline signals to medewerkers: one per (soort, object, ontvanger, day), recorded and sent.

Usage from a daily job (processen tasks, klantregie terugbelverzoeken, ...):

    signaal_geven(soort="herinnering", obj=task_or_verzoek, ontvanger=user, zaak=zaak,
                  onderwerp="...", tekst="...")

Returns False when that signal was already given today, so the job can run as often as it likes.
The e-mail goes through the outbox in the same transaction."""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from core.models import Signaal
from core.outbox import email_enqueue


def signaal_geven(
    *,
    soort: str,
    obj,
    ontvanger,
    onderwerp: str,
    tekst: str,
    zaak=None,
    datum: date | None = None,
    object_type: str | None = None,
) -> bool:
    datum = datum or timezone.localdate()
    try:
        with transaction.atomic():
            signaal = Signaal.objects.create(
                soort=soort,
                object_type=object_type or obj._meta.model_name,
                object_uuid=obj.uuid,
                zaak_uuid=getattr(zaak, "uuid", None),
                ontvanger=ontvanger,
                datum=datum,
                onderwerp=onderwerp[:200],
                tekst=tekst,
            )
            if ontvanger.email:
                email_enqueue(
                    sleutel=f"signaal:{signaal.pk}",
                    to=ontvanger.email,
                    subject=f"[Zaakstroom] {onderwerp}",
                    text=f"{tekst}\n\n{settings.SITE_URL}",
                    zaak=zaak,
                )
    except IntegrityError:
        return False
    return True


def signalen_voor_zaak(zaak) -> list[Signaal]:
    return list(Signaal.objects.filter(zaak_uuid=zaak.uuid).select_related("ontvanger")[:100])

"""What the PIP stores itself: the requester's notification preferences. Keyed by BSN or
KvK-nummer (+ vestiging), not by account, so that an e-mail about a zaak finds its way even when
the requester never logged in on the PIP."""

import uuid

from django.db import models
from django.utils import timezone

from core.validators import validate_bsn, validate_kvk_nummer, validate_vestigingsnummer


class Notificatievoorkeur(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    bsn = models.CharField("BSN", max_length=9, blank=True, validators=[validate_bsn])
    kvk_nummer = models.CharField(
        "KvK-nummer", max_length=8, blank=True, validators=[validate_kvk_nummer]
    )
    vestigingsnummer = models.CharField(
        "vestigingsnummer", max_length=12, blank=True, validators=[validate_vestigingsnummer]
    )
    email = models.EmailField("e-mailadres", blank=True)
    email_ontvangen = models.BooleanField("e-mail over zaken ontvangen", default=True)
    gewijzigd = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = "notificatievoorkeur"
        verbose_name_plural = "notificatievoorkeuren"
        constraints = [
            models.UniqueConstraint(
                fields=["bsn"], condition=~models.Q(bsn=""), name="uniek_voorkeur_bsn"
            ),
            models.UniqueConstraint(
                fields=["kvk_nummer", "vestigingsnummer"],
                condition=~models.Q(kvk_nummer=""),
                name="uniek_voorkeur_kvk",
            ),
            models.CheckConstraint(
                condition=(models.Q(bsn="") & ~models.Q(kvk_nummer=""))
                | (~models.Q(bsn="") & models.Q(kvk_nummer="", vestigingsnummer="")),
                name="voorkeur_bsn_of_kvk",
            ),
        ]

    def __str__(self):
        wie = f"BSN {self.bsn}" if self.bsn else f"KvK {self.kvk_nummer} {self.vestigingsnummer}"
        return f"{wie}: {'e-mail' if self.email_ontvangen else 'geen e-mail'}"

"""E-mails to the requester: a status whose statustype says `informeren`, a new document the
requester may see, and an answer to a question they asked on the PIP. Subscribers of the synchronous domain events: they record the e-mail in the
outbox inside the service's transaction (idempotent key), so a change never loses its e-mail when
SMTP or the broker is down, and a retry never sends it twice.

Who gets it: the aanvragers (initiator, mede-initiator) of the zaak, at the address in their PIP
preferences, else the address the municipality knows (klant), unless they opted out. An answer
goes to whoever asked the question (which may be a belanghebbende, not the aanvrager)."""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse

from core.actor import Bron
from core.events import subscribe
from core.outbox import email_enqueue
from core.vertrouwelijkheid import Vertrouwelijkheid, rang
from klantregie.selectors import vragen_voor_betrokkene
from pip.models import Notificatievoorkeur
from pip.selectors import AANVRAGER_ROLLEN
from zaken.models import Rol


@dataclass(frozen=True)
class Ontvanger:
    sleutel: str  # "bsn:<bsn>" or "kvk:<kvk>:<vestiging>"
    email: str


def ontvangers_voor_zaak(zaak) -> list[Ontvanger]:
    from klantregie.models import Klant

    rollen = list(
        Rol.objects.filter(zaak=zaak, omschrijving_generiek__in=AANVRAGER_ROLLEN)
        .exclude(bsn="", kvk_nummer="")
        .select_related("klant")
        .order_by("id")
    )
    if not rollen:
        return []
    bsns = {r.bsn for r in rollen if r.bsn}
    kvks = {r.kvk_nummer for r in rollen if r.kvk_nummer and not r.bsn}
    voorkeuren = {
        (v.bsn, v.kvk_nummer, v.vestigingsnummer): v
        for v in Notificatievoorkeur.objects.filter(Q(bsn__in=bsns) | Q(kvk_nummer__in=kvks))
    }
    zonder_klant = [r for r in rollen if r.klant is None]
    klanten = {}
    if zonder_klant:
        for k in Klant.objects.filter(
            Q(bsn__in=[r.bsn for r in zonder_klant if r.bsn])
            | Q(kvk_nummer__in=[r.kvk_nummer for r in zonder_klant if r.kvk_nummer and not r.bsn])
        ):
            klanten[k.bsn or (k.kvk_nummer, k.vestigingsnummer)] = k

    ontvangers: dict[str, Ontvanger] = {}
    for rol in rollen:
        if rol.bsn:
            sleutel = f"bsn:{rol.bsn}"
            voorkeur = voorkeuren.get((rol.bsn, "", ""))
            klant = rol.klant or klanten.get(rol.bsn)
        else:
            sleutel = f"kvk:{rol.kvk_nummer}:{rol.vestigingsnummer}"
            voorkeur = voorkeuren.get(("", rol.kvk_nummer, rol.vestigingsnummer)) or voorkeuren.get(
                ("", rol.kvk_nummer, "")
            )
            klant = (
                rol.klant
                or klanten.get((rol.kvk_nummer, rol.vestigingsnummer))
                or klanten.get((rol.kvk_nummer, ""))
            )
        if sleutel in ontvangers or (voorkeur is not None and not voorkeur.email_ontvangen):
            continue
        email = (
            (voorkeur.email if voorkeur is not None else "")
            or (klant.email if klant is not None else "")
            or (rol.contactpersoon or {}).get("emailadres", "")
        )
        if email:
            ontvangers[sleutel] = Ontvanger(sleutel=sleutel, email=email)
    return list(ontvangers.values())


def _is_vertrouwelijk(zaak) -> bool:
    """Above zaakvertrouwelijk, an e-mail does not even name the zaaktype (bijstand, Wmo)."""
    return rang(zaak.vertrouwelijkheidaanduiding) > rang(Vertrouwelijkheid.ZAAKVERTROUWELIJK)


def _context(zaak, **extra) -> dict:
    return {
        "zaak": zaak,
        "vertrouwelijk": _is_vertrouwelijk(zaak),
        "zaaktype_naam": zaak.zaaktype.publiek_omschrijving,
        "url": settings.SITE_URL.rstrip("/") + reverse("pip:zaak", args=[zaak.uuid]),
        "voorkeuren_url": settings.SITE_URL.rstrip("/") + reverse("pip:voorkeuren"),
        "GEMEENTE_NAAM": settings.GEMEENTE_NAAM,
        "GEMEENTE_TELEFOON": settings.GEMEENTE_TELEFOON,
        **extra,
    }


def _versturen(zaak, soort: str, sleutel: str, onderwerp: str, context: dict) -> int:
    aantal = 0
    for ontvanger in ontvangers_voor_zaak(zaak):
        aantal += email_enqueue(
            sleutel=f"pip:{soort}:{sleutel}:{ontvanger.sleutel}",
            to=ontvanger.email,
            subject=onderwerp,
            text=render_to_string(f"pip/email/{soort}.txt", context),
            html=render_to_string(f"pip/email/{soort}.html", context),
            zaak=zaak,
        )
    return aantal


@subscribe("zaak.status_gezet")
def status_gezet(*, zaak, status, actor=None, **_) -> None:
    if not status.statustype.informeren:
        return
    _versturen(
        zaak,
        "status",
        str(status.uuid),
        f"Nieuws over uw zaak {zaak.identificatie}",
        _context(zaak, statustype=status.statustype),
    )


@subscribe("zaak.document_toegevoegd")
def document_toegevoegd(*, zaak, zaakdocument, actor=None, **_) -> None:
    if not zaakdocument.document.zichtbaar_voor_initiator:
        return
    if actor is not None and actor.bron == Bron.PIP:
        return  # the requester added it themselves
    _versturen(
        zaak,
        "document",
        str(zaakdocument.uuid),
        f"Nieuw document bij uw zaak {zaak.identificatie}",
        _context(zaak, document=zaakdocument.document),
    )


# --- answers to questions ---------------------------------------------------------------------
def adres_voor(*, bsn: str = "", kvk_nummer: str = "", vestigingsnummer: str = "") -> str:
    """The e-mail address of one requester: their PIP preference, else the address the
    municipality knows (klant); "" when there is none or they opted out. A vestiging without a
    preference or address of its own uses the company-wide one. Two queries."""
    from klantregie.models import Klant

    if bsn:
        voorkeuren = list(Notificatievoorkeur.objects.filter(bsn=bsn))
        klanten = list(Klant.objects.filter(bsn=bsn))
    elif kvk_nummer:
        vestigingen = {vestigingsnummer, ""}
        voorkeuren = _eigen_eerst(
            Notificatievoorkeur.objects.filter(
                kvk_nummer=kvk_nummer, vestigingsnummer__in=vestigingen
            ),
            vestigingsnummer,
        )
        klanten = _eigen_eerst(
            Klant.objects.filter(kvk_nummer=kvk_nummer, vestigingsnummer__in=vestigingen),
            vestigingsnummer,
        )
    else:
        return ""
    voorkeur = voorkeuren[0] if voorkeuren else None
    if voorkeur is not None and not voorkeur.email_ontvangen:
        return ""
    if voorkeur is not None and voorkeur.email:
        return voorkeur.email
    return next((k.email for k in klanten if k.email), "")


def _eigen_eerst(rijen, vestigingsnummer: str) -> list:
    """The vestiging's own row before the company-wide one."""
    return sorted(rijen, key=lambda rij: rij.vestigingsnummer != vestigingsnummer)


def _betrokkene_van(klant) -> dict[str, str] | None:
    if klant is None:
        return None
    if klant.bsn:
        return {"bsn": klant.bsn}
    if klant.kvk_nummer:
        return {"kvk_nummer": klant.kvk_nummer, "vestigingsnummer": klant.vestigingsnummer}
    return None


@subscribe("klantcontact.vraag_beantwoord")
def vraag_beantwoord(*, vraag, actor=None, **_) -> bool:
    """Tell the requester there is an answer (not the answer itself: e-mail is not the place for
    it). Only for a question they can read under Mijn vragen: asked on the PIP, about no zaak or
    a zaak they are (still) a betrokkene of."""
    betrokkene = _betrokkene_van(vraag.klantcontact.klant)
    if betrokkene is None:
        return False
    if not vragen_voor_betrokkene(**betrokkene).filter(pk=vraag.pk).exists():
        return False
    email = adres_voor(**betrokkene)
    if not email:
        return False
    zaak = vraag.zaak
    context = {
        "vraag": vraag,
        "zaak": zaak,
        "vertrouwelijk": zaak is not None and _is_vertrouwelijk(zaak),
        "zaaktype_naam": zaak.zaaktype.publiek_omschrijving if zaak is not None else "",
        "url": settings.SITE_URL.rstrip("/") + reverse("pip:vraag", args=[vraag.uuid]),
        "voorkeuren_url": settings.SITE_URL.rstrip("/") + reverse("pip:voorkeuren"),
        "GEMEENTE_NAAM": settings.GEMEENTE_NAAM,
        "GEMEENTE_TELEFOON": settings.GEMEENTE_TELEFOON,
    }
    onderwerp = "Antwoord op uw vraag" + (f" over zaak {zaak.identificatie}" if zaak else "")
    return email_enqueue(
        sleutel=f"pip:antwoord:{vraag.uuid}",
        to=email,
        subject=onderwerp,
        text=render_to_string("pip/email/antwoord.txt", context),
        html=render_to_string("pip/email/antwoord.html", context),
        zaak=zaak,
    )

"""Demo data for the PIP (DEMO.md): letters the demo requesters can open on Mijn zaken, and
questions they asked on the PIP with the answers of the klantregisseur or behandelend team."""

from __future__ import annotations

import uuid

from core.actor import Actor
from zaken import services
from zaken.models import Informatieobjecttype, Zaak


def eenvoudige_pdf(regels: list[str]) -> bytes:
    """A small, valid one-page PDF with lines of text (Helvetica, WinAnsi). Demo letters only:
    the real letters come from rapportage."""

    def esc(tekst: str) -> str:
        return tekst.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")

    inhoud = "BT /F1 12 Tf 72 770 Td 16 TL " + " ".join(f"({esc(r)}) '" for r in regels) + " ET"
    stream = inhoud.encode("cp1252", "replace")
    objecten = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    pdf = bytearray(b"%PDF-1.4\n")
    posities = []
    for nummer, obj in enumerate(objecten, start=1):
        posities.append(len(pdf))
        pdf += b"%d 0 obj\n" % nummer + obj + b"\nendobj\n"
    xref = len(pdf)
    pdf += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objecten) + 1)
    for positie in posities:
        pdf += b"%010d 00000 n \n" % positie
    pdf += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objecten) + 1,
        xref,
    )
    return bytes(pdf)


BRIEVEN = [
    # zaak, informatieobjecttype, titel, regels
    (
        "ZAAK-DEMO-0001",
        "Ontvangstbevestiging",
        "Ontvangstbevestiging parkeervergunning",
        [
            "Gemeente Voorbeeldstad",
            "",
            "Beste heer De Vries,",
            "",
            "We hebben uw aanvraag voor een parkeervergunning ontvangen.",
            "U krijgt binnen 8 weken een besluit.",
        ],
    ),
    (
        "ZAAK-DEMO-0003",
        "Besluit",
        "Besluit op uw melding",
        [
            "Gemeente Voorbeeldstad",
            "",
            "Beste heer De Vries,",
            "",
            "De losliggende stoeptegel op het Kerkplein is vastgezet.",
            "Dank u wel voor uw melding.",
        ],
    ),
]


def seed_pip() -> str:
    actor = Actor.system("Demo")
    nieuw = 0
    for identificatie, soort, titel, regels in BRIEVEN:
        zaak = Zaak.objects.filter(identificatie=identificatie).first()
        if zaak is None or zaak.zaakdocumenten.filter(titel=titel).exists():
            continue
        iot = Informatieobjecttype.objects.filter(
            omschrijving=soort, zaaktype_links__zaaktype=zaak.zaaktype
        ).first()
        if iot is None:
            continue
        services.document_add(
            actor=actor,
            zaak=zaak,
            informatieobjecttype=iot,
            titel=titel,
            inhoud=eenvoudige_pdf(regels),
            bestandsnaam=f"{titel.lower().replace(' ', '-')}.pdf",
            zichtbaar_voor_initiator=True,
            formaat="application/pdf",
            controleer_inhoud=False,
        )
        nieuw += 1
    return f"{nieuw} brieven voor Mijn zaken"


# zaak, who asked (BSN or KvK-nummer), question, answer
VRAGEN = [
    (
        "ZAAK-DEMO-0008",
        "68750110",
        "Mogen we het podium al op vrijdag opbouwen, of pas op de dag van het festival zelf?",
        "U mag het podium op vrijdag vanaf 12.00 uur opbouwen. Dat zetten we in de vergunning. "
        "Houd de nooduitgangen en de route voor de brandweer vrij.",
    ),
    (
        "ZAAK-DEMO-0001",
        "999993653",
        "Geldt de parkeervergunning ook voor de auto van mijn vrouw?",
        "De vergunning geldt voor één kenteken. Voor een tweede auto kunt u een tweede "
        "vergunning aanvragen. Daarvoor is een wachtlijst van ongeveer drie maanden.",
    ),
]


def _vraag_sleutel(zaak: str, wie: str) -> uuid.UUID:
    return uuid.uuid5(uuid.NAMESPACE_URL, f"https://zaakstroom.demo/pip/vraag/{zaak}/{wie}")


def seed_vragen() -> str:
    """Questions asked on the PIP and answered by whoever they were routed to (the klantregisseur
    of De Brink's evenementenvergunning, the Vergunningen team for Jan's parkeervergunning).
    Idempotent: the idempotency key of each question is fixed."""
    from klantregie.services import vraag_beantwoorden, vraag_stellen
    from organisatie.models import User

    aantal = 0
    for identificatie, wie, tekst, antwoord in VRAGEN:
        zaak = Zaak.objects.filter(identificatie=identificatie).first()
        if zaak is None:
            continue
        vrager = Actor.ondernemer(wie, "") if len(wie) == 8 else Actor.burger(wie)
        vraag = vraag_stellen(
            actor=vrager, zaak=zaak, vraag=tekst, sleutel=_vraag_sleutel(identificatie, wie)
        )
        if not vraag.is_open:
            continue
        beantwoorder = vraag.toegewezen_aan or (
            User.objects.filter(teams=vraag.toegewezen_team, is_active=True)
            .order_by("username")
            .first()
        )
        if beantwoorder is None:
            continue
        vraag_beantwoorden(actor=Actor.for_user(beantwoorder), vraag=vraag, antwoord=antwoord)
        aantal += 1
    return f"{aantal} vragen op Mijn zaken beantwoord"

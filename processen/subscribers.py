"""How processen reacts to the zaken events (registered in ProcessenConfig.ready()). They run
inside the zaken service's transaction, after it locked the zaak: a failure rolls the change
back, and the flow lock is taken after the zaak lock, never before."""

from core.events import subscribe
from processen.context import namens, sluit_flow_de_zaak
from processen.services import klantregie, proces


@subscribe("zaak.aangemaakt")
def zaak_aangemaakt(*, zaak, actor, **_):
    """Every zaak enters the flow, whatever the channel."""
    proces.proces_starten(zaak=zaak, actor=actor)


@subscribe("zaak.afgesloten")
def zaak_afgesloten(*, zaak, actor, **_):
    """Closed outside the flow (ZGW API, KCC): the open tasks are cancelled, the process ends."""
    if sluit_flow_de_zaak():
        return
    proces.proces_beeindigen(
        zaak=zaak,
        actor=actor,
        reden="De zaak is buiten het proces afgesloten; de open taken zijn vervallen.",
    )


@subscribe("zaak.heropend")
def zaak_heropend(*, zaak, actor, **_):
    """A reopened zaak gets a new run of the flow that starts at the besluit (ADR 0010)."""
    proces.proces_starten(zaak=zaak, actor=actor, heropend=True)


@subscribe("zaak.opgeschort")
def zaak_opgeschort(*, zaak, **_):
    opschorting = zaak.opschortingen.filter(einddatum__isnull=True).first()
    proces.taken_opschorten(zaak=zaak, datum=opschorting.begindatum if opschorting else None)


@subscribe("zaak.hervat")
def zaak_hervat(*, zaak, **_):
    opschorting = (
        zaak.opschortingen.filter(einddatum__isnull=False).order_by("-einddatum", "-id").first()
    )
    proces.taken_hervatten(zaak=zaak, datum=opschorting.einddatum if opschorting else None)


@subscribe("zaak.politiek_gevoelig")
def zaak_politiek_gevoelig(*, zaak, actor, reden="", **_):
    """A politically sensitive zaak gets a klantregisseur (at intake or any time later)."""
    with namens(actor):
        klantregie.klantregisseur_aanwijzen(
            zaak=zaak, reden=f"Politiek gevoelig: {reden}".strip().rstrip(":")
        )


@subscribe("zaak.klantregisseur_gewijzigd")
def klantregisseur_gewijzigd(*, zaak, oud=None, **_):
    zaak.refresh_from_db(fields=["klantregisseur"])
    proces.informeren_overdragen(zaak=zaak, oud=oud, nieuw=zaak.klantregisseur)

"""Who may do what in klantregie, for every kind of actor.

A medewerker acts through Django permissions (granted per role in KlantregieConfig.rol_rechten).
An API application acts through the scopes of its ZGW-style authorisation; Zaakstroom's own API
names them after the resource (`klantcontacten.lezen`, ...). `API_SCOPES` says which scopes stand
for which permission, so that services and selectors ask one question whoever calls."""

from __future__ import annotations

from core.actor import Actor

# permission -> the API scopes of which one grants it (ADR 0033)
API_SCOPES: dict[str, tuple[str, ...]] = {
    "klantregie.view_klant": ("klantcontacten.lezen", "terugbelverzoeken.lezen"),
    "klantregie.add_klant": ("klantcontacten.aanmaken", "terugbelverzoeken.aanmaken"),
    "klantregie.view_klantcontact": ("klantcontacten.lezen",),
    "klantregie.add_klantcontact": ("klantcontacten.aanmaken",),
    "klantregie.view_terugbelverzoek": ("terugbelverzoeken.lezen",),
    "klantregie.add_terugbelverzoek": ("terugbelverzoeken.aanmaken",),
    "klantregie.change_terugbelverzoek": ("terugbelverzoeken.bijwerken",),
}


def is_applicatie(actor: Actor) -> bool:
    """An API application (it is authorised by its scopes, not by a person's roles)."""
    return actor.autorisatie is not None and not actor.systeem


def mag(actor: Actor, perm: str) -> bool:
    """May `actor` do what the Django permission `perm` stands for? The system may do
    everything; an API application needs one of the scopes in `API_SCOPES[perm]`; a medewerker
    needs the permission itself."""
    if actor.systeem:
        return True
    if actor.autorisatie is not None:
        return any(actor.may(scope) for scope in API_SCOPES.get(perm, ()))
    user = actor.user
    return bool(
        user is not None
        and getattr(user, "is_medewerker", False)
        and user.is_active
        and user.has_perm(perm)
    )


def geen_recht_melding(actor: Actor, perm: str) -> str | None:
    """For an API application: which scope it lacks (None: the default message)."""
    if is_applicatie(actor) and API_SCOPES.get(perm):
        return "Uw applicatie heeft hiervoor de scope " + " of ".join(API_SCOPES[perm]) + " nodig."
    return None

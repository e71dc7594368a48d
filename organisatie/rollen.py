"""Roles are Django groups with permissions and a default maximum vertrouwelijkheidaanduiding.

Each app declares what its roles may do in its AppConfig as `rol_rechten`:
``{"kcc-medewerker": ["klantregie.add_klantcontact", ...]}``; `sync_rollen` (run after every
migrate and by seed_demo) creates the groups and gives them exactly the union of those rights.
"""

from django.apps import apps as global_apps

from core.vertrouwelijkheid import Vertrouwelijkheid

KCC_MEDEWERKER = "kcc-medewerker"
KLANTADVISEUR = "klantadviseur"
KLANTREGISSEUR = "klantregisseur"
VAKSPECIALIST = "vakspecialist"
TEAMLEIDER = "teamleider"
MANAGER = "manager"
FUNCTIONEEL_BEHEERDER = "functioneel-beheerder"

ROLLEN = {
    KCC_MEDEWERKER: ("KCC-medewerker (1e lijn)", Vertrouwelijkheid.ZAAKVERTROUWELIJK),
    KLANTADVISEUR: ("Klantadviseur / consultant (2e lijn)", Vertrouwelijkheid.VERTROUWELIJK),
    KLANTREGISSEUR: ("Klantregisseur (2e lijn)", Vertrouwelijkheid.VERTROUWELIJK),
    VAKSPECIALIST: ("Vakspecialist (3e lijn)", Vertrouwelijkheid.VERTROUWELIJK),
    TEAMLEIDER: ("Teamleider", Vertrouwelijkheid.VERTROUWELIJK),
    MANAGER: ("Manager", Vertrouwelijkheid.VERTROUWELIJK),
    FUNCTIONEEL_BEHEERDER: ("Functioneel beheerder", Vertrouwelijkheid.VERTROUWELIJK),
}


def verzamelde_rechten() -> dict[str, set[str]]:
    rechten: dict[str, set[str]] = {naam: set() for naam in ROLLEN}
    for config in global_apps.get_app_configs():
        for rol, perms in getattr(config, "rol_rechten", {}).items():
            rechten.setdefault(rol, set()).update(perms)
    return rechten


def sync_rollen(verbosity: int = 0) -> None:
    from django.contrib.auth.management import create_permissions
    from django.contrib.auth.models import Group, Permission

    from organisatie.models import Rolprofiel

    for config in global_apps.get_app_configs():
        create_permissions(config, verbosity=0)

    all_perms = {
        f"{p.content_type.app_label}.{p.codename}": p
        for p in Permission.objects.select_related("content_type")
    }
    for naam, perms in verzamelde_rechten().items():
        group, _ = Group.objects.get_or_create(name=naam)
        omschrijving, niveau = ROLLEN.get(naam, (naam, Vertrouwelijkheid.INTERN))
        Rolprofiel.objects.get_or_create(
            group=group,
            defaults={"omschrijving": omschrijving, "max_vertrouwelijkheidaanduiding": niveau},
        )
        missing = sorted(p for p in perms if p not in all_perms)
        if missing:
            raise LookupError(f"Rol {naam}: onbekende rechten {missing}")
        group.permissions.set([all_perms[p] for p in perms])


def sync_rollen_after_migrate(sender, **kwargs):
    sync_rollen(verbosity=kwargs.get("verbosity", 0))

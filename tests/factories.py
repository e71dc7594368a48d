"""factory_boy factories, one per model. Zaken are built through the services so that a factory
zaak is a consistent zaak (status, deadlines, audit trail)."""

from datetime import date

import factory
from django.contrib.auth.models import Group
from factory.django import DjangoModelFactory

from core.actor import Actor
from core.vertrouwelijkheid import Vertrouwelijkheid
from klantregie.models import Klant
from organisatie.models import Lidmaatschap, Team, User
from zaken import services
from zaken.models import (
    Afleidingswijze,
    Archiefnominatie,
    Behandeling,
    Catalogus,
    Eigenschap,
    Informatieobjecttype,
    Processtap,
    Resultaattype,
    RolOmschrijving,
    Roltype,
    Statustype,
    Zaak,
    Zaaktype,
    ZaaktypeInformatieobjecttype,
)


def _bsn(n: int) -> str:
    """A distinct elfproef-valid nine-digit number for each n."""
    for prefix in range(10_000_000 + n * 10, 10_000_000 + n * 10 + 10):
        digits = [int(c) for c in f"{prefix:08d}"]
        check = sum(d * w for d, w in zip(digits, range(9, 1, -1), strict=True)) % 11
        if check <= 9:
            return f"{prefix:08d}{check}"
    raise AssertionError("unreachable")


class TeamFactory(DjangoModelFactory):
    class Meta:
        model = Team
        django_get_or_create = ("code",)

    naam = factory.Sequence(lambda n: f"Team {n}")
    code = factory.Sequence(lambda n: f"team-{n}")
    lijn = 3


class UserFactory(DjangoModelFactory):
    """A medewerker. `rol="vakspecialist"` puts them in that role, `teams=[...]` in teams."""

    class Meta:
        model = User
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"medewerker{n}")
    first_name = "Test"
    last_name = factory.Sequence(lambda n: f"Medewerker {n}")
    email = factory.LazyAttribute(lambda o: f"{o.username}@voorbeeldstad.nl")
    soort = User.Soort.MEDEWERKER
    password = factory.PostGenerationMethodCall("set_password", "demo")

    @factory.post_generation
    def rol(self, create, extracted, **kwargs):
        if extracted:
            self.groups.add(Group.objects.get(name=extracted))
        self.save()

    @factory.post_generation
    def teams(self, create, extracted, **kwargs):
        for team in extracted or []:
            Lidmaatschap.objects.get_or_create(user=self, team=team)


class KlantFactory(DjangoModelFactory):
    class Meta:
        model = Klant

    soort = Klant.Soort.PERSOON
    bsn = factory.Sequence(lambda n: _bsn(n + 500))
    voornamen = "Test"
    achternaam = factory.Sequence(lambda n: f"Inwoner{n}")
    postcode = "1234AB"
    huisnummer = factory.Sequence(lambda n: str(n + 1))
    email = factory.LazyAttribute(lambda o: f"{o.achternaam.lower()}@example.nl")

    class Params:
        organisatie = factory.Trait(
            soort=Klant.Soort.ORGANISATIE,
            bsn=None,
            voornamen="",
            achternaam="",
            kvk_nummer=factory.Sequence(lambda n: f"{60000000 + n}"),
            bedrijfsnaam=factory.Sequence(lambda n: f"Bedrijf {n} BV"),
        )


class CatalogusFactory(DjangoModelFactory):
    class Meta:
        model = Catalogus
        django_get_or_create = ("domein", "rsin")

    domein = "ZAAK"
    rsin = "002220647"
    naam = "Testcatalogus"
    contactpersoon_beheer_naam = "Beheer"


class InformatieobjecttypeFactory(DjangoModelFactory):
    class Meta:
        model = Informatieobjecttype

    catalogus = factory.SubFactory(CatalogusFactory)
    omschrijving = factory.Sequence(lambda n: f"Documentsoort {n}")
    begin_geldigheid = date(2025, 1, 1)
    concept = False


class ZaaktypeFactory(DjangoModelFactory):
    """A complete zaaktype: 3 statustypen (ontvangen, in behandeling, afgehandeld), resultaattypen
    'Verleend' (afgehandeld) and 'Geweigerd' (termijn), the roltypen, one eigenschap and an
    informatieobjecttype. Published unless `concept=True`."""

    class Meta:
        model = Zaaktype
        skip_postgeneration_save = True

    catalogus = factory.SubFactory(CatalogusFactory)
    identificatie = factory.Sequence(lambda n: f"ZT-{n}")
    omschrijving = factory.Sequence(lambda n: f"Zaaktype {n}")
    publiek_omschrijving = factory.LazyAttribute(lambda o: o.omschrijving)
    doorlooptijd = "P8W"
    termijn_eenheid = Zaaktype.TermijnEenheid.KALENDERDAGEN
    verlenging_mogelijk = True
    verlengingstermijn = "P6W"
    vertrouwelijkheidaanduiding = Vertrouwelijkheid.ZAAKVERTROUWELIJK
    versiedatum = date(2025, 1, 1)
    begin_geldigheid = date(2025, 1, 1)
    behandeling = Behandeling.TWEEDE_EN_DERDE_LIJN
    verantwoordelijk_team = factory.SubFactory(TeamFactory)
    aanvraagbaar_via_pip = True

    @factory.post_generation
    def onderdelen(self, create, extracted, **kwargs):
        concept = kwargs.pop("concept", False)
        for nr, (oms, stap, informeren) in enumerate(
            [
                ("Ontvangen", Processtap.ONTVANGEN, True),
                ("In behandeling", Processtap.BEOORDELING, True),
                ("Afgehandeld", Processtap.AFGEHANDELD, True),
            ],
            start=1,
        ):
            Statustype.objects.create(
                zaaktype=self,
                volgnummer=nr,
                omschrijving=oms,
                processtap=stap,
                informeren=informeren,
                statustekst=f"Uw zaak is {oms.lower()}.",
            )
        Resultaattype.objects.create(
            zaaktype=self,
            omschrijving="Verleend",
            archiefnominatie=Archiefnominatie.VERNIETIGEN,
            archiefactietermijn="P5Y",
            brondatum_afleidingswijze=Afleidingswijze.AFGEHANDELD,
        )
        Resultaattype.objects.create(
            zaaktype=self,
            omschrijving="Geweigerd",
            archiefnominatie=Archiefnominatie.VERNIETIGEN,
            archiefactietermijn="P10Y",
            brondatum_afleidingswijze=Afleidingswijze.TERMIJN,
            brondatum_procestermijn="P1Y",
        )
        for oms, generiek in [
            ("Aanvrager", RolOmschrijving.INITIATOR),
            ("Behandelaar", RolOmschrijving.BEHANDELAAR),
            ("Klantregisseur", RolOmschrijving.ZAAKCOORDINATOR),
            ("Belanghebbende", RolOmschrijving.BELANGHEBBENDE),
        ]:
            Roltype.objects.create(zaaktype=self, omschrijving=oms, omschrijving_generiek=generiek)
        Eigenschap.objects.create(
            zaaktype=self, naam="kenteken", definitie="Kenteken", formaat=Eigenschap.Formaat.TEKST
        )
        Eigenschap.objects.create(
            zaaktype=self, naam="datum", definitie="Een datum", formaat=Eigenschap.Formaat.DATUM
        )
        iot = InformatieobjecttypeFactory(catalogus=self.catalogus)
        ZaaktypeInformatieobjecttype.objects.create(
            zaaktype=self, informatieobjecttype=iot, upload_door_aanvrager=True
        )
        if self.verantwoordelijk_team_id:
            self.betrokken_teams.add(self.verantwoordelijk_team)
        if not concept:
            services.zaaktype_publish(actor=Actor.system("test"), zaaktype=self)
            self.refresh_from_db()


class ZaakFactory(DjangoModelFactory):
    """A zaak created through zaak_create. Traits: `closed=True` (resultaat Verleend and the end
    status), `opgeschort=True`."""

    class Meta:
        model = Zaak

    zaaktype = factory.SubFactory(ZaaktypeFactory)
    omschrijving = factory.Sequence(lambda n: f"Testzaak {n}")
    startdatum = None
    initiator_bsn = factory.Sequence(lambda n: _bsn(n + 1000))
    closed = False
    opgeschort = False

    @classmethod
    def _create(
        cls,
        model_class,
        zaaktype,
        omschrijving,
        startdatum,
        initiator_bsn,
        closed=False,
        opgeschort=False,
        **kwargs,
    ):
        actor = Actor.system("test")
        zaak = services.zaak_create(
            actor=actor,
            zaaktype=zaaktype,
            omschrijving=omschrijving,
            startdatum=startdatum,
            initiator=services.Betrokkene.persoon(initiator_bsn, naam="Test Aanvrager")
            if initiator_bsn
            else None,
            **kwargs,
        )
        if opgeschort:
            services.zaak_opschorten(
                actor=actor,
                zaak=zaak,
                reden="Wacht op documenten",
                wacht_op_aanvrager=True,
                datum=zaak.startdatum,
            )
        if closed:
            zaak = services.zaak_close(
                actor=actor,
                zaak=zaak,
                resultaattype=zaaktype.resultaattypen.get(omschrijving="Verleend"),
            )
        zaak.refresh_from_db()
        return zaak


# --- pip ----------------------------------------------------------------------------------------
class BurgerFactory(DjangoModelFactory):
    """A PIP account of a burger (DigiD): soort burger, a valid BSN, no usable password."""

    class Meta:
        model = User
        django_get_or_create = ("bsn",)

    username = factory.LazyAttribute(lambda o: f"digid-{o.bsn}")
    bsn = factory.Sequence(lambda n: _bsn(n + 3000))
    soort = User.Soort.BURGER
    first_name = "Test"
    last_name = factory.Sequence(lambda n: f"Burger {n}")
    password = "!"  # unusable, as DigiD accounts are


class OndernemerFactory(DjangoModelFactory):
    """A PIP account of an ondernemer (eHerkenning): KvK-nummer, optionally a vestiging."""

    class Meta:
        model = User
        django_get_or_create = ("username",)

    username = factory.LazyAttribute(
        lambda o: f"eh-{o.kvk_nummer}" + (f"-{o.vestigingsnummer}" if o.vestigingsnummer else "")
    )
    kvk_nummer = factory.Sequence(lambda n: f"{70000000 + n}")
    vestigingsnummer = ""
    soort = User.Soort.ONDERNEMER
    last_name = factory.Sequence(lambda n: f"Onderneming {n} BV")
    password = "!"


# --- klantregie (KCC) ---------------------------------------------------------------------------
class KennisartikelFactory(DjangoModelFactory):
    """An article saved through the kennisbank service (so its search vector is current)."""

    class Meta:
        model = "klantregie.Kennisartikel"

    vraag = factory.Sequence(lambda n: f"Artikel {n}")
    antwoord = factory.Sequence(lambda n: f"Het antwoord op vraag {n}.")
    product = ""
    trefwoorden = ""
    zaaktype_identificatie = ""

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        from klantregie.services import kennisartikel_opslaan

        return kennisartikel_opslaan(actor=Actor.system("test"), artikel=model_class(**kwargs))


class KlantcontactFactory(DjangoModelFactory):
    """A contact logged through klantcontact_log, by default one question answered directly.
    Pass `vragen=[VraagInvoer(...)]` for others."""

    class Meta:
        model = "klantregie.Klantcontact"

    kanaal = "telefoon"
    klant = None
    medewerker = None

    @classmethod
    def _create(cls, model_class, kanaal, klant, medewerker, vragen=None, **kwargs):
        from klantregie.services import VraagInvoer, klantcontact_log

        actor = Actor.for_user(medewerker) if medewerker else Actor.system("test")
        return klantcontact_log(
            actor=actor,
            kanaal=kanaal,
            klant=klant,
            vragen=vragen
            or [
                VraagInvoer(
                    onderwerp="Algemene vraag", resultaat="direct_beantwoord", antwoord="Ja."
                )
            ],
            **kwargs,
        )


class TerugbelverzoekFactory(DjangoModelFactory):
    """A terugbelverzoek sent through terugbelverzoek_send (to `team` unless `medewerker`)."""

    class Meta:
        model = "klantregie.Terugbelverzoek"

    onderwerp = factory.Sequence(lambda n: f"Terugbellen {n}")
    telefoon = "0612345678"
    team = factory.SubFactory(TeamFactory)
    medewerker = None
    klant = None

    @classmethod
    def _create(cls, model_class, **kwargs):
        from klantregie.services import terugbelverzoek_send

        actor = kwargs.pop("actor", None) or Actor.system("test")
        return terugbelverzoek_send(actor=actor, **kwargs)


# --- api (ZGW applications) -------------------------------------------------------------------
class ApplicatieFactory(DjangoModelFactory):
    """An API application. `heeft_alle_autorisaties=True` for all rights, else add
    AutorisatieFactory rows."""

    class Meta:
        model = "api.Applicatie"
        django_get_or_create = ("client_id",)

    label = factory.Sequence(lambda n: f"Applicatie {n}")
    client_id = factory.Sequence(lambda n: f"applicatie-{n}")
    secret = factory.Sequence(lambda n: f"geheim-van-applicatie-{n}-voor-de-tests")
    heeft_alle_autorisaties = False


class AutorisatieFactory(DjangoModelFactory):
    class Meta:
        model = "api.Autorisatie"

    applicatie = factory.SubFactory(ApplicatieFactory)
    component = "zrc"
    scopes = factory.LazyFunction(lambda: ["zaken.lezen"])
    max_vertrouwelijkheidaanduiding = Vertrouwelijkheid.ZEER_GEHEIM

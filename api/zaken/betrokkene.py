"""From a ZGW `betrokkeneIdentificatie` to Zaakstroom's `Betrokkene` (the identifying numbers
become indexed columns; everything else is kept as given)."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from rest_framework import serializers

from organisatie.models import Team
from zaken.models import BetrokkeneType
from zaken.services import Betrokkene


def _str(identificatie: dict, key: str, max_length: int) -> str:
    value = identificatie.get(key, "")
    if value in (None, ""):
        return ""
    if not isinstance(value, str):
        raise serializers.ValidationError(
            {f"betrokkeneIdentificatie.{key}": ["Geef dit gegeven als tekst."]}
        )
    if len(value) > max_length:
        raise serializers.ValidationError(
            {f"betrokkeneIdentificatie.{key}": [f"Dit mag hoogstens {max_length} tekens zijn."]}
        )
    return value


def _naam(identificatie: dict) -> str:
    delen = [
        identificatie.get("voornamen") or identificatie.get("voorletters") or "",
        identificatie.get("voorvoegselGeslachtsnaam") or "",
        identificatie.get("geslachtsnaam") or "",
    ]
    return " ".join(str(d) for d in delen if d)[:200]


def betrokkene_uit_api(soort: str, identificatie: dict, contactpersoon: dict) -> Betrokkene:
    if not isinstance(identificatie, dict):
        raise serializers.ValidationError(
            {"betrokkeneIdentificatie": ["Geef de betrokkeneIdentificatie als object."]}
        )
    extra = {k: v for k, v in identificatie.items() if v not in (None, "", [], {})}
    if soort == BetrokkeneType.NATUURLIJK_PERSOON:
        bsn = _str(identificatie, "inpBsn", 9)
        extra.pop("inpBsn", None)
        return Betrokkene(
            soort,
            naam=_naam(identificatie),
            bsn=bsn,
            identificatie=extra,
            contactpersoon=contactpersoon,
        )
    if soort == BetrokkeneType.NIET_NATUURLIJK_PERSOON:
        rsin = _str(identificatie, "innNnpId", 9)
        kvk = _str(identificatie, "kvkNummer", 8)
        for key in ("innNnpId", "kvkNummer"):
            extra.pop(key, None)
        return Betrokkene(
            soort,
            naam=_str(identificatie, "statutaireNaam", 500)[:200],
            rsin=rsin,
            kvk_nummer=kvk,
            identificatie=extra,
            contactpersoon=contactpersoon,
        )
    if soort == BetrokkeneType.VESTIGING:
        handelsnaam = identificatie.get("handelsnaam") or []
        naam = handelsnaam[0] if isinstance(handelsnaam, list) and handelsnaam else ""
        for key in ("vestigingsNummer", "kvkNummer"):
            extra.pop(key, None)
        return Betrokkene(
            soort,
            naam=str(naam)[:200],
            vestigingsnummer=_str(identificatie, "vestigingsNummer", 12),
            kvk_nummer=_str(identificatie, "kvkNummer", 8),
            identificatie=extra,
            contactpersoon=contactpersoon,
        )
    if soort == BetrokkeneType.MEDEWERKER:
        code = _str(identificatie, "identificatie", 254)
        user = (
            get_user_model().objects.filter(username=code, soort="medewerker").first()
            if code
            else None
        )
        if user is not None:
            return Betrokkene(
                soort,
                naam=user.get_full_name() or user.username,
                medewerker=user,
                contactpersoon=contactpersoon,
            )
        naam = " ".join(
            str(identificatie.get(k) or "")
            for k in ("voorletters", "achternaam")
            if identificatie.get(k)
        )
        return Betrokkene(
            soort, naam=naam[:200], identificatie=extra, contactpersoon=contactpersoon
        )
    if soort == BetrokkeneType.ORGANISATORISCHE_EENHEID:
        code = _str(identificatie, "identificatie", 24)
        team = Team.objects.filter(code=code).first() if code else None
        if team is not None:
            return Betrokkene(soort, naam=team.naam, team=team, contactpersoon=contactpersoon)
        return Betrokkene(
            soort,
            naam=_str(identificatie, "naam", 50),
            identificatie=extra,
            contactpersoon=contactpersoon,
        )
    raise serializers.ValidationError({"betrokkeneType": ["Kies een geldig soort betrokkene."]})

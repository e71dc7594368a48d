"""Rebuilding the KPI aggregate tables from the source data (ADR 0050).

Zaken are aggregated with set-based SQL (DELETE the range, INSERT ... SELECT ... GROUP BY), so a
year at a million zaken rebuilds in one pass per table. Contacts are grouped in the database by
local day (Django's TruncDate handles the time zone on both PostgreSQL and SQLite) and the few
grouped rows are inserted in bulk. The refresh is idempotent: running it twice gives the same
rows. `kpi_aggregaten_verversen` (command) and the Celery beat task call `aggregaten_verversen`."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from django.db import connection, transaction
from django.db.models import Count, Min, Q
from django.db.models.functions import TruncDate
from django.utils import timezone

from rapportage.models import (
    AggregaatStatus,
    ContactDagcijfer,
    DoorlooptijdCijfer,
    OnderhandenCijfer,
    ZaakDagcijfer,
)


@dataclass
class Verversing:
    van: date
    tot: date
    zaakrijen: int
    doorlooprijen: int
    onderhandenrijen: int
    contactrijen: int

    def __str__(self):
        return (
            f"KPI-cijfers ververst van {self.van:%d-%m-%Y} tot en met {self.tot:%d-%m-%Y}: "
            f"{self.zaakrijen} zaakrijen, {self.doorlooprijen} doorlooptijdrijen, "
            f"{self.onderhandenrijen} onderhandenrijen, {self.contactrijen} contactrijen"
        )


def _dagen_tussen(eind: str, start: str) -> str:
    if connection.vendor == "postgresql":
        return f"({eind} - {start})"
    return f"CAST(julianday({eind}) - julianday({start}) AS INTEGER)"


def _eerste_dag() -> date:
    from klantregie.models import Klantcontact
    from zaken.models import Zaak

    vandaag = timezone.localdate()
    eerste = Zaak.objects.aggregate(m=Min("startdatum"))["m"] or vandaag
    contact = Klantcontact.objects.aggregate(m=Min("gestart_op"))["m"]
    if contact is not None:
        eerste = min(eerste, timezone.localtime(contact).date())
    return eerste


def aggregaten_verversen(
    *, van: date | None = None, tot: date | None = None, dagen: int | None = None
) -> Verversing:
    """Rebuild the day rows from `van` to `tot` (inclusive; default: from the first zaak or
    contact up to today; `dagen=N`: the last N days up to today) and the snapshot of open
    zaken. One transaction: readers see the old or the new figures, never a mix."""
    from zaken.models import Opschorting, Zaak

    vandaag = timezone.localdate()
    tot = tot or vandaag
    if van is None:
        van = tot - timedelta(days=dagen - 1) if dagen else _eerste_dag()
    zaak = Zaak._meta.db_table
    opschorting = Opschorting._meta.db_table
    zd = ZaakDagcijfer._meta.db_table
    dc = DoorlooptijdCijfer._meta.db_table
    oc = OnderhandenCijfer._meta.db_table
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {zd} WHERE dag >= %s AND dag <= %s", [van, tot])  # noqa: S608
        cursor.execute(
            f"""
            INSERT INTO {zd} (dag, zaaktype_id, team_id, kanaal, instroom, uitstroom, met_termijn,
                              tijdig, met_servicenorm, binnen_servicenorm, opschortingen,
                              verlengingen)
            SELECT dag, zaaktype_id, team_id, kanaal, SUM(i), SUM(u), SUM(mt), SUM(t), SUM(ms),
                   SUM(bs), SUM(o), SUM(v)
            FROM (
                SELECT startdatum AS dag, zaaktype_id, behandelend_team_id AS team_id, kanaal,
                       1 AS i, 0 AS u, 0 AS mt, 0 AS t, 0 AS ms, 0 AS bs, 0 AS o,
                       CASE WHEN verlenging_duur <> '' THEN 1 ELSE 0 END AS v
                FROM {zaak} WHERE startdatum >= %s AND startdatum <= %s
                UNION ALL
                SELECT einddatum, zaaktype_id, behandelend_team_id, kanaal, 0, 1,
                       CASE WHEN uiterlijke_einddatum_afdoening IS NULL THEN 0 ELSE 1 END,
                       CASE WHEN einddatum <= uiterlijke_einddatum_afdoening THEN 1 ELSE 0 END,
                       CASE WHEN einddatum_gepland IS NULL THEN 0 ELSE 1 END,
                       CASE WHEN einddatum <= einddatum_gepland THEN 1 ELSE 0 END, 0, 0
                FROM {zaak} WHERE einddatum >= %s AND einddatum <= %s
                UNION ALL
                SELECT o.begindatum, z.zaaktype_id, z.behandelend_team_id, z.kanaal,
                       0, 0, 0, 0, 0, 0, 1, 0
                FROM {opschorting} o JOIN {zaak} z ON z.id = o.zaak_id
                WHERE o.begindatum >= %s AND o.begindatum <= %s
            ) gebeurtenissen
            GROUP BY dag, zaaktype_id, team_id, kanaal
            """,  # noqa: S608 - table names from the models' _meta, values as parameters
            [van, tot, van, tot, van, tot],
        )
        zaakrijen = cursor.rowcount
        cursor.execute(f"DELETE FROM {dc} WHERE dag >= %s AND dag <= %s", [van, tot])  # noqa: S608
        duur = _dagen_tussen("einddatum", "startdatum")
        cursor.execute(
            f"""
            INSERT INTO {dc} (dag, zaaktype_id, team_id, kanaal, dagen, aantal)
            SELECT einddatum, zaaktype_id, behandelend_team_id, kanaal, {duur}, COUNT(*)
            FROM {zaak} WHERE einddatum >= %s AND einddatum <= %s
            GROUP BY einddatum, zaaktype_id, behandelend_team_id, kanaal, {duur}
            """,  # noqa: S608 - table names from the models' _meta, values as parameters
            [van, tot],
        )
        doorlooprijen = cursor.rowcount
        cursor.execute(f"DELETE FROM {oc}")  # noqa: S608
        cursor.execute(
            f"""
            INSERT INTO {oc} (startdatum, zaaktype_id, team_id, kanaal, aantal, te_laat)
            SELECT startdatum, zaaktype_id, behandelend_team_id, kanaal, COUNT(*),
                   SUM(CASE WHEN uiterlijke_einddatum_afdoening < %s THEN 1 ELSE 0 END)
            FROM {zaak} WHERE einddatum IS NULL
            GROUP BY startdatum, zaaktype_id, behandelend_team_id, kanaal
            """,  # noqa: S608 - table names from the models' _meta, values as parameters
            [vandaag],
        )
        onderhandenrijen = cursor.rowcount
        contactrijen = _contacten_verversen(van, tot)
        AggregaatStatus.objects.all().delete()
        AggregaatStatus.objects.create(ververst_op=timezone.now(), peildatum=vandaag)
    if connection.vendor == "postgresql" and not connection.in_atomic_block:
        # The refresh deletes and re-inserts its rows: reclaim the dead ones and renew the
        # statistics now, rather than let the dashboard scan them until autovacuum comes by
        # (a full refresh at a million zaken left 745,000 dead rows and doubled its time).
        with connection.cursor() as cursor:
            for tabel in (zd, dc, oc, ContactDagcijfer._meta.db_table):
                cursor.execute(f"VACUUM (ANALYZE) {tabel}")
    return Verversing(van, tot, zaakrijen, doorlooprijen, onderhandenrijen, contactrijen)


def _contacten_verversen(van: date, tot: date) -> int:
    from datetime import datetime, time

    from klantregie.models import Klantcontact, Vraag

    tz = timezone.get_current_timezone()
    begin = timezone.make_aware(datetime.combine(van, time.min), tz)
    eind = timezone.make_aware(datetime.combine(tot + timedelta(days=1), time.min), tz)
    ContactDagcijfer.objects.filter(dag__gte=van, dag__lte=tot).delete()
    rijen: dict[tuple, ContactDagcijfer] = {}
    contacten = (
        Klantcontact.objects.filter(gestart_op__gte=begin, gestart_op__lt=eind)
        .annotate(d=TruncDate("gestart_op", tzinfo=tz))
        .values("d", "kanaal")
        .annotate(
            n=Count("id"),
            kcc=Count("id", filter=Q(medewerker__isnull=False)),
            kb=Count("id", filter=Q(medewerker__isnull=False, antwoord_in_kennisbank=True)),
        )
        .order_by()
    )
    for r in contacten:
        rijen[(r["d"], r["kanaal"])] = ContactDagcijfer(
            dag=r["d"],
            kanaal=r["kanaal"],
            contacten=r["n"],
            kcc_contacten=r["kcc"],
            kennisbank=r["kb"],
        )
    vragen = (
        Vraag.objects.filter(
            klantcontact__gestart_op__gte=begin,
            klantcontact__gestart_op__lt=eind,
            klantcontact__medewerker__isnull=False,
        )
        .annotate(d=TruncDate("klantcontact__gestart_op", tzinfo=tz))
        .values("d", "klantcontact__kanaal")
        .annotate(n=Count("id"), direct=Count("id", filter=Q(resultaat__in=Vraag.DIRECT)))
        .order_by()
    )
    for r in vragen:
        rij = rijen.setdefault(
            (r["d"], r["klantcontact__kanaal"]),
            ContactDagcijfer(dag=r["d"], kanaal=r["klantcontact__kanaal"]),
        )
        rij.vragen = r["n"]
        rij.vragen_direct = r["direct"]
    ContactDagcijfer.objects.bulk_create(rijen.values(), batch_size=2000)
    return len(rijen)

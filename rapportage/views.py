"""The management dashboard, its CSV exports, the PDF report and the drill-down lists. Thin:
the selectors compute and authorise, the views parse filters and render."""

from __future__ import annotations

import csv
import io

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils import timezone

from core.actor import Actor
from core.audit import audit_read
from core.decorators import medewerker_required
from core.paging import paginate
from core.pdf import gemeente_gegevens, render_pdf
from rapportage import selectors
from rapportage.forms import ALLE, DashboardFilterForm
from rapportage.grafieken import grafieken
from rapportage.selectors import Filters

FILTER_VELDEN = ("van", "tot", "zaaktype", "team", "lijn", "kanaal")
FORMULE_TEKENS = ("=", "+", "-", "@", "\t", "\r")


def _filters(request) -> tuple[DashboardFilterForm, Filters]:
    user = request.user
    alles = selectors.ziet_alles(user)
    form = DashboardFilterForm(
        request.GET or None, eigen_teams_label="Alle teams" if alles else "Mijn teams"
    )
    van, tot = selectors.standaard_periode()
    f = Filters(van=van, tot=tot, teams=None if alles else selectors.eigen_teams(user))
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        f.van = data["van"] or (data["tot"] - (tot - van) if data["tot"] else van)
        f.tot = data["tot"] or tot
        if f.van > f.tot:
            f.van = f.tot - (tot - van)
        f.zaaktype = data["zaaktype"] or ""
        if data["team"] == ALLE:
            f.teams = None
        elif data["team"]:
            f.teams = [int(data["team"])]
        f.lijn = data["lijn"]
        f.kanaal = data["kanaal"] or ""
    return form, f


def _query(request, *, zonder=("export", "pagina")) -> str:
    q = request.GET.copy()
    for key in zonder:
        q.pop(key, None)
    return q.urlencode()


def _csv_waarde(v):
    if isinstance(v, float):
        return (
            str(int(v)) if v.is_integer() else f"{v}".replace(".", ",")
        )  # Dutch Excel reads a decimal comma
    if isinstance(v, str) and v[:1] in FORMULE_TEKENS:
        # A name such as "=HYPERLINK(...)" must stay text in a spreadsheet (CSV injection).
        return "'" + v
    return "" if v is None else v


def csv_response(tabel, f: Filters) -> HttpResponse:
    """UTF-8 with a BOM (Excel then reads é and ë right) and `;` as separator (the default of
    Dutch Excel, where the comma is the decimal sign); one header row."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(tabel.kolommen)
    for rij in tabel.rijen:
        writer.writerow([_csv_waarde(v) for v in rij])
    response = HttpResponse("\ufeff" + buffer.getvalue(), content_type="text/csv; charset=utf-8")
    naam = f"{tabel.naam}-{f.van:%Y%m%d}-{f.tot:%Y%m%d}.csv"
    response["Content-Disposition"] = f'attachment; filename="{naam}"'
    return response


@medewerker_required
def dashboard(request):
    selectors.vereis_dashboard(request.user)
    form, f = _filters(request)
    d = selectors.dashboard(request.user, f)
    tabellen = d.tabellen()
    export = request.GET.get("export")
    if export:
        if export not in tabellen:
            raise Http404("Deze tabel bestaat niet.")
        return csv_response(tabellen[export], f)
    return render(
        request,
        "rapportage/dashboard.html",
        {
            "form": form,
            "d": d,
            "f": f,
            "grafieken": grafieken(d),
            "tabellen": tabellen,
            "query": _query(request),
        },
    )


@medewerker_required
def rapport_pdf(request):
    selectors.vereis_dashboard(request.user)
    _form, f = _filters(request)
    d = selectors.dashboard(request.user, f)
    html = render_to_string(
        "rapportage/rapport.html",
        {
            "d": d,
            "f": f,
            "grafieken": grafieken(d),
            "tabellen": d.tabellen(),
            "te_laat": selectors.oudste_te_late_zaken(request.user, f),
            "gemeente": gemeente_gegevens(),
            "gemaakt_op": timezone.localtime(),
            "gemaakt_door": request.user.get_full_name() or request.user.username,
        },
    )
    response = HttpResponse(render_pdf(html), content_type="application/pdf")
    response["Content-Disposition"] = (
        f'inline; filename="managementrapportage-{f.van:%Y%m%d}-{f.tot:%Y%m%d}.pdf"'
    )
    return response


@medewerker_required
def drilldown(request, soort: str):
    selectors.vereis_dashboard(request.user)
    if soort not in selectors.DRILLDOWNS:
        raise Http404("Deze lijst bestaat niet.")
    _form, f = _filters(request)

    def getal(naam):
        try:
            return int(request.GET.get(naam, ""))
        except ValueError:
            return None

    if soort in selectors.ZAAK_DRILLDOWNS:
        qs = selectors.drilldown_zaken(
            request.user,
            soort,
            f,
            bucket=getal("leeftijd"),
            team=getal("team_id"),
            klantregisseur=getal("klantregisseur"),
        )
        soort_lijst = "zaken"
    elif soort in selectors.CONTACT_DRILLDOWNS:
        qs = selectors.drilldown_contacten(request.user, soort, f)
        soort_lijst = "contacten"
    else:
        qs = selectors.drilldown_terugbelverzoeken(request.user, soort, f)
        soort_lijst = "terugbelverzoeken"
    page = paginate(qs, request.GET.get("pagina"))
    if soort_lijst != "zaken" and page.items:
        # Contacts and terugbelverzoeken are about klanten: record the read, once per page.
        audit_read(
            Actor.from_request(request),
            object_type="klantcontact" if soort_lijst == "contacten" else "terugbelverzoek",
            toelichting=f"Managementrapportage: {selectors.DRILLDOWNS[soort]} "
            f"({len(page.items)} rijen, pagina {page.number})",
        )
    return render(
        request,
        "rapportage/drilldown.html",
        {
            "titel": selectors.DRILLDOWNS[soort],
            "soort": soort,
            "soort_lijst": soort_lijst,
            "page": page,
            "f": f,
            "query": _query(request),
            "terug": _query(
                request, zonder=("export", "pagina", "leeftijd", "team_id", "klantregisseur")
            ),
            "vandaag": timezone.localdate(),
        },
    )

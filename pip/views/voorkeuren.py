from django.contrib import messages
from django.shortcuts import redirect, render

from core.audit import audit_read
from core.errors import DomainError
from core.forms import apply_domain_error
from pip import selectors, services
from pip.decorators import pip_login_required
from pip.forms import VoorkeurForm


@pip_login_required
def voorkeuren(request):
    voorkeur = selectors.voorkeur_voor(request.pip)
    klant = selectors.klant_voor(request.pip)
    actor = request.pip.actor()
    if request.method == "POST":
        form = VoorkeurForm(request.POST)
        if form.is_valid():
            try:
                services.notificatievoorkeur_opslaan(
                    actor=actor,
                    email=form.cleaned_data["email"],
                    email_ontvangen=form.cleaned_data["email_ontvangen"],
                )
            except DomainError as exc:
                apply_domain_error(form, exc)
            else:
                messages.success(request, "Uw voorkeuren zijn opgeslagen.")
                return redirect("pip:voorkeuren")
        return render(
            request, "pip/voorkeuren.html", {"form": form, "nav": "voorkeuren"}, status=400
        )
    bekend = klant.email if klant is not None else ""
    initial = (
        {"email": voorkeur.email, "email_ontvangen": voorkeur.email_ontvangen}
        if voorkeur is not None
        else {"email": bekend, "email_ontvangen": bool(bekend)}
    )
    audit_read(
        actor,
        obj=voorkeur,
        object_type="notificatievoorkeur",
        klant_id=klant.pk if klant is not None else None,
        toelichting="Voorkeuren bekeken op Mijn zaken",
    )
    return render(
        request,
        "pip/voorkeuren.html",
        {"form": VoorkeurForm(initial=initial), "nav": "voorkeuren"},
    )

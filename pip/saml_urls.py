"""DigiD and eHerkenning over SAML through django-digid-eherkenning, under /pip/. The library
reverses its own URL names ("digid:acs", "eherkenning:acs"), so these are included at the root of
the URL configuration (config/urls.py), not inside the "pip" namespace.

The views are the library's, with three additions: they only exist when PIP_DIGID /
PIP_EHERKENNING is on; after a successful login the PIP session (idle timeout) starts; and the
page that posts the SAML request to the identity provider may post to that host (our CSP allows
form-action 'self' only)."""

from urllib.parse import urlsplit

from digid_eherkenning.views import digid as digid_views
from digid_eherkenning.views import eherkenning as eherkenning_views
from django.conf import settings
from django.http import Http404
from django.urls import include, path
from django.utils.decorators import method_decorator
from django.views.decorators.csrf import csrf_exempt

from pip.identiteit import identiteit_van
from pip.sessie import sessie_starten, sessies_beeindigen


class _Ingeschakeld:
    instelling = "PIP_DIGID"

    def dispatch(self, request, *args, **kwargs):
        if not getattr(settings, self.instelling, False):
            raise Http404
        return super().dispatch(request, *args, **kwargs)


def csp_met_form_action(url: str) -> str:
    """The site's CSP with the identity provider's origin added to form-action."""
    delen = urlsplit(url)
    oorsprong = f"{delen.scheme}://{delen.netloc}" if delen.scheme and delen.netloc else ""
    csp = settings.CONTENT_SECURITY_POLICY
    if not oorsprong:
        return csp
    if "form-action" in csp:
        return csp.replace("form-action 'self'", f"form-action 'self' {oorsprong}")
    return f"{csp}; form-action 'self' {oorsprong}"


class _PostNaarIdp:
    def render_to_response(self, context, **kwargs):
        response = super().render_to_response(context, **kwargs)
        response["Content-Security-Policy"] = csp_met_form_action(context.get("url", ""))
        return response


class _SessieStarten:
    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        if identiteit_van(request.user) is not None:
            sessie_starten(request)
        return response


class DigiDLoginView(_Ingeschakeld, _PostNaarIdp, digid_views.DigiDLoginView):
    pass


class DigiDAcsView(_Ingeschakeld, _SessieStarten, digid_views.DigiDAssertionConsumerServiceView):
    pass


class DigiDLogoutView(_Ingeschakeld, digid_views.DigiDLogoutView):
    pass


class DigiDSloRedirectView(_Ingeschakeld, digid_views.DigidSingleLogoutRedirectView):
    pass


@method_decorator(csrf_exempt, name="dispatch")
class DigiDSloSoapView(_Ingeschakeld, digid_views.DigidSingleLogoutSoapView):
    """DigiD asks us to end the burger's sessions (single logout): end all of them."""

    @staticmethod
    def logout_digid_user(request):
        from onelogin.saml2.soap_logout_request import Soap_Logout_Request

        from organisatie.models import User

        name_id = Soap_Logout_Request(request=request.body, settings={}).get_name_id()
        bsn = name_id.split(":")[-1]
        user = User.objects.filter(bsn=bsn, soort=User.Soort.BURGER).first()
        if user is not None:
            sessies_beeindigen(user)


class EHerkenningLoginView(_Ingeschakeld, _PostNaarIdp, eherkenning_views.eHerkenningLoginView):
    instelling = "PIP_EHERKENNING"


class EHerkenningAcsView(
    _Ingeschakeld, _SessieStarten, eherkenning_views.eHerkenningAssertionConsumerServiceView
):
    instelling = "PIP_EHERKENNING"


digid_patterns = (
    [
        path("login/", DigiDLoginView.as_view(), name="login"),
        path("acs/", DigiDAcsView.as_view(), name="acs"),
        path("logout/", DigiDLogoutView.as_view(), name="logout"),
        path("slo/redirect/", DigiDSloRedirectView.as_view(), name="slo-redirect"),
        path("slo/soap/", DigiDSloSoapView.as_view(), name="slo-soap"),
    ],
    "digid",
)
eherkenning_patterns = (
    [
        path("login/", EHerkenningLoginView.as_view(), name="login"),
        path("acs/", EHerkenningAcsView.as_view(), name="acs"),
    ],
    "eherkenning",
)

urlpatterns = [
    path("digid/", include(digid_patterns)),
    path("eherkenning/", include(eherkenning_patterns)),
    path("saml/", include("digid_eherkenning.metadata_urls")),
]

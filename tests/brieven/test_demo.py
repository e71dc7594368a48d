"""The demo letters are valid templates and load idempotently."""

from brieven import services
from brieven.demo import seed_sjablonen
from brieven.models import BriefSjabloon


def test_demo_templates_are_valid_and_idempotent(db):
    assert seed_sjablonen() == "3 briefsjablonen"
    assert seed_sjablonen() == "0 briefsjablonen"
    for sjabloon in BriefSjabloon.objects.exclude(zaaktype_identificatie=""):
        assert services.briefsjabloon_fouten(sjabloon) == {}

from celery import shared_task

from rapportage.aggregaten import aggregaten_verversen


@shared_task(name="rapportage.tasks.kpi_aggregaten_verversen", ignore_result=True)
def kpi_aggregaten_verversen_task(dagen: int | None = None):
    """Celery beat: refresh the KPI aggregates (the last `dagen` days, or everything)."""
    return str(aggregaten_verversen(dagen=dagen))

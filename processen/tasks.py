from celery import shared_task

from processen.services import taak_signalen_geven


@shared_task(name="processen.tasks.taak_signalen", ignore_result=True)
def taak_signalen():
    """Daily deadline reminders and escalations; safe to run more often (one per day each)."""
    return taak_signalen_geven()

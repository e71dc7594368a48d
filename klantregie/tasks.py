from celery import shared_task

from klantregie.services import terugbelverzoeken_signaleren


@shared_task(name="klantregie.tasks.terugbelverzoeken_signaleren", ignore_result=True)
def terugbelverzoeken_signaleren_task():
    """Daily (Celery beat): reminders and escalations for overdue terugbelverzoeken. Safe to run
    more often: signals are given once per verzoek, recipient and day."""
    return terugbelverzoeken_signaleren()

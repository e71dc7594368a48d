from celery import shared_task

from core import outbox


@shared_task(name="core.tasks.outbox_deliver", ignore_result=True)
def outbox_deliver(limit: int = 200):
    return outbox.outbox_deliver(limit=limit)

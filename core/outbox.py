"""Transactional outbox: record a side effect with the change, deliver it after commit.

`outbox_enqueue` is called inside a service transaction. After commit, a Celery task (eager
without a broker) delivers pending messages; Celery beat also runs the sender every minute so a
message recorded while the broker was down still goes out. Delivery locks the row
(`SELECT ... FOR UPDATE SKIP LOCKED`), calls the handler and marks it sent in the same
transaction: a concurrent or repeated run never sends a message twice. A failing handler leaves
the message pending with a back-off."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import timedelta

from django.core.mail import EmailMultiAlternatives
from django.db import IntegrityError, transaction
from django.utils import timezone

from core.models import OutboxMessage

logger = logging.getLogger(__name__)

_handlers: dict[str, Callable[[dict], None]] = {}

MAX_BACKOFF = timedelta(hours=1)


def outbox_handler(soort: str):
    def decorator(fn):
        _handlers[soort] = fn
        return fn

    return decorator


def outbox_enqueue(
    *, soort: str, sleutel: str, payload: dict, zaak=None, beschikbaar_vanaf=None
) -> bool:
    """Record a message. Returns False (and records nothing) when a message with this key
    already exists, so recording the same side effect twice is harmless."""
    try:
        with transaction.atomic():
            OutboxMessage.objects.create(
                soort=soort,
                sleutel=sleutel[:200],
                payload=payload,
                zaak_uuid=getattr(zaak, "uuid", None),
                beschikbaar_vanaf=beschikbaar_vanaf or timezone.now(),
            )
    except IntegrityError:
        return False
    _schedule_once_on_commit()
    return True


def _schedule_once_on_commit() -> None:
    """One delivery task per transaction, however many messages it recorded."""
    connection = transaction.get_connection()
    if connection.in_atomic_block:
        current = set(connection.savepoint_ids)
        if any(
            func is _schedule_delivery and set(sids) == current
            for sids, func, *_rest in connection.run_on_commit
        ):
            return
    transaction.on_commit(_schedule_delivery)


def _schedule_delivery():
    from core.tasks import outbox_deliver

    try:
        outbox_deliver.delay()
    except Exception:  # the broker is down: beat (or the next commit) will deliver it
        logger.warning(
            "Outbox delivery could not be scheduled; the periodic sender will pick it up."
        )


def outbox_deliver(limit: int = 200) -> dict:
    """Deliver up to `limit` pending messages. Returns counts for logging and tests."""
    sent = failed = 0
    for _ in range(limit):
        with transaction.atomic():
            message = (
                OutboxMessage.objects.select_for_update(skip_locked=True)
                .filter(verzonden_op__isnull=True, beschikbaar_vanaf__lte=timezone.now())
                .order_by("beschikbaar_vanaf", "id")
                .first()
            )
            if message is None:
                break
            handler = _handlers.get(message.soort)
            try:
                if handler is None:
                    raise LookupError(
                        f"Geen afhandeling bekend voor berichtsoort {message.soort!r}"
                    )
                with transaction.atomic():
                    handler(message.payload)
            except Exception as exc:
                message.pogingen += 1
                message.laatste_fout = f"{type(exc).__name__}: {exc}"[:2000]
                backoff = min(timedelta(seconds=30 * 2 ** min(message.pogingen, 10)), MAX_BACKOFF)
                message.beschikbaar_vanaf = timezone.now() + backoff
                message.save(update_fields=["pogingen", "laatste_fout", "beschikbaar_vanaf"])
                failed += 1
                logger.warning("Outbox message %s failed: %s", message.pk, exc)
                continue
            message.pogingen += 1
            message.verzonden_op = timezone.now()
            message.laatste_fout = ""
            message.save(update_fields=["pogingen", "verzonden_op", "laatste_fout"])
            sent += 1
    return {"sent": sent, "failed": failed}


@outbox_handler("email")
def _send_email(payload: dict) -> None:
    msg = EmailMultiAlternatives(
        subject=payload["subject"],
        body=payload["text"],
        to=payload["to"] if isinstance(payload["to"], list) else [payload["to"]],
        from_email=payload.get("from"),
    )
    if payload.get("html"):
        msg.attach_alternative(payload["html"], "text/html")
    msg.send(fail_silently=False)


def email_enqueue(
    *, sleutel: str, to: str | list[str], subject: str, text: str, html: str = "", zaak=None
) -> bool:
    return outbox_enqueue(
        soort="email",
        sleutel=sleutel,
        payload={"to": to, "subject": subject, "text": text, "html": html},
        zaak=zaak,
    )

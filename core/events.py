"""Synchronous domain events inside the service transaction.

A service publishes `zaak.aangemaakt`, `zaak.status_gezet`, ... after it changed the data;
subscribers in other apps (processen starts a flow, pip records an e-mail in the outbox) run in
the same transaction. Errors are not swallowed: a failing subscriber rolls the change back, so
nothing is half-written. Slow or external work belongs in the outbox, not here."""

from collections import defaultdict
from collections.abc import Callable

_subscribers: dict[str, list[Callable]] = defaultdict(list)


def subscribe(event: str):
    def decorator(fn: Callable) -> Callable:
        if fn not in _subscribers[event]:
            _subscribers[event].append(fn)
        return fn

    return decorator


def publish(event: str, **payload) -> None:
    for fn in list(_subscribers.get(event, ())):
        fn(**payload)


def subscribers(event: str) -> list[Callable]:
    return list(_subscribers.get(event, ()))

"""Typed events, published only after the transaction that caused them commits.

Contexts react to each other through these events instead of importing each other:
realtime sockets, automations and outgoing webhooks all subscribe here.
"""

import logging
from collections.abc import Callable

from django.db import transaction
from pydantic import BaseModel, ConfigDict

logger = logging.getLogger(__name__)


class Event(BaseModel):
    """Base of every event; subclasses fix ``type`` and ``op`` with literals."""

    model_config = ConfigDict(frozen=True)

    type: str
    op: str
    store_id: int

    @property
    def name(self) -> str:
        return f"{self.type}.{self.op}"


Handler = Callable[[Event], None]
_handlers: list[tuple[str | None, Handler]] = []


def subscribe(handler: Handler, *, event_type: str | None = None) -> Callable[[], None]:
    """Call ``handler`` for every event (or every event of one ``type``) after commit.

    Returns a function that removes the subscription.
    """
    entry = (event_type, handler)
    _handlers.append(entry)
    return lambda: _handlers.remove(entry)


def publish_event(event: Event) -> None:
    """Deliver ``event`` to its subscribers once the current transaction commits."""
    transaction.on_commit(lambda: _dispatch(event), robust=True)


def _dispatch(event: Event) -> None:
    for event_type, handler in list(_handlers):
        if event_type is None or event_type == event.type:
            handler(event)

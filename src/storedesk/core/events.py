"""Typed events, published only after the transaction that caused them commits.

Contexts react to each other through these events instead of importing each other:
realtime sockets, automations and outgoing webhooks all subscribe here.

Subscribers run in the committing process, one after the other, each isolated: one that
raises is logged with the event and the others still run. A subscriber must be quick (a
socket send, an enqueue); slow work (re-indexing, webhooks, notifications, the assistant)
goes to the task queue with the event's ``id``, so a retry can tell it has done that work.
"""

import logging
from collections.abc import Callable
from typing import Any
from uuid import UUID, uuid4

from django.db import transaction
from pydantic import BaseModel, ConfigDict, Field

logger = logging.getLogger(__name__)


class Event(BaseModel):
    """Base of every event; subclasses fix ``type`` and ``op`` with literals."""

    model_config = ConfigDict(frozen=True)

    # One publication of an event: a task queued for it carries this id, so running the
    # task again (a retry, a second worker) can be recognised as the same work. It stays
    # out of the serialised event: the socket frames (docs/realtime.md) are unchanged.
    id: UUID = Field(default_factory=uuid4, exclude=True)
    type: str
    op: str
    store_id: int

    @property
    def name(self) -> str:
        return f"{self.type}.{self.op}"

    def __eq__(self, other: object) -> bool:
        # Two events are equal when they say the same thing; the id only names the
        # publication, so tests and subscribers compare what happened.
        if not isinstance(other, Event):
            return NotImplemented
        return type(self) is type(other) and self._content() == other._content()

    def __hash__(self) -> int:
        # Consistent with __eq__ and defined for every payload, nested lists included.
        return hash((type(self), self.type, self.op, self.store_id))

    def _content(self) -> dict[str, Any]:
        return {name: value for name, value in self.__dict__.items() if name != "id"}


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
    """Call every subscriber of ``event`` now; one that fails does not stop the others."""
    for event_type, handler in list(_handlers):
        if event_type is not None and event_type != event.type:
            continue
        try:
            handler(event)
        except Exception:
            # Subscribers are independent rooms: a socket layer that is down or a bug in
            # one must not cost the others their event. The log names the event so the
            # work can be found and done again.
            logger.exception(
                "Subscriber %s failed on event %s (store %s, event %s)",
                _handler_name(handler),
                event.name,
                event.store_id,
                event.id,
            )


def _handler_name(handler: Handler) -> str:
    module = getattr(handler, "__module__", None) or "?"
    name = getattr(handler, "__qualname__", None) or repr(handler)
    return f"{module}.{name}"

"""Delivers events to sockets. Subscribed to core.events in RealtimeConfig.ready(), so it
runs after the commit that caused an event, and sends each event to its audience only:

- message, conversation and presence events: the store's agents;
- mention events: the mentioned staff member;
- a chat message that is not a note: the chat visitor's sockets, with the message alone
  (never the conversation summary, which carries the inbox's view of the customer);
- typing: the other agents, and for an agent in a website chat, the visitor;
- a visitor's new conversation: that visitor's other tabs.

Frames are serialised once here, not once per socket: a message reaches every agent of
the store, and this is the path a shopper's message takes to them.

In the server process, an event raised in a worker thread (every database action runs in
one) is handed to the server's event loop through an outbox and sent from there, in order;
the thread goes back to its next database call at once instead of waiting for every group
send. Elsewhere (the task worker, management commands, tests without a server) it is sent
before ``deliver`` returns.
"""

import asyncio
import json
import logging
from collections.abc import Callable
from typing import Any

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer

from storedesk.accounts.staff_events import MemberEvent
from storedesk.core.events import Event, subscribe
from storedesk.inbox.events import ConversationEvent, MentionEvent, MessageEvent, PresenceEvent
from storedesk.inbox.models import Channel
from storedesk.livechat.events import VisitorConversationEvent
from storedesk.realtime import groups
from storedesk.realtime.events import TypingEvent

# Channel-layer message types; a consumer handles "realtime.frame" in realtime_frame().
logger = logging.getLogger(__name__)

FRAME = "realtime.frame"
FOLLOW = "visitor.follow"
MEMBER_CHANGED = "member.changed"

Delivery = tuple[str, dict[str, Any]]


def route(event: Event | TypingEvent) -> list[Delivery]:
    """Which groups receive ``event``, and the frame each one gets."""
    if isinstance(event, MessageEvent):
        deliveries = [_to_agents(event)]
        message = event.message
        if (
            event.op == "created"
            and event.conversation.channel == Channel.CHAT
            and message.direction != "internal"
        ):
            text = '{"type":"message","message":' + message.model_dump_json() + "}"
            deliveries.append(
                (
                    groups.chat(event.store_id, message.conversation_id),
                    {"type": FRAME, "text": text, "message_id": message.id},
                )
            )
        return deliveries
    if isinstance(event, ConversationEvent | PresenceEvent):
        return [_to_agents(event)]
    if isinstance(event, MentionEvent):
        return [(groups.user(event.store_id, event.user_id), _agent_frame(event))]
    if isinstance(event, TypingEvent):
        frame = _agent_frame(event)
        if event.who == "agent":
            # The typist's own sockets need no echo.
            frame["skip_user_id"] = event.user_id
        deliveries = [(groups.agents(event.store_id), frame)]
        if event.to_visitor:
            text = json.dumps(
                {"type": "typing", "typing": event.typing, "name": event.name}, ensure_ascii=False
            )
            deliveries.append(
                (groups.chat(event.store_id, event.conversation_id), {"type": FRAME, "text": text})
            )
        return deliveries
    if isinstance(event, MemberEvent) and event.op in ("deactivated", "role_changed"):
        # The member's open sockets check again whether they may still watch the store.
        return [(groups.user(event.store_id, event.user_id), {"type": MEMBER_CHANGED})]
    if isinstance(event, VisitorConversationEvent):
        return [
            (
                groups.visitor(event.store_id, event.audience),
                {"type": FOLLOW, "conversation_id": event.conversation_id},
            )
        ]
    return []


def deliver(event: Event | TypingEvent) -> None:
    """Send ``event`` to its audience from synchronous code: the after-commit callback of
    every published event, and ephemeral signals (typing) that wait for no commit."""
    deliveries = route(event)
    if not deliveries:
        return
    outbox = _outbox
    if outbox is None or not outbox.accept(deliveries):
        async_to_sync(send_deliveries)(deliveries)


async def adeliver(event: Event | TypingEvent) -> None:
    """Send an ephemeral event (typing) from a consumer, without a database round."""
    deliveries = route(event)
    if deliveries:
        await send_deliveries(deliveries)


async def send_deliveries(deliveries: list[Delivery]) -> None:
    layer = get_channel_layer()
    assert layer is not None, "CHANNEL_LAYERS has no default layer"
    if len(deliveries) == 1:
        group, message = deliveries[0]
        await layer.group_send(group, message)
        return
    await asyncio.gather(*(layer.group_send(group, message) for group, message in deliveries))


class _Outbox:
    """Deliveries queued by worker threads, sent in order by one task on the server loop."""

    def __init__(self, loop: asyncio.AbstractEventLoop) -> None:
        self.loop = loop
        self.queue: asyncio.Queue[list[Delivery]] = asyncio.Queue()
        self.sender = loop.create_task(self._send_forever())

    def accept(self, deliveries: list[Delivery]) -> bool:
        """Queue ``deliveries`` when called from another thread while the loop runs."""
        if self.loop.is_closed() or not self.loop.is_running():
            return False
        if _running_loop() is self.loop:
            return False
        try:
            self.loop.call_soon_threadsafe(self.queue.put_nowait, deliveries)
        except RuntimeError:  # the loop closed in between
            return False
        return True

    async def _send_forever(self) -> None:
        while True:
            deliveries = await self.queue.get()
            try:
                await send_deliveries(deliveries)
            except Exception:  # a failed send must not stop every later one
                logger.exception("Could not deliver a real-time event")


_outbox: _Outbox | None = None


def _running_loop() -> asyncio.AbstractEventLoop | None:
    try:
        return asyncio.get_running_loop()
    except RuntimeError:
        return None


def bind_event_loop() -> None:
    """Send the events of worker threads from the running loop (a server's) from now on."""
    global _outbox
    loop = asyncio.get_running_loop()
    if _outbox is None or _outbox.loop is not loop:
        _outbox = _Outbox(loop)


_unsubscribe: Callable[[], None] | None = None


def connect() -> None:
    """Subscribe to every event (once, however often the app registry is set up)."""
    global _unsubscribe
    if _unsubscribe is None:
        _unsubscribe = subscribe(deliver)


def _to_agents(event: Event) -> Delivery:
    return groups.agents(event.store_id), _agent_frame(event)


def _agent_frame(event: Event | TypingEvent) -> dict[str, Any]:
    return {"type": FRAME, "text": '{"event":' + event.model_dump_json() + "}"}

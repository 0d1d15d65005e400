"""The agent socket: ``/ws/agent/<store_slug>/`` (protocol in docs/realtime.md)."""

import json
from collections.abc import Collection
from typing import Any

from channels.consumer import get_handler_name
from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncWebsocketConsumer

from storedesk.accounts.actors import Actor
from storedesk.accounts.models import User
from storedesk.accounts.permissions import Permission
from storedesk.accounts.selectors.two_factor import get_actor_for_session
from storedesk.core.errors import NotFound, PermissionDenied, StoredeskError
from storedesk.inbox.actions.presence import check_set_presence, do_mark_agent_seen
from storedesk.inbox.models import Channel, Presence
from storedesk.inbox.selectors import access_conversation
from storedesk.livechat.actions import do_record_agent_typing
from storedesk.realtime import groups
from storedesk.realtime.events import TypingEvent
from storedesk.realtime.publisher import adeliver, bind_event_loop

CLOSE_NOT_LOGGED_IN = 4401
CLOSE_NOT_FOUND = 4404
# Client frames are small (typing, presence, heartbeat); anything larger is a mistake.
MAX_FRAME_BYTES = 4096


class SocketConsumer(AsyncWebsocketConsumer):  # type: ignore[misc]  # channels is untyped
    """The base of Storedesk's sockets.

    Channels closes stale database connections before every handler, through the one
    thread that runs all database work: with a thousand chats, each frame and each event
    would queue behind the others' queries just for that check. Every database call of
    ours runs in ``database_sync_to_async``, which does the same check in its own turn,
    so handlers are called directly.
    """

    # The channel-layer groups this socket is in, set first thing in ``connect``.
    joined: Collection[str]

    async def dispatch(self, message: dict[str, Any]) -> None:
        handler = getattr(self, get_handler_name(message), None)
        if handler is None:
            raise ValueError(f"No handler for message type {message['type']}")
        await handler(message)

    async def websocket_connect(self, message: dict[str, Any]) -> None:
        bind_event_loop()
        await super().websocket_connect(message)

    async def _refuse(self, code: int) -> None:
        # Accepted first: a close before the handshake reaches a browser as a bare 403,
        # without the code that tells the client not to retry.
        await self.accept()
        await self.close(code=code)

    async def disconnect(self, code: int) -> None:
        for group in self.joined:
            await self.channel_layer.group_discard(group, self.channel_name)

    async def _decode(self, text_data: str) -> dict[str, Any] | None:
        """The frame, a JSON object; None when it is not one and the client was told why."""
        try:
            frame = json.loads(text_data)
        except ValueError:
            await self._error("bad_frame", "The frame is not valid JSON.")
            return None
        if not isinstance(frame, dict):
            await self._error("bad_frame", "A frame is a JSON object with a type.")
            return None
        return frame

    async def _error(self, code: str, message: str) -> None:
        """Tell the client what was wrong with its frame; each socket has its own shape."""
        raise NotImplementedError


class AgentConsumer(SocketConsumer):
    """A staff member's live inbox in one store: events in, typing and presence out."""

    actor: Actor
    user: User
    joined: list[str]

    async def connect(self) -> None:
        self.joined = []
        user = self.scope.get("user")
        if not isinstance(user, User) or not user.is_authenticated:
            await self._refuse(CLOSE_NOT_LOGGED_IN)
            return
        store_slug = self.scope["url_route"]["kwargs"]["store_slug"]
        actor = await database_sync_to_async(_open_inbox)(user, store_slug)
        if actor is None:
            await self._refuse(CLOSE_NOT_FOUND)
            return
        self.actor, self.user = actor, user
        # Joined before the handshake completes: once the client sees the socket open, no
        # event can slip past between its reload over HTTP and its subscription.
        for group in (groups.agents(actor.store.pk), groups.user(actor.store.pk, user.pk)):
            await self.channel_layer.group_add(group, self.channel_name)
            self.joined.append(group)
        # The conversations this socket has checked, and whether each is a website chat.
        self._chats: dict[int, bool] = {}
        await self.accept()

    async def receive(self, text_data: str | None = None, bytes_data: bytes | None = None) -> None:
        if text_data is None or len(text_data) > MAX_FRAME_BYTES:
            await self._error("bad_frame", "Send JSON text frames of at most 4 KB.")
            return
        frame = await self._decode(text_data)
        if frame is None:
            return
        kind = frame.get("type")
        if kind == "heartbeat":
            await database_sync_to_async(do_mark_agent_seen)(self.actor.store, self.user)
        elif kind == "presence":
            await self._set_presence(frame.get("presence"))
        elif kind == "typing":
            await self._typing(frame.get("conversation_id"), frame.get("typing"))
        else:
            await self._error("unknown_type", "Frame types are typing, presence and heartbeat.")

    async def _set_presence(self, value: object) -> None:
        if value not in {Presence.ONLINE.value, Presence.AWAY.value}:
            await self._error("invalid_presence", 'presence is "online" or "away".')
            return
        try:
            await database_sync_to_async(check_set_presence)(
                self.actor, presence=Presence(str(value))
            )
        except StoredeskError as error:
            await self._error(error.code, error.message)

    async def _typing(self, conversation_id: object, typing: object) -> None:
        if (
            not isinstance(conversation_id, int)
            or isinstance(conversation_id, bool)
            or not isinstance(typing, bool)
        ):
            await self._error(
                "bad_frame", "typing needs conversation_id (a number) and typing (true or false)."
            )
            return
        if not self.actor.can(Permission.REPLY_CONVERSATIONS):
            await self._error("permission_denied", "You cannot write in conversations.")
            return
        is_chat = self._chats.get(conversation_id)
        if is_chat is None:
            is_chat = await database_sync_to_async(_is_chat)(self.actor, conversation_id)
            if is_chat is None:
                await self._error("not_found", "No such conversation.")
                return
            self._chats[conversation_id] = is_chat
        name = self.user.name or self.user.email.split("@")[0]
        if is_chat:
            await database_sync_to_async(do_record_agent_typing)(
                conversation_id=conversation_id, name=name, typing=typing
            )
        await adeliver(
            TypingEvent(
                store_id=self.actor.store.pk,
                conversation_id=conversation_id,
                who="agent",
                user_id=self.user.pk,
                name=name,
                typing=typing,
                to_visitor=is_chat,
            )
        )

    async def member_changed(self, message: dict[str, Any]) -> None:
        """The member was deactivated or given another role: the socket stays open only
        while they may still watch the store's conversations."""
        actor = await database_sync_to_async(_inbox_actor)(self.user, self.actor.store.slug)
        if actor is None:
            await self.close(code=CLOSE_NOT_FOUND)
        else:
            self.actor = actor

    async def realtime_frame(self, message: dict[str, Any]) -> None:
        if message.get("skip_user_id") == self.user.pk:
            return
        await self.send(text_data=message["text"])

    async def _error(self, code: str, message: str) -> None:
        await self.send(text_data=json.dumps({"type": "error", "code": code, "message": message}))


def _open_inbox(user: User, store_slug: str) -> Actor | None:
    """The user's actor in the store if they may watch its conversations; marks them seen."""
    actor = _inbox_actor(user, store_slug)
    if actor is not None:
        do_mark_agent_seen(actor.store, user)
    return actor


def _inbox_actor(user: User, store_slug: str) -> Actor | None:
    """The user's actor in the store if they may watch its conversations, else None."""
    try:
        # Refuses a deactivated member too, and a member without two-factor in a store
        # that requires it.
        actor = get_actor_for_session(user, store_slug=store_slug)
    except (NotFound, PermissionDenied):
        return None
    return actor if actor.can(Permission.VIEW_CONVERSATIONS) else None


def _is_chat(actor: Actor, conversation_id: int) -> bool | None:
    """Whether the store's conversation is a website chat; None when there is no such
    conversation in the actor's store (another store's id looks exactly like a missing one)."""
    try:
        return access_conversation(actor, conversation_id).channel == Channel.CHAT
    except NotFound:
        return None

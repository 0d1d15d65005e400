"""The chat visitor's socket: ``/ws/widget/?token=<visitor token>`` (docs/livechat.md)."""

import json
from collections import deque
from typing import Any
from urllib.parse import parse_qs

from channels.db import database_sync_to_async
from django.utils import translation

from storedesk.core.errors import StoredeskError
from storedesk.core.ratelimit import RateLimited
from storedesk.livechat.actions import (
    SentMessage,
    check_send_visitor_message,
    check_visitor,
    do_visitor_typing,
)
from storedesk.livechat.errors import OriginNotAllowed
from storedesk.livechat.selectors import (
    Visitor,
    foreign_origin,
    get_visitor_conversation,
    list_visitor_messages,
)
from storedesk.realtime import groups
from storedesk.realtime.consumers import SocketConsumer

CLOSE_BAD_TOKEN = 4401
CLOSE_ORIGIN_NOT_ALLOWED = 4403
# A 10,000-character message fits with room to spare even with every character escaped.
MAX_FRAME_CHARS = 128 * 1024


class VisitorConsumer(SocketConsumer):
    visitor: Visitor
    conversation_id: int | None
    joined: set[str]

    async def connect(self) -> None:
        self.joined = set()
        query = parse_qs(self.scope.get("query_string", b"").decode("latin-1"))
        token = (query.get("token") or [""])[0]
        origin = foreign_origin(_header(self.scope, b"origin"), host=_header(self.scope, b"host"))
        try:
            self.visitor, self.conversation_id = await database_sync_to_async(_open)(token, origin)
        except OriginNotAllowed:
            await self._refuse(CLOSE_ORIGIN_NOT_ALLOWED)
            return
        except StoredeskError:
            await self._refuse(CLOSE_BAD_TOKEN)
            return
        # Messages this socket sent itself: its ack carries them, the copy for the
        # visitor's other tabs need not come back here.
        self.acknowledged: deque[int] = deque(maxlen=64)
        await self._join(groups.visitor(self.visitor.store.pk, self.visitor.audience))
        if self.conversation_id is not None:
            await self._join(groups.chat(self.visitor.store.pk, self.conversation_id))
        await self.accept()
        await self._send({"type": "ready", "conversation_id": self.conversation_id})

    async def receive(self, text_data: str | None = None, bytes_data: bytes | None = None) -> None:
        if text_data is None:
            await self._error("bad_frame", "Send JSON text frames.")
            return
        if len(text_data) > MAX_FRAME_CHARS:
            await self._error("message_too_long", "The message is far too long.")
            return
        frame = await self._decode(text_data)
        if frame is None:
            return
        kind = frame.get("type")
        if kind == "message":
            await self._message(frame)
        elif kind == "typing":
            if isinstance(frame.get("typing"), bool):
                await database_sync_to_async(_typing)(self.visitor, bool(frame["typing"]))
            else:
                await self._error("bad_frame", "typing is true or false.")
        elif kind == "sync":
            await self._resync(frame.get("after"))
        else:
            await self._error("unknown_type", "Frame types are message, typing and sync.")

    async def _message(self, frame: dict[str, Any]) -> None:
        client_id = frame.get("client_id")
        text = frame.get("text", "")
        attachments = frame.get("attachments") or []
        if not isinstance(client_id, str):
            await self._error("bad_frame", "A message needs its client_id.")
            return
        if (
            not isinstance(text, str)
            or not isinstance(attachments, list)
            or not all(isinstance(token, str) for token in attachments)
        ):
            await self._error("bad_frame", "text is a string, attachments a list.", client_id)
            return
        try:
            sent = await database_sync_to_async(_send_message)(
                self.visitor, client_id, text, attachments, _client_address(self.scope)
            )
        except RateLimited as error:
            await self._send(
                {
                    "type": "error",
                    "code": error.code,
                    "message": error.message,
                    "client_id": client_id,
                    "retry_after": error.retry_after,
                }
            )
            return
        except StoredeskError as error:
            await self._error(error.code, error.message, client_id)
            return
        self.acknowledged.append(sent.message.id)
        if sent.conversation_id != self.conversation_id:
            await self._follow(sent.conversation_id)
        await self._send(
            {"type": "ack", "client_id": client_id, "message": sent.message.model_dump(mode="json")}
        )

    async def _resync(self, after: object) -> None:
        if after is not None and (
            not isinstance(after, int) or isinstance(after, bool) or after < 0
        ):
            await self._error("bad_frame", "after is the id of the last message seen.")
            return
        messages = await database_sync_to_async(_messages_after)(self.visitor, after)
        await self._send(
            {"type": "messages", "messages": [m.model_dump(mode="json") for m in messages]}
        )

    async def _follow(self, conversation_id: int) -> None:
        store_id = self.visitor.store.pk
        if self.conversation_id is not None:
            old = groups.chat(store_id, self.conversation_id)
            await self.channel_layer.group_discard(old, self.channel_name)
            self.joined.discard(old)
        self.conversation_id = conversation_id
        await self._join(groups.chat(store_id, conversation_id))

    # Channel-layer handlers ----------------------------------------------------------

    async def realtime_frame(self, message: dict[str, Any]) -> None:
        if message.get("message_id") in self.acknowledged:
            return
        await self.send(text_data=message["text"])

    async def visitor_follow(self, message: dict[str, Any]) -> None:
        """Another tab of this visitor started a new conversation: show it here too."""
        conversation_id = message["conversation_id"]
        if conversation_id == self.conversation_id:
            return
        await self._follow(conversation_id)
        await self._resync(None)

    # Helpers --------------------------------------------------------------------------

    async def _join(self, group: str) -> None:
        await self.channel_layer.group_add(group, self.channel_name)
        self.joined.add(group)

    async def _send(self, payload: dict[str, Any]) -> None:
        await self.send(text_data=json.dumps(payload, ensure_ascii=False))

    async def _error(self, code: str, message: str, client_id: str | None = None) -> None:
        await self._send(
            {"type": "error", "code": code, "message": message, "client_id": client_id}
        )


def _header(scope: dict[str, Any], name: bytes) -> str | None:
    for key, value in scope.get("headers", []):
        if key == name:
            return bytes(value).decode("latin-1")
    return None


def _open(token: str, origin: str | None) -> tuple[Visitor, int | None]:
    visitor = check_visitor(token, origin=origin)
    conversation = get_visitor_conversation(visitor)
    return visitor, conversation.pk if conversation is not None else None


def _client_address(scope: dict[str, Any]) -> str:
    # Behind a reverse proxy, uvicorn's proxy headers put the client's address here.
    client = scope.get("client")
    return str(client[0]) if client else "unknown"


def _send_message(
    visitor: Visitor, client_id: str, text: str, attachments: list[str], address: str
) -> SentMessage:
    with translation.override(visitor.language):
        return check_send_visitor_message(
            visitor,
            client_id=client_id,
            text=text,
            attachment_tokens=attachments,
            client_address=address,
        )


def _typing(visitor: Visitor, typing: bool) -> None:
    do_visitor_typing(visitor, typing=typing)


def _messages_after(visitor: Visitor, after: int | None) -> list[Any]:
    return list_visitor_messages(get_visitor_conversation(visitor), after_id=after)

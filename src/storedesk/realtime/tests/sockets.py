"""Opening real sockets against the ASGI application in tests: the consumers run for real,
behind the same routing, session and origin checks as in production.

channels.testing.WebsocketCommunicator would do, but importing channels.testing needs
daphne, which Storedesk does not use; this is the same few lines over asgiref's own
ApplicationCommunicator.
"""

import json
from typing import Any
from urllib.parse import unquote, urlparse

from asgiref.testing import ApplicationCommunicator

from storedesk.accounts.models import User
from storedesk.config.asgi import application
from storedesk.core.tests.clients import logged_in
from storedesk.livechat.actions import check_start_session
from storedesk.livechat.models import ChatWidget

ORIGIN = b"http://127.0.0.1"
TIMEOUT = 3


class WebsocketCommunicator:
    """A websocket client talking straight to the ASGI application."""

    def __init__(self, app: Any, path: str, headers: list[tuple[bytes, bytes]]) -> None:
        parsed = urlparse(path)
        scope = {
            "type": "websocket",
            "path": unquote(parsed.path),
            "query_string": parsed.query.encode(),
            "headers": headers,
            "subprotocols": [],
        }
        self._asgi = ApplicationCommunicator(app, scope)  # type: ignore[no-untyped-call]

    async def connect(self, timeout: float = TIMEOUT) -> tuple[bool, int | None]:
        """(True, None) once accepted; (False, code) when refused before the handshake."""
        await self._input({"type": "websocket.connect"})
        response = await self.receive_output(timeout)
        if response["type"] == "websocket.close":
            return False, int(response.get("code", 1000))
        assert response["type"] == "websocket.accept", response
        return True, None

    async def send_to(self, text_data: str) -> None:
        await self._input({"type": "websocket.receive", "text": text_data})

    async def receive_from(self, timeout: float = TIMEOUT) -> str:
        response = await self.receive_output(timeout)
        assert response["type"] == "websocket.send", response
        text = response["text"]
        assert isinstance(text, str)
        return text

    async def receive_output(self, timeout: float = TIMEOUT) -> dict[str, Any]:
        output: dict[str, Any] = await self._asgi.receive_output(timeout)  # type: ignore[no-untyped-call]
        return output

    async def receive_nothing(self, timeout: float = 0.3) -> bool:
        """Whether the application sends nothing within ``timeout`` seconds."""
        nothing: bool = await self._asgi.receive_nothing(timeout)  # type: ignore[no-untyped-call]
        return nothing

    async def disconnect(self, code: int = 1000, timeout: float = TIMEOUT) -> None:
        await self._input({"type": "websocket.disconnect", "code": code})
        await self._asgi.wait(timeout)  # type: ignore[no-untyped-call]

    async def _input(self, message: dict[str, Any]) -> None:
        await self._asgi.send_input(message)  # type: ignore[no-untyped-call]


def new_visitor_token(widget: ChatWidget) -> str:
    """A new shopper's session on ``widget``: the token their socket opens with."""
    return check_start_session(
        key=widget.key, token=None, language="tr", identity=None, origin=None,
        client_address="127.0.0.1",
    ).token  # fmt: skip


def session_cookie(user: User) -> str:
    return logged_in(user).cookies["sessionid"].value


def agent_socket(
    store_slug: str, cookie: str | None = None, *, origin: bytes = ORIGIN
) -> WebsocketCommunicator:
    headers = [(b"origin", origin)]
    if cookie is not None:
        headers.append((b"cookie", f"sessionid={cookie}".encode()))
    return WebsocketCommunicator(application, f"/ws/agent/{store_slug}/", headers=headers)


def visitor_socket(
    token: str, *, origin: bytes | None = b"https://shop.example"
) -> WebsocketCommunicator:
    headers = [(b"origin", origin)] if origin is not None else []
    return WebsocketCommunicator(application, f"/ws/widget/?token={token}", headers=headers)


async def open_socket(communicator: WebsocketCommunicator) -> None:
    connected, _ = await communicator.connect(timeout=TIMEOUT)
    assert connected


async def close_code(communicator: WebsocketCommunicator) -> int:
    """The code a socket was closed with right after its handshake."""
    connected, _ = await communicator.connect(timeout=TIMEOUT)
    assert connected  # accepted, so that the client learns the code
    output = await communicator.receive_output()
    assert output["type"] == "websocket.close", output
    return int(output["code"])


async def receive(communicator: WebsocketCommunicator) -> dict[str, Any]:
    frame = json.loads(await communicator.receive_from(timeout=TIMEOUT))
    assert isinstance(frame, dict)
    return frame


async def receive_event(communicator: WebsocketCommunicator) -> dict[str, Any]:
    """The next event frame an agent socket receives."""
    frame = await receive(communicator)
    event = frame["event"]
    assert isinstance(event, dict)
    return event


async def send(communicator: WebsocketCommunicator, frame: dict[str, Any]) -> None:
    await communicator.send_to(text_data=json.dumps(frame))

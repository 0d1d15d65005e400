"""A real HTTP server on 127.0.0.1 that answers as the Telegram Bot API does, for tests.

It serves ``/bot<token>/<method>`` and ``/file/bot<token>/<path>`` with the documented
shapes (``{"ok": true, "result": ...}`` or ``{"ok": false, "error_code", "description",
"parameters"}``), records every request it receives, and answers with whatever a test
queued for a method before falling back to success.
"""

import json
import threading
from collections import defaultdict, deque
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from email.parser import BytesParser
from email.policy import HTTP
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

BOT_TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw0"
# A 1x1 PNG, what a photo download returns.
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082"
)


@dataclass
class Received:
    method: str
    token: str
    body: dict[str, Any]
    content_type: str
    files: dict[str, tuple[str, bytes]] = field(default_factory=dict)


@dataclass
class FakeTelegram:
    url: str = ""
    received: list[Received] = field(default_factory=list)
    # method -> answers to give, in order: (HTTP status, JSON body)
    queued: dict[str, deque[tuple[int, dict[str, Any]]]] = field(
        default_factory=lambda: defaultdict(deque)
    )
    files: dict[str, bytes] = field(default_factory=lambda: {"photos/file_1.jpg": PNG})
    next_message_id: int = 100

    def answer(self, method: str, status: int, body: dict[str, Any]) -> None:
        self.queued[method].append((status, body))

    def fail(self, method: str, status: int, description: str, **parameters: Any) -> None:
        body: dict[str, Any] = {"ok": False, "error_code": status, "description": description}
        if parameters:
            body["parameters"] = parameters
        self.answer(method, status, body)

    def calls(self, method: str) -> list[Received]:
        return [call for call in self.received if call.method == method]

    def respond(self, method: str, body: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        if self.queued[method]:
            return self.queued[method].popleft()
        if method == "setWebhook":
            return 200, {"ok": True, "result": True, "description": "Webhook was set"}
        if method == "getFile":
            file_id = str(body.get("file_id", ""))
            return 200, {
                "ok": True,
                "result": {
                    "file_id": file_id,
                    "file_unique_id": "AgADBAAD" + file_id[-4:],
                    "file_size": len(PNG),
                    "file_path": "photos/file_1.jpg",
                },
            }
        if method in {"sendMessage", "sendDocument"}:
            self.next_message_id += 1
            return 200, {
                "ok": True,
                "result": {
                    "message_id": self.next_message_id,
                    "from": {"id": 123456789, "is_bot": True, "first_name": "Moda Çarşı"},
                    "chat": {"id": int(body.get("chat_id", 0)), "type": "private"},
                    "date": 1764950400,
                    "text": body.get("text", ""),
                },
            }
        return 404, {"ok": False, "error_code": 404, "description": "Not Found"}


def _handler(fake: FakeTelegram) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:
            pass

        def do_GET(self) -> None:
            parts = self.path.split("/", 3)
            # /file/bot<token>/<path>
            if len(parts) == 4 and parts[1] == "file" and parts[3] in fake.files:
                content = fake.files[parts[3]]
                self.send_response(200)
                self.send_header("Content-Type", "application/octet-stream")
                self.send_header("Content-Length", str(len(content)))
                self.end_headers()
                self.wfile.write(content)
                return
            self._json(404, {"ok": False, "error_code": 404, "description": "Not Found"})

        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            raw = self.rfile.read(length)
            content_type = self.headers.get("Content-Type", "")
            _, token, method = ([*self.path.split("?")[0].split("/", 2), "", ""])[:3]
            body: dict[str, Any] = {}
            files: dict[str, tuple[str, bytes]] = {}
            if content_type.startswith("application/json"):
                body = json.loads(raw or b"{}")
            elif content_type.startswith("multipart/form-data"):
                message = BytesParser(policy=HTTP).parsebytes(
                    f"Content-Type: {content_type}\r\n\r\n".encode() + raw
                )
                for part in message.iter_parts():
                    name = part.get_param("name", header="content-disposition")
                    filename = part.get_filename()
                    decoded = part.get_payload(decode=True)
                    payload = decoded if isinstance(decoded, bytes) else b""
                    if filename:
                        files[str(name)] = (filename, payload)
                    else:
                        body[str(name)] = payload.decode()
            fake.received.append(
                Received(method, token.removeprefix("bot"), body, content_type, files)
            )
            status, answer = fake.respond(method, body)
            self._json(status, answer)

        def _json(self, status: int, body: dict[str, Any]) -> None:
            content = json.dumps(body).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(content)))
            self.end_headers()
            self.wfile.write(content)

    return Handler


@contextmanager
def fake_telegram() -> Iterator[FakeTelegram]:
    fake = FakeTelegram()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(fake))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    fake.url = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        yield fake
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)

"""The few Telegram Bot API methods Storedesk calls, over HTTPS, with Telegram's answers
turned into ``Retryable`` or ``Refused``.

Every answer of the Bot API is ``{"ok": true, "result": ...}`` or ``{"ok": false,
"error_code": N, "description": "...", "parameters": {"retry_after": N}}``.
"""

import logging
import re
from collections.abc import Mapping
from typing import Any

import httpx

from storedesk.connectors.registry import Refused, Retryable

DEFAULT_API_BASE_URL = "https://api.telegram.org"
TIMEOUT = httpx.Timeout(15.0, connect=5.0)
_TOKEN_IN_PATH = re.compile(r"/bot[^/\s]+/")


class _RedactBotToken(logging.Filter):
    """The Bot API puts the bot's token in the path; httpx logs every request's URL."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if "/bot" in message:
            record.msg = _TOKEN_IN_PATH.sub("/bot[redacted]/", message)
            record.args = ()
        return True


logging.getLogger("httpx").addFilter(_RedactBotToken())


class BotApi:
    """One bot's calls: ``{api_base}/bot<token>/<method>``."""

    def __init__(self, *, token: str, api_base_url: str = "") -> None:
        self._token = token
        self._base = (api_base_url or DEFAULT_API_BASE_URL).rstrip("/")

    def call(
        self,
        method: str,
        payload: Mapping[str, object] | None = None,
        *,
        files: Mapping[str, tuple[str, bytes, str]] | None = None,
    ) -> Any:
        """The ``result`` of ``method``; raises ``Retryable`` or ``Refused``."""
        url = f"{self._base}/bot{self._token}/{method}"
        try:
            with httpx.Client(timeout=TIMEOUT) as client:
                if files:
                    response = client.post(
                        url, data={k: str(v) for k, v in (payload or {}).items()}, files=files
                    )
                else:
                    response = client.post(url, json=dict(payload or {}))
        except httpx.HTTPError as error:
            # The token is part of the URL: name the method, never the address.
            raise Retryable(f"Telegram {method}: {type(error).__name__}") from None
        return _result(method, response)

    def download(self, file_path: str, *, max_bytes: int) -> bytes:
        """A file's content from ``{api_base}/file/bot<token>/<file_path>``."""
        url = f"{self._base}/file/bot{self._token}/{file_path}"
        try:
            with (
                httpx.Client(timeout=TIMEOUT) as client,
                client.stream("GET", url) as response,
            ):
                if response.status_code >= 500 or response.status_code == 429:
                    raise Retryable(f"Telegram file download: HTTP {response.status_code}")
                if response.status_code != 200:
                    raise Refused(f"Telegram file download: HTTP {response.status_code}")
                content = bytearray()
                for chunk in response.iter_bytes():
                    content += chunk
                    if len(content) > max_bytes:
                        raise Refused("Telegram file download: the file is too large")
                return bytes(content)
        except httpx.HTTPError as error:
            raise Retryable(f"Telegram file download: {type(error).__name__}") from None


def _result(method: str, response: httpx.Response) -> Any:
    try:
        body = response.json()
    except ValueError:
        body = None
    if not isinstance(body, dict):
        if response.status_code >= 500 or response.status_code == 429:
            raise Retryable(f"Telegram {method}: HTTP {response.status_code}")
        raise Refused(f"Telegram {method}: HTTP {response.status_code}")
    if body.get("ok") is True and response.status_code == 200:
        return body.get("result")
    description = str(body.get("description") or f"HTTP {response.status_code}")[:400]
    code = body.get("error_code") if isinstance(body.get("error_code"), int) else None
    code = code or response.status_code
    parameters = body.get("parameters") if isinstance(body.get("parameters"), dict) else {}
    retry_after = parameters.get("retry_after") if parameters else None
    if code == 429 or code >= 500:
        raise Retryable(
            description,
            retry_after=float(retry_after) if isinstance(retry_after, int | float) else None,
        )
    raise Refused(description)

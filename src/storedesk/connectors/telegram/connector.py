"""Telegram Bot API in webhook mode: a store's bot receives private messages from customers,
and agents' replies go back through ``sendMessage`` (and ``sendDocument`` for files).

Telegram calls the webhook with an ``Update`` object and the secret token given to
``setWebhook`` in ``X-Telegram-Bot-Api-Secret-Token``. Groups and channels are not
customer conversations and are ignored, as are edits (the first text stays, as the
customer was answered on it) and messages from other bots.
"""

import hmac
import json
import re
import secrets
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

from django.http import HttpResponse, HttpResponseNotAllowed
from django.utils.translation import gettext as _

from storedesk.connectors.models import ChannelConnection, InboundEvent
from storedesk.connectors.registry import Classified, Refused, Retryable, WebhookRequest
from storedesk.connectors.secrets import decrypt_secrets
from storedesk.connectors.telegram.api import BotApi
from storedesk.core.errors import FieldError, FieldsInvalid, ValidationFailed
from storedesk.customers.models import IdentityKind
from storedesk.inbox.actions.attachments import do_store_attachment
from storedesk.inbox.actions.messages import Sender, do_receive_message
from storedesk.inbox.models import MAX_ATTACHMENT_BYTES, Attachment, Channel, Message

SECRET_HEADER = "x-telegram-bot-api-secret-token"  # noqa: S105  (a header name)
# A bot token as BotFather issues it: the bot's id, a colon, and 35 characters.
_BOT_TOKEN = re.compile(r"^\d{3,20}:[A-Za-z0-9_-]{30,80}$")
_URL = re.compile(r"^https?://[^\s/?#]+(?:/[^\s?#]*)?$")
# Telegram's limit for one text message.
MAX_TEXT = 4096
# The update types the webhook asks for; anything else that arrives is stored and ignored.
ALLOWED_UPDATES = ("message", "edited_message")


class TelegramConnector:
    channel = Channel.TELEGRAM
    label = "Telegram"
    # Updates are small; a photo arrives as a file id, never as bytes.
    max_body_bytes = 256 * 1024

    def secret_fields(self) -> tuple[str, ...]:
        return ("bot_token",)

    def check_settings(
        self, settings: Mapping[str, object], secrets_in: Mapping[str, str]
    ) -> tuple[dict[str, object], dict[str, str]]:
        errors = []
        token = str(secrets_in.get("bot_token", "")).strip()
        if not token:
            errors.append(FieldError("bot_token", _("Enter the bot's token from @BotFather.")))
        elif not _BOT_TOKEN.match(token):
            errors.append(
                FieldError(
                    "bot_token",
                    _("This is not a bot token; it looks like 123456789:AAE… (from @BotFather)."),
                )
            )
        base = str(settings.get("api_base_url") or "").strip().rstrip("/")
        if base and (len(base) > 200 or not _URL.match(base)):
            errors.append(
                FieldError("api_base_url", _("Enter an http or https address, or leave it empty."))
            )
        unknown = set(settings) - {"api_base_url"}
        if unknown:
            errors.append(
                FieldError(
                    "settings",
                    _("Unknown settings: %(names)s.") % {"names": ", ".join(sorted(unknown))},
                )
            )
        if errors:
            raise FieldsInvalid(errors)
        checked_settings: dict[str, object] = {"api_base_url": base} if base else {}
        checked_secrets = {
            "bot_token": token,
            # 1-256 characters of A-Z, a-z, 0-9, _ and - (setWebhook's rule).
            "secret_token": secrets_in.get("secret_token") or secrets.token_urlsafe(32),
        }
        return checked_settings, checked_secrets

    def handshake(self, connection: ChannelConnection, request: WebhookRequest) -> HttpResponse:
        return HttpResponseNotAllowed(["POST"])

    def verify(self, connection: ChannelConnection, request: WebhookRequest) -> bool:
        given = request.headers.get(SECRET_HEADER, "")
        expected = decrypt_secrets(connection.secrets).get("secret_token", "")
        if not given or not expected:
            return False
        return hmac.compare_digest(given.encode(), expected.encode())

    def classify(self, payload: object) -> Classified:
        if not isinstance(payload, dict):
            return Classified(None, handled=False, note="not an Update object")
        update_id = payload.get("update_id")
        external_id = str(update_id) if isinstance(update_id, int) else None
        if "edited_message" in payload:
            return Classified(external_id, handled=False, note="edited_message ignored")
        message = payload.get("message")
        if not isinstance(message, dict):
            kinds = ", ".join(sorted(k for k in payload if k != "update_id"))[:100]
            return Classified(external_id, handled=False, note=f"update type ignored: {kinds}")
        chat = message.get("chat")
        if not isinstance(chat, dict) or chat.get("type") != "private":
            return Classified(external_id, handled=False, note="not a private chat")
        sender = message.get("from")
        if not isinstance(sender, dict) or not isinstance(sender.get("id"), int):
            return Classified(external_id, handled=False, note="no sender")
        if sender.get("is_bot"):
            return Classified(external_id, handled=False, note="sent by a bot")
        if external_id is None:
            return Classified(None, handled=False, note="no update_id")
        return Classified(external_id, handled=True)

    def process(self, connection: ChannelConnection, event: InboundEvent) -> Message | None:
        update = json.loads(bytes(event.body))
        message: dict[str, Any] = update["message"]
        sender: dict[str, Any] = message["from"]
        chat_id = str(message["chat"]["id"])
        api = self._api(connection)
        text = str(message.get("text") or message.get("caption") or "")
        attachments, notes = self._attachments(connection, api, message)
        if not text and not attachments:
            notes.append(_("[A Telegram message of a kind the inbox cannot show.]"))
        text = "\n".join(part for part in [text, *notes] if part)
        store = connection.store
        language = str(sender.get("language_code") or "").split("-")[0].lower()
        date = message.get("date")
        try:
            received = do_receive_message(
                store,
                channel=Channel.TELEGRAM,
                text=text,
                sender=Sender(
                    kind=IdentityKind.TELEGRAM,
                    value=str(sender["id"]),
                    name=_sender_name(sender),
                    # Telegram vouches for its user ids: nobody else can write as them.
                    verified=True,
                ),
                external_id=f"{connection.pk}:{chat_id}:{message.get('message_id')}",
                external_thread_id=chat_id,
                language=language if language in store.languages else "",
                team=connection.team,
                attachments=attachments,
                received_at=(
                    datetime.fromtimestamp(date, tz=UTC) if isinstance(date, int) else None
                ),
            )
        except BaseException:
            _discard(attachments)
            raise
        if not received.created:
            _discard(attachments)
        return received.message

    def send(self, connection: ChannelConnection, message: Message) -> str:
        chat_id = message.conversation.external_thread_id
        if not chat_id:
            raise Refused(_("This conversation has no Telegram chat to answer."))
        api = self._api(connection)
        sent_ids: list[str] = []
        for chunk in _chunks(message.text, MAX_TEXT):
            result = api.call("sendMessage", {"chat_id": chat_id, "text": chunk})
            sent_ids.append(str(result.get("message_id", "")) if isinstance(result, dict) else "")
        for attachment in message.attachments.all():
            with attachment.file.open("rb") as handle:
                content = handle.read()
            result = api.call(
                "sendDocument",
                {"chat_id": chat_id},
                files={"document": (attachment.filename, content, attachment.content_type)},
            )
            sent_ids.append(str(result.get("message_id", "")) if isinstance(result, dict) else "")
        return ",".join(sent_ids)[:200]

    def register_webhook(self, connection: ChannelConnection, url: str) -> None:
        secret_token = decrypt_secrets(connection.secrets).get("secret_token", "")
        self._api(connection).call(
            "setWebhook",
            {"url": url, "secret_token": secret_token, "allowed_updates": list(ALLOWED_UPDATES)},
        )

    def _api(self, connection: ChannelConnection) -> BotApi:
        token = decrypt_secrets(connection.secrets).get("bot_token", "")
        base = connection.settings.get("api_base_url") if connection.settings else ""
        return BotApi(token=token, api_base_url=str(base or ""))

    def _attachments(
        self, connection: ChannelConnection, api: BotApi, message: Mapping[str, Any]
    ) -> tuple[list[Attachment], list[str]]:
        """The message's photo or document, stored; and a note for each file not kept."""
        files: list[tuple[str, str, int | None]] = []
        photos = message.get("photo")
        if isinstance(photos, list) and photos and isinstance(photos[-1], dict):
            # Telegram lists a photo's sizes smallest first.
            largest = photos[-1]
            files.append(("photo.jpg", str(largest.get("file_id", "")), largest.get("file_size")))
        document = message.get("document")
        if isinstance(document, dict):
            files.append(
                (
                    str(document.get("file_name") or "document"),
                    str(document.get("file_id", "")),
                    document.get("file_size"),
                )
            )
        stored: list[Attachment] = []
        notes: list[str] = []
        try:
            for filename, file_id, size in files:
                if isinstance(size, int) and size > MAX_ATTACHMENT_BYTES:
                    notes.append(_too_large(filename))
                    continue
                try:
                    found = api.call("getFile", {"file_id": file_id})
                except Refused:
                    # A file Telegram will not hand over must not cost the customer's text.
                    notes.append(_not_kept(filename))
                    continue
                path = found.get("file_path") if isinstance(found, dict) else None
                if not path:
                    notes.append(_not_kept(filename))
                    continue
                try:
                    content = api.download(str(path), max_bytes=MAX_ATTACHMENT_BYTES)
                except Refused:
                    notes.append(_not_kept(filename))
                    continue
                try:
                    stored.append(
                        do_store_attachment(connection.store, filename=filename, content=content)
                    )
                except ValidationFailed as refusal:
                    notes.append(f"[{filename}: {refusal.message}]")
        except (Retryable, Refused):
            _discard(stored)
            raise
        return stored, notes


def _sender_name(sender: Mapping[str, Any]) -> str:
    name = " ".join(
        str(sender.get(part) or "").strip() for part in ("first_name", "last_name")
    ).strip()
    username = str(sender.get("username") or "")
    if name and username:
        return f"{name} (@{username})"[:200]
    return (name or (f"@{username}" if username else ""))[:200]


def _too_large(filename: str) -> str:
    return _("[%(name)s: not kept, the file is larger than %(limit)s MB.]") % {
        "name": filename,
        "limit": MAX_ATTACHMENT_BYTES // (1024 * 1024),
    }


def _not_kept(filename: str) -> str:
    return _("[%(name)s: Telegram did not hand the file over.]") % {"name": filename}


def _discard(attachments: list[Attachment]) -> None:
    """Files stored for a message that was not stored (a failure, or a duplicate)."""
    for attachment in attachments:
        if attachment.pk is not None and attachment.message_id is None:
            attachment.file.delete(save=False)
            attachment.delete()


def _chunks(text: str, size: int) -> list[str]:
    text = text.strip()
    return [text[start : start + size] for start in range(0, len(text), size)]

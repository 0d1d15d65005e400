"""Our own marks in mail: the Message-IDs Storedesk gives its mail, and the reply token in
a reply address (``support+<token>@shop.example``) that leads an answer back to its
conversation when the answering client dropped every threading header."""

import re
import secrets
from collections.abc import Iterable
from urllib.parse import urlsplit

from django.conf import settings
from django.utils.crypto import constant_time_compare, salted_hmac

from storedesk.inbox.models import Conversation

_TOKEN_SALT = "storedesk.connectors.email.reply-token"  # noqa: S105 (a salt, not a secret)
# 80 bits of the HMAC: a guess is hopeless, and the address stays short.
_TOKEN_MAC_LENGTH = 20
_TOKEN = re.compile(rf"^c(\d{{1,18}})-([0-9a-f]{{{_TOKEN_MAC_LENGTH}}})$")


def message_id_domain() -> str:
    """The right-hand side of our Message-IDs: ``storedesk.<host of STOREDESK_URL>``."""
    host = urlsplit(settings.STOREDESK_URL).hostname or "localhost"
    return f"storedesk.{host.lower()}"


def make_message_id() -> str:
    """A new Message-ID for mail Storedesk sends, ``<random@storedesk.host>``."""
    return f"<{secrets.token_hex(16)}@{message_id_domain()}>"


def is_own_message_id(message_id: str) -> bool:
    """Whether ``message_id`` (with or without angle brackets) is one of ours."""
    _, _, domain = message_id.strip().strip("<>").rpartition("@")
    return domain.lower() == message_id_domain()


def reply_token(conversation: Conversation) -> str:
    """The token for the conversation's reply address: its id and an HMAC of store and id,
    in lower case (some mail servers lower-case the local part)."""
    return f"c{conversation.pk}-{_mac(conversation.store_id, conversation.pk)}"


def conversation_id_of_token(store_id: int, token: str) -> int | None:
    """The conversation id a genuine token of this store names, else None."""
    match = _TOKEN.match(token.strip().lower())
    if match is None:
        return None
    conversation_id = int(match.group(1))
    if not constant_time_compare(match.group(2), _mac(store_id, conversation_id)):
        return None
    return conversation_id


def tokens_in_addresses(addresses: Iterable[str]) -> list[str]:
    """The ``+token`` parts of these addresses' local parts, in order."""
    tokens = []
    for address in addresses:
        local, at, _domain = address.rpartition("@")
        if at and "+" in local:
            tokens.append(local.rsplit("+", 1)[1])
    return tokens


def _mac(store_id: int, conversation_id: int) -> str:
    digest = salted_hmac(_TOKEN_SALT, f"{store_id}:{conversation_id}", algorithm="sha256")
    return digest.hexdigest()[:_TOKEN_MAC_LENGTH]

"""What a platform's connector does, and the one registry of connectors by channel.

The common machinery (intake, retries, dead letters, outbound delivery, the API and the
settings page) knows platforms only through this interface; each package under
``connectors/`` (``telegram`` first) implements it and registers itself from the app's
``ready()``.
"""

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Protocol

from django.http import HttpResponse

from storedesk.connectors.models import ChannelConnection, InboundEvent
from storedesk.inbox.models import Channel, Message


@dataclass(frozen=True, slots=True)
class WebhookRequest:
    """A webhook delivery as the intake hands it to a connector."""

    method: str
    body: bytes
    # Lower-cased names.
    headers: Mapping[str, str]
    query: Mapping[str, str] = field(default_factory=dict)


class Retryable(Exception):
    """Worth trying again later: the platform is busy or away. ``retry_after`` is the
    platform's own wish in seconds, when it said one."""

    def __init__(self, reason: str, *, retry_after: float | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.retry_after = retry_after


class Refused(Exception):
    """The platform refused for good (a bad request, a blocked bot): trying again would
    fail the same way. ``reason`` is the platform's own words."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True, slots=True)
class Classified:
    """What the intake needs to know of a verified event before storing it."""

    # The platform's id of the event, for de-duplication; None when it has none.
    external_id: str | None
    # False: an event type the connector does not handle; stored as done and ignored.
    handled: bool
    note: str = ""


class Connector(Protocol):
    """One platform's side of the common machinery."""

    channel: Channel
    # The name shown to staff (not translated: it is the platform's name).
    label: str
    # Larger webhook bodies are refused with 413 before anything else reads them.
    max_body_bytes: int

    def secret_fields(self) -> tuple[str, ...]:
        """The credentials an admin enters, the first being the one whose end is shown."""
        ...

    def check_settings(
        self, settings: Mapping[str, object], secrets: Mapping[str, str]
    ) -> tuple[dict[str, object], dict[str, str]]:
        """Validated settings and secrets for a connection (raise ``FieldsInvalid``); secrets
        the connector makes itself (a webhook secret token) are added here."""
        ...

    def handshake(self, connection: ChannelConnection, request: WebhookRequest) -> HttpResponse:
        """Answer a GET to the webhook URL (Meta's verification); 405 where none exists."""
        ...

    def verify(self, connection: ChannelConnection, request: WebhookRequest) -> bool:
        """True when the request really comes from the platform (signature, secret token)."""
        ...

    def classify(self, payload: object) -> Classified:
        """The event's id and whether it is of a handled type; ``payload`` is parsed JSON."""
        ...

    def process(self, connection: ChannelConnection, event: InboundEvent) -> Message | None:
        """Turn a stored event into inbox messages (in the worker). Raise ``Retryable`` for
        a failure worth retrying; None when the event deliberately makes no message."""
        ...

    def send(self, connection: ChannelConnection, message: Message) -> str:
        """Send an outbound message; the platform's id of it. Raise ``Retryable`` or
        ``Refused``."""
        ...

    def register_webhook(self, connection: ChannelConnection, url: str) -> None:
        """Tell the platform where to deliver events (Telegram's setWebhook); raise
        ``Refused`` or ``Retryable`` with the platform's reason."""
        ...


_connectors: dict[str, Connector] = {}


def register_connector(connector: Connector) -> None:
    """Make ``connector`` the one for its channel (again: replaces it, so ready() may rerun)."""
    _connectors[connector.channel.value] = connector


def get_connector(kind: str) -> Connector | None:
    return _connectors.get(kind)


def connectable_channels() -> list[Connector]:
    """The connectors a store can configure, in the order the settings show them."""
    return sorted(_connectors.values(), key=lambda connector: connector.label)

"""A store's connections to outside platforms, the raw events they deliver, and the replies
sent back through them.

An inbound event is stored as it arrived, before the platform gets its answer, and is
processed later by the worker; an outbound reply has a delivery row that carries its
attempts. Both end ``dead`` after too many failures and wait there for an admin.
"""

from django.db import models

from storedesk.core.models import StoreScopedModel
from storedesk.inbox.models import Channel


class ChannelConnection(StoreScopedModel):
    """One account on a platform (a Telegram bot, a WhatsApp number…) that a store's
    customers write to."""

    # The inbox channel its messages arrive on; connectors.registry says which can connect.
    kind = models.CharField(max_length=16, choices=Channel.choices)
    name = models.CharField(max_length=120)
    enabled = models.BooleanField(default=True)
    # None: new conversations follow the store's route for the channel.
    team = models.ForeignKey(
        "accounts.Team", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # What may be shown: the API's base URL, the bot's name.
    settings = models.JSONField(default=dict, blank=True)
    # A Fernet token of a JSON object of credentials (connectors.secrets); never shown again.
    secrets = models.TextField(blank=True)
    # The last characters of the main credential, to tell connections apart in the UI.
    secret_hint = models.CharField(max_length=8, blank=True)
    # Unguessable: the webhook URL names it, and only the platform knows the URL.
    webhook_key = models.CharField(max_length=43, unique=True)
    webhook_registered_at = models.DateTimeField(null=True, blank=True)
    webhook_error = models.CharField(max_length=500, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["created_at", "id"]
        indexes = [models.Index(fields=["store", "kind", "enabled"])]

    def __str__(self) -> str:
        return f"{self.kind}: {self.name}"


class EventStatus(models.TextChoices):
    PENDING = "pending"  # stored, waiting for the worker (again, after a failure)
    DONE = "done"  # processed, or deliberately ignored
    DEAD = "dead"  # failed too often: in the dead-letter list until an admin retries it
    REJECTED = "rejected"  # failed verification or was not JSON: never processed


class InboundEvent(StoreScopedModel):
    """One webhook delivery, as the platform sent it."""

    connection = models.ForeignKey(
        ChannelConnection, on_delete=models.CASCADE, related_name="events"
    )
    # The platform's id of the event (Telegram's update_id): the same one twice is one row.
    external_id = models.CharField(max_length=200, null=True, blank=True)
    body = models.BinaryField(blank=True)
    headers = models.JSONField(default=dict, blank=True)
    remote_address = models.CharField(max_length=64, blank=True)
    received_at = models.DateTimeField()
    status = models.CharField(max_length=10, choices=EventStatus.choices)
    attempts = models.PositiveSmallIntegerField(default=0)
    # When the worker may take it (again); a worker that takes it pushes this ahead by a
    # lease, so one that dies mid-way leaves it to be taken again after the lease.
    next_attempt_at = models.DateTimeField(null=True, blank=True)
    last_error = models.CharField(max_length=500, blank=True)
    processed_at = models.DateTimeField(null=True, blank=True)
    # The message it became, when it became one.
    message = models.ForeignKey(
        "inbox.Message", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["connection", "external_id"],
                condition=models.Q(external_id__isnull=False),
                name="inbound_event_unique",
            )
        ]
        indexes = [
            models.Index(fields=["status", "next_attempt_at"]),
            models.Index(fields=["store", "status", "-received_at"]),
        ]

    def __str__(self) -> str:
        return f"{self.connection_id}:{self.external_id} ({self.status})"


class DeliveryState(models.TextChoices):
    PENDING = "pending"
    SENT = "sent"
    FAILED = "failed"  # the platform refused it: trying again would not help
    DEAD = "dead"  # failed too often


class OutboundDelivery(StoreScopedModel):
    """Sending one outbound message through a connection, with its attempts."""

    message = models.OneToOneField(
        "inbox.Message", on_delete=models.CASCADE, related_name="connector_delivery"
    )
    connection = models.ForeignKey(
        ChannelConnection, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    state = models.CharField(
        max_length=10, choices=DeliveryState.choices, default=DeliveryState.PENDING
    )
    attempts = models.PositiveSmallIntegerField(default=0)
    next_attempt_at = models.DateTimeField(null=True, blank=True)
    last_error = models.CharField(max_length=500, blank=True)
    # The platform's id of the sent message.
    external_id = models.CharField(max_length=200, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        indexes = [models.Index(fields=["state", "next_attempt_at"])]

    def __str__(self) -> str:
        return f"message {self.message_id} ({self.state})"

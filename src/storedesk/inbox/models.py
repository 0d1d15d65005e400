from django.db import models

from storedesk.core.models import StoreScopedModel, unique_external_id

# The longest message text a customer or agent may send, in characters. Stated in the
# API and widget docs; longer texts are refused, never cut.
MAX_MESSAGE_LENGTH = 10_000
# Attachments: what a shopper or agent may send, and how large.
MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024
MAX_ATTACHMENTS_PER_MESSAGE = 5


class Channel(models.TextChoices):
    CHAT = "chat"
    EMAIL = "email"
    CONTACT_FORM = "contact_form"
    WHATSAPP = "whatsapp"
    INSTAGRAM = "instagram"
    FACEBOOK = "facebook"
    X = "x"
    TELEGRAM = "telegram"
    MARKETPLACE = "marketplace"
    PHONE = "phone"
    API = "api"


class ConversationStatus(models.TextChoices):
    OPEN = "open"
    PENDING = "pending"  # waiting on the customer
    SNOOZED = "snoozed"
    RESOLVED = "resolved"


class Priority(models.TextChoices):
    LOW = "low"
    NORMAL = "normal"
    HIGH = "high"
    URGENT = "urgent"


class ConversationTag(StoreScopedModel):
    name = models.CharField(max_length=60)
    # search_key(name): "İade", "iade" and "IADE" are one tag (SQL lower() is wrong for Turkish).
    key = models.CharField(max_length=60)
    color = models.CharField(max_length=7, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["store", "key"], name="conversation_tag_key_unique")
        ]
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Conversation(StoreScopedModel):
    """One thread with one customer on one channel."""

    customer = models.ForeignKey(
        "customers.Customer", on_delete=models.PROTECT, related_name="conversations"
    )
    channel = models.CharField(max_length=16, choices=Channel.choices)
    status = models.CharField(
        max_length=16, choices=ConversationStatus.choices, default=ConversationStatus.OPEN
    )
    priority = models.CharField(max_length=8, choices=Priority.choices, default=Priority.NORMAL)
    assignee = models.ForeignKey(
        "accounts.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    team = models.ForeignKey(
        "accounts.Team", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    tags = models.ManyToManyField(ConversationTag, related_name="conversations", blank=True)
    orders = models.ManyToManyField("orders.Order", related_name="conversations", blank=True)
    language = models.CharField(max_length=8, blank=True)
    subject = models.CharField(max_length=300, blank=True)
    # The channel's own thread key (an email thread, a WhatsApp chat): the next inbound
    # message with the same key joins this conversation.
    external_thread_id = models.CharField(max_length=300, null=True, blank=True)
    # A visitor offered the address of an existing customer without proving it: an agent
    # may merge, nothing is merged automatically.
    suggested_customer = models.ForeignKey(
        "customers.Customer", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # An order number the customer gave in a form field (the contact form's), as given,
    # when it could not be linked at once: agents see it offered for linking.
    given_order_number = models.CharField(max_length=40, blank=True)
    # Kept by the actions for fast lists: no subquery per row.
    last_message_at = models.DateTimeField()
    last_message_preview = models.CharField(max_length=200, blank=True)
    message_count = models.PositiveIntegerField(default=0)
    # Since when the customer has been waiting for an answer; None when the last word is ours.
    waiting_since = models.DateTimeField(null=True, blank=True)
    first_response_at = models.DateTimeField(null=True, blank=True)
    resolved_at = models.DateTimeField(null=True, blank=True)
    snoozed_until = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField()
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["store", "channel", "external_thread_id"],
                condition=models.Q(external_thread_id__isnull=False),
                name="conversation_thread_unique",
            ),
        ]
        indexes = [
            models.Index(fields=["store", "status", "-last_message_at", "-id"]),
            models.Index(fields=["store", "assignee", "status", "-last_message_at", "-id"]),
            models.Index(fields=["store", "team", "status", "-last_message_at", "-id"]),
            models.Index(fields=["store", "status", "waiting_since", "id"]),
            # "Waiting longest" over every unresolved status: the index above cannot serve
            # status <> 'resolved' in waiting order, so every waiting row was read and sorted.
            models.Index(
                fields=["store", "waiting_since", "id"],
                condition=models.Q(waiting_since__isnull=False)
                & ~models.Q(status=ConversationStatus.RESOLVED),
                name="inbox_conv_waiting_open_idx",
            ),
            # With the id, a customer's conversations come in list order from the index;
            # without it SQLite walked the whole store's list to find one customer's.
            models.Index(fields=["store", "customer", "-last_message_at", "-id"]),
            models.Index(fields=["store", "-last_message_at", "-id"]),
            # The default list (every status but resolved) in its order, from the index
            # alone: a search that walks the list reads no conversation row to skip one.
            models.Index(
                fields=["store", "-last_message_at", "-id"],
                condition=~models.Q(status=ConversationStatus.RESOLVED),
                name="inbox_conv_unresolved_idx",
            ),
            models.Index(fields=["status", "snoozed_until"]),
        ]

    def __str__(self) -> str:
        return f"Conversation {self.pk} ({self.channel})"


class Direction(models.TextChoices):
    INBOUND = "inbound"  # from the customer
    OUTBOUND = "outbound"  # to the customer
    INTERNAL = "internal"  # a private note, never sent


class AuthorType(models.TextChoices):
    CUSTOMER = "customer"
    AGENT = "agent"
    ASSISTANT = "assistant"
    SYSTEM = "system"


class DeliveryStatus(models.TextChoices):
    RECEIVED = "received"  # inbound: stored
    QUEUED = "queued"
    SENT = "sent"
    DELIVERED = "delivered"
    READ = "read"
    FAILED = "failed"


class Message(StoreScopedModel):
    conversation = models.ForeignKey(
        Conversation, on_delete=models.CASCADE, related_name="messages"
    )
    direction = models.CharField(max_length=8, choices=Direction.choices)
    author_type = models.CharField(max_length=10, choices=AuthorType.choices)
    author_user = models.ForeignKey(
        "accounts.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # The name the customer sees (an agent's display name, the assistant's name).
    author_name = models.CharField(max_length=200, blank=True)
    text = models.TextField()
    # Sanitised when stored (inbound email HTML, formatted replies); empty for plain text.
    html = models.TextField(blank=True)
    channel = models.CharField(max_length=16, choices=Channel.choices)
    # The channel's id for this message (de-duplicates redelivered webhooks).
    external_id = models.CharField(max_length=300, null=True, blank=True)
    # The sender's own id for this message (the widget resends after a reconnect).
    client_id = models.CharField(max_length=64, null=True, blank=True)
    delivery_status = models.CharField(max_length=10, choices=DeliveryStatus.choices)
    failure_reason = models.CharField(max_length=500, blank=True)
    # Folded text (core.text.search_key) for case- and diacritic-insensitive search.
    search_key = models.TextField(editable=False, blank=True)
    created_at = models.DateTimeField()

    class Meta:
        constraints = [
            unique_external_id("store", "channel", name="message_external_id_unique"),
            models.UniqueConstraint(
                fields=["conversation", "client_id"],
                condition=models.Q(client_id__isnull=False),
                name="message_client_id_unique",
            ),
        ]
        indexes = [models.Index(fields=["conversation", "created_at", "id"])]
        ordering = ["created_at", "id"]

    @property
    def is_note(self) -> bool:
        return self.direction == Direction.INTERNAL


class ConversationSearchText(StoreScopedModel):
    """The search keys of a conversation's messages (notes too), one line each, kept by the
    actions. The inbox search reads this one row per conversation, and its trigram index on
    PostgreSQL, instead of every message: a word in one message is a word in this text, as
    no word holds a line break."""

    conversation = models.OneToOneField(
        Conversation, on_delete=models.CASCADE, primary_key=True, related_name="search_text"
    )
    text = models.TextField(blank=True)


class Mention(StoreScopedModel):
    """A staff member @mentioned in a private note."""

    message = models.ForeignKey(Message, on_delete=models.CASCADE, related_name="mentions")
    user = models.ForeignKey("accounts.User", on_delete=models.CASCADE, related_name="+")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["message", "user"], name="mention_unique"),
        ]


def _attachment_path(attachment: "Attachment", filename: str) -> str:
    # The original name is kept in the row; the stored name is opaque.
    return f"attachments/{attachment.store_id}/{attachment.token}"


class Attachment(StoreScopedModel):
    """A file sent with a message. Uploaded first, then bound to the message that sends it."""

    message = models.ForeignKey(
        Message, null=True, blank=True, on_delete=models.CASCADE, related_name="attachments"
    )
    # Who uploaded it and may therefore send it: a conversation's customer or a staff user.
    conversation = models.ForeignKey(
        Conversation, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    uploaded_by = models.ForeignKey(
        "accounts.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    token = models.CharField(max_length=43, unique=True)  # unguessable; names the file
    file = models.FileField(upload_to=_attachment_path, max_length=200)
    filename = models.CharField(max_length=200)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    created_at = models.DateTimeField(auto_now_add=True)


class CannedReply(StoreScopedModel):
    """A prepared answer, with a text per language and variables such as
    ``{{ customer.first_name }}``."""

    name = models.CharField(max_length=120)
    shortcut = models.SlugField(max_length=40)
    # Folded name and shortcut (core.text.search_key), kept by the actions: "iade" finds
    # "İade süreci", which no SQL lower() or icontains does.
    search_key = models.CharField(max_length=200, editable=False, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["store", "shortcut"], name="canned_reply_shortcut"),
        ]
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class CannedReplyText(StoreScopedModel):
    reply = models.ForeignKey(CannedReply, on_delete=models.CASCADE, related_name="texts")
    language = models.CharField(max_length=8)
    body = models.TextField()
    # Folded body (core.text.search_key), kept by the actions, for searching the texts.
    search_key = models.TextField(editable=False, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["reply", "language"], name="canned_reply_language"),
        ]


class Presence(models.TextChoices):
    ONLINE = "online"
    AWAY = "away"
    OFFLINE = "offline"


class AgentStatus(StoreScopedModel):
    """An agent's presence and how much work the round-robin may give them."""

    user = models.ForeignKey("accounts.User", on_delete=models.CASCADE, related_name="+")
    presence = models.CharField(max_length=8, choices=Presence.choices, default=Presence.OFFLINE)
    # Refreshed by the agent's open inbox; an agent silent for longer counts as offline.
    last_seen_at = models.DateTimeField(null=True, blank=True)
    # Open conversations beyond which round-robin passes the agent over.
    max_open_conversations = models.PositiveSmallIntegerField(default=20)
    last_assigned_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["store", "user"], name="agent_status_unique"),
        ]


class ChannelRoute(StoreScopedModel):
    """Which team a channel's new conversations go to (the website chat's widget names its
    own team; a route covers every other channel)."""

    channel = models.CharField(max_length=16, choices=Channel.choices)
    team = models.ForeignKey("accounts.Team", on_delete=models.CASCADE, related_name="+")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["store", "channel"], name="channel_route_unique")
        ]

    def __str__(self) -> str:
        return f"{self.channel} → team {self.team_id}"

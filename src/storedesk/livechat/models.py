from django.db import models

from storedesk.core.models import StoreScopedModel

DEFAULT_ACCENT_COLOR = "#2563eb"


class ChatWidget(StoreScopedModel):
    """The website chat of one store: its public key, who answers, where it may run."""

    # Public: it is in the store's page source. It names the store, it proves nothing.
    key = models.CharField(max_length=40, unique=True)
    # Private: the store's server signs a logged-in shopper's id with it (identity
    # verification); never sent to a browser.
    identity_secret = models.CharField(max_length=64)
    enabled = models.BooleanField(default=True)
    # Chats are routed to this team, and its hours and online members decide whether the
    # widget promises a live answer.
    team = models.ForeignKey(
        "accounts.Team", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # Origins ("https://shop.example") allowed to run the widget; empty means any.
    allowed_origins = models.JSONField(default=list, blank=True)
    # {"tr": "Merhaba! …", "en": "Hi! …"}: the first words a shopper reads, per language.
    greeting = models.JSONField(default=dict, blank=True)
    accent_color = models.CharField(max_length=7, default=DEFAULT_ACCENT_COLOR)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["store"], name="chat_widget_per_store")]

    def __str__(self) -> str:
        return self.key


class ChatVisitor(StoreScopedModel):
    """A browser that has written to the store's chat, known by the id in its signed
    visitor token. Created on its first write, never on a mere page view."""

    key = models.CharField(max_length=32)
    # The conversation this browser sees; it stays theirs when an agent merges the
    # customer behind it, and it is replaced when a resolved one is followed by a new one.
    conversation = models.ForeignKey(
        "inbox.Conversation", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # The address the shopper left for the answer and for transcripts.
    email = models.EmailField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["store", "key"], name="chat_visitor_key_unique")
        ]

    def __str__(self) -> str:
        return f"Visitor {self.key}"


class VisitorUpload(StoreScopedModel):
    """Which visitor uploaded a file: only they may send it, and see it before it is sent
    (a visitor's first message may carry a file before any conversation exists)."""

    visitor = models.ForeignKey(ChatVisitor, on_delete=models.CASCADE, related_name="uploads")
    attachment = models.OneToOneField(
        "inbox.Attachment", on_delete=models.CASCADE, related_name="visitor_upload"
    )

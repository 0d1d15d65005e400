from django.db import models

from storedesk.core.models import StoreScopedModel, unique_external_id


class Tag(StoreScopedModel):
    """A label on customers, such as VIP or first-time buyer."""

    name = models.CharField(max_length=60)
    # search_key(name): "İlk alışveriş" and "ILK ALIŞVERIŞ" are one tag (SQL lower() is
    # wrong for Turkish).
    key = models.CharField(max_length=60)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["store", "key"], name="customer_tag_key_unique")
        ]
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Customer(StoreScopedModel):
    external_id = models.CharField(max_length=120, null=True, blank=True)
    first_name = models.CharField(max_length=120, blank=True)
    last_name = models.CharField(max_length=120, blank=True)
    email = models.EmailField(null=True, blank=True)
    phone = models.CharField(max_length=16, blank=True, help_text="E.164")
    language = models.CharField(max_length=8)
    timezone = models.CharField(max_length=64)
    country = models.CharField(max_length=2, blank=True)
    birthday = models.DateField(null=True, blank=True)
    notes = models.TextField(blank=True)
    tags = models.ManyToManyField(Tag, related_name="customers", blank=True)
    # Folded name, email and phone (see core.text.search_key), kept by the actions.
    search_key = models.CharField(max_length=500, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            unique_external_id("store", name="customer_external_id_unique"),
            models.UniqueConstraint(
                fields=["store", "email"],
                condition=models.Q(email__isnull=False),
                name="customer_email_unique",
            ),
        ]
        indexes = [
            models.Index(fields=["store", "-created_at"]),
            # A phone number typed into a search is an exact lookup (see selectors).
            models.Index(fields=["store", "phone"], name="customer_phone_idx"),
        ]

    def __str__(self) -> str:
        return self.full_name or self.email or f"#{self.pk}"

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()


class ConsentChannel(models.TextChoices):
    EMAIL = "email"
    SMS = "sms"
    WHATSAPP = "whatsapp"


class ConsentSource(models.TextChoices):
    CHECKOUT = "checkout"
    WIDGET = "widget"
    FORM = "form"
    AGENT = "agent"
    API = "api"
    IMPORT = "import"


class MarketingConsent(StoreScopedModel):
    """One recorded grant or withdrawal of marketing consent. Append-only: the latest
    record per channel is the customer's current choice, the rest is the GDPR trail."""

    customer = models.ForeignKey(Customer, on_delete=models.CASCADE, related_name="consents")
    channel = models.CharField(max_length=16, choices=ConsentChannel.choices)
    granted = models.BooleanField()
    source = models.CharField(max_length=16, choices=ConsentSource.choices)
    wording = models.TextField(blank=True, help_text="The text the customer agreed to.")
    recorded_at = models.DateTimeField()

    class Meta:
        indexes = [models.Index(fields=["customer", "channel", "-recorded_at"])]
        ordering = ["-recorded_at", "-id"]


class IdentityKind(models.TextChoices):
    """The ways a customer can be recognised when they write in."""

    EMAIL = "email"
    PHONE = "phone"  # E.164; WhatsApp, SMS and calls share it
    VISITOR = "visitor"  # the website chat's anonymous visitor id
    INSTAGRAM = "instagram"
    FACEBOOK = "facebook"
    X = "x"
    TELEGRAM = "telegram"
    MARKETPLACE = "marketplace"
    EXTERNAL = "external"  # an integration's own id for a custom channel


class CustomerIdentity(StoreScopedModel):
    """One address or handle that leads to a customer: one customer, many identities,
    so a conversation on any channel finds the same timeline."""

    customer = models.ForeignKey(Customer, on_delete=models.CASCADE, related_name="identities")
    kind = models.CharField(max_length=16, choices=IdentityKind.choices)
    # Normalised by customers.actions: emails lower-cased, phones in E.164.
    value = models.CharField(max_length=254)
    # Proven by the customer (a signed widget identity, a reply to our email), not just claimed.
    verified = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["store", "kind", "value"], name="customer_identity_unique"
            )
        ]
        indexes = [models.Index(fields=["customer", "kind"])]

    def __str__(self) -> str:
        return f"{self.kind}:{self.value}"

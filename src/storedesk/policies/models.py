"""Store policies: return rules and shipping rules in versions, and prose policies.

Return and shipping rules are versioned because an order is judged by the rules in
force when it was placed: a published version is never changed, a new one is published
with a later ``effective_from``. Prose policies (privacy, terms, …) are plain
per-language Markdown pages with a draft/published switch.
"""

from decimal import Decimal

from django.db import models

from storedesk.core.models import StoreScopedModel
from storedesk.core.money import AMOUNT_DECIMAL_PLACES, AMOUNT_MAX_DIGITS, CURRENCY_MAX_LENGTH


def _amount(
    *, null: bool = False, default: int | None = None
) -> "models.DecimalField[Decimal, Decimal]":
    if default is None:
        return models.DecimalField(
            max_digits=AMOUNT_MAX_DIGITS,
            decimal_places=AMOUNT_DECIMAL_PLACES,
            null=null,
            blank=null,
        )
    return models.DecimalField(
        max_digits=AMOUNT_MAX_DIGITS, decimal_places=AMOUNT_DECIMAL_PLACES, default=default
    )


class VersionStatus(models.TextChoices):
    DRAFT = "draft"
    PUBLISHED = "published"


class PolicyVersion(StoreScopedModel):
    """What return and shipping versions share: a per-store number and a publish state.

    At most one draft per store and kind; published versions are immutable and kept
    forever, the one in force at a moment is the latest ``effective_from`` not after it.
    """

    number = models.PositiveIntegerField()
    status = models.CharField(max_length=16, choices=VersionStatus.choices)
    effective_from = models.DateTimeField(null=True, blank=True)
    published_at = models.DateTimeField(null=True, blank=True)
    published_by = models.ForeignKey(
        "accounts.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    note = models.CharField(max_length=500, blank=True, help_text="What changed, for the history.")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return f"v{self.number} ({self.status})"

    @property
    def is_published(self) -> bool:
        return self.status == VersionStatus.PUBLISHED


def _version_constraints(prefix: str) -> list[models.BaseConstraint]:
    return [
        models.UniqueConstraint(fields=["store", "number"], name=f"{prefix}_number_unique"),
        models.UniqueConstraint(
            fields=["store"],
            condition=models.Q(status=VersionStatus.DRAFT),
            name=f"{prefix}_one_draft",
        ),
        models.CheckConstraint(
            condition=models.Q(status=VersionStatus.DRAFT)
            | models.Q(effective_from__isnull=False, published_at__isnull=False),
            name=f"{prefix}_published_has_dates",
        ),
    ]


# --- Returns -------------------------------------------------------------------------


class WindowStart(models.TextChoices):
    DELIVERY = "delivery"
    ORDER = "order"


class ReturnOutcome(models.TextChoices):
    REFUND = "refund"
    EXCHANGE = "exchange"
    STORE_CREDIT = "store_credit"


class ShippingPayer(models.TextChoices):
    STORE = "store"
    CUSTOMER = "customer"


class FeeKind(models.TextChoices):
    NONE = "none"
    PERCENT = "percent"
    FIXED = "fixed"


class ReturnPolicyVersion(PolicyVersion):
    class Meta:
        constraints = _version_constraints("return_policy_version")
        indexes = [models.Index(fields=["store", "status", "-effective_from"])]
        ordering = ["-number"]


class ReturnRule(StoreScopedModel):
    """How items of one category (or, with no category, every other item) may be returned."""

    version = models.ForeignKey(ReturnPolicyVersion, on_delete=models.CASCADE, related_name="rules")
    # RESTRICT: a published version's rules must survive the deletion of their category
    # alone (deleting the whole store still takes everything).
    category = models.ForeignKey(
        "catalog.Category", null=True, blank=True, on_delete=models.RESTRICT, related_name="+"
    )
    # None means no time limit.
    window_days = models.PositiveIntegerField(null=True, blank=True)
    window_starts_at = models.CharField(
        max_length=16, choices=WindowStart.choices, default=WindowStart.DELIVERY
    )
    offers_refund = models.BooleanField(default=True)
    offers_exchange = models.BooleanField(default=True)
    offers_store_credit = models.BooleanField(default=False)
    store_credit_bonus_percent = models.DecimalField(
        max_digits=5, decimal_places=2, default=Decimal(0)
    )
    # Nothing of this category can be returned (hygiene items, custom-made goods).
    final_sale = models.BooleanField(default=False)
    discounted_final_sale = models.BooleanField(default=False)
    requires_unused = models.BooleanField(default=True)
    requires_original_packaging = models.BooleanField(default=False)
    return_shipping_paid_by = models.CharField(
        max_length=16, choices=ShippingPayer.choices, default=ShippingPayer.STORE
    )
    return_shipping_fee = _amount(default=0)
    restocking_fee_kind = models.CharField(
        max_length=16, choices=FeeKind.choices, default=FeeKind.NONE
    )
    # A percentage of the item price, or an amount in ``currency``, by ``restocking_fee_kind``.
    restocking_fee = _amount(default=0)
    currency = models.CharField(max_length=CURRENCY_MAX_LENGTH)
    refund_within_hours = models.PositiveIntegerField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["version", "category"], name="return_rule_category_unique"
            ),
            models.UniqueConstraint(
                fields=["version"],
                condition=models.Q(category__isnull=True),
                name="return_rule_one_default",
            ),
            models.CheckConstraint(
                condition=models.Q(window_days__isnull=True) | models.Q(window_days__gte=1),
                name="return_rule_window_positive",
            ),
            models.CheckConstraint(
                condition=models.Q(return_shipping_fee__gte=0)
                & models.Q(restocking_fee__gte=0)
                & models.Q(store_credit_bonus_percent__gte=0)
                & models.Q(store_credit_bonus_percent__lte=100),
                name="return_rule_amounts_valid",
            ),
        ]
        ordering = ["version", "category_id"]

    def __str__(self) -> str:
        return f"{self.category or 'default'} in {self.version}"

    @property
    def outcomes(self) -> tuple[str, ...]:
        """The outcomes on offer, in a fixed order."""
        offered = (
            (ReturnOutcome.REFUND, self.offers_refund),
            (ReturnOutcome.EXCHANGE, self.offers_exchange),
            (ReturnOutcome.STORE_CREDIT, self.offers_store_credit),
        )
        return tuple(str(outcome) for outcome, on in offered if on)


# --- Shipping ------------------------------------------------------------------------


class DutiesPayer(models.TextChoices):
    NONE = "none"  # no customs for this zone
    STORE = "store"
    CUSTOMER = "customer"


class ShippingPolicyVersion(PolicyVersion):
    """Shipping rules of one version; times are in the store's time zone."""

    dispatch_cutoff = models.TimeField(help_text="Orders placed before this ship the same day.")
    # ISO weekdays (1 = Monday) on which parcels leave and carriers deliver.
    working_days = models.JSONField(default=list)
    # ISO dates (YYYY-MM-DD) on which nothing is dispatched.
    holidays = models.JSONField(default=list, blank=True)
    currency = models.CharField(max_length=CURRENCY_MAX_LENGTH)

    class Meta:
        constraints = _version_constraints("shipping_policy_version")
        indexes = [models.Index(fields=["store", "status", "-effective_from"])]
        ordering = ["-number"]


class ShippingZone(StoreScopedModel):
    version = models.ForeignKey(
        ShippingPolicyVersion, on_delete=models.CASCADE, related_name="zones"
    )
    name = models.CharField(max_length=120)
    # ISO 3166-1 alpha-2 codes; no country is in two zones of one version.
    countries = models.JSONField(default=list)
    duties_included = models.BooleanField(default=True)
    duties_paid_by = models.CharField(
        max_length=16, choices=DutiesPayer.choices, default=DutiesPayer.NONE
    )
    # {"en": "...", "tr": "..."}: customs and duties explained to the shopper.
    customs_note = models.JSONField(default=dict, blank=True)
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["version", "position", "id"]

    def __str__(self) -> str:
        return self.name


class ShippingMethod(StoreScopedModel):
    zone = models.ForeignKey(ShippingZone, on_delete=models.CASCADE, related_name="methods")
    name = models.CharField(max_length=120)
    cost = _amount()
    currency = models.CharField(max_length=CURRENCY_MAX_LENGTH)
    # Orders whose goods total reaches this ship for free; None means never free.
    free_shipping_threshold = _amount(null=True)
    min_days = models.PositiveSmallIntegerField(help_text="Business days in transit, at least.")
    max_days = models.PositiveSmallIntegerField(help_text="Business days in transit, at most.")
    position = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=models.Q(cost__gte=0)
                & (
                    models.Q(free_shipping_threshold__isnull=True)
                    | models.Q(free_shipping_threshold__gte=0)
                ),
                name="shipping_method_amounts_non_negative",
            ),
            models.CheckConstraint(
                condition=models.Q(min_days__lte=models.F("max_days")),
                name="shipping_method_days_ordered",
            ),
        ]
        ordering = ["zone", "position", "id"]

    def __str__(self) -> str:
        return self.name


# --- Prose policies ------------------------------------------------------------------


class ProseKind(models.TextChoices):
    PRIVACY = "privacy"
    TERMS = "terms"
    CANCELLATION = "cancellation"
    CUSTOM = "custom"


RETURNS_SLUG = "returns"
SHIPPING_SLUG = "shipping"
# Prose policies cannot take these slugs: the structured pages answer on them.
RESERVED_SLUGS = frozenset({RETURNS_SLUG, SHIPPING_SLUG})


class ProsePolicy(StoreScopedModel):
    """A written policy page; built-in kinds use their kind as slug."""

    kind = models.CharField(max_length=16, choices=ProseKind.choices)
    slug = models.SlugField(max_length=80)
    is_published = models.BooleanField(default=False)
    published_at = models.DateTimeField(null=True, blank=True)
    position = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["store", "slug"], name="prose_policy_slug_unique"),
            models.UniqueConstraint(
                fields=["store", "kind"],
                condition=~models.Q(kind=ProseKind.CUSTOM),
                name="prose_policy_builtin_kind_unique",
            ),
        ]
        ordering = ["position", "slug"]
        verbose_name_plural = "prose policies"

    def __str__(self) -> str:
        return self.slug


class ProsePolicyTranslation(models.Model):
    policy = models.ForeignKey(ProsePolicy, on_delete=models.CASCADE, related_name="translations")
    language = models.CharField(max_length=8)
    title = models.CharField(max_length=200)
    body = models.TextField(help_text="Markdown.")
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["policy", "language"], name="prose_policy_translation_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.language})"

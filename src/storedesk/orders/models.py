from decimal import Decimal

from django.db import models
from django.db.models import F
from django.utils import timezone

from storedesk.core.models import StoreScopedModel, unique_external_id
from storedesk.core.money import AMOUNT_DECIMAL_PLACES, AMOUNT_MAX_DIGITS, CURRENCY_MAX_LENGTH


def _amount(*, default: int | None = None) -> "models.DecimalField[Decimal, Decimal]":
    if default is None:
        return models.DecimalField(
            max_digits=AMOUNT_MAX_DIGITS, decimal_places=AMOUNT_DECIMAL_PLACES
        )
    return models.DecimalField(
        max_digits=AMOUNT_MAX_DIGITS, decimal_places=AMOUNT_DECIMAL_PLACES, default=default
    )


class OrderStatus(models.TextChoices):
    DRAFT = "draft"
    OPEN = "open"
    COMPLETED = "completed"
    CANCELLED = "cancelled"


class FinancialStatus(models.TextChoices):
    PENDING = "pending"
    AUTHORIZED = "authorized"
    PAID = "paid"
    PARTIALLY_PAID = "partially_paid"
    PARTIALLY_REFUNDED = "partially_refunded"
    REFUNDED = "refunded"
    VOIDED = "voided"


class FulfillmentStatus(models.TextChoices):
    UNFULFILLED = "unfulfilled"
    PACKED = "packed"
    PARTIALLY_FULFILLED = "partially_fulfilled"
    FULFILLED = "fulfilled"
    RETURNED = "returned"


class Order(StoreScopedModel):
    external_id = models.CharField(max_length=120, null=True, blank=True)
    number = models.CharField(max_length=40)
    customer = models.ForeignKey(
        "customers.Customer", on_delete=models.PROTECT, related_name="orders"
    )
    status = models.CharField(max_length=16, choices=OrderStatus.choices)
    financial_status = models.CharField(max_length=24, choices=FinancialStatus.choices)
    fulfillment_status = models.CharField(max_length=24, choices=FulfillmentStatus.choices)
    currency = models.CharField(max_length=CURRENCY_MAX_LENGTH)
    items_total = _amount()
    shipping_total = _amount(default=0)
    tax_total = _amount(default=0)
    discount_total = _amount(default=0)
    total = models.GeneratedField(
        expression=F("items_total") + F("shipping_total") + F("tax_total") - F("discount_total"),
        output_field=models.DecimalField(
            max_digits=AMOUNT_MAX_DIGITS + 1, decimal_places=AMOUNT_DECIMAL_PLACES
        ),
        db_persist=True,
    )
    placed_at = models.DateTimeField()
    promised_delivery_date = models.DateField(null=True, blank=True)
    shipping_address = models.JSONField(default=dict, blank=True)
    payment_method = models.CharField(max_length=40, blank=True)
    note = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["store", "number"], name="order_number_unique"),
            unique_external_id("store", name="order_external_id_unique"),
            models.CheckConstraint(
                condition=models.Q(items_total__gte=0)
                & models.Q(shipping_total__gte=0)
                & models.Q(tax_total__gte=0)
                & models.Q(discount_total__gte=0),
                name="order_amounts_non_negative",
            ),
        ]
        indexes = [
            models.Index(fields=["store", "customer", "-placed_at", "-id"]),
            models.Index(fields=["store", "-placed_at", "-id"]),
            models.Index(fields=["store", "status", "-placed_at"]),
        ]

    def __str__(self) -> str:
        return f"#{self.number}"


class LineItem(StoreScopedModel):
    order = models.ForeignKey(Order, on_delete=models.CASCADE, related_name="line_items")
    variant = models.ForeignKey(
        "catalog.Variant", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    sku = models.CharField(max_length=120, blank=True)
    title = models.CharField(max_length=300)
    quantity = models.PositiveIntegerField()
    unit_price = _amount()
    currency = models.CharField(max_length=CURRENCY_MAX_LENGTH)
    discount = _amount(default=0)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=models.Q(quantity__gte=1), name="line_item_quantity_positive"
            ),
        ]


class ShipmentStatus(models.TextChoices):
    """The normalised tracking set every carrier's statuses are mapped onto."""

    PENDING = "pending"
    INFO_RECEIVED = "info_received"
    IN_TRANSIT = "in_transit"
    OUT_FOR_DELIVERY = "out_for_delivery"
    ATTEMPT_FAIL = "attempt_fail"
    DELIVERED = "delivered"
    AVAILABLE_FOR_PICKUP = "available_for_pickup"
    EXCEPTION = "exception"
    EXPIRED = "expired"


class Shipment(StoreScopedModel):
    order = models.ForeignKey(Order, on_delete=models.CASCADE, related_name="shipments")
    external_id = models.CharField(max_length=120, null=True, blank=True)
    carrier = models.CharField(max_length=80)
    tracking_number = models.CharField(max_length=120)
    tracking_url = models.URLField(max_length=500, blank=True)
    status = models.CharField(
        max_length=24, choices=ShipmentStatus.choices, default=ShipmentStatus.PENDING
    )
    sub_status = models.CharField(max_length=80, blank=True)
    estimated_delivery_at = models.DateTimeField(null=True, blank=True)
    shipped_at = models.DateTimeField(null=True, blank=True)
    delivered_at = models.DateTimeField(null=True, blank=True)
    last_event_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["store", "carrier", "tracking_number"], name="shipment_tracking_unique"
            ),
            unique_external_id("store", name="shipment_external_id_unique"),
        ]
        indexes = [models.Index(fields=["store", "status", "last_event_at"])]

    @property
    def is_late(self) -> bool:
        """Not delivered, and the estimated delivery time has passed."""
        return (
            self.delivered_at is None
            and self.estimated_delivery_at is not None
            and self.estimated_delivery_at < timezone.now()
        )


class ShipmentEvent(StoreScopedModel):
    """One carrier scan or status change, in the order it happened."""

    shipment = models.ForeignKey(Shipment, on_delete=models.CASCADE, related_name="events")
    status = models.CharField(max_length=24, choices=ShipmentStatus.choices)
    sub_status = models.CharField(max_length=80, blank=True)
    message = models.CharField(max_length=500, blank=True)
    location = models.CharField(max_length=200, blank=True)
    occurred_at = models.DateTimeField()
    external_id = models.CharField(max_length=120, null=True, blank=True)

    class Meta:
        constraints = [unique_external_id("shipment", name="shipment_event_external_id_unique")]
        indexes = [models.Index(fields=["shipment", "occurred_at"])]
        ordering = ["occurred_at", "id"]

from datetime import date, datetime, time
from decimal import Decimal
from typing import Annotated

from ninja import Field, Schema
from pydantic import WithJsonSchema

from storedesk.core.api import InputSchema, Timestamp


class MoneyOut(Schema):
    amount: Decimal
    currency: str


class ReturnRuleOut(Schema):
    category_id: int | None
    category_slug: str | None = Field(None, alias="category.slug")
    window_days: int | None
    window_starts_at: str
    outcomes: list[str]
    store_credit_bonus_percent: Decimal
    final_sale: bool
    discounted_final_sale: bool
    requires_unused: bool
    requires_original_packaging: bool
    return_shipping_paid_by: str
    return_shipping_fee: Decimal
    restocking_fee_kind: str
    restocking_fee: Decimal
    currency: str
    refund_within_hours: int | None


# Drafts are changed with the specs of ``policies/specs.py``, which the editor and the
# actions share; publishing takes only a moment.
class PublishIn(InputSchema):
    effective_from: Timestamp | None = Field(
        None, description="When the version starts to apply to new orders; defaults to now."
    )


class VersionOut(Schema):
    number: int
    status: str
    effective_from: datetime | None
    published_at: datetime | None
    note: str
    created_at: datetime
    updated_at: datetime


class ReturnVersionOut(VersionOut):
    rules: list[ReturnRuleOut]


class ReturnVersionPage(Schema):
    items: list[ReturnVersionOut]
    next_cursor: str | None


class ShippingMethodOut(Schema):
    id: int
    name: str
    cost: Decimal
    currency: str
    free_shipping_threshold: Decimal | None
    min_days: int
    max_days: int


class ShippingZoneOut(Schema):
    id: int
    name: str
    countries: list[str]
    duties_included: bool
    duties_paid_by: str
    customs_note: dict[str, str]
    methods: list[ShippingMethodOut]


# OpenAPI's "time" format is RFC 3339's, with an offset; the cut-off is a wall-clock time
# in the store's time zone.
LocalTime = Annotated[time, WithJsonSchema({"type": "string", "example": "14:00:00"})]


class ShippingVersionOut(VersionOut):
    dispatch_cutoff: LocalTime = Field(description="HH:MM:SS in the store's time zone.")
    working_days: list[int]
    holidays: list[str]
    currency: str
    zones: list[ShippingZoneOut]


class ShippingVersionPage(Schema):
    items: list[ShippingVersionOut]
    next_cursor: str | None


class RuleReferenceOut(Schema):
    version_number: int
    category_id: int | None
    category_slug: str | None


class ReturnDecisionOut(Schema):
    eligible: bool
    reason: str
    outcomes: list[str]
    deadline: datetime | None
    rule: RuleReferenceOut | None
    explanation: str
    store_credit_bonus_percent: Decimal
    requires_unused: bool
    requires_original_packaging: bool
    return_shipping_paid_by: str
    return_shipping_fee: MoneyOut | None
    restocking_fee: MoneyOut | None
    refund_within_hours: int | None


class ShippingRuleOut(Schema):
    version_number: int
    zone_id: int
    zone_name: str
    method_id: int


class DeliveryOptionOut(Schema):
    method_name: str
    dispatch_date: date
    earliest_arrival: date
    latest_arrival: date
    min_days: int
    max_days: int
    rule: ShippingRuleOut


class DeliveryEstimateOut(Schema):
    country: str
    ships: bool
    reason: str
    options: list[DeliveryOptionOut]
    explanation: str
    version_number: int | None


class ShippingCostOut(Schema):
    method_name: str
    cost: MoneyOut
    regular_cost: MoneyOut
    free_shipping_threshold: MoneyOut | None
    is_free: bool
    min_days: int
    max_days: int
    rule: ShippingRuleOut


class ShippingQuoteOut(Schema):
    country: str
    ships: bool
    reason: str
    options: list[ShippingCostOut]
    duties_included: bool
    duties_paid_by: str
    duties_note: str
    explanation: str
    version_number: int | None

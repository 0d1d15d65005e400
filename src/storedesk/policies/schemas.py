from datetime import date, datetime, time
from decimal import Decimal
from typing import Annotated

from ninja import Field, Schema
from pydantic import WithJsonSchema

from storedesk.core.api import Currency, ObjectId, Text
from storedesk.core.money import AMOUNT_DECIMAL_PLACES, AMOUNT_MAX_DIGITS


class MoneyOut(Schema):
    amount: Decimal
    currency: str


class ReturnRuleIn(Schema):
    category_id: ObjectId | None = Field(None, description="Empty for the default rule.")
    window_days: int | None = Field(30, description="Empty for no time limit.")
    window_starts_at: str = Field("delivery", description="'delivery' or 'order'.")
    offers_refund: bool = True
    offers_exchange: bool = True
    offers_store_credit: bool = False
    store_credit_bonus_percent: Decimal = Field(Decimal(0), max_digits=5, decimal_places=2)
    final_sale: bool = False
    discounted_final_sale: bool = False
    requires_unused: bool = True
    requires_original_packaging: bool = False
    return_shipping_paid_by: str = Field("store", description="'store' or 'customer'.")
    return_shipping_fee: Decimal = Field(
        Decimal(0), max_digits=AMOUNT_MAX_DIGITS, decimal_places=AMOUNT_DECIMAL_PLACES
    )
    restocking_fee_kind: str = Field("none", description="'none', 'percent' or 'fixed'.")
    restocking_fee: Decimal = Field(
        Decimal(0), max_digits=AMOUNT_MAX_DIGITS, decimal_places=AMOUNT_DECIMAL_PLACES
    )
    currency: Currency | None = Field(None, description="Defaults to the store's currency.")
    refund_within_hours: int | None = None


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


class ReturnDraftIn(Schema):
    note: Text(500) | None = None  # type: ignore[valid-type]
    rules: list[ReturnRuleIn] | None = Field(None, max_length=500)


class PublishIn(Schema):
    effective_from: datetime | None = Field(
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


class ShippingMethodIn(Schema):
    name: Text(120)  # type: ignore[valid-type]
    cost: Decimal = Field(max_digits=AMOUNT_MAX_DIGITS, decimal_places=AMOUNT_DECIMAL_PLACES)
    currency: Currency | None = None
    free_shipping_threshold: Decimal | None = Field(
        None, max_digits=AMOUNT_MAX_DIGITS, decimal_places=AMOUNT_DECIMAL_PLACES
    )
    min_days: int
    max_days: int


class ShippingZoneIn(Schema):
    name: Text(120)  # type: ignore[valid-type]
    countries: list[Text(8)] = Field(max_length=300)  # type: ignore[valid-type]
    duties_included: bool = True
    duties_paid_by: str = Field("none", description="'none', 'store' or 'customer'.")
    customs_note: dict[Text(8), Text(2000)] = Field(  # type: ignore[valid-type]
        default_factory=dict, description='One text per language: {"en": "..."}.'
    )
    methods: list[ShippingMethodIn] = Field(default_factory=list, max_length=50)


class ShippingDraftIn(Schema):
    note: Text(500) | None = None  # type: ignore[valid-type]
    dispatch_cutoff: Text(5) | None = Field(None, description="HH:MM in the store's time zone.")  # type: ignore[valid-type]
    working_days: list[int] | None = Field(
        None, max_length=7, description="ISO weekdays, 1 = Monday."
    )
    holidays: list[Text(10)] | None = Field(None, max_length=400)  # type: ignore[valid-type]
    zones: list[ShippingZoneIn] | None = Field(None, max_length=200)


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

from datetime import date, datetime
from decimal import Decimal
from typing import Any

from ninja import Field, Schema
from pydantic import HttpUrl

from storedesk.core.api import Amount, Currency, ObjectId, Text
from storedesk.orders.models import FinancialStatus, FulfillmentStatus, OrderStatus, ShipmentStatus

MAX_LINES = 500
MAX_EVENTS = 500


class AddressIn(Schema):
    name: Text(200) = ""  # type: ignore[valid-type]
    company: Text(200) = ""  # type: ignore[valid-type]
    line1: Text(300) = ""  # type: ignore[valid-type]
    line2: Text(300) = ""  # type: ignore[valid-type]
    city: Text(120) = ""  # type: ignore[valid-type]
    region: Text(120) = ""  # type: ignore[valid-type]
    postal_code: Text(20) = ""  # type: ignore[valid-type]
    country: Text(2) = ""  # type: ignore[valid-type]
    phone: Text(40) = ""  # type: ignore[valid-type]


class LineItemIn(Schema):
    sku: Text(120) = ""  # type: ignore[valid-type]
    title: Text(300, min_length=1)  # type: ignore[valid-type]
    quantity: int = Field(ge=1, le=100_000)
    unit_price: Amount
    currency: Currency | None = Field(
        None, description="Defaults to the order's currency; must match it."
    )
    discount: Amount = Decimal(0)


class OrderIn(Schema):
    """An order as a store platform sends it. With an ``external_id`` that is known already,
    the request updates that order (and replaces its line items) instead of creating one."""

    external_id: Text(120, min_length=1) | None = None  # type: ignore[valid-type]
    number: Text(40, min_length=1)  # type: ignore[valid-type]
    customer_id: ObjectId | None = None
    customer_external_id: Text(120, min_length=1) | None = None  # type: ignore[valid-type]
    status: OrderStatus = OrderStatus.OPEN
    financial_status: FinancialStatus = FinancialStatus.PENDING
    fulfillment_status: FulfillmentStatus = FulfillmentStatus.UNFULFILLED
    currency: Currency
    shipping_total: Amount = Decimal(0)
    tax_total: Amount = Decimal(0)
    discount_total: Amount = Decimal(0)
    placed_at: datetime
    promised_delivery_date: date | None = None
    shipping_address: AddressIn = Field(default_factory=AddressIn)
    payment_method: Text(40) = ""  # type: ignore[valid-type]
    note: Text(5_000) = ""  # type: ignore[valid-type]
    line_items: list[LineItemIn] = Field(min_length=1, max_length=MAX_LINES)


class OrderPatch(Schema):
    """Only the fields present are changed."""

    status: OrderStatus | None = None
    financial_status: FinancialStatus | None = None
    fulfillment_status: FulfillmentStatus | None = None
    shipping_total: Amount | None = None
    tax_total: Amount | None = None
    discount_total: Amount | None = None
    promised_delivery_date: date | None = None
    shipping_address: AddressIn | None = None
    payment_method: Text(40) | None = None  # type: ignore[valid-type]
    note: Text(5_000) | None = None  # type: ignore[valid-type]


class LineItemOut(Schema):
    id: int
    sku: str
    title: str
    quantity: int
    unit_price: Decimal
    currency: str
    discount: Decimal


class ShipmentEventIn(Schema):
    status: ShipmentStatus
    sub_status: Text(80) = ""  # type: ignore[valid-type]
    message: Text(500) = ""  # type: ignore[valid-type]
    location: Text(200) = ""  # type: ignore[valid-type]
    occurred_at: datetime
    external_id: Text(120, min_length=1) | None = Field(  # type: ignore[valid-type]
        None, description="The carrier's id of the event; a repeated id is ignored."
    )


class ShipmentEventsIn(Schema):
    events: list[ShipmentEventIn] = Field(min_length=1, max_length=MAX_EVENTS)


class ShipmentIn(Schema):
    """A shipment of the order. A known ``external_id``, or a known carrier and tracking
    number, updates that shipment instead of creating one."""

    external_id: Text(120, min_length=1) | None = None  # type: ignore[valid-type]
    carrier: Text(80, min_length=1)  # type: ignore[valid-type]
    tracking_number: Text(120, min_length=1)  # type: ignore[valid-type]
    tracking_url: HttpUrl | None = Field(None, max_length=500)
    status: ShipmentStatus = ShipmentStatus.PENDING
    sub_status: Text(80) = ""  # type: ignore[valid-type]
    estimated_delivery_at: datetime | None = None
    shipped_at: datetime | None = None
    events: list[ShipmentEventIn] = Field(default_factory=list, max_length=MAX_EVENTS)


class ShipmentPatch(Schema):
    """Only the fields present are changed. The status follows tracking events; set it here
    only for carriers that send none."""

    tracking_url: HttpUrl | None = Field(None, max_length=500)
    status: ShipmentStatus | None = None
    sub_status: Text(80) | None = None  # type: ignore[valid-type]
    estimated_delivery_at: datetime | None = None
    shipped_at: datetime | None = None


class ShipmentEventOut(Schema):
    status: ShipmentStatus
    sub_status: str
    message: str
    location: str
    occurred_at: datetime


class ShipmentOut(Schema):
    id: int
    order_id: int
    external_id: str | None
    carrier: str
    tracking_number: str
    tracking_url: str
    status: ShipmentStatus
    sub_status: str
    estimated_delivery_at: datetime | None
    shipped_at: datetime | None
    delivered_at: datetime | None
    events: list[ShipmentEventOut]


class OrderSummaryOut(Schema):
    id: int
    external_id: str | None
    number: str
    customer_id: int
    status: OrderStatus
    financial_status: FinancialStatus
    fulfillment_status: FulfillmentStatus
    currency: str
    total: Decimal
    placed_at: datetime


class OrderOut(OrderSummaryOut):
    items_total: Decimal
    shipping_total: Decimal
    tax_total: Decimal
    discount_total: Decimal
    promised_delivery_date: date | None
    shipping_address: dict[str, Any]
    payment_method: str
    note: str
    line_items: list[LineItemOut]
    shipments: list[ShipmentOut]


class OrderPage(Schema):
    items: list[OrderSummaryOut]
    next_cursor: str | None


class ShipmentPage(Schema):
    items: list[ShipmentOut]
    next_cursor: str | None

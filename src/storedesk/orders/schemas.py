from datetime import date, datetime
from decimal import Decimal
from typing import Annotated, Any

from ninja import Field, Schema
from pydantic import HttpUrl, PlainSerializer

from storedesk.core.api import Amount, Currency, Day, InputSchema, ObjectId, Text, Timestamp
from storedesk.orders.models import FinancialStatus, FulfillmentStatus, OrderStatus, ShipmentStatus

MAX_LINES = 500
MAX_EVENTS = 500


class AddressIn(InputSchema):
    name: Annotated[str, Text(200)] = ""
    company: Annotated[str, Text(200)] = ""
    line1: Annotated[str, Text(300)] = ""
    line2: Annotated[str, Text(300)] = ""
    city: Annotated[str, Text(120)] = ""
    region: Annotated[str, Text(120)] = ""
    postal_code: Annotated[str, Text(20)] = ""
    country: Annotated[str, Text(2)] = ""
    phone: Annotated[str, Text(40)] = ""


class LineItemIn(InputSchema):
    sku: Annotated[str, Text(120)] = ""
    title: Annotated[str, Text(300, min_length=1)]
    quantity: int = Field(ge=1, le=100_000)
    unit_price: Amount
    currency: Currency | None = Field(
        None, description="Defaults to the order's currency; must match it."
    )
    discount: Amount = Decimal(0)


class OrderIn(InputSchema):
    """An order as a store platform sends it. With an ``external_id`` that is known already,
    the request updates that order (and replaces its line items) instead of creating one."""

    external_id: Annotated[str, Text(120, min_length=1)] | None = None
    number: Annotated[str, Text(40, min_length=1)]
    customer_id: ObjectId | None = None
    customer_external_id: Annotated[str, Text(120, min_length=1)] | None = None
    status: OrderStatus = OrderStatus.OPEN
    financial_status: FinancialStatus = FinancialStatus.PENDING
    fulfillment_status: FulfillmentStatus = FulfillmentStatus.UNFULFILLED
    currency: Currency
    shipping_total: Amount = Decimal(0)
    tax_total: Amount = Decimal(0)
    discount_total: Amount = Decimal(0)
    placed_at: Timestamp
    promised_delivery_date: Day | None = None
    shipping_address: AddressIn = Field(default_factory=AddressIn)
    payment_method: Annotated[str, Text(40)] = ""
    note: Annotated[str, Text(5_000)] = ""
    line_items: list[LineItemIn] = Field(min_length=1, max_length=MAX_LINES)


class OrderPatch(InputSchema):
    """Only the fields present are changed."""

    status: OrderStatus | None = None
    financial_status: FinancialStatus | None = None
    fulfillment_status: FulfillmentStatus | None = None
    shipping_total: Amount | None = None
    tax_total: Amount | None = None
    discount_total: Amount | None = None
    promised_delivery_date: Day | None = None
    shipping_address: AddressIn | None = None
    payment_method: Annotated[str, Text(40)] | None = None
    note: Annotated[str, Text(5_000)] | None = None


class LineItemOut(Schema):
    id: int
    sku: str
    title: str
    quantity: int
    unit_price: Decimal
    currency: str
    discount: Decimal


class ShipmentEventIn(InputSchema):
    status: ShipmentStatus
    sub_status: Annotated[str, Text(80)] = ""
    message: Annotated[str, Text(500)] = ""
    location: Annotated[str, Text(200)] = ""
    occurred_at: Timestamp
    external_id: Annotated[str, Text(120, min_length=1)] | None = Field(
        None, description="The carrier's id of the event; a repeated id is ignored."
    )


class ShipmentEventsIn(InputSchema):
    events: list[ShipmentEventIn] = Field(min_length=1, max_length=MAX_EVENTS)


# Handed to the actions as the string they store.
TrackingUrl = Annotated[HttpUrl, PlainSerializer(str, return_type=str)]


class ShipmentIn(InputSchema):
    """A shipment of the order. A known ``external_id``, or a known carrier and tracking
    number, updates that shipment instead of creating one."""

    external_id: Annotated[str, Text(120, min_length=1)] | None = None
    carrier: Annotated[str, Text(80, min_length=1)]
    tracking_number: Annotated[str, Text(120, min_length=1)]
    tracking_url: TrackingUrl | None = Field(None, max_length=500)
    status: ShipmentStatus = ShipmentStatus.PENDING
    sub_status: Annotated[str, Text(80)] = ""
    estimated_delivery_at: Timestamp | None = None
    shipped_at: Timestamp | None = None
    events: list[ShipmentEventIn] = Field(default_factory=list, max_length=MAX_EVENTS)


class ShipmentPatch(InputSchema):
    """Only the fields present are changed. The status follows tracking events; set it here
    only for carriers that send none."""

    tracking_url: TrackingUrl | None = Field(None, max_length=500)
    status: ShipmentStatus | None = None
    sub_status: Annotated[str, Text(80)] | None = None
    estimated_delivery_at: Timestamp | None = None
    shipped_at: Timestamp | None = None


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

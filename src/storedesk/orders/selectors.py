from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

from django.db.models import Count, Max, Min, Prefetch, QuerySet, Sum

from storedesk.accounts.actors import Actor
from storedesk.accounts.permissions import Permission
from storedesk.core.errors import NotFound
from storedesk.core.models import Store
from storedesk.orders.models import (
    FulfillmentStatus,
    LineItem,
    Order,
    OrderStatus,
    Shipment,
    ShipmentEvent,
    ShipmentStatus,
)

# Orders that count towards what a customer has spent.
SPENDING_STATUSES = (OrderStatus.OPEN, OrderStatus.COMPLETED)


def _shipments_with_events() -> "Prefetch[str, QuerySet[Shipment], str]":
    return Prefetch(
        "shipments",
        queryset=Shipment.objects.order_by("created_at", "id").prefetch_related(
            Prefetch("events", queryset=ShipmentEvent.objects.order_by("occurred_at", "id"))
        ),
    )


def access_order(actor: Actor, order_id: int) -> Order:
    actor.require(Permission.VIEW_ORDERS)
    order = (
        Order.objects.filter(store=actor.store, pk=order_id)
        .select_related("customer")
        .prefetch_related(
            Prefetch("line_items", queryset=LineItem.objects.order_by("id")),
            _shipments_with_events(),
        )
        .first()
    )
    if order is None:
        raise NotFound("No such order.", details={"order_id": order_id})
    return order


def find_order(store: Store, *, external_id: str) -> Order | None:
    return Order.objects.filter(store=store, external_id=external_id).first()


def list_orders(
    actor: Actor,
    *,
    status: str = "",
    financial_status: str = "",
    fulfillment_status: str = "",
    customer_id: int | None = None,
    number: str = "",
) -> QuerySet[Order]:
    actor.require(Permission.VIEW_ORDERS)
    orders = Order.objects.filter(store=actor.store)
    if status:
        orders = orders.filter(status=status)
    if financial_status:
        orders = orders.filter(financial_status=financial_status)
    if fulfillment_status:
        orders = orders.filter(fulfillment_status=fulfillment_status)
    if customer_id is not None:
        orders = orders.filter(customer_id=customer_id)
    if number:
        orders = orders.filter(number=number.lstrip("#"))
    return orders.select_related("customer").order_by("-placed_at", "-id")


def list_customer_orders(customer_id: int, store: Store, *, limit: int) -> list[Order]:
    """The customer's latest orders with their line items, shipments and tracking events."""
    return list(
        Order.objects.filter(store=store, customer_id=customer_id)
        .order_by("-placed_at", "-id")
        .prefetch_related(
            Prefetch("line_items", queryset=LineItem.objects.order_by("id")),
            _shipments_with_events(),
        )[:limit]
    )


@dataclass(frozen=True, slots=True)
class CustomerOrderStats:
    order_count: int
    lifetime_spend: dict[str, Decimal]
    first_order_at: datetime | None
    last_order_at: datetime | None


def get_customer_order_stats(customer_id: int, store: Store) -> CustomerOrderStats:
    """Counts and lifetime spend (per currency) over the customer's open and completed orders."""
    rows = (
        Order.objects.filter(store=store, customer_id=customer_id, status__in=SPENDING_STATUSES)
        .values("currency")
        .annotate(
            spent=Sum("total"), count=Count("id"), first=Min("placed_at"), last=Max("placed_at")
        )
        .order_by("currency")
    )
    spend: dict[str, Decimal] = {}
    count = 0
    firsts: list[datetime] = []
    lasts: list[datetime] = []
    for row in rows:
        spend[row["currency"]] = Decimal(row["spent"]).quantize(Decimal("0.01"))
        count += row["count"]
        firsts.append(row["first"])
        lasts.append(row["last"])
    return CustomerOrderStats(
        order_count=count,
        lifetime_spend=spend,
        first_order_at=min(firsts, default=None),
        last_order_at=max(lasts, default=None),
    )


def access_shipment(actor: Actor, shipment_id: int) -> Shipment:
    actor.require(Permission.VIEW_ORDERS)
    shipment = (
        Shipment.objects.filter(store=actor.store, pk=shipment_id)
        .prefetch_related(
            Prefetch("events", queryset=ShipmentEvent.objects.order_by("occurred_at", "id"))
        )
        .first()
    )
    if shipment is None:
        raise NotFound("No such shipment.", details={"shipment_id": shipment_id})
    return shipment


def list_shipments(
    actor: Actor, *, status: str = "", order_id: int | None = None
) -> QuerySet[Shipment]:
    actor.require(Permission.VIEW_ORDERS)
    shipments = Shipment.objects.filter(store=actor.store)
    if status:
        shipments = shipments.filter(status=status)
    if order_id is not None:
        shipments = shipments.filter(order_id=order_id)
    return shipments.prefetch_related(
        Prefetch("events", queryset=ShipmentEvent.objects.order_by("occurred_at", "id"))
    ).order_by("-id")


# Shipments that cannot be late: arrived, waiting at a pickup point, or no longer tracked
# (an expired tracking number is a problem of its own, shown as such).
_SETTLED_STATUSES = (
    ShipmentStatus.DELIVERED,
    ShipmentStatus.AVAILABLE_FOR_PICKUP,
    ShipmentStatus.EXPIRED,
)


def _promise_broken(promised: date | None, *, now: datetime, zone: ZoneInfo) -> bool:
    # A promised date holds until the end of that day in the store's time zone.
    return promised is not None and promised < now.astimezone(zone).date()


def is_shipment_late(
    shipment: Shipment, *, promised_date: date | None, now: datetime, zone: ZoneInfo
) -> bool:
    """Still on its way, and past the carrier's estimated delivery or the date the store
    promised the customer."""
    if shipment.delivered_at is not None or shipment.status in _SETTLED_STATUSES:
        return False
    if shipment.estimated_delivery_at is not None and shipment.estimated_delivery_at < now:
        return True
    return _promise_broken(promised_date, now=now, zone=zone)


def is_order_late(order: Order, *, now: datetime, zone: ZoneInfo) -> bool:
    """An open order past its promised delivery date with a shipment still on its way (or
    nothing shipped yet). Reads ``order.shipments.all()``: prefetch it for lists."""
    if order.status != OrderStatus.OPEN:
        return False
    if not _promise_broken(order.promised_delivery_date, now=now, zone=zone):
        return False
    shipments = list(order.shipments.all())
    if not shipments:
        # Sent without tracking, it cannot be judged; not sent at all, it is late.
        return order.fulfillment_status != FulfillmentStatus.FULFILLED
    return any(
        shipment.delivered_at is None and shipment.status not in _SETTLED_STATUSES
        for shipment in shipments
    )


def get_line_subtotal(line: LineItem) -> Decimal:
    """Quantity times unit price, before the line's own discount."""
    return line.unit_price * line.quantity

from datetime import date, datetime
from decimal import Decimal
from typing import Any, TypedDict

from django.db import IntegrityError, transaction
from django.db.models import Min
from django.utils.translation import gettext as _

from storedesk.accounts.actors import Actor
from storedesk.accounts.permissions import Permission
from storedesk.catalog.selectors import get_variants_by_sku
from storedesk.core.errors import Conflict, ValidationFailed
from storedesk.core.events import publish_event
from storedesk.core.models import Store
from storedesk.core.money import quantize
from storedesk.core.tenancy import check_in_store
from storedesk.core.validation import check_currency
from storedesk.customers.models import Customer
from storedesk.customers.selectors import access_customer, find_customer
from storedesk.orders.events import OrderEvent, ShipmentEvent
from storedesk.orders.models import (
    FinancialStatus,
    FulfillmentStatus,
    LineItem,
    Order,
    OrderStatus,
    Shipment,
    ShipmentStatus,
)
from storedesk.orders.models import ShipmentEvent as ShipmentEventRecord
from storedesk.orders.selectors import find_order


class LineItemFields(TypedDict, total=False):
    sku: str
    title: str
    quantity: int
    unit_price: Decimal
    currency: str
    discount: Decimal


class OrderFields(TypedDict, total=False):
    external_id: str | None
    number: str
    customer_id: int
    customer_external_id: str
    status: str
    financial_status: str
    fulfillment_status: str
    currency: str
    shipping_total: Decimal
    tax_total: Decimal
    discount_total: Decimal
    placed_at: datetime
    promised_delivery_date: date | None
    shipping_address: dict[str, Any]
    payment_method: str
    note: str
    line_items: list[LineItemFields]


class ShipmentEventFields(TypedDict, total=False):
    status: str
    sub_status: str
    message: str
    location: str
    occurred_at: datetime
    external_id: str | None


class ShipmentFields(TypedDict, total=False):
    external_id: str | None
    carrier: str
    tracking_number: str
    tracking_url: str
    status: str
    sub_status: str
    estimated_delivery_at: datetime | None
    shipped_at: datetime | None
    events: list[ShipmentEventFields]


_SIMPLE_ORDER_FIELDS = (
    "external_id", "number", "status", "financial_status", "fulfillment_status", "currency",
    "shipping_total", "tax_total", "discount_total", "placed_at", "promised_delivery_date",
    "shipping_address", "payment_method", "note",
)  # fmt: skip
_REQUIRED_ON_CREATE = ("number", "currency", "placed_at", "line_items")
_DELIVERED_STATES = {ShipmentStatus.DELIVERED}
_NOT_YET_SHIPPED = (ShipmentStatus.PENDING, ShipmentStatus.INFO_RECEIVED)


def check_upsert_order(actor: Actor, fields: OrderFields) -> tuple[Order, bool]:
    """Create an order, or update the one with the same external id. Returns (order, created)."""
    actor.require(Permission.EDIT_ORDERS)
    external_id = fields.get("external_id")
    existing = find_order(actor.store, external_id=external_id) if external_id else None
    if existing is not None:
        return do_update_order(actor, existing, fields), False
    missing = [name for name in _REQUIRED_ON_CREATE if name not in fields]
    if "customer_id" not in fields and "customer_external_id" not in fields:
        missing.append("customer_id or customer_external_id")
    if missing:
        raise ValidationFailed(
            _("A new order needs: %(fields)s.") % {"fields": ", ".join(missing)},
            details={"missing": missing},
        )
    return do_create_order(actor, fields), True


def check_update_order(actor: Actor, order: Order, fields: OrderFields) -> Order:
    actor.require(Permission.EDIT_ORDERS)
    check_in_store(actor, order)
    return do_update_order(actor, order, fields)


@transaction.atomic
def do_create_order(actor: Actor, fields: OrderFields) -> Order:
    order = Order(
        store=actor.store,
        status=OrderStatus.OPEN,
        financial_status=FinancialStatus.PENDING,
        fulfillment_status=FulfillmentStatus.UNFULFILLED,
    )
    _write_order(actor, order, fields)
    actor.audit("order.created", "order", order.pk, number=order.number)
    publish_event(
        OrderEvent(
            op="created", store_id=actor.store.pk, order_id=order.pk, customer_id=order.customer_id
        )
    )
    return order


@transaction.atomic
def do_update_order(actor: Actor, order: Order, fields: OrderFields) -> Order:
    _write_order(actor, order, fields)
    actor.audit("order.updated", "order", order.pk, fields=sorted(fields))
    publish_event(
        OrderEvent(
            op="updated", store_id=actor.store.pk, order_id=order.pk, customer_id=order.customer_id
        )
    )
    return order


def _resolve_customer(actor: Actor, fields: OrderFields) -> Customer | None:
    if "customer_id" in fields:
        return access_customer(actor, fields["customer_id"])
    if "customer_external_id" in fields:
        external_id = fields["customer_external_id"]
        customer = find_customer(actor.store, external_id=external_id)
        if customer is None:
            raise ValidationFailed(
                _("No customer with external id %(external_id)s in this store.")
                % {"external_id": repr(external_id)},
                details={"customer_external_id": external_id},
            )
        return customer
    return None


def _write_order(actor: Actor, order: Order, fields: OrderFields) -> None:
    customer = _resolve_customer(actor, fields)
    if customer is not None:
        order.customer = customer
    for name in _SIMPLE_ORDER_FIELDS:
        if name in fields:
            setattr(order, name, fields[name])  # type: ignore[literal-required]
    if isinstance(order.number, str):
        order.number = order.number.lstrip("#")
    check_currency(order.currency)
    _check_choice("status", order.status, OrderStatus)
    _check_choice("financial_status", order.financial_status, FinancialStatus)
    _check_choice("fulfillment_status", order.fulfillment_status, FulfillmentStatus)
    lines = fields.get("line_items")
    if lines is not None:
        _check_lines(order.currency, lines)
        order.items_total = quantize(
            sum((line["unit_price"] * line["quantity"] for line in lines), Decimal(0))
        )
    elif "currency" in fields and order.pk is not None:  # noqa: SIM102  (reads as two questions)
        if order.line_items.exclude(currency=order.currency).exists():
            raise ValidationFailed(_("The order's currency must match its line items' currency."))
    try:
        with transaction.atomic():
            order.save()
    except IntegrityError as error:
        raise Conflict(
            _("Another order of this store has the same number or external id."),
            details={"number": order.number, "external_id": order.external_id},
        ) from error
    if lines is not None:
        _replace_lines(actor, order, lines)


def _check_choice(
    field: str,
    value: str,
    choices: type[OrderStatus]
    | type[FinancialStatus]
    | type[FulfillmentStatus]
    | type[ShipmentStatus],
) -> None:
    if value not in choices.values:
        raise ValidationFailed(
            _("%(field)s must be one of %(choices)s.")
            % {"field": field, "choices": ", ".join(choices.values)},
            details={field: value},
        )


def _check_lines(currency: str, lines: list[LineItemFields]) -> None:
    if not lines:
        raise ValidationFailed(_("An order needs at least one line item."))
    for index, line in enumerate(lines):
        line_currency = line.get("currency") or currency
        if line_currency != currency:
            raise ValidationFailed(
                _("Line item %(number)s is in %(line_currency)s, but the order is in %(currency)s.")
                % {"number": index + 1, "line_currency": line_currency, "currency": currency},
                details={"line_items": {index: {"currency": line_currency}}},
            )
        if line.get("quantity", 0) < 1:
            raise ValidationFailed(
                _("Line item %(number)s needs a quantity of at least 1.") % {"number": index + 1}
            )
        if "unit_price" not in line or "title" not in line:
            raise ValidationFailed(
                _("Line item %(number)s needs a title and a unit price.") % {"number": index + 1}
            )


def _replace_lines(actor: Actor, order: Order, lines: list[LineItemFields]) -> None:
    variants = get_variants_by_sku(actor.store, [line["sku"] for line in lines if line.get("sku")])
    order.line_items.all().delete()
    LineItem.objects.bulk_create(
        LineItem(
            store=actor.store,
            order=order,
            variant=variants.get(line.get("sku", "")),
            sku=line.get("sku", ""),
            title=line["title"],
            quantity=line["quantity"],
            unit_price=line["unit_price"],
            currency=order.currency,
            discount=line.get("discount", Decimal(0)),
        )
        for line in lines
    )


def check_upsert_shipment(
    actor: Actor, order: Order, fields: ShipmentFields
) -> tuple[Shipment, bool]:
    """Create a shipment of ``order`` or update the one with the same external id or
    carrier and tracking number. Returns (shipment, created)."""
    actor.require(Permission.EDIT_ORDERS)
    check_in_store(actor, order)
    shipment = _find_shipment(actor, fields)
    if shipment is not None and shipment.order_id != order.pk:
        raise Conflict(_("That tracking number belongs to another order."))
    if shipment is None:
        for name in ("carrier", "tracking_number"):
            if not fields.get(name):
                raise ValidationFailed(
                    _("A new shipment needs the field %(field)s.") % {"field": name},
                    details={"missing": [name]},
                )
    return do_upsert_shipment(actor, order, shipment, fields)


def check_update_shipment(actor: Actor, shipment: Shipment, fields: ShipmentFields) -> Shipment:
    actor.require(Permission.EDIT_ORDERS)
    check_in_store(actor, shipment)
    updated, _created = do_upsert_shipment(actor, shipment.order, shipment, fields)
    return updated


def _find_shipment(actor: Actor, fields: ShipmentFields) -> Shipment | None:
    shipments = Shipment.objects.filter(store=actor.store)
    if fields.get("external_id"):
        found = shipments.filter(external_id=fields["external_id"]).first()
        if found is not None:
            return found
    if fields.get("carrier") and fields.get("tracking_number"):
        return shipments.filter(
            carrier=fields["carrier"], tracking_number=fields["tracking_number"]
        ).first()
    return None


@transaction.atomic
def do_upsert_shipment(
    actor: Actor, order: Order, shipment: Shipment | None, fields: ShipmentFields
) -> tuple[Shipment, bool]:
    created = shipment is None
    if shipment is None:
        shipment = Shipment(store=actor.store, order=order)
    was_delivered = shipment.status in _DELIVERED_STATES
    for name in (
        "external_id",
        "carrier",
        "tracking_number",
        "tracking_url",
        "status",
        "sub_status",
        "estimated_delivery_at",
        "shipped_at",
    ):
        if name in fields:
            setattr(shipment, name, fields[name])
    _check_choice("status", shipment.status, ShipmentStatus)
    try:
        with transaction.atomic():
            shipment.save()
    except IntegrityError as error:
        raise Conflict(
            _("Another shipment has the same external id or tracking number.")
        ) from error
    if fields.get("events"):
        _add_events(actor, shipment, fields["events"])
    _publish_shipment(
        actor, shipment, op="created" if created else "updated", was_delivered=was_delivered
    )
    return shipment, created


def check_record_shipment_events(
    actor: Actor, shipment: Shipment, events: list[ShipmentEventFields]
) -> Shipment:
    actor.require(Permission.EDIT_ORDERS)
    check_in_store(actor, shipment)
    if not events:
        raise ValidationFailed(_("Send at least one tracking event."))
    return do_record_shipment_events(actor, shipment, events)


@transaction.atomic
def do_record_shipment_events(
    actor: Actor, shipment: Shipment, events: list[ShipmentEventFields]
) -> Shipment:
    """Add carrier events (ignoring ones already recorded under the same external id) and
    move the shipment to the status of its latest event."""
    was_delivered = shipment.status in _DELIVERED_STATES
    _add_events(actor, shipment, events)
    _publish_shipment(actor, shipment, op="updated", was_delivered=was_delivered)
    return shipment


def _add_events(actor: Actor, shipment: Shipment, events: list[ShipmentEventFields]) -> None:
    known = set(
        ShipmentEventRecord.objects.filter(
            shipment=shipment, external_id__isnull=False
        ).values_list("external_id", flat=True)
    )
    new = []
    for event in events:
        _check_choice("status", event.get("status", ""), ShipmentStatus)
        if "occurred_at" not in event:
            raise ValidationFailed(_("Every tracking event needs occurred_at."))
        external_id = event.get("external_id")
        if external_id is not None and external_id in known:
            continue
        if external_id is not None:
            known.add(external_id)
        new.append(ShipmentEventRecord(store=actor.store, shipment=shipment, **event))
    ShipmentEventRecord.objects.bulk_create(new)
    latest = (
        ShipmentEventRecord.objects.filter(shipment=shipment)
        .order_by("-occurred_at", "-id")
        .first()
    )
    if latest is None:
        return
    shipment.status = latest.status
    shipment.sub_status = latest.sub_status
    shipment.last_event_at = latest.occurred_at
    if shipment.shipped_at is None:
        # Shipped at the first scan by the carrier, not when the label was announced.
        shipment.shipped_at = (
            ShipmentEventRecord.objects.filter(shipment=shipment)
            .exclude(status__in=_NOT_YET_SHIPPED)
            .aggregate(at=Min("occurred_at"))["at"]
        )
    shipment.delivered_at = latest.occurred_at if latest.status in _DELIVERED_STATES else None
    shipment.save(
        update_fields=[
            "status",
            "sub_status",
            "last_event_at",
            "shipped_at",
            "delivered_at",
            "updated_at",
        ]
    )


def _publish_shipment(actor: Actor, shipment: Shipment, *, op: str, was_delivered: bool) -> None:
    payload = {
        "store_id": actor.store.pk,
        "shipment_id": shipment.pk,
        "order_id": shipment.order_id,
        "status": shipment.status,
    }
    publish_event(ShipmentEvent(op=op, **payload))  # type: ignore[arg-type]
    if shipment.status in _DELIVERED_STATES and not was_delivered:
        publish_event(ShipmentEvent(op="delivered", **payload))  # type: ignore[arg-type]


def do_move_customer_orders(store: Store, *, from_customer_id: int, to_customer_id: int) -> int:
    """Give every order of one customer to another (when two customers are merged).
    Returns how many orders moved; call inside the merge's transaction."""
    return Order.objects.filter(store=store, customer_id=from_customer_id).update(
        customer_id=to_customer_id
    )

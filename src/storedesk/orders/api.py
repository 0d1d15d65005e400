from django.http import HttpRequest
from ninja import Query, Router
from ninja.responses import Status

from storedesk.accounts.auth import request_actor
from storedesk.core.api import ERROR_STATUSES, ErrorResponse, ObjectId, PageQuery, provided_fields
from storedesk.core.pagination import paginate
from storedesk.orders.actions import (
    OrderFields,
    ShipmentEventFields,
    ShipmentFields,
    check_record_shipment_events,
    check_update_order,
    check_update_shipment,
    check_upsert_order,
    check_upsert_shipment,
)
from storedesk.orders.models import (
    FinancialStatus,
    FulfillmentStatus,
    Order,
    OrderStatus,
    Shipment,
    ShipmentStatus,
)
from storedesk.orders.schemas import (
    OrderIn,
    OrderOut,
    OrderPage,
    OrderPatch,
    ShipmentEventsIn,
    ShipmentIn,
    ShipmentOut,
    ShipmentPage,
    ShipmentPatch,
)
from storedesk.orders.selectors import access_order, access_shipment, list_orders, list_shipments

router = Router()
SHIPMENT_NULLABLE = frozenset({"external_id", "estimated_delivery_at", "shipped_at"})


class OrderFilters(PageQuery):
    status: OrderStatus | None = None
    financial_status: FinancialStatus | None = None
    fulfillment_status: FulfillmentStatus | None = None
    customer_id: ObjectId | None = None


class ShipmentFilters(PageQuery):
    status: ShipmentStatus | None = None
    order_id: ObjectId | None = None


@router.get("/orders", response={200: OrderPage, ERROR_STATUSES: ErrorResponse})
def list_orders_endpoint(request: HttpRequest, filters: Query[OrderFilters]) -> dict[str, object]:
    """Orders of the store, latest placed first."""
    orders = list_orders(
        request_actor(request),
        status=filters.status or "",
        financial_status=filters.financial_status or "",
        fulfillment_status=filters.fulfillment_status or "",
        customer_id=filters.customer_id,
    )
    items, next_cursor = paginate(
        orders, ordering=("-placed_at", "-id"), cursor=filters.cursor, limit=filters.limit
    )
    return {"items": items, "next_cursor": next_cursor}


@router.post("/orders", response={200: OrderOut, 201: OrderOut, ERROR_STATUSES: ErrorResponse})
def upsert_order(request: HttpRequest, payload: OrderIn) -> Status[Order]:
    """Create an order; a known ``external_id`` updates that order (200) instead, so a
    platform may re-send an order whenever it changes."""
    actor = request_actor(request)
    fields = provided_fields(payload, OrderFields)
    order, created = check_upsert_order(actor, fields)
    return Status(201 if created else 200, access_order(actor, order.pk))


@router.get("/orders/{order_id}", response={200: OrderOut, ERROR_STATUSES: ErrorResponse})
def get_order(request: HttpRequest, order_id: ObjectId) -> Order:
    return access_order(request_actor(request), order_id)


@router.patch("/orders/{order_id}", response={200: OrderOut, ERROR_STATUSES: ErrorResponse})
def update_order(request: HttpRequest, order_id: ObjectId, payload: OrderPatch) -> Order:
    actor = request_actor(request)
    order = access_order(actor, order_id)
    fields = provided_fields(payload, OrderFields, nullable=frozenset({"promised_delivery_date"}))
    check_update_order(actor, order, fields)
    return access_order(actor, order_id)


@router.post(
    "/orders/{order_id}/shipments",
    response={200: ShipmentOut, 201: ShipmentOut, ERROR_STATUSES: ErrorResponse},
)
def upsert_shipment(
    request: HttpRequest, order_id: ObjectId, payload: ShipmentIn
) -> Status[Shipment]:
    """Add a shipment to the order, or update it when its external id or carrier and
    tracking number are known."""
    actor = request_actor(request)
    order = access_order(actor, order_id)
    fields = provided_fields(payload, ShipmentFields, nullable=SHIPMENT_NULLABLE)
    shipment, created = check_upsert_shipment(actor, order, fields)
    return Status(201 if created else 200, access_shipment(actor, shipment.pk))


@router.get("/shipments", response={200: ShipmentPage, ERROR_STATUSES: ErrorResponse})
def list_shipments_endpoint(
    request: HttpRequest, filters: Query[ShipmentFilters]
) -> dict[str, object]:
    shipments = list_shipments(
        request_actor(request), status=filters.status or "", order_id=filters.order_id
    )
    items, next_cursor = paginate(
        shipments, ordering=("-id",), cursor=filters.cursor, limit=filters.limit
    )
    return {"items": items, "next_cursor": next_cursor}


@router.get("/shipments/{shipment_id}", response={200: ShipmentOut, ERROR_STATUSES: ErrorResponse})
def get_shipment(request: HttpRequest, shipment_id: ObjectId) -> Shipment:
    return access_shipment(request_actor(request), shipment_id)


@router.patch(
    "/shipments/{shipment_id}", response={200: ShipmentOut, ERROR_STATUSES: ErrorResponse}
)
def update_shipment(
    request: HttpRequest, shipment_id: ObjectId, payload: ShipmentPatch
) -> Shipment:
    actor = request_actor(request)
    shipment = access_shipment(actor, shipment_id)
    fields = provided_fields(payload, ShipmentFields, nullable=SHIPMENT_NULLABLE)
    check_update_shipment(actor, shipment, fields)
    return access_shipment(actor, shipment_id)


@router.post(
    "/shipments/{shipment_id}/events", response={200: ShipmentOut, ERROR_STATUSES: ErrorResponse}
)
def record_shipment_events(
    request: HttpRequest, shipment_id: ObjectId, payload: ShipmentEventsIn
) -> Shipment:
    """Add carrier tracking events; an event whose ``external_id`` is known is ignored, and
    the shipment takes the status of its latest event."""
    actor = request_actor(request)
    shipment = access_shipment(actor, shipment_id)
    events = [
        provided_fields(event, ShipmentEventFields, nullable=frozenset({"external_id"}))
        for event in payload.events
    ]
    check_record_shipment_events(actor, shipment, events)
    return access_shipment(actor, shipment_id)

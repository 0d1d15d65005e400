from datetime import datetime
from typing import Annotated

from django.http import HttpRequest
from ninja import Query, Router, Schema
from ninja.responses import Status

from storedesk.accounts.auth import request_actor
from storedesk.core.api import (
    ERROR_STATUSES,
    ErrorResponse,
    ObjectId,
    PageQuery,
    Text,
    provided_fields,
)
from storedesk.core.pagination import paginate
from storedesk.customers.actions import (
    CustomerFields,
    check_record_consent,
    check_update_customer,
    check_upsert_customer,
)
from storedesk.customers.models import Customer
from storedesk.customers.schemas import (
    ConsentIn,
    ConsentOut,
    CustomerIn,
    CustomerOut,
    CustomerPage,
    CustomerPatch,
    LifetimeSpend,
)
from storedesk.customers.selectors import access_customer, get_current_consents, list_customers
from storedesk.orders.schemas import OrderOut
from storedesk.orders.selectors import get_customer_order_stats, list_customer_orders

router = Router()
PROFILE_ORDERS = 10
# Customer fields a client may clear by sending null.
NULLABLE = frozenset({"external_id", "email", "birthday"})


class CustomerFilters(PageQuery):
    search: Annotated[str, Text(200)] = ""
    tag: Annotated[str, Text(60)] = ""
    language: Annotated[str, Text(8)] = ""
    country: Annotated[str, Text(2)] = ""


class CustomerProfileOut(Schema):
    customer: CustomerOut
    consents: list[ConsentOut]
    order_count: int
    lifetime_spend: list[LifetimeSpend]
    first_order_at: datetime | None
    last_order_at: datetime | None
    recent_orders: list[OrderOut]


@router.get("", response={200: CustomerPage, ERROR_STATUSES: ErrorResponse})
def list_customers_endpoint(
    request: HttpRequest, filters: Query[CustomerFilters]
) -> dict[str, object]:
    """Customers of the store, newest first; ``search`` ignores case and diacritics."""
    customers = list_customers(
        request_actor(request),
        search=filters.search,
        tag=filters.tag,
        language=filters.language,
        country=filters.country,
    )
    items, next_cursor = paginate(
        customers, ordering=("-created_at", "-id"), cursor=filters.cursor, limit=filters.limit
    )
    return {"items": items, "next_cursor": next_cursor}


@router.post("", response={200: CustomerOut, 201: CustomerOut, ERROR_STATUSES: ErrorResponse})
def upsert_customer(request: HttpRequest, payload: CustomerIn) -> Status[Customer]:
    """Create a customer; a known ``external_id`` updates that customer (200) instead."""
    fields = provided_fields(payload, CustomerFields, nullable=NULLABLE)
    customer, created = check_upsert_customer(request_actor(request), fields)
    return Status(201 if created else 200, customer)


@router.get("/{customer_id}", response={200: CustomerOut, ERROR_STATUSES: ErrorResponse})
def get_customer(request: HttpRequest, customer_id: ObjectId) -> Customer:
    return access_customer(request_actor(request), customer_id)


@router.patch("/{customer_id}", response={200: CustomerOut, ERROR_STATUSES: ErrorResponse})
def update_customer(
    request: HttpRequest, customer_id: ObjectId, payload: CustomerPatch
) -> Customer:
    actor = request_actor(request)
    customer = access_customer(actor, customer_id)
    fields = provided_fields(payload, CustomerFields, nullable=NULLABLE)
    return check_update_customer(actor, customer, fields)


@router.get(
    "/{customer_id}/profile", response={200: CustomerProfileOut, ERROR_STATUSES: ErrorResponse}
)
def get_customer_profile(request: HttpRequest, customer_id: ObjectId) -> dict[str, object]:
    """Everything an agent sees beside a conversation: the customer, consents, spend and
    the latest orders with their shipments and tracking history."""
    actor = request_actor(request)
    customer = access_customer(actor, customer_id)
    stats = get_customer_order_stats(customer.pk, actor.store)
    return {
        "customer": customer,
        "consents": list(get_current_consents(customer).values()),
        "order_count": stats.order_count,
        "lifetime_spend": [
            {"currency": currency, "amount": amount}
            for currency, amount in stats.lifetime_spend.items()
        ],
        "first_order_at": stats.first_order_at,
        "last_order_at": stats.last_order_at,
        "recent_orders": list_customer_orders(customer.pk, actor.store, limit=PROFILE_ORDERS),
    }


@router.post("/{customer_id}/consents", response={201: ConsentOut, ERROR_STATUSES: ErrorResponse})
def record_consent(
    request: HttpRequest, customer_id: ObjectId, payload: ConsentIn
) -> Status[object]:
    """Record a grant or withdrawal of marketing consent (kept as a GDPR trail)."""
    actor = request_actor(request)
    customer = access_customer(actor, customer_id)
    consent = check_record_consent(
        actor,
        customer,
        channel=payload.channel,
        granted=payload.granted,
        source=payload.source,
        wording=payload.wording,
    )
    return Status(201, consent)

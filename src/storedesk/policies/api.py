"""REST endpoints for store policies, mounted at /api/v1/policies/.

Reading needs VIEW_ORDERS (integration tokens have it); changing needs MANAGE_POLICIES.
"""

from collections.abc import Callable
from dataclasses import asdict
from datetime import datetime
from decimal import Decimal
from typing import Annotated, Any

from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema
from ninja.responses import Status

from storedesk.accounts.actors import Actor
from storedesk.accounts.auth import request_actor
from storedesk.accounts.permissions import Permission
from storedesk.core.api import ERROR_STATUSES, Currency, ErrorResponse, ObjectId, PageQuery, Text
from storedesk.core.errors import NotFound
from storedesk.core.models import Store
from storedesk.core.money import AMOUNT_DECIMAL_PLACES, AMOUNT_MAX_DIGITS
from storedesk.core.pagination import paginate
from storedesk.policies.actions import (
    check_discard_draft,
    check_publish_return_version,
    check_publish_shipping_version,
    check_save_return_draft,
    check_save_shipping_draft,
)
from storedesk.policies.models import ReturnPolicyVersion, ShippingPolicyVersion
from storedesk.policies.schemas import (
    DeliveryEstimateOut,
    PublishIn,
    ReturnDecisionOut,
    ReturnVersionOut,
    ReturnVersionPage,
    ShippingQuoteOut,
    ShippingVersionOut,
    ShippingVersionPage,
)
from storedesk.policies.selectors import (
    access_line_item,
    access_return_version,
    access_shipping_version,
    get_delivery_estimate,
    get_return_draft,
    get_return_eligibility,
    get_return_version_in_force,
    get_shipping_draft,
    get_shipping_quote,
    get_shipping_version_in_force,
    list_return_versions,
    list_shipping_versions,
)
from storedesk.policies.specs import ReturnPolicySpec, ShippingPolicySpec

router = Router(tags=["policies"])
Language = Annotated[str, Text(8)]


class EligibilityQuery(Schema):
    order_id: ObjectId
    line_item_id: ObjectId
    at: datetime | None = Field(None, description="When the return would start; default now.")
    language: Language | None = None


class EstimateQuery(Schema):
    country: Annotated[str, Text(2, min_length=2)]
    at: datetime | None = Field(None, description="When the order is placed; default now.")
    language: Language | None = None


class QuoteQuery(Schema):
    country: Annotated[str, Text(2, min_length=2)]
    cart_total: Decimal = Field(max_digits=AMOUNT_MAX_DIGITS, decimal_places=AMOUNT_DECIMAL_PLACES)
    currency: Currency | None = None
    language: Language | None = None


# --- Shared by return and shipping rules ----------------------------------------------


def _in_force[V: (ReturnPolicyVersion, ShippingPolicyVersion)](
    request: HttpRequest, get_in_force: Callable[[Store], V | None], missing: str
) -> V:
    actor = request_actor(request)
    actor.require(Permission.VIEW_ORDERS)
    version = get_in_force(actor.store)
    if version is None:
        raise NotFound(missing)
    return version


def _page[V: (ReturnPolicyVersion, ShippingPolicyVersion)](
    request: HttpRequest, page: PageQuery, versions: Callable[[Store], QuerySet[V]]
) -> dict[str, object]:
    actor = request_actor(request)
    actor.require(Permission.VIEW_ORDERS)
    items, next_cursor = paginate(
        versions(actor.store), ordering=("-number",), cursor=page.cursor, limit=page.limit
    )
    return {"items": items, "next_cursor": next_cursor}


def _draft[V: (ReturnPolicyVersion, ShippingPolicyVersion)](
    request: HttpRequest, get_draft: Callable[[Store], V | None], missing: str
) -> tuple[Actor, V]:
    actor = request_actor(request)
    actor.require(Permission.MANAGE_POLICIES)
    draft = get_draft(actor.store)
    if draft is None:
        raise NotFound(missing)
    return actor, draft


# --- Returns -------------------------------------------------------------------------


@router.get("/returns", response={200: ReturnVersionOut, ERROR_STATUSES: ErrorResponse})
def current_return_policy(request: HttpRequest) -> ReturnPolicyVersion:
    """The return rules in force now."""
    return _in_force(
        request, get_return_version_in_force, _("The store has not published a return policy.")
    )


@router.get("/returns/versions", response={200: ReturnVersionPage, ERROR_STATUSES: ErrorResponse})
def return_versions(request: HttpRequest, page: Query[PageQuery]) -> dict[str, object]:
    """Every version, the draft included, newest first."""
    return _page(request, page, list_return_versions)


@router.get(
    "/returns/versions/{number}", response={200: ReturnVersionOut, ERROR_STATUSES: ErrorResponse}
)
def return_version(request: HttpRequest, number: ObjectId) -> ReturnPolicyVersion:
    return access_return_version(request_actor(request), number)


@router.put("/returns/draft", response={200: ReturnVersionOut, ERROR_STATUSES: ErrorResponse})
def save_return_draft(request: HttpRequest, payload: ReturnPolicySpec) -> ReturnPolicyVersion:
    """Change the draft, starting it as a copy of the latest version if there is none.
    ``rules``, when sent, replaces every rule."""
    return check_save_return_draft(request_actor(request), payload)


@router.delete("/returns/draft", response={204: None, ERROR_STATUSES: ErrorResponse})
def discard_return_draft(request: HttpRequest) -> Status[None]:
    check_discard_draft(*_draft(request, get_return_draft, _("There is no return policy draft.")))
    return Status(204, None)


@router.post(
    "/returns/draft/publish", response={200: ReturnVersionOut, ERROR_STATUSES: ErrorResponse}
)
def publish_return_draft(request: HttpRequest, payload: PublishIn) -> ReturnPolicyVersion:
    actor, draft = _draft(request, get_return_draft, _("There is no return policy draft."))
    return check_publish_return_version(actor, draft, effective_from=payload.effective_from)


@router.get(
    "/returns/eligibility", response={200: ReturnDecisionOut, ERROR_STATUSES: ErrorResponse}
)
def return_eligibility(request: HttpRequest, query: Query[EligibilityQuery]) -> dict[str, Any]:
    """Can this line item be returned, until when, for which outcomes, and why."""
    item = access_line_item(request_actor(request), query.order_id, query.line_item_id)
    return asdict(get_return_eligibility(item, at=query.at, language=query.language))


# --- Shipping ------------------------------------------------------------------------


@router.get("/shipping", response={200: ShippingVersionOut, ERROR_STATUSES: ErrorResponse})
def current_shipping_policy(request: HttpRequest) -> ShippingPolicyVersion:
    return _in_force(
        request,
        get_shipping_version_in_force,
        _("The store has not published a shipping policy."),
    )


@router.get(
    "/shipping/versions", response={200: ShippingVersionPage, ERROR_STATUSES: ErrorResponse}
)
def shipping_versions(request: HttpRequest, page: Query[PageQuery]) -> dict[str, object]:
    return _page(request, page, list_shipping_versions)


@router.get(
    "/shipping/versions/{number}",
    response={200: ShippingVersionOut, ERROR_STATUSES: ErrorResponse},
)
def shipping_version(request: HttpRequest, number: ObjectId) -> ShippingPolicyVersion:
    return access_shipping_version(request_actor(request), number)


@router.put("/shipping/draft", response={200: ShippingVersionOut, ERROR_STATUSES: ErrorResponse})
def save_shipping_draft(request: HttpRequest, payload: ShippingPolicySpec) -> ShippingPolicyVersion:
    """Change the draft, starting it as a copy of the latest version if there is none.
    ``zones``, when sent, replaces every zone and method."""
    return check_save_shipping_draft(request_actor(request), payload)


@router.delete("/shipping/draft", response={204: None, ERROR_STATUSES: ErrorResponse})
def discard_shipping_draft(request: HttpRequest) -> Status[None]:
    check_discard_draft(
        *_draft(request, get_shipping_draft, _("There is no shipping policy draft."))
    )
    return Status(204, None)


@router.post(
    "/shipping/draft/publish", response={200: ShippingVersionOut, ERROR_STATUSES: ErrorResponse}
)
def publish_shipping_draft(request: HttpRequest, payload: PublishIn) -> ShippingPolicyVersion:
    actor, draft = _draft(request, get_shipping_draft, _("There is no shipping policy draft."))
    return check_publish_shipping_version(actor, draft, effective_from=payload.effective_from)


@router.get(
    "/shipping/estimate", response={200: DeliveryEstimateOut, ERROR_STATUSES: ErrorResponse}
)
def delivery_estimate(request: HttpRequest, query: Query[EstimateQuery]) -> dict[str, Any]:
    """When an order placed at ``at`` would leave and arrive in ``country``, by method."""
    actor = request_actor(request)
    actor.require(Permission.VIEW_ORDERS)
    estimate = get_delivery_estimate(
        actor.store, query.country, at=query.at, language=query.language
    )
    return asdict(estimate)


@router.get("/shipping/quote", response={200: ShippingQuoteOut, ERROR_STATUSES: ErrorResponse})
def shipping_quote(request: HttpRequest, query: Query[QuoteQuery]) -> dict[str, Any]:
    """What each method to ``country`` costs for goods worth ``cart_total``."""
    actor = request_actor(request)
    actor.require(Permission.VIEW_ORDERS)
    quote = get_shipping_quote(
        actor.store,
        query.country,
        cart_total=query.cart_total,
        currency=query.currency,
        language=query.language,
    )
    return asdict(quote)

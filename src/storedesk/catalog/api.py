from typing import Annotated

from django.http import HttpRequest
from ninja import Query, Router
from ninja.responses import Status

from storedesk.accounts.auth import request_actor
from storedesk.catalog.actions import (
    ProductFields,
    VariantFields,
    check_update_product,
    check_upsert_product,
)
from storedesk.catalog.models import Product
from storedesk.catalog.schemas import ProductIn, ProductOut, ProductPage, ProductPatch
from storedesk.catalog.selectors import access_product, list_products
from storedesk.core.api import (
    ERROR_STATUSES,
    ErrorResponse,
    ObjectId,
    PageQuery,
    Text,
    provided_fields,
)
from storedesk.core.pagination import paginate

router = Router()


class ProductFilters(PageQuery):
    category: Annotated[str, Text(80)] = ""


@router.get("", response={200: ProductPage, ERROR_STATUSES: ErrorResponse})
def list_products_endpoint(
    request: HttpRequest, filters: Query[ProductFilters]
) -> dict[str, object]:
    products = list_products(request_actor(request), category=filters.category)
    items, next_cursor = paginate(
        products, ordering=("-id",), cursor=filters.cursor, limit=filters.limit
    )
    return {"items": items, "next_cursor": next_cursor}


@router.post("", response={200: ProductOut, 201: ProductOut, ERROR_STATUSES: ErrorResponse})
def upsert_product(request: HttpRequest, payload: ProductIn) -> Status[Product]:
    """Create a product; a known ``external_id`` updates that product (200) instead."""
    actor = request_actor(request)
    fields = provided_fields(payload, ProductFields, nullable=frozenset({"external_id"}))
    fields["translations"] = payload.model_dump()["translations"]
    fields["variants"] = [
        provided_fields(variant, VariantFields, nullable=frozenset({"external_id"}))
        for variant in payload.variants
    ]
    product, created = check_upsert_product(actor, fields)
    return Status(201 if created else 200, access_product(actor, product.pk))


@router.get("/{product_id}", response={200: ProductOut, ERROR_STATUSES: ErrorResponse})
def get_product(request: HttpRequest, product_id: ObjectId) -> Product:
    return access_product(request_actor(request), product_id)


@router.patch("/{product_id}", response={200: ProductOut, ERROR_STATUSES: ErrorResponse})
def update_product(request: HttpRequest, product_id: ObjectId, payload: ProductPatch) -> Product:
    actor = request_actor(request)
    product = access_product(actor, product_id)
    fields = provided_fields(
        payload, ProductFields, nullable=frozenset({"external_id", "category"})
    )
    if payload.variants is not None:
        fields["variants"] = [
            provided_fields(variant, VariantFields, nullable=frozenset({"external_id"}))
            for variant in payload.variants
        ]
    check_update_product(actor, product, fields)
    return access_product(actor, product_id)

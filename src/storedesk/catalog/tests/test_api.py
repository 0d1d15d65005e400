from typing import Any

import pytest
from django.test import Client

from storedesk.catalog.actions import do_create_category
from storedesk.catalog.models import Product, Variant
from storedesk.core.models import Store

pytestmark = pytest.mark.django_db

SHIRT = {
    "external_id": "p-1",
    "category": "tops",
    "translations": {
        "tr": {"title": "Keten gömlek", "description": "Yazlık"},
        "pl": {"title": "Koszula lniana"},
    },
    "variants": [
        {"sku": "LS-M", "price": "449.95", "options": {"size": "M"}, "stock": 4},
        {"sku": "LS-L", "price": "449.95", "currency": "TRY"},
    ],
}


def post(client: Client, body: dict[str, Any]) -> Any:
    return client.post("/api/v1/products", body, content_type="application/json")


def test_a_platform_pushes_a_product_with_translations_and_variants(
    api_client: Client, store: Store
) -> None:
    do_create_category(store, slug="tops", names={"tr": "Üstler"})

    created = post(api_client, SHIRT)
    updated = post(api_client, SHIRT | {"variants": [{"sku": "LS-M", "stock": 0}]})

    assert created.status_code == 201, created.content
    assert updated.status_code == 200
    body = updated.json()
    assert body["handle"] == "keten-gomlek"
    assert body["category"] == "tops"
    assert [t["language"] for t in body["translations"]] == ["pl", "tr"]
    assert [(v["sku"], v["stock"]) for v in body["variants"]] == [("LS-M", 0), ("LS-L", 0)]
    assert Product.objects.count() == 1


@pytest.mark.parametrize(
    ("body", "status", "fragment"),
    [
        ({"translations": {}}, 422, "translations"),
        (SHIRT | {"category": "nowhere"}, 422, "No category 'nowhere'"),
        (SHIRT | {"variants": [{"sku": "X", "price": "-1"}]}, 422, "price"),
        (SHIRT | {"variants": [{"sku": "X", "price": "1", "currency": "ABC"}]}, 422, "ISO 4217"),
        (SHIRT | {"handle": "Not A Slug"}, 422, "handle"),
    ],
)
def test_invalid_products_are_refused(
    api_client: Client, store: Store, body: dict[str, Any], status: int, fragment: str
) -> None:
    do_create_category(store, slug="tops", names={"tr": "Üstler"})

    response = post(api_client, body)

    assert response.status_code == status
    assert fragment in response.content.decode()
    assert (Product.objects.count(), Variant.objects.count()) == (0, 0)


def test_a_sku_of_another_product_is_a_conflict(api_client: Client, store: Store) -> None:
    do_create_category(store, slug="tops", names={"tr": "Üstler"})
    post(api_client, SHIRT)

    response = post(api_client, SHIRT | {"external_id": "p-2", "handle": "other"})

    assert response.status_code == 409
    assert Product.objects.count() == 1


def test_patching_a_product_merges_translations_and_variants(
    api_client: Client, store: Store
) -> None:
    do_create_category(store, slug="tops", names={"tr": "Üstler"})
    product_id = post(api_client, SHIRT).json()["id"]

    response = api_client.patch(
        f"/api/v1/products/{product_id}",
        {
            "translations": {"de": {"title": "Leinenhemd"}},
            "variants": [{"sku": "LS-M", "stock": 9}],
        },
        content_type="application/json",
    )

    body = response.json()
    assert response.status_code == 200
    assert [t["language"] for t in body["translations"]] == ["de", "pl", "tr"]
    assert [(v["sku"], v["stock"]) for v in body["variants"]] == [("LS-M", 9), ("LS-L", 0)]

import json
from collections.abc import Callable
from datetime import UTC, datetime, time
from typing import Any

import pytest
import time_machine
from django.test import Client

from storedesk.core.events import Event
from storedesk.core.models import Store
from storedesk.orders.models import LineItem, ShipmentStatus
from storedesk.orders.tests.factories import LineItemFactory, OrderFactory, ShipmentFactory
from storedesk.policies.events import PolicyEvent
from storedesk.policies.models import ReturnPolicyVersion, ShippingPolicyVersion, VersionStatus
from storedesk.policies.tests.factories import (
    ReturnPolicyVersionFactory,
    ReturnRuleFactory,
    ShippingMethodFactory,
    ShippingPolicyVersionFactory,
    ShippingZoneFactory,
)
from storedesk.policies.tests.state import policies_state

pytestmark = pytest.mark.django_db
NOW = datetime(2026, 4, 15, 9, 0, tzinfo=UTC)
BASE = "/api/v1/policies"


@pytest.fixture(autouse=True)
def _frozen_time() -> Any:
    with time_machine.travel(NOW, tick=False):
        yield


def put(client: Client, path: str, body: Any) -> Any:
    return client.put(path, body, content_type="application/json")


def post(client: Client, path: str, body: Any) -> Any:
    return client.post(path, body, content_type="application/json")


@pytest.fixture
def returns(store: Store) -> ReturnPolicyVersion:
    version: ReturnPolicyVersion = ReturnPolicyVersionFactory(store=store, number=1)
    ReturnRuleFactory(version=version, window_days=14)
    return version


@pytest.fixture
def shipping(store: Store) -> ShippingPolicyVersion:
    version: ShippingPolicyVersion = ShippingPolicyVersionFactory(store=store, number=1)
    zone = ShippingZoneFactory(version=version, countries=["TR"])
    ShippingMethodFactory(zone=zone)
    return version


@pytest.fixture
def delivered_item(store: Store) -> LineItem:
    order = OrderFactory(customer__store=store, placed_at=datetime(2026, 4, 1, tzinfo=UTC))
    ShipmentFactory(
        order=order,
        status=ShipmentStatus.DELIVERED,
        delivered_at=datetime(2026, 4, 3, 10, 0, tzinfo=UTC),
    )
    item: LineItem = LineItemFactory(order=order)
    return item


# --- Reading -------------------------------------------------------------------------


def test_read_current_return_policy_and_versions(
    api_client: Client, returns: ReturnPolicyVersion
) -> None:
    current = api_client.get(f"{BASE}/returns")
    versions = api_client.get(f"{BASE}/returns/versions")
    one = api_client.get(f"{BASE}/returns/versions/1")

    assert current.status_code == 200
    body = current.json()
    assert body["number"] == 1
    assert body["status"] == "published"
    assert body["rules"][0]["window_days"] == 14
    assert body["rules"][0]["outcomes"] == ["refund", "exchange"]
    assert body["rules"][0]["category_id"] is None
    assert [v["number"] for v in versions.json()["items"]] == [1]
    assert one.json()["number"] == 1
    assert api_client.get(f"{BASE}/returns/versions/2").status_code == 404


def test_no_published_policy_is_404(api_client: Client) -> None:
    response = api_client.get(f"{BASE}/shipping")

    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"


def test_read_current_shipping_policy(api_client: Client, shipping: ShippingPolicyVersion) -> None:
    body = api_client.get(f"{BASE}/shipping").json()

    assert body["dispatch_cutoff"] == "14:00:00"
    assert body["zones"][0]["countries"] == ["TR"]
    assert body["zones"][0]["methods"][0]["cost"] == "49.90"


# --- Authorization -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("get", "/returns"),
        ("get", "/returns/versions"),
        ("get", "/shipping/estimate?country=TR"),
        ("get", "/shipping/quote?country=TR&cart_total=10"),
        ("get", "/returns/eligibility?order_id=1&line_item_id=1"),
        ("put", "/returns/draft"),
        ("post", "/returns/draft/publish"),
    ],
)
def test_anonymous_is_401(method: str, path: str) -> None:
    client = Client()
    response = getattr(client, method)(BASE + path, {}, content_type="application/json")

    assert response.status_code == 401


def test_agent_reads_but_cannot_write(
    agent_client: Client, returns: ReturnPolicyVersion, store: Store
) -> None:
    assert agent_client.get(f"{BASE}/returns").status_code == 200
    denied = put(agent_client, f"{BASE}/returns/draft", {"rules": [{"window_days": 30}]})
    publish = post(agent_client, f"{BASE}/returns/draft/publish", {})

    assert denied.status_code == 403
    assert denied.json()["error"]["code"] == "permission_denied"
    assert publish.status_code == 403
    assert not ReturnPolicyVersion.objects.filter(store=store, status=VersionStatus.DRAFT).exists()


def test_integration_token_cannot_write_policies(api_client: Client, store: Store) -> None:
    response = put(api_client, f"{BASE}/shipping/draft", {"dispatch_cutoff": "12:00"})

    assert response.status_code == 403
    assert not ShippingPolicyVersion.objects.filter(store=store).exists()


def test_other_store_sees_only_its_own(
    other_api_client: Client, returns: ReturnPolicyVersion, delivered_item: LineItem
) -> None:
    eligibility = other_api_client.get(
        f"{BASE}/returns/eligibility",
        {"order_id": delivered_item.order_id, "line_item_id": delivered_item.pk},
    )

    assert eligibility.status_code == 404
    assert other_api_client.get(f"{BASE}/returns").status_code == 404
    assert other_api_client.get(f"{BASE}/returns/versions/1").status_code == 404


def test_line_item_of_another_order_is_404(
    api_client: Client, store: Store, returns: ReturnPolicyVersion, delivered_item: LineItem
) -> None:
    other_order = OrderFactory(customer__store=store)

    response = api_client.get(
        f"{BASE}/returns/eligibility",
        {"order_id": other_order.pk, "line_item_id": delivered_item.pk},
    )

    assert response.status_code == 404


# --- Writing -------------------------------------------------------------------------


def test_admin_edits_and_publishes_a_return_draft(
    admin_client: Client,
    store: Store,
    returns: ReturnPolicyVersion,
    captured_events: list[Event],
    django_capture_on_commit_callbacks: Callable[..., Any],
) -> None:
    draft = put(
        admin_client,
        f"{BASE}/returns/draft",
        {
            "note": "Longer window",
            "rules": [
                {
                    "window_days": 30,
                    "offers_store_credit": True,
                    "store_credit_bonus_percent": "10",
                    "return_shipping_paid_by": "customer",
                    "return_shipping_fee": "39.90",
                }
            ],
        },
    )
    with django_capture_on_commit_callbacks(execute=True):
        published = post(
            admin_client,
            f"{BASE}/returns/draft/publish",
            {"effective_from": "2026-05-01T00:00:00+03:00"},
        )

    assert draft.status_code == 200
    assert draft.json()["number"] == 2
    assert draft.json()["status"] == "draft"
    assert published.status_code == 200
    body = published.json()
    assert body["status"] == "published"
    assert body["rules"][0]["outcomes"] == ["refund", "exchange", "store_credit"]
    assert body["rules"][0]["return_shipping_fee"] == "39.90"
    assert captured_events == [
        PolicyEvent(
            op="published",
            store_id=store.pk,
            kind="returns",
            version_number=2,
            effective_from=datetime(2026, 4, 30, 21, 0, tzinfo=UTC),
        )
    ]
    # Version 1 is still the one in force until May.
    assert admin_client.get(f"{BASE}/returns").json()["number"] == 1


def test_invalid_draft_is_422_with_fields_and_saves_nothing(
    admin_client: Client, store: Store
) -> None:
    response = put(
        admin_client,
        f"{BASE}/returns/draft",
        {"rules": [{"window_days": 0}, {"final_sale": True, "category_id": 999999}]},
    )

    assert response.status_code == 422
    error = response.json()["error"]
    assert error["code"] == "validation_error"
    assert {d["field"] for d in error["details"]} == {
        "rules.0.window_days",
        "rules.1.category_id",
        "rules.1.outcomes",
    }
    assert (
        not ReturnPolicyVersion.objects.filter(store=store)
        .exclude(status=VersionStatus.DRAFT)
        .exists()
    )


def test_schema_errors_are_422(admin_client: Client) -> None:
    response = put(admin_client, f"{BASE}/returns/draft", {"rules": [{"window_days": "many"}]})

    assert response.status_code == 422
    assert response.json()["error"]["code"] == "validation_error"


def test_overlapping_shipping_zones_are_422(admin_client: Client) -> None:
    response = put(
        admin_client,
        f"{BASE}/shipping/draft",
        {
            "zones": [
                {"name": "A", "countries": ["DE"], "methods": []},
                {"name": "B", "countries": ["DE"], "methods": []},
            ]
        },
    )

    assert response.status_code == 422
    assert response.json()["error"]["details"][0]["field"] == "zones.1.countries"
    assert not ShippingPolicyVersion.objects.exists()


def test_admin_edits_and_publishes_shipping(admin_client: Client, store: Store) -> None:
    draft = put(
        admin_client,
        f"{BASE}/shipping/draft",
        {
            "dispatch_cutoff": "15:00",
            "zones": [
                {
                    "name": "Türkiye",
                    "countries": ["tr"],
                    "methods": [
                        {"name": "Standard", "cost": "49.90", "min_days": 1, "max_days": 3}
                    ],
                }
            ],
        },
    )
    published = post(admin_client, f"{BASE}/shipping/draft/publish", {})

    assert draft.status_code == 200
    assert published.status_code == 200
    assert published.json()["dispatch_cutoff"] == "15:00:00"
    assert ShippingPolicyVersion.objects.get(store=store).dispatch_cutoff == time(15, 0)
    assert post(admin_client, f"{BASE}/shipping/draft/publish", {}).status_code == 404


def test_discard_draft(admin_client: Client, store: Store) -> None:
    put(admin_client, f"{BASE}/returns/draft", {"note": "try"})

    assert admin_client.delete(f"{BASE}/returns/draft").status_code == 204
    assert admin_client.delete(f"{BASE}/returns/draft").status_code == 404


# --- Service questions ---------------------------------------------------------------


def test_eligibility_endpoint(
    api_client: Client, returns: ReturnPolicyVersion, delivered_item: LineItem
) -> None:
    query: dict[str, str | int] = {
        "order_id": delivered_item.order_id,
        "line_item_id": delivered_item.pk,
        "language": "en",
    }

    response = api_client.get(f"{BASE}/returns/eligibility", query)

    assert response.status_code == 200
    assert response.json() == {
        "eligible": True,
        "reason": "within_window",
        "outcomes": ["refund", "exchange"],
        "deadline": "2026-04-17T23:59:59.999+03:00",
        "rule": {"version_number": 1, "category_id": None, "category_slug": None},
        "explanation": "This item can be returned until the end of April 17, 2026.",
        "store_credit_bonus_percent": "0.00",
        "requires_unused": True,
        "requires_original_packaging": False,
        "return_shipping_paid_by": "store",
        "return_shipping_fee": None,
        "restocking_fee": None,
        "refund_within_hours": None,
    }


def test_delivery_estimate_endpoint(api_client: Client, shipping: ShippingPolicyVersion) -> None:
    shipped = api_client.get(
        f"{BASE}/shipping/estimate", {"country": "tr", "at": "2026-04-17T15:00:00+03:00"}
    )
    not_shipped = api_client.get(f"{BASE}/shipping/estimate", {"country": "US"})
    invalid = api_client.get(f"{BASE}/shipping/estimate", {"country": "ZZ"})

    option = shipped.json()["options"][0]
    assert (option["dispatch_date"], option["earliest_arrival"], option["latest_arrival"]) == (
        "2026-04-20",
        "2026-04-21",
        "2026-04-23",
    )
    assert not_shipped.status_code == 200
    assert not_shipped.json()["ships"] is False
    assert not_shipped.json()["reason"] == "not_shipped"
    assert invalid.status_code == 422
    assert invalid.json()["error"]["details"][0]["field"] == "country"


def test_shipping_quote_endpoint(api_client: Client, shipping: ShippingPolicyVersion) -> None:
    free = api_client.get(f"{BASE}/shipping/quote", {"country": "TR", "cart_total": "800"})
    paid = api_client.get(f"{BASE}/shipping/quote", {"country": "TR", "cart_total": "100.5"})
    mismatch = api_client.get(
        f"{BASE}/shipping/quote", {"country": "TR", "cart_total": "100", "currency": "EUR"}
    )
    negative = api_client.get(f"{BASE}/shipping/quote", {"country": "TR", "cart_total": "-1"})

    assert free.json()["options"][0]["cost"] == {"amount": "0.00", "currency": "TRY"}
    assert paid.json()["options"][0]["cost"] == {"amount": "49.90", "currency": "TRY"}
    assert paid.json()["options"][0]["free_shipping_threshold"] == {
        "amount": "750.00",
        "currency": "TRY",
    }
    assert mismatch.status_code == 422
    assert mismatch.json()["error"]["details"][0]["field"] == "currency"
    assert negative.status_code == 422


def test_eligibility_query_count(
    api_client: Client,
    returns: ReturnPolicyVersion,
    delivered_item: LineItem,
    django_assert_max_num_queries: Callable[..., Any],
) -> None:
    with django_assert_max_num_queries(12):
        response = api_client.get(
            f"{BASE}/returns/eligibility",
            {"order_id": delivered_item.order_id, "line_item_id": delivered_item.pk},
        )
    assert response.status_code == 200


def test_bad_amount_in_quote_is_422(api_client: Client, shipping: ShippingPolicyVersion) -> None:
    response = api_client.get(f"{BASE}/shipping/quote", {"country": "TR", "cart_total": "abc"})

    assert response.status_code == 422


# --- Bodies: JSON objects of the spec's shape, nothing else --------------------------


@pytest.mark.parametrize("body", [[], [None, None], [{"dispatch_cutoff": "10:00"}], "x", 1])
@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("put", "/shipping/draft"),
        ("put", "/returns/draft"),
        ("post", "/shipping/draft/publish"),
        ("post", "/returns/draft/publish"),
    ],
)
def test_a_body_that_is_not_an_object_is_422_and_changes_nothing(
    admin_client: Client,
    store: Store,
    returns: ReturnPolicyVersion,
    shipping: ShippingPolicyVersion,
    method: str,
    path: str,
    body: Any,
) -> None:
    put(admin_client, f"{BASE}/returns/draft", {"note": "draft"})
    put(admin_client, f"{BASE}/shipping/draft", {"note": "draft"})
    before = policies_state(store)

    response = getattr(admin_client, method)(
        BASE + path, json.dumps(body), content_type="application/json"
    )

    assert response.status_code == 422
    assert response.json()["error"]["code"] == "validation_error"
    assert policies_state(store) == before


@pytest.mark.parametrize(
    ("path", "body", "field"),
    [
        # An object inside the body must be an object too, not read as "all defaults".
        ("/returns/draft", {"rules": [[]]}, "rules.0"),
        ("/returns/draft", {"rules": [None]}, "rules.0"),
        ("/shipping/draft", {"zones": [["DE"]]}, "zones.0"),
        (
            "/shipping/draft",
            {"zones": [{"name": "EU", "countries": ["DE"], "methods": [["Standard"]]}]},
            "zones.0.methods.0",
        ),
        # Where a loose reading would change the meaning: 1 is not true, true is not 1.
        ("/returns/draft", {"rules": [{"final_sale": 1}]}, "rules.0.final_sale"),
        ("/returns/draft", {"rules": [{"window_days": True}]}, "rules.0.window_days"),
        ("/shipping/draft", {"holidays": [20260101]}, "holidays.0"),
        ("/shipping/draft", {"working_days": [True]}, "working_days.0"),
        # A misspelt field is not silently ignored.
        ("/returns/draft", {"rules": [{"window_day": 10}]}, "rules.0.window_day"),
        ("/shipping/draft", {"dispatch_cut_off": "10:00"}, "dispatch_cut_off"),
    ],
)
def test_a_body_of_the_wrong_shape_is_422_and_changes_nothing(
    admin_client: Client,
    store: Store,
    returns: ReturnPolicyVersion,
    shipping: ShippingPolicyVersion,
    path: str,
    body: dict[str, Any],
    field: str,
) -> None:
    before = policies_state(store)

    response = put(admin_client, BASE + path, body)

    assert response.status_code == 422
    # Shape errors are found before any action runs; the API names the body's fields so.
    fields = {detail["field"] for detail in response.json()["error"]["details"]}
    assert f"body.payload.{field}" in fields
    assert policies_state(store) == before


def test_shape_and_rule_errors_of_the_api_and_the_action_are_the_spec_s(
    admin_client: Client, store: Store
) -> None:
    """The same input gets the same field errors, whoever sends it."""
    body = {"rules": [{"window_days": 0, "restocking_fee": "5"}], "note": "x" * 501}

    response = put(admin_client, f"{BASE}/returns/draft", body)

    assert response.status_code == 422
    assert response.json()["error"]["details"] == [
        {"field": "note", "type": "invalid", "message": "Use at most 500 characters."},
        {
            "field": "rules.0.window_days",
            "type": "invalid",
            "message": "The return window must be at least 1 day, or empty for no limit.",
        },
        {
            "field": "rules.0.restocking_fee",
            "type": "invalid",
            "message": "Choose whether the fee is a percentage or a fixed amount.",
        },
    ]
    assert not ReturnPolicyVersion.objects.filter(store=store).exists()


def test_the_draft_bodies_are_documented_by_the_specs(client: Client) -> None:
    document = client.get("/api/v1/openapi.json").json()
    schemas = document["components"]["schemas"]

    def body_of(path: str) -> str:
        content = document["paths"][path]["put"]["requestBody"]["content"]
        reference: str = content["application/json"]["schema"]["$ref"]
        return reference.rsplit("/", 1)[1]

    assert body_of(f"{BASE}/returns/draft") == "ReturnPolicySpec"
    assert body_of(f"{BASE}/shipping/draft") == "ShippingPolicySpec"
    rule = schemas["ReturnRuleSpec"]
    assert rule["additionalProperties"] is False
    assert rule["properties"]["window_starts_at"]["enum"] == ["delivery", "order"]
    assert schemas["ShippingPolicySpec"]["properties"]["dispatch_cutoff"]["anyOf"][0] == {
        "type": "string",
        "example": "14:00",
    }

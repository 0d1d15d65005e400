"""Request bodies are JSON objects sent as application/json, with strict types where a lenient
conversion would change what the client meant: anything else is refused and writes nothing.

Every operation of both APIs that takes a JSON body is tried; a new one is covered without a
new line here."""

import json
import re
from dataclasses import dataclass
from typing import Annotated, Any

import pytest
from django.test import Client
from pydantic import BaseModel, TypeAdapter
from pydantic import ValidationError as PydanticValidationError
from pydantic.fields import FieldInfo

from storedesk.accounts.models import User
from storedesk.accounts.permissions import Role
from storedesk.config.api import api
from storedesk.core.api import InputSchema
from storedesk.core.models import Store
from storedesk.core.tests.api_models import body_models, with_nested
from storedesk.core.tests.clients import logged_in
from storedesk.customers.models import Customer, MarketingConsent
from storedesk.customers.tests.factories import CustomerFactory
from storedesk.livechat.api import widget_api
from storedesk.livechat.tests.factories import ChatWidgetFactory
from storedesk.orders.models import ShipmentEvent
from storedesk.orders.tests.factories import OrderFactory, ShipmentFactory
from storedesk.policies.models import ReturnPolicyVersion, VersionStatus
from storedesk.policies.tests.factories import ReturnPolicyVersionFactory, ReturnRuleFactory

pytestmark = pytest.mark.django_db

NOT_OBJECTS: dict[str, str] = {
    "two nulls": "[null, null]",
    "empty array": "[]",
    "string": '"x"',
    "number": "1",
    "null": "null",
    "true": "true",
    "1000-deep array": "[" * 1000 + "]" * 1000,
}
OTHER_MEDIA_TYPES = ["text/plain", "application/x-www-form-urlencoded", "application/xml", ""]


@dataclass(frozen=True)
class JsonWrite:
    api: str  # "api" or "widget"
    method: str
    path: str

    @property
    def url(self) -> str:
        # Any id will do: the body is refused before a record is looked up.
        path = re.sub(
            r"\{[^}]+\}", lambda m: "tr" if m.group(0) == "{language}" else "1", self.path
        )
        return f"/{self.api}/v1{path}"


def _json_writes() -> list[JsonWrite]:
    writes = []
    for name, ninja_api in (("api", api), ("widget", widget_api)):
        document = ninja_api.get_openapi_schema(path_prefix="")
        for path, methods in document["paths"].items():
            for method, operation in methods.items():
                content = operation.get("requestBody", {}).get("content", {})
                if "application/json" in content:
                    writes.append(JsonWrite(name, method, path))
    return writes


JSON_WRITES = _json_writes()


@pytest.fixture
def callers(store: Store, api_client: Client) -> dict[str, Client]:
    widget = ChatWidgetFactory(store=store)
    started = Client().post(
        "/widget/v1/sessions", {"key": widget.key}, content_type="application/json"
    )
    assert started.status_code in {200, 201}, started.content
    return {
        "api": api_client,
        "widget": Client(headers={"Authorization": f"Visitor {started.json()['token']}"}),
    }


def send(client: Client, write: JsonWrite, body: str, content_type: str) -> Any:
    return client.generic(write.method.upper(), write.url, body.encode(), content_type)


def test_every_json_write_of_both_apis_is_covered() -> None:
    assert len(JSON_WRITES) >= 25
    assert {w.api for w in JSON_WRITES} == {"api", "widget"}


@pytest.mark.parametrize("write", JSON_WRITES, ids=lambda w: f"{w.method} {w.path}")
def test_a_body_that_is_not_a_json_object_is_a_422_everywhere(
    callers: dict[str, Client], write: JsonWrite
) -> None:
    for name, body in NOT_OBJECTS.items():
        response = send(callers[write.api], write, body, "application/json")

        assert response.status_code == 422, (name, response.content)
        assert response.json()["error"]["code"] == "validation_error", name


@pytest.mark.parametrize("write", JSON_WRITES, ids=lambda w: f"{w.method} {w.path}")
def test_a_body_of_another_media_type_is_a_415_everywhere(
    callers: dict[str, Client], write: JsonWrite
) -> None:
    for content_type in OTHER_MEDIA_TYPES:
        response = send(callers[write.api], write, '{"text": "Merhaba"}', content_type)

        assert response.status_code == 415, (content_type, response.content)
        error = response.json()["error"]
        assert (error["code"], error["details"]) == ("unsupported_media_type", None)
        if write.api == "api":  # the widget answers in the visitor's language
            assert error["message"] == (
                "Send the request body as JSON with the header Content-Type: application/json."
            )


def test_not_json_at_all_stays_a_400(api_client: Client) -> None:
    for body in ["{bad", '{"amount": NaN}', '{"amount": Infinity}']:
        response = api_client.generic("POST", "/api/v1/customers", body, "application/json")

        assert response.status_code == 400, body
        assert response.json()["error"]["code"] == "malformed_json"


@pytest.mark.parametrize("body", NOT_OBJECTS.values(), ids=NOT_OBJECTS.keys())
def test_no_blank_customer_is_made_of_a_body_that_is_not_an_object(
    api_client: Client, body: str
) -> None:
    response = api_client.generic("POST", "/api/v1/customers", body, "application/json")

    assert response.status_code == 422
    assert response.json()["error"] == {
        "code": "validation_error",
        "message": "The request body must be a JSON object.",
        "details": None,
    }
    assert not Customer.objects.exists()


def test_a_json_customer_sent_as_text_plain_is_refused(api_client: Client) -> None:
    response = api_client.generic(
        "POST", "/api/v1/customers", '{"first_name": "Ayşe"}', "text/plain"
    )

    assert response.status_code == 415
    assert not Customer.objects.exists()


def test_json_with_a_charset_is_json(api_client: Client) -> None:
    response = api_client.generic(
        "POST",
        "/api/v1/customers",
        '{"first_name": "Ayşe"}'.encode(),
        "application/json; charset=utf-8",
    )

    assert response.status_code == 201, response.content
    assert Customer.objects.get().first_name == "Ayşe"


@pytest.mark.parametrize(
    "rules", [[None], [1], ["x"], [[]], [True]], ids=["null", "number", "string", "array", "true"]
)
def test_a_rule_that_is_not_an_object_is_no_default_rule(
    store: Store, make_staff: Any, rules: list[object]
) -> None:
    owner = logged_in(make_staff(store, Role.OWNER))

    response = owner.put(
        "/api/v1/policies/returns/draft",
        {"rules": rules},
        content_type="application/json",
        headers={"Storedesk-Store": store.slug},
    )

    assert response.status_code == 422, response.content
    assert response.json()["error"]["details"][0]["field"] == "body.payload.rules.0"
    assert not ReturnPolicyVersion.objects.exists()


@pytest.mark.parametrize("body", ["[null, null]", "[]", '"x"', "1", "null"])
def test_a_draft_is_not_published_by_a_body_that_is_not_an_object(
    store: Store, make_staff: Any, body: str
) -> None:
    draft = ReturnPolicyVersionFactory(
        store=store, number=1, status=VersionStatus.DRAFT, effective_from=None, published_at=None
    )
    ReturnRuleFactory(version=draft)
    owner = logged_in(make_staff(store, Role.OWNER))

    response = owner.generic(
        "POST", "/api/v1/policies/returns/draft/publish", body, "application/json"
    )

    assert response.status_code == 422, response.content
    draft.refresh_from_db()
    assert draft.status == VersionStatus.DRAFT
    assert draft.published_at is None


@pytest.mark.parametrize("granted", [0, 1, "yes", "no", "true", None, []])
def test_consent_is_true_or_false_and_nothing_else(
    store: Store, api_client: Client, granted: object
) -> None:
    customer = CustomerFactory(store=store)

    response = api_client.post(
        f"/api/v1/customers/{customer.pk}/consents",
        {"channel": "email", "granted": granted, "source": "api"},
        content_type="application/json",
    )

    assert response.status_code == 422, response.content
    assert response.json()["error"]["details"][0]["field"] == "body.payload.granted"
    assert not MarketingConsent.objects.exists()


def test_consent_as_a_boolean_is_recorded(store: Store, api_client: Client) -> None:
    customer = CustomerFactory(store=store)

    response = api_client.post(
        f"/api/v1/customers/{customer.pk}/consents",
        {"channel": "email", "granted": False, "source": "api"},
        content_type="application/json",
    )

    assert response.status_code in {200, 201}, response.content
    assert MarketingConsent.objects.get().granted is False


@pytest.mark.parametrize(
    ("occurred_at", "reason"),
    [
        (0, "must be a string with an ISO 8601 date and time"),
        (1_764_000_000, "must be a string with an ISO 8601 date and time"),
        ("1764000000", "must be an ISO 8601 date and time"),
        ("2026-11-20T09:30:00", "must name its time zone"),
        ("2026-11-20", "must name its time zone"),
        ("20 Nov 2026", "must be an ISO 8601 date and time"),
        (True, "must be a string with an ISO 8601 date and time"),
    ],
)
def test_a_scan_time_is_an_iso_8601_string_with_a_zone(
    store: Store, api_client: Client, occurred_at: object, reason: str
) -> None:
    shipment = ShipmentFactory(order=OrderFactory(customer__store=store))

    response = api_client.post(
        f"/api/v1/shipments/{shipment.pk}/events",
        {"events": [{"status": "in_transit", "occurred_at": occurred_at}]},
        content_type="application/json",
    )

    assert response.status_code == 422, response.content
    detail = response.json()["error"]["details"][0]
    assert detail["field"] == "body.payload.events.0.occurred_at"
    assert reason in detail["message"]
    assert not ShipmentEvent.objects.exists()


def test_a_scan_time_with_a_zone_is_stored_in_utc(store: Store, api_client: Client) -> None:
    shipment = ShipmentFactory(order=OrderFactory(customer__store=store))

    response = api_client.post(
        f"/api/v1/shipments/{shipment.pk}/events",
        {"events": [{"status": "in_transit", "occurred_at": "2026-11-20T09:30:00+03:00"}]},
        content_type="application/json",
    )

    assert response.status_code in {200, 201}, response.content
    assert ShipmentEvent.objects.get().occurred_at.isoformat() == "2026-11-20T06:30:00+00:00"


@pytest.mark.parametrize("birthday", [0, "0", 19_000, True, "2026-11-20T00:00:00Z"])
def test_a_date_is_an_iso_8601_date_string(api_client: Client, birthday: object) -> None:
    response = api_client.post(
        "/api/v1/customers",
        {"first_name": "Ayşe", "birthday": birthday},
        content_type="application/json",
    )

    assert response.status_code == 422, response.content
    assert response.json()["error"]["details"][0]["field"] == "body.payload.birthday"
    assert not Customer.objects.exists()


def test_an_id_is_never_true(store: Store, api_client: Client) -> None:
    response = api_client.post(
        "/api/v1/orders",
        {
            "number": "1001",
            "customer_id": True,
            "currency": "TRY",
            "placed_at": "2026-11-20T09:30:00+03:00",
        },
        content_type="application/json",
    )

    assert response.status_code == 422, response.content
    assert response.json()["error"]["details"][0]["field"] == "body.payload.customer_id"


BODY_MODELS = sorted(
    with_nested(body_models(api) + body_models(widget_api)),
    key=lambda model: f"{model.__module__}.{model.__name__}",
)


def test_every_model_a_body_holds_takes_objects_only() -> None:
    """ninja's Schema reads any value through its attributes, so a list, a string or a number
    became an object with every field at its default. A body model derives from InputSchema,
    or is a plain pydantic model, which never reads attributes."""
    loose = [
        model.__name__
        for model in BODY_MODELS
        if model.model_config.get("from_attributes") and not issubclass(model, InputSchema)
    ]

    assert len(BODY_MODELS) >= 25
    assert loose == []


def _kinds(field: FieldInfo) -> tuple[TypeAdapter[Any], set[str]]:
    annotation: Any = (
        Annotated[field.annotation, *field.metadata] if field.metadata else field.annotation
    )
    adapter: TypeAdapter[Any] = TypeAdapter(annotation)
    schema = adapter.json_schema()
    members = schema.get("anyOf", [schema])
    kinds = {member.get("format", member.get("type", "")) for member in members}
    return adapter, kinds


def _refuses(adapter: TypeAdapter[Any], value: object) -> bool:
    try:
        adapter.validate_python(value)
    except PydanticValidationError:
        return True
    return False


@pytest.mark.parametrize("model", BODY_MODELS, ids=lambda model: model.__name__)
def test_booleans_and_times_in_bodies_are_strict(model: type[BaseModel]) -> None:
    lenient = []
    for name, field in model.model_fields.items():
        adapter, kinds = _kinds(field)
        wrong: list[object] = []
        if "boolean" in kinds:
            wrong += [0, 1, "yes", "false"]
        if "date-time" in kinds:
            wrong += [0, 1_764_000_000, "1764000000", "2026-11-20T09:30:00"]
        if "date" in kinds:
            wrong += [0, 19_000]
        lenient += [f"{name}={value!r}" for value in wrong if not _refuses(adapter, value)]

    assert lenient == []


def test_a_json_object_body_still_works_on_the_widget(store: Store) -> None:
    widget = ChatWidgetFactory(store=store)

    response = Client().generic(
        "POST", "/widget/v1/sessions", json.dumps({"key": widget.key}), "application/json"
    )

    assert response.status_code in {200, 201}, response.content


def test_a_staff_session_sends_json_too(store: Store, agent: User) -> None:
    client = logged_in(agent)

    refused = client.post("/api/v1/customers", {"first_name": "Ayşe"})  # multipart form
    accepted = client.post(
        "/api/v1/customers", {"first_name": "Ayşe"}, content_type="application/json"
    )

    assert refused.status_code == 415
    assert accepted.status_code == 201
    assert Customer.objects.get().first_name == "Ayşe"

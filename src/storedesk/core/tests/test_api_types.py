"""The API's input types are real types: type checkers see a ``str`` where a schema says
``Annotated[str, Text(n)]``, and the API enforces the limits that the OpenAPI document
states."""

import re
from pathlib import Path
from typing import Annotated, Any, TypedDict, get_args, get_type_hints

import pytest
from django.test import Client
from ninja import Schema

from storedesk.catalog.models import Product
from storedesk.core.api import PageQuery, Text, provided_fields
from storedesk.core.models import Store
from storedesk.customers.models import Customer
from storedesk.customers.schemas import CustomerIn

SOURCE = Path(__file__).resolve().parents[2]


def post(client: Client, path: str, body: dict[str, Any]) -> Any:
    return client.post(path, body, content_type="application/json")


def test_a_text_field_is_a_str_annotated_with_its_limits() -> None:
    hints = get_type_hints(CustomerIn, include_extras=True)

    assert hints["first_name"] == Annotated[str, Text(120)]
    assert get_args(hints["first_name"]) == (str, Text(120))


def test_an_optional_text_field_is_an_optional_str() -> None:
    hints = get_type_hints(PageQuery, include_extras=True)

    assert hints["cursor"] == Annotated[str, Text(400)] | None


def test_text_keeps_its_minimum_apart_from_its_maximum() -> None:
    assert Text(8, min_length=2) == Text(8, min_length=2)
    assert Text(8, min_length=2) != Text(8)
    with pytest.raises(TypeError):
        Text(8, 2)  # type: ignore[call-arg]  # the minimum is keyword-only, on purpose


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("x" * 121, "body.payload.first_name: String should have at most 120 characters"),
        ("Ayşe\u0007", "body.payload.first_name: Value error, must not contain control characters"),
    ],
)
def test_the_api_refuses_text_over_its_limit_or_with_control_characters(
    api_client: Client, store: Store, name: str, message: str
) -> None:
    response = post(api_client, "/api/v1/customers", {"first_name": name})

    assert response.status_code == 422
    assert response.json()["error"]["code"] == "validation_error"
    assert message in response.json()["error"]["message"]
    assert not Customer.objects.exists()


@pytest.mark.django_db
def test_the_api_refuses_text_under_its_minimum(api_client: Client, store: Store) -> None:
    response = post(
        api_client,
        "/api/v1/products",
        {"handle": "tea", "translations": {"t": {"title": "Çay"}}},
    )

    assert response.status_code == 422
    assert "String should have at least 2 characters" in response.json()["error"]["message"]
    assert not Product.objects.exists()


@pytest.mark.django_db
def test_the_api_refuses_a_query_parameter_over_its_limit(api_client: Client) -> None:
    response = api_client.get("/api/v1/customers", {"tag": "x" * 61})

    message = response.json()["error"]["message"]
    assert response.status_code == 422
    assert "query.tag: String should have at most 60 characters" in message


@pytest.mark.django_db
def test_the_api_stores_text_in_composed_form(api_client: Client, store: Store) -> None:
    response = post(api_client, "/api/v1/customers", {"first_name": "Sene\u0301"})

    assert response.status_code == 201
    assert Customer.objects.get().first_name == "Sené"


@pytest.mark.django_db
def test_the_openapi_document_states_the_text_limits(client: Client) -> None:
    document = client.get("/api/v1/openapi.json").json()

    customer = document["components"]["schemas"]["CustomerIn"]["properties"]
    assert customer["first_name"] == {
        "default": "",
        "maxLength": 120,
        "minLength": 0,
        "title": "First Name",
        "type": "string",
    }
    assert customer["tags"]["items"] == {"maxLength": 60, "minLength": 1, "type": "string"}


class _ReplyFields(TypedDict, total=False):
    subject: str
    note: str | None


class _ReplyIn(Schema):
    subject: str | None = None
    note: str | None = None


class _WiderReplyIn(_ReplyIn):
    priority: int = 0


def test_provided_fields_keeps_what_was_sent_as_the_actions_type() -> None:
    payload = _ReplyIn.model_validate({"subject": "Kargo", "note": None})

    assert provided_fields(payload, _ReplyFields) == {"subject": "Kargo"}
    assert provided_fields(payload, _ReplyFields, nullable=frozenset({"note"})) == {
        "subject": "Kargo",
        "note": None,
    }


def test_provided_fields_refuses_a_field_the_action_does_not_take() -> None:
    payload = _WiderReplyIn.model_validate({"subject": "Kargo", "priority": 2})

    with pytest.raises(TypeError, match="_ReplyFields has no field priority"):
        provided_fields(payload, _ReplyFields)


def test_every_type_ignore_names_its_error_code() -> None:
    bare = [
        f"{path.relative_to(SOURCE)}:{number}"
        for path in sorted(SOURCE.rglob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if re.search(r"#\s*type:\s*ignore(?!\[)", line)
    ]

    assert bare == []

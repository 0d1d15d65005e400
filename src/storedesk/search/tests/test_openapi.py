"""The search endpoints document the errors they answer with, so clients generated from the
OpenAPI documents expect the one error shape."""

import pytest
from django.test import Client

from storedesk.livechat.tests.factories import ChatWidgetFactory

pytestmark = pytest.mark.django_db
ERROR_SCHEMA = {"$ref": "#/components/schemas/ErrorResponse"}


def error_schemas(document: dict[str, object], path: str) -> dict[str, object]:
    responses = document["paths"][path]["get"]["responses"]  # type: ignore[index]
    return {
        status: response["content"]["application/json"]["schema"]
        for status, response in responses.items()
        if status != "200"
    }


def test_the_api_search_documents_its_errors(client: Client, api_client: Client) -> None:
    document = client.get("/api/v1/openapi.json").json()

    invalid = api_client.get("/api/v1/help/search", {"q": "iade", "limit": "many"})

    errors = error_schemas(document, "/api/v1/help/search")
    assert {"401", "403", "422"} <= errors.keys()
    assert set(map(str, errors.values())) == {str(ERROR_SCHEMA)}
    assert invalid.status_code == 422
    assert invalid.json()["error"]["code"] == "validation_error"


def test_the_widget_search_documents_its_errors(client: Client) -> None:
    widget = ChatWidgetFactory()
    document = client.get("/widget/v1/openapi.json").json()

    unknown = client.get("/widget/v1/search", {"q": "iade", "key": "wk_nothing"})
    invalid = client.get("/widget/v1/search", {"q": "iade", "key": widget.key, "limit": 0})

    errors = error_schemas(document, "/widget/v1/search")
    assert {"403", "404", "422", "429"} <= errors.keys()
    assert set(map(str, errors.values())) == {str(ERROR_SCHEMA)}
    assert (unknown.status_code, invalid.status_code) == (404, 422)
    assert unknown.json()["error"]["code"] == "widget_not_found"
    assert invalid.json()["error"]["code"] == "validation_error"

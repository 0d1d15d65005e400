"""Every failure of the API has the one error body and the right status."""

import pytest
from django.test import Client, override_settings

pytestmark = pytest.mark.django_db


def test_malformed_json_is_a_400(api_client: Client) -> None:
    response = api_client.post("/api/v1/customers", "{bad", content_type="application/json")

    assert response.status_code == 400
    assert response.json() == {
        "error": {
            "code": "malformed_json",
            "message": "The request body is not valid JSON.",
            "details": None,
        }
    }


def test_wrong_types_are_a_422_naming_the_field(api_client: Client) -> None:
    response = api_client.post(
        "/api/v1/orders", {"number": ["x"], "currency": 5}, content_type="application/json"
    )

    assert response.status_code == 422
    fields = {detail["field"] for detail in response.json()["error"]["details"]}
    assert {"body.payload.number", "body.payload.currency"} <= fields


def test_an_unknown_id_is_a_404(api_client: Client) -> None:
    response = api_client.get("/api/v1/orders/424242")

    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"


def test_an_id_too_large_for_the_database_is_a_422(api_client: Client) -> None:
    response = api_client.get(f"/api/v1/customers/{2**70}")

    assert response.status_code == 422


def test_an_unknown_endpoint_and_a_wrong_method_keep_the_shape(api_client: Client) -> None:
    unknown = api_client.get("/api/v1/refunds")
    wrong_method = api_client.delete("/api/v1/customers")

    assert unknown.status_code == 404
    assert unknown.json()["error"]["code"] == "not_found"
    assert wrong_method.status_code == 405
    assert wrong_method.json()["error"]["code"] == "method_not_allowed"


@override_settings(DATA_UPLOAD_MAX_MEMORY_SIZE=1000)
def test_an_oversized_body_is_a_413(api_client: Client) -> None:
    response = api_client.post(
        "/api/v1/customers", {"notes": "x" * 2000}, content_type="application/json"
    )

    assert response.status_code == 413
    assert response.json()["error"]["code"] == "payload_too_large"


def test_an_invalid_cursor_is_a_422(api_client: Client) -> None:
    response = api_client.get("/api/v1/customers", {"cursor": "bm90IGEgY3Vyc29y"})

    assert response.status_code == 422
    assert "cursor" in response.json()["error"]["message"]


def test_a_page_size_over_the_limit_is_refused(api_client: Client) -> None:
    response = api_client.get("/api/v1/orders", {"limit": 5000})

    assert response.status_code == 422


def test_the_openapi_document_and_docs_are_served(client: Client) -> None:
    document = client.get("/api/v1/openapi.json")
    docs = client.get("/api/v1/docs")

    assert document.status_code == 200
    assert "/api/v1/customers/{customer_id}/profile" in document.json()["paths"]
    assert docs.status_code == 200
    assert "cdn.jsdelivr" not in docs.content.decode()

"""The OpenAPI documents are valid OpenAPI 3.1, and every schema has a name of its own: two
schemas of one name made ninja describe the product endpoints with the help center's
translations."""

import json
import re
from typing import Any

import jsonschema_rs
import pytest
import schemathesis
from django.test import Client
from pydantic import BaseModel

from storedesk.config.api import api
from storedesk.core.tests.api_models import body_models, response_models, with_nested
from storedesk.livechat.api import widget_api

pytestmark = pytest.mark.django_db
DOCUMENTS = ["/api/v1/openapi.json", "/widget/v1/openapi.json"]


def _every_model(ninja_api: Any) -> set[type[BaseModel]]:
    """Each model a request body or an answer is described with, and every model inside
    those: the document's components. (Query and path parameters are spelled out one by
    one instead.)"""
    return with_nested(body_models(ninja_api) + response_models(ninja_api))


@pytest.mark.parametrize("ninja_api", [api, widget_api], ids=["api", "widget"])
def test_no_two_schemas_share_a_name(ninja_api: Any) -> None:
    by_name: dict[str, set[str]] = {}
    for model in _every_model(ninja_api):
        by_name.setdefault(model.__name__, set()).add(f"{model.__module__}.{model.__qualname__}")

    assert len(by_name) >= 20
    assert {name: sorted(paths) for name, paths in by_name.items() if len(paths) > 1} == {}


@pytest.mark.parametrize("url", DOCUMENTS)
def test_the_document_is_valid_openapi(client: Client, url: str) -> None:
    document = client.get(url).json()

    assert document["openapi"].startswith("3.1")
    schemathesis.openapi.from_dict(document).validate()
    # Every component is a valid JSON Schema (2020-12, the dialect of OpenAPI 3.1)…
    for name, schema in document["components"]["schemas"].items():
        assert jsonschema_rs.meta.is_valid(schema), name
    # …and every reference names a component that exists.
    references = set(re.findall(r'"#/components/schemas/([^"]+)"', json.dumps(document)))
    assert references <= document["components"]["schemas"].keys()


def test_products_are_described_with_their_own_translations(client: Client) -> None:
    document = client.get("/api/v1/openapi.json").json()
    schemas = document["components"]["schemas"]

    product_translations = schemas["ProductOut"]["properties"]["translations"]["items"]
    assert product_translations == {"$ref": "#/components/schemas/ProductTranslationOut"}
    assert set(schemas["ProductTranslationOut"]["properties"]) == {
        "language",
        "title",
        "description",
    }
    article_translations = schemas["ArticleOut"]["properties"]["translations"]["items"]
    assert article_translations == {"$ref": "#/components/schemas/TranslationOut"}

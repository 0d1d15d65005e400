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
from ninja.params.models import BodyModel
from pydantic import BaseModel

from storedesk.config.api import api
from storedesk.livechat.api import widget_api

pytestmark = pytest.mark.django_db
DOCUMENTS = ["/api/v1/openapi.json", "/widget/v1/openapi.json"]


def _models_of(annotation: object) -> list[type[BaseModel]]:
    found = []
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        found.append(annotation)
    for argument in getattr(annotation, "__args__", ()):
        found += _models_of(argument)
    return found


def _every_model(ninja_api: Any) -> set[type[BaseModel]]:
    """Each model a request body or an answer is described with, and every model inside
    those: the document's components. (Query and path parameters are spelled out one by
    one instead.)"""
    pending: list[type[BaseModel]] = []
    for _prefix, router in ninja_api._routers:
        for path_view in router.path_operations.values():
            for operation in path_view.operations:
                for model in operation.models:
                    if issubclass(model, BodyModel):
                        for field in model.model_fields.values():
                            pending += _models_of(field.annotation)
                for response in operation.response_models.values():
                    if isinstance(response, type) and issubclass(response, BaseModel):
                        pending += _models_of(response.model_fields["response"].annotation)
    seen: set[type[BaseModel]] = set()
    while pending:
        model = pending.pop()
        if model not in seen:
            seen.add(model)
            for field in model.model_fields.values():
                pending += _models_of(field.annotation)
    return seen


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

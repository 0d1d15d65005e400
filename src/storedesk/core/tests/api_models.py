"""The pydantic models an API (a ninja ``NinjaAPI``) reads request bodies with and describes
its answers with, for tests that check every one of them."""

from collections.abc import Iterable, Iterator
from typing import Any

from ninja.params.models import BodyModel
from pydantic import BaseModel


def models_of(annotation: object) -> list[type[BaseModel]]:
    """The models a type annotation names, inside ``list[...]`` or ``X | None`` too."""
    found = []
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        found.append(annotation)
    for argument in getattr(annotation, "__args__", ()):
        found += models_of(argument)
    return found


def _operations(ninja_api: Any) -> Iterator[Any]:
    for _prefix, router in ninja_api._routers:
        for path_view in router.path_operations.values():
            yield from path_view.operations


def body_models(ninja_api: Any) -> list[type[BaseModel]]:
    """The models the request bodies of ``ninja_api``'s operations are read with."""
    return [
        found
        for operation in _operations(ninja_api)
        for model in operation.models
        if issubclass(model, BodyModel)
        for field in model.model_fields.values()
        for found in models_of(field.annotation)
    ]


def response_models(ninja_api: Any) -> list[type[BaseModel]]:
    """The models the answers of ``ninja_api``'s operations are described with."""
    return [
        found
        for operation in _operations(ninja_api)
        for response in operation.response_models.values()
        if isinstance(response, type) and issubclass(response, BaseModel)
        for found in models_of(response.model_fields["response"].annotation)
    ]


def with_nested(models: Iterable[type[BaseModel]]) -> set[type[BaseModel]]:
    """``models`` and every model their fields hold, however deep."""
    pending = list(models)
    seen: set[type[BaseModel]] = set()
    while pending:
        model = pending.pop()
        if model not in seen:
            seen.add(model)
            for field in model.model_fields.values():
                pending += models_of(field.annotation)
    return seen

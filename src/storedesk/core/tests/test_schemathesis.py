"""Property-based API testing: schemathesis generates valid and invalid requests for every
operation of the OpenAPI document; none may cause a 5xx or a response that breaks the schema."""

import os
from collections.abc import Iterator
from typing import Any

import pytest
import schemathesis
from django.core import signals
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from storedesk.accounts.actions import do_create_api_token
from storedesk.accounts.tests.factories import StoreFactory
from storedesk.config.wsgi import application
from storedesk.orders.tests.factories import LineItemFactory, OrderFactory, ShipmentFactory

EXAMPLES_PER_OPERATION = int(os.environ.get("STOREDESK_FUZZ_EXAMPLES", "20"))

config = schemathesis.Config.from_dict(
    {
        "generation": {
            "mode": "all",
            "max-examples": EXAMPLES_PER_OPERATION,
            "deterministic": True,
            "database": "none",
        }
    }
)
schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", application, config=config)


@pytest.fixture
def _keep_the_test_connection() -> Iterator[None]:
    # The WSGI handler closes database connections at the end of each request; inside a
    # test's transaction that would close the test's own connection (Django's test client
    # disconnects the same signals).
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@pytest.fixture
def token(db: None, _keep_the_test_connection: None) -> str:
    """A store with a little data for generated ids to find, and its API token."""
    store = StoreFactory(slug="fuzz")
    for _ in range(3):
        order = OrderFactory(customer__store=store)
        LineItemFactory(order=order)
        ShipmentFactory(order=order)
    _, raw = do_create_api_token(store, name="fuzz")
    return raw


@schema.parametrize()
@settings(
    deadline=None,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.filter_too_much,
    ],
)
def test_no_request_breaks_the_api(case: schemathesis.Case[Any], token: str) -> None:
    case.call_and_validate(
        headers={"Authorization": f"Bearer {token}"},
        checks=[
            not_a_server_error,
            status_code_conformance,
            content_type_conformance,
            response_schema_conformance,
        ],
    )
